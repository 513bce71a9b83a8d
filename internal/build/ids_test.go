package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// footnoteID is the form of the IDs markdown.FootnoteID and
// markdown.FootnoteRefID give footnotes and the places that cite them:
// letters, digits and hyphens alone, so a CSS selector needs no escapes.
var footnoteID = regexp.MustCompile(`^fn-\d+$|^fnref-\d+(-\d+)?$`)

// TestLayoutIDs renders every built-in template (the example site and the
// test sites between them use them all, and a site of headings that read
// like the layout's own) and checks each page: no ID twice, and every ID
// is one of the page's headings or footnotes, or one that
// layout.ReservedID covers, so that no heading can take it.
func TestLayoutIDs(t *testing.T) {
	sites := map[string]string{"example": exampleSite(t), "headings": headingsSite(t)}
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sites[filepath.Base(file)] = writeSite(t, a)
	}
	templates := map[string]bool{}
	for name, dir := range sites {
		p, err := Load(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme, NoMinify: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if finding.HasErrors(p.Findings) {
			p.Withhold()
		}
		headings := map[string][]string{} // by output file
		for _, pg := range p.Pages {
			if pg.Doc == nil {
				continue
			}
			for _, h := range pg.Doc.Headings {
				headings[outPath(pg.URL)] = append(headings[outPath(pg.URL)], h.ID)
			}
		}
		r, err := p.newRenderer()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r.plan()
		for _, j := range r.jobs {
			templates[j.template] = true
		}
		out, err := p.Render(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for file, data := range out.Files {
			if !strings.HasSuffix(file, ".html") {
				continue
			}
			seen := map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
				id := m[1]
				if seen[id] {
					t.Errorf("%s: %s has two elements with id=%q", name, file, id)
				}
				seen[id] = true
				if !layout.ReservedID(id) && !footnoteID.MatchString(id) && !slices.Contains(headings[file], id) {
					t.Errorf("%s: %s has id=%q, which is neither a heading's nor one layout.ReservedID covers", name, file, id)
				}
			}
		}
	}
	for _, name := range []string{"home.html", "list.html", "single.html", "tag.html", "tags.html", "trust.html", "accessibility.html", "404.html", "faq/list.html", "events/list.html"} {
		if !templates[name] {
			t.Errorf("no site renders %s", name)
		}
	}
}

// headingsSite is the example site with headings in its pages that read
// like the IDs of the layout: each must get an ID of its own.
func headingsSite(t *testing.T) string {
	dir := exampleSite(t)
	add := "\n\n## Topics\n\nText.\n\n## Main\n\nText.\n\n## Sources\n\nText.\n\n## Home news\n\nText.\n\n## Az a\n\nText.\n\n## Topic sleep\n\nText.\n\n## FAQ 1\n\nText.\n\n## Events past\n\nText.\n\n## Fn 1\n\nText.\n\n## Fnref 1\n\nText.\n"
	for _, f := range []string{"content/faq/_index.md", "content/_index.md", "content/events/_index.md", "content/articles/handwashing.md"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(b, add...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
