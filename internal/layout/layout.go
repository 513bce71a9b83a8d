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

// Set is a parsed template set: one template per page template file, each
// combined with the base and the partials.
type Set struct {
	byName map[string]*template.Template
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
// are the functions templates may call.
func Load(funcs template.FuncMap, files map[string]fs.FS) (*Set, error) {
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(files[name], path.Join("layouts", name))
		return string(b), err
	}
	if _, ok := files[Base]; !ok {
		return nil, &Error{File: "layouts/" + Base, Msg: "missing: every site needs the base layout"}
	}
	base := template.New(Base).Funcs(funcs)
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
	s := &Set{byName: map[string]*template.Template{}}
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
		s.byName[n] = t
	}
	return s, nil
}

// Has reports whether the set has a page template of that name.
func (s *Set) Has(name string) bool { _, ok := s.byName[name]; return ok }

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
// template's blocks.
func (s *Set) Execute(w io.Writer, name string, data any) error {
	t, ok := s.byName[name]
	if !ok {
		return &Error{File: "layouts/" + name, Msg: "missing"}
	}
	if err := t.ExecuteTemplate(w, Base, data); err != nil {
		return asError(err, name)
	}
	return nil
}
