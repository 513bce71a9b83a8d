package layout

import (
	"errors"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// theme is a small built-in theme: a base, a partial and two pages.
var theme = fstest.MapFS{
	"layouts/baseof.html":          {Data: []byte(`<html>{{block "main" .}}{{end}}{{template "partials/footer.html" .}}</html>`)},
	"layouts/partials/footer.html": {Data: []byte(`<footer>theme footer</footer>`)},
	"layouts/single.html":          {Data: []byte(`{{define "main"}}<p>single {{.Page.Title}}</p>{{end}}`)},
	"layouts/list.html":            {Data: []byte(`{{define "main"}}<p>list</p>{{end}}`)},
	"layouts/notes.txt":            {Data: []byte(`not a template`)},
}

func load(t *testing.T, site fstest.MapFS) (*Set, error) {
	t.Helper()
	files, err := Merge("layouts", func(name string) bool { return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") }, site, theme)
	if err != nil {
		t.Fatal(err)
	}
	return Load(template.FuncMap{}, files, map[string]*Words{"en": {Lang: "en"}})
}

// data is a page to render, in English.
var data = &Data{Site: &Site{Language: "en"}, Page: &Page{Title: "data"}}

func execute(t *testing.T, s *Set, name string) string {
	t.Helper()
	var b strings.Builder
	if err := s.Execute(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestOverrides: a site's file replaces the theme's of the same name, file
// by file; the others stay the theme's; hidden and backup files are
// passed over.
func TestOverrides(t *testing.T) {
	s, err := load(t, fstest.MapFS{
		"layouts/partials/footer.html":  {Data: []byte(`<footer>our footer</footer>`)},
		"layouts/single.html~":          {Data: []byte(`{{define "main"}}backup{{end}}`)},
		"layouts/.list.html.swp":        {Data: []byte(`junk`)},
		"layouts/events/list.html":      {Data: []byte(`{{define "main"}}<p>events</p>{{end}}`)},
		"layouts/partials/.hidden.html": {Data: []byte(`{{.Nope`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := execute(t, s, "single.html"); got != `<html><p>single data</p><footer>our footer</footer></html>` {
		t.Errorf("single.html: %s", got)
	}
	if got := execute(t, s, "events/list.html"); !strings.Contains(got, "events") {
		t.Errorf("events/list.html: %s", got)
	}
	if s.Lookup("tag.html", "list.html") != "list.html" || s.Has("notes.txt") || s.Has("single.html~") {
		t.Error("Lookup or Has")
	}
}

// TestErrors: a template that cannot be parsed or run is an *Error with
// its file and line.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		site fstest.MapFS
		run  string // a template to run, when loading succeeds
		want string
	}{
		{"parse error in a page", fstest.MapFS{"layouts/single.html": {Data: []byte("{{define \"main\"}}\n<p>\n{{.Nope</p>{{end}}")}}, "", "layouts/single.html:3:"},
		{"parse error in a partial", fstest.MapFS{"layouts/partials/footer.html": {Data: []byte("<footer>\n{{if}}</footer>")}}, "", "layouts/partials/footer.html:2:"},
		{"run error", fstest.MapFS{"layouts/list.html": {Data: []byte("{{define \"main\"}}\n\n{{.Field}}{{end}}")}}, "list.html", "layouts/list.html:3:"},
		{"a page template missing", fstest.MapFS{}, "tag.html", "layouts/tag.html: missing"},
	} {
		s, err := load(t, tc.site)
		if err == nil && tc.run != "" {
			err = s.Execute(&strings.Builder{}, tc.run, data)
		}
		var le *Error
		if !errors.As(err, &le) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an *Error starting %q", tc.name, err, tc.want)
		}
	}
	files, err := Merge("layouts", func(string) bool { return false }, fstest.MapFS{"layouts/single.html": {Data: []byte("x")}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(template.FuncMap{}, files, nil); err == nil || !strings.Contains(err.Error(), "layouts/baseof.html") {
		t.Errorf("no base: %v", err)
	}
}
