package images

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sample is a small image with a gradient, so that scaling has work to do.
func sample(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	return img
}

func encoded(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&buf, sample(w, h))
	case "jpeg":
		err = jpeg.Encode(&buf, sample(w, h), nil)
	case "gif":
		err = gif.Encode(&buf, sample(w, h), nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSize(t *testing.T) {
	fixture := func(name string) []byte {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		want   Info
		errHas string
	}{
		{name: "a.png", data: encoded(t, "png", 7, 3), want: Info{7, 3, "png", 0}},
		{name: "a.jpg", data: encoded(t, "jpeg", 9, 4), want: Info{9, 4, "jpeg", 1}},
		{name: "a.gif", data: encoded(t, "gif", 5, 8), want: Info{5, 8, "gif", 0}},
		{name: "a.webp", data: fixture("solid-3x2.webp"), want: Info{3, 2, "webp", 0}},
		{name: "viewbox.svg", data: fixture("viewbox.svg"), want: Info{640, 360, "svg", 0}},
		{name: "sized.SVG", data: fixture("sized.svg"), want: Info{120, 80, "svg", 0}},
		{name: "wrong-extension.jpg", data: encoded(t, "png", 2, 6), want: Info{2, 6, "png", 0}},
		{name: "text.png", data: []byte("not an image at all"), errHas: "not a PNG, JPEG, GIF or WebP"},
		{name: "cut.png", data: encoded(t, "png", 7, 3)[:20], errHas: "header cannot be read"},
		{name: "empty.jpg", data: nil, errHas: "empty"},
		{name: "html.svg", data: []byte("<html><body></body></html>"), errHas: "root element is <html>"},
	} {
		got, err := Size(tc.name, bytes.NewReader(tc.data))
		if tc.errHas != "" {
			if err == nil || !strings.Contains(err.Error(), tc.errHas) {
				t.Errorf("Size(%s) = %v, %v; want an error saying %q", tc.name, got, err, tc.errHas)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Size(%s) = %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
}

func TestSVGSize(t *testing.T) {
	for _, tc := range []struct {
		svg  string
		w, h int // 0, 0 for an error
	}{
		{`<svg width="100" height="50"/>`, 100, 50},
		{`<svg width="1in" height="0.5in"/>`, 96, 48},
		{`<svg width="10mm" height="72pt"/>`, 38, 96},
		{`<svg width="200" viewBox="0 0 40 10"/>`, 200, 50},
		{`<svg height="30" viewBox="0,0,40,10"/>`, 120, 30},
		{`<svg width="100%" height="100%" viewBox="-5 -5 300 150"/>`, 300, 150},
		{`<svg width="2em" height="1em" viewBox="0 0 16 8"/>`, 16, 8},
		{`<?xml version="1.0"?><!DOCTYPE svg><!-- c --><svg viewBox="0 0 1.4 1.6"/>`, 1, 2},
		{`<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="3" height="4"/>`, 3, 4},
		{"\xef\xbb\xbf<svg width=\"5\" height=\"6\"/>", 5, 6},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><svg width="7" height="8"/>`, 7, 8},
		{`<svg width="100"/>`, 0, 0},
		{`<svg viewBox="0 0 0 10"/>`, 0, 0},
		{`<svg width="-10" height="10"/>`, 0, 0},
		{`<svg width="NaN" height="Inf"/>`, 0, 0},
		{`<svg width="1e300" height="1"/>`, 0, 0},
		{`hello <svg width="1" height="1"/>`, 0, 0},
		{`<svg width="1" height="1"`, 0, 0},
		{``, 0, 0},
	} {
		w, h, err := SVGSize(strings.NewReader(tc.svg))
		if tc.w == 0 {
			if err == nil {
				t.Errorf("SVGSize(%q) = %d, %d; want an error", tc.svg, w, h)
			}
			continue
		}
		if err != nil || w != tc.w || h != tc.h {
			t.Errorf("SVGSize(%q) = %d, %d, %v; want %d, %d", tc.svg, w, h, err, tc.w, tc.h)
		}
	}
}

// FuzzSVGSize feeds SVGSize arbitrary files, as a site's images are
// untrusted input: it must never panic, and a size it returns is
// positive and within bounds.
func FuzzSVGSize(f *testing.F) {
	for _, s := range []string{`<svg width="100" height="50"/>`, `<svg viewBox="0 0 40 10" width="2cm"/>`, `<?xml version="1.0"?><!--x--><svg/>`, "<svg width=\"1e9\" height=\"1\">", "\xef\xbb\xbf<svg viewBox='1 2 3 4'>"} {
		f.Add([]byte(s))
	}
	for _, name := range []string{"testdata/viewbox.svg", "testdata/sized.svg"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		w, h, err := SVGSize(bytes.NewReader(data))
		if err != nil {
			return
		}
		if w < 1 || h < 1 || w > maxSide+1 || h > maxSide+1 {
			t.Errorf("SVGSize(%q) = %d, %d", data, w, h)
		}
	})
}

func TestResize(t *testing.T) {
	for _, format := range []string{"png", "jpeg"} {
		src := encoded(t, format, 100, 60)
		info, err := Size("x", bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		a, err := Resize(src, info, 40)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Resize(src, info, 40)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two copies of the same image differ", format)
		}
		got, err := Size("x", bytes.NewReader(a))
		if err != nil || got.Width != 40 || got.Height != 24 || got.Format != format {
			t.Errorf("%s: the copy is %+v, %v; want 40 by 24 in %s", format, got, err, format)
		}
	}
	gifInfo := Info{Width: 100, Height: 60, Format: "gif"}
	if _, err := Resize(encoded(t, "gif", 100, 60), gifInfo, 40); err == nil {
		t.Error("a GIF image was resized")
	}
	if _, err := Resize(encoded(t, "png", 100, 60), Info{Width: 100, Height: 60, Format: "png"}, 100); err == nil {
		t.Error("a copy as wide as the image was made")
	}
}

func TestKey(t *testing.T) {
	a, b := []byte("one"), []byte("two")
	if Key(a, 480) == Key(b, 480) || Key(a, 480) == Key(a, 800) || Key(a, 480) != Key([]byte("one"), 480) {
		t.Error("keys do not follow the source's bytes and the width")
	}
}

func TestCache(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	key := Key([]byte("src"), 480)
	if _, ok := c.Get(key); ok {
		t.Fatal("an empty cache has a copy")
	}
	if err := c.Put(key, []byte("copy")); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Get(key); !ok || string(got) != "copy" {
		t.Errorf("Get = %q, %v", got, ok)
	}
	if _, ok := (Cache{}).Get(key); ok {
		t.Error("a cache with no folder has a copy")
	}
}

// TestCachePrune removes the copies no build used and the leftovers of
// writes, once older than the grace time, and nothing else.
func TestCachePrune(t *testing.T) {
	c := Cache{Dir: t.TempDir()}
	used, unused, fresh := Key([]byte("a"), 480), Key([]byte("b"), 480), Key([]byte("c"), 480)
	for _, k := range []string{used, unused, fresh} {
		if err := c.Put(k, []byte("copy")); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	old := now.Add(-48 * time.Hour)
	leftover := filepath.Join(c.Dir, used[:2], ".new-123")
	stranger := filepath.Join(c.Dir, used[:2], "notes.txt")
	for _, p := range []string{leftover, stranger} {
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{filepath.Join(c.Dir, used[:2], used), filepath.Join(c.Dir, unused[:2], unused), leftover, stranger} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	n, err := c.Prune(func(k string) bool { return k == used }, 24*time.Hour, now)
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v; want 2 (the unused copy and the leftover)", n, err)
	}
	for k, want := range map[string]bool{used: true, unused: false, fresh: true} {
		if _, ok := c.Get(k); ok != want {
			t.Errorf("after Prune, Get(%s…) = %v, want %v", k[:8], ok, want)
		}
	}
	for p, want := range map[string]bool{leftover: false, stranger: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s kept: %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	if n, err := (Cache{}).Prune(func(string) bool { return false }, 0, now); n != 0 || err != nil {
		t.Errorf("a cache with no folder: %d, %v", n, err)
	}
}
