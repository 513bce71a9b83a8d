package build

import (
	"fmt"
	"path"
	"regexp"

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
	m *minify.M
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
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
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
