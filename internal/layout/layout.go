// Package layout holds the html/template set that turns pages into HTML,
// the view values the templates see, and what the templates own besides:
// the IDs they give elements (which headings may not take), the fixed
// words of the pages pamphlet makes, and the preview's box of findings. A
// site's own layouts/ files override the built-in theme's file by file.
package layout

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Base is the template every page is rendered through; the page's own
// template defines "main" (and may define "head").
const Base = "baseof.html"

// Set is a parsed template set: one template per page template file,
// each combined with the base and the partials, for each language, whose
// word and date functions speak it.
type Set struct {
	byLang map[string]map[string]*template.Template
	names  []string // the page templates, sorted
}

// Merge lists the files under dir across layers, the first layer that has
// a file winning, and returns which layer each relative path comes from.
// Files and folders whose names ignore reports are left out.
func Merge(dir string, ignore func(name string) bool, layers ...fs.FS) (map[string]fs.FS, error) {
	out := map[string]fs.FS{}
	for _, layer := range layers {
		if layer == nil {
			continue
		}
		err := fs.WalkDir(layer, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == dir {
					return fs.SkipDir
				}
				return err
			}
			if p != dir && ignore(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if _, ok := out[rel]; !ok {
				out[rel] = layer
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Error is a template that cannot be parsed or run, at a file and line.
type Error struct {
	File string // such as layouts/single.html
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var templateErr = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::\d+)?: (.*)$`)

// asError turns a text/template or html/template error into an *Error
// naming the layout file and line.
func asError(err error, fallback string) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "html/template:")
	if m := templateErr.FindStringSubmatch(strings.TrimSpace(msg)); m != nil {
		var line int
		fmt.Sscan(m[2], &line)
		return &Error{File: "layouts/" + m[1], Line: line, Msg: m[3]}
	}
	return &Error{File: "layouts/" + fallback, Msg: strings.TrimPrefix(strings.TrimSpace(msg), "template: ")}
}

// Load parses the .html files of a site's layouts: files is what Merge
// returned for "layouts" (the site first, then the built-in theme). funcs
// are the functions templates may call; besides them, templates call
// word and date (see Words.Word and Words.Date) in the words of the
// page's language, one of those of words.
func Load(funcs template.FuncMap, files map[string]fs.FS, words map[string]*Words) (*Set, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(files[name], path.Join("layouts", name))
		return string(b), err
	}
	if _, ok := files[Base]; !ok {
		return nil, &Error{File: "layouts/" + Base, Msg: "missing: every site needs the base layout"}
	}
	// The templates are parsed once, with words that know nothing, and
	// cloned for each language with its own.
	base := template.New(Base).Funcs(funcs).Funcs((&Words{}).funcs())
	var names []string
	for _, n := range slices.Sorted(maps.Keys(files)) {
		if strings.HasSuffix(n, ".html") {
			names = append(names, n)
		}
	}
	for _, n := range names {
		if n != Base && !strings.HasPrefix(n, "partials/") {
			continue
		}
		src, err := read(n)
		if err != nil {
			return nil, err
		}
		t := base
		if n != Base {
			t = base.New(n)
		}
		if _, err := t.Parse(src); err != nil {
			return nil, asError(err, n)
		}
	}
	parsed := map[string]*template.Template{}
	s := &Set{byLang: map[string]map[string]*template.Template{}}
	for _, n := range names {
		if n == Base || strings.HasPrefix(n, "partials/") {
			continue
		}
		src, err := read(n)
		if err != nil {
			return nil, err
		}
		t, err := base.Clone()
		if err != nil {
			return nil, asError(err, n)
		}
		if _, err := t.New(n).Parse(src); err != nil {
			return nil, asError(err, n)
		}
		parsed[n] = t
		s.names = append(s.names, n)
	}
	for _, lang := range slices.Sorted(maps.Keys(words)) {
		byName := map[string]*template.Template{}
		for n, t := range parsed {
			c, err := t.Clone()
			if err != nil {
				return nil, asError(err, n)
			}
			byName[n] = c.Funcs(words[lang].funcs())
		}
		s.byLang[lang] = byName
	}
	return s, nil
}

// Has reports whether the set has a page template of that name.
func (s *Set) Has(name string) bool { _, ok := slices.BinarySearch(s.names, name); return ok }

// Lookup returns the first of the names the set has, or "".
func (s *Set) Lookup(names ...string) string {
	for _, n := range names {
		if s.Has(n) {
			return n
		}
	}
	return ""
}

// Execute renders data through the base template with the named page
// template's blocks, in the words of the language of data's site.
func (s *Set) Execute(w io.Writer, name string, data *Data) error {
	lang := ""
	if data != nil && data.Site != nil {
		lang = data.Site.Language
	}
	byName, ok := s.byLang[lang]
	if !ok {
		return &Error{File: WordsFile(lang), Msg: fmt.Sprintf("no words loaded for the language %q", lang)}
	}
	t, ok := byName[name]
	if !ok {
		return &Error{File: "layouts/" + name, Msg: "missing"}
	}
	if err := t.ExecuteTemplate(w, Base, data); err != nil {
		return asError(err, name)
	}
	return nil
}
