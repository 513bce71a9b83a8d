package build

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// TestPicturesKeepFingerprint renders a page whose image gets its size,
// copies and lazy loading, and requires the page's fingerprint, taken
// from the parse, to be what it was before rendering.
func TestPicturesKeepFingerprint(t *testing.T) {
	dir := t.TempDir()
	img := image.NewNRGBA(image.Rect(0, 0, 1000, 400))
	for y := range 400 {
		for x := range 1000 {
			img.Set(x, y, color.NRGBA{uint8(x / 4), uint8(y / 2), 99, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"pamphlet.yaml":                  "title: Test\nbase_url: https://example.org/\nclinical_sections: [articles]\nreviewers: {sam: {name: Sam, clinical: true}}\n",
		"content/articles/chart.md":      "---\ntitle: A chart of doses\ndescription: A chart of the doses of a medicine for children, by age, for parents to check.\n---\nSee the chart.\n\n![Doses by age](img/chart.png)\n\n![Doses again](img/chart.png)\n",
		"content/articles/img/chart.png": buf.String(),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme, NoImageCache: true})
	if err != nil {
		t.Fatal(err)
	}
	var before string
	var page int
	for i, pg := range p.Pages {
		if pg.File == "content/articles/chart.md" {
			page = i
			before, _ = review.Fingerprint(pg.Parsed(), p.Files())
		}
	}
	r, err := p.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	r.Plan(p)
	rendered, err := r.Render(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var html string
	for i := range r.Jobs() {
		if r.Out(i) == "articles/chart/index.html" {
			html = string(rendered[i])
		}
	}
	for _, want := range []string{`width="1000" height="400" srcset="/articles/img/chart-480w.`, `800w, /articles/img/chart.png 1000w"`, `alt="Doses again" width="1000" height="400"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s:\n%s", want, html)
		}
	}
	after, _ := review.Fingerprint(p.Pages[page].Parsed(), p.Files())
	if before == "" || after != before {
		t.Errorf("the fingerprint was %s before rendering and %s after", before, after)
	}
}
