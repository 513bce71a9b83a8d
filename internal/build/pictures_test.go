package build

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/images"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// pictureSite writes a site with one page showing a PNG image
// 1000 by 400 pixels twice, and returns its folder.
func pictureSite(t *testing.T) string {
	t.Helper()
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
		"pamphlet.yaml":                  "title: Test\nbase_url: https://example.org/\nclinical_sections: []\n",
		"content/articles/chart.md":      "---\ntitle: Our opening hours\ndescription: A chart of the hours the clinic is open on each day of the week, for everyone who visits.\n---\nSee the chart.\n\n![Hours by day](img/chart.png)\n\n![Hours again](img/chart.png)\n",
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
	return dir
}

// TestPicturesKeepFingerprint renders a page whose image gets its size,
// copies and lazy loading, and requires the page's fingerprint, taken
// from the parse, to be what it was before rendering.
func TestPicturesKeepFingerprint(t *testing.T) {
	dir := pictureSite(t)
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
	for _, want := range []string{`width="1000" height="400" srcset="/articles/img/chart-480w.`, `800w, /articles/img/chart.png 1000w"`, `alt="Hours again" width="1000" height="400"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s:\n%s", want, html)
		}
	}
	after, _ := review.Fingerprint(p.Pages[page].Parsed(), p.Files())
	if before == "" || after != before {
		t.Errorf("the fingerprint was %s before rendering and %s after", before, after)
	}
}

// TestCopyCache builds a site twice into one cache, then spoils the
// cached copies and builds again: the second build takes every copy from
// the cache, the third makes them again, and all three write the same
// bytes.
func TestCopyCache(t *testing.T) {
	dir := pictureSite(t)
	cache := filepath.Join(t.TempDir(), "cache")
	var outs []map[string]string
	build := func(wantMade, wantReused int) {
		t.Helper()
		dest := filepath.Join(t.TempDir(), "out")
		res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme, ImageCache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if finding.HasErrors(res.Findings) || res.Copies.Made() != wantMade || res.Copies.Reused() != wantReused {
			t.Fatalf("refused %v, %d copies made and %d taken from the cache, want %d and %d: %v", res.Refused, res.Copies.Made(), res.Copies.Reused(), wantMade, wantReused, res.Findings)
		}
		outs = append(outs, tree(t, dest))
	}
	build(2, 0) // 480 and 800 pixels wide
	build(0, 2)
	err := filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			err = os.WriteFile(p, []byte("spoilt"), 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	build(2, 0)
	for i := 1; i < len(outs); i++ {
		if len(outs[i]) != len(outs[0]) {
			t.Fatalf("build %d wrote %d files, the first %d", i+1, len(outs[i]), len(outs[0]))
		}
		for name, data := range outs[0] {
			if outs[i][name] != data {
				t.Errorf("%s differs between builds 1 and %d", name, i+1)
			}
		}
	}
	// A copy no page uses goes once no build has written it for a while;
	// one written lately stays, as another build may be using it.
	stale, recent := images.Key([]byte("an image no page shows"), 480), images.Key([]byte("another"), 480)
	c := images.Cache{Dir: cache}
	for _, k := range []string{stale, recent} {
		if err := c.Put(k, []byte("copy")); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-pruneGrace - time.Hour)
	if err := os.Chtimes(filepath.Join(cache, stale[:2], stale), old, old); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), Options{Source: dir, Dest: filepath.Join(t.TempDir(), "out"), Today: today, Theme: pamphlet.Theme, ImageCache: cache})
	if err != nil || res.Copies.Pruned() != 1 || res.Copies.Reused() != 2 {
		t.Fatalf("pruned %d, reused %d, %v; want 1 and 2", res.Copies.Pruned(), res.Copies.Reused(), err)
	}
	for k, want := range map[string]bool{stale: false, recent: true} {
		if _, ok := c.Get(k); ok != want {
			t.Errorf("after the build, the cache has %s…: %v, want %v", k[:8], ok, want)
		}
	}
	build(0, 2) // the copies the pages use stayed
}
