package build

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier minifies output by file type; a nil *minifier leaves bytes as
// they are.
type minifier struct {
	m       *minify.M
	scripts *scripts
}

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".ics":  "",
}

func newMinifier() *minifier {
	m := minify.New()
	// Document and end tags are kept: some checkers and old browsers
	// expect them, and they cost little.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	scripts := &scripts{done: map[string][]byte{}}
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), scripts.minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m, scripts: scripts}
}

// bytes minifies data by the type its name says into new bytes, or returns
// data itself, unchanged.
func (mn *minifier) bytes(name string, data []byte) ([]byte, error) {
	if mn == nil {
		return data, nil
	}
	mt := mediaTypes[path.Ext(name)]
	if mt == "" {
		return data, nil
	}
	out, err := mn.m.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out, nil
}

// scripts minifies JavaScript, keeping the result for scripts it has
// seen: the theme's pages each carry the same few small inline scripts
// (the search box's prefetch, the alert banners' end), which would
// otherwise be parsed and minified again on every page.
type scripts struct {
	mu   sync.Mutex
	done map[string][]byte // minified, by the inline parameter and the script
}

// The scripts kept are no longer than scriptBytes, and at most
// scriptsKept of them: enough for a theme's, not every page's own.
const (
	scriptBytes = 4 << 10
	scriptsKept = 64
)

// minify is js.Minify, with what it made for a script seen before.
func (s *scripts) minify(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	src, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if len(src) > scriptBytes {
		return js.Minify(m, w, bytes.NewReader(src), params)
	}
	key := params["inline"] + "\x00" + string(src)
	s.mu.Lock()
	out, ok := s.done[key]
	s.mu.Unlock()
	if !ok {
		var buf bytes.Buffer
		if err := js.Minify(m, &buf, bytes.NewReader(src), params); err != nil {
			return err
		}
		out = buf.Bytes()
		s.mu.Lock()
		if len(s.done) < scriptsKept {
			s.done[key] = out
		}
		s.mu.Unlock()
	}
	_, err = w.Write(out)
	return err
}
