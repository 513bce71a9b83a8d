package markdown

import (
	"strings"
	"testing"
)

func TestRenderWithPictures(t *testing.T) {
	m := New(Options{})
	src := "![A chart](chart.png)\n\nSome words here.\n\n![A \"quoted\" map](map.png \"The map\")\n\n![Left alone](x.gif)\n"
	doc := m.Parse([]byte(src))
	var seen []int
	got, err := m.RenderWith(doc, func(dest string) (string, bool) { return "/img/" + dest, true }, func(l Link, n int) (Picture, bool) {
		seen = append(seen, n)
		switch l.Dest {
		case "chart.png":
			return Picture{Width: 1600, Height: 900, SrcSet: "/img/chart-480w.abc.png 480w, /img/chart.png 1600w", Sizes: "(max-width: 46rem) calc(100vw - 2rem), 44rem"}, true
		case "map.png":
			return Picture{Width: 10, Height: 20, Lazy: true, SrcSet: `a" onload="x`}, true
		}
		return Picture{}, false
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<img src="/img/chart.png" alt="A chart" width="1600" height="900" srcset="/img/chart-480w.abc.png 480w, /img/chart.png 1600w" sizes="(max-width: 46rem) calc(100vw - 2rem), 44rem">`,
		`<img src="/img/map.png" alt="A &ldquo;quoted&rdquo; map" title="The map" width="10" height="20" srcset="a&quot; onload=&quot;x" loading="lazy" decoding="async">`,
		`<img src="/img/x.gif" alt="Left alone">`,
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("the HTML lacks %s:\n%s", want, got)
		}
	}
	if len(seen) != 3 || seen[0] != 0 || seen[2] != 2 {
		t.Errorf("images numbered %v, want 0, 1, 2", seen)
	}
	// The document renders again as parsed.
	again, _ := m.Render(doc, nil)
	if strings.Contains(string(again), "width=") {
		t.Errorf("attributes stayed on the document:\n%s", again)
	}
}

func TestWordsBefore(t *testing.T) {
	doc := New(Options{}).Parse([]byte("# A title\n\n- one two, three\n- ![x](y.png)\n"))
	off := doc.Links[0].Offset
	if got := doc.WordsBefore(off); got != 5 {
		t.Errorf("WordsBefore = %d, want 5 (A title one two three)", got)
	}
	if doc.WordsBefore(-1) != 0 || doc.WordsBefore(1<<20) != 6 {
		t.Error("WordsBefore does not clamp its offset")
	}
}
