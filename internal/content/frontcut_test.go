package content

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

// TestFrontCut checks that a page parsed from the part of its file that
// frontCut gives the front matter parser splits where one parsed from the
// whole file does: random files of delimiter-like lines, keys, blank
// lines and body text, with CRLF and trailing spaces.
func TestFrontCut(t *testing.T) {
	lines := []string{"---", "+++", ";;;", "---yaml", "---toml", "---json", " --- ", "---\r", "--- x", "title: Flu", "a = 1", `{"title": "x"}`, "", "  ", "Body text.", "# Heading", "***"}
	rng := rand.New(rand.NewPCG(3, 4))
	short := 0 // files whose front matter was found in the part given
	for range 20000 {
		var b strings.Builder
		if rng.IntN(8) == 0 {
			b.WriteString("\uFEFF")
		}
		for k := range rng.IntN(9) {
			l := lines[rng.IntN(len(lines))]
			if k == 0 && rng.IntN(2) == 0 {
				l = []string{"---", "+++", ";;;", "---yaml"}[rng.IntN(4)]
			}
			b.WriteString(l)
			if rng.IntN(10) > 0 {
				b.WriteString([]string{"\n", "\r\n"}[rng.IntN(2)])
			}
		}
		src := []byte(b.String())
		skip := 0
		if bytes.HasPrefix(src, []byte("\uFEFF")) {
			skip = 3
		}
		var c captured
		rest, err := frontmatter.Parse(bytes.NewReader(src[skip:]), &c, formats...)
		if err != nil {
			t.Fatal(err)
		}
		want := len(src) - len(rest)
		var d captured
		in := src[skip:]
		cut := frontCut(in)
		rest, err = frontmatter.Parse(bytes.NewReader(in[:cut]), &d, formats...)
		if d.format != "" && cut < len(in) {
			short++
		}
		if err == nil && d.format == "" && cut < len(in) {
			cut = len(in)
			rest, err = frontmatter.Parse(bytes.NewReader(in), &d, formats...)
		}
		if err != nil {
			t.Fatal(err)
		}
		if got := skip + cut - len(rest); c.format != d.format || (c.format != "" && (got != want || !slices.Equal(c.data, d.data))) {
			t.Fatalf("%q: cut at %d gives %q body at %d, front matter %q; the whole file gives %q body at %d, front matter %q", src, cut, d.format, got, d.data, c.format, want, c.data)
		}
	}
	if short < 1000 {
		t.Errorf("only %d of 20,000 files had their front matter found in the part frontCut gives", short)
	}
}
