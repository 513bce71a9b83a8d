package markdown

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testResolver rewrites relative .md links the way a site would, so the
// golden files show which destinations were resolved.
func testResolver(dest string) (string, bool) {
	if strings.Contains(dest, ".md") {
		return "/resolved/" + strings.ReplaceAll(dest, ".md", "/"), true
	}
	return "", false
}

// TestRender renders each testdata/render/*.md and compares the result
// with the .html file beside it. Run one case with -run TestRender/NAME.
func TestRender(t *testing.T) {
	m := New(Options{EmergencyNumber: "911"})
	files, _ := filepath.Glob("testdata/render/*.md")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got, err := m.RenderString(string(src), testResolver)
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".md") + ".html"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", f, golden, got, want)
			}
		})
	}
}

func TestLinksAndHeadings(t *testing.T) {
	m := New(Options{})
	src := []byte("# One\n\nText [a link](flu.md) and ![alt text](x.png).\n\n## Two {#second}\n")
	doc := m.Parse(src)
	if len(doc.Links) != 2 {
		t.Fatalf("links: %+v", doc.Links)
	}
	if l := doc.Links[0]; l.Dest != "flu.md" || string(src[l.Offset:l.Offset+7]) != "[a link" || l.Text != "a link" {
		t.Errorf("link: %+v at %q", l, src[l.Offset:])
	}
	if l := doc.Links[1]; !l.Image || string(src[l.Offset:l.Offset+4]) != "![al" || l.Text != "alt text" {
		t.Errorf("image: %+v", l)
	}
	if len(doc.Headings) != 2 || doc.Headings[0].ID != "one" || doc.Headings[1].ID != "second" || doc.Headings[1].Level != 2 {
		t.Errorf("headings: %+v", doc.Headings)
	}
	if h := doc.Headings[1]; string(src[h.Offset:h.Offset+3]) != "Two" {
		t.Errorf("heading offset points at %q", src[h.Offset:])
	}
}

func TestCalloutTypes(t *testing.T) {
	m := New(Options{})
	for typ, label := range CalloutTypes {
		got, err := m.RenderString("> [!"+typ+"]\n> Text.\n", nil)
		if err != nil {
			t.Fatal(err)
		}
		html := string(got)
		label = strings.ReplaceAll(label, "'", "&#39;")
		cls, shown := `class="callout callout-`+strings.ToLower(typ)+`"`, `<p class="callout-label">`+label+`</p>`
		if slices.Contains(CareLevels, typ) {
			// The level is said, not shown: a hidden prefix on the heading.
			cls, shown = `class="callout care callout-`+strings.ToLower(typ)+`"`, `<p class="callout-heading"><span class="visually-hidden">`+label+`: </span>`
		}
		if !strings.Contains(html, cls) || !strings.Contains(html, shown) || strings.Contains(html, "[!") {
			t.Errorf("%s rendered as %s", typ, got)
		}
	}
}

func FuzzRender(f *testing.F) {
	files, _ := filepath.Glob("testdata/render/*.md")
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Add("> [!NOTE]")
	f.Add("> [!NOTE]\n> [!TIP]\n")
	m := New(Options{EmergencyNumber: "911"})
	f.Fuzz(func(t *testing.T, src string) {
		doc := m.Parse([]byte(src))
		for _, l := range doc.Links {
			if l.Offset < 0 || l.Offset > len(src) {
				t.Fatalf("link offset %d outside %d bytes", l.Offset, len(src))
			}
		}
		out, err := m.Render(doc, testResolver)
		if err != nil {
			t.Fatal(err)
		}
		low := strings.ToLower(string(out))
		if strings.Contains(low, "<script") || strings.Contains(low, `href="javascript:`) || strings.Contains(low, `src="javascript:`) {
			t.Fatalf("unsafe output for %q: %s", src, out)
		}
	})
}

// TestReservedIDs: a heading never takes an ID the page around the body
// uses, and still gets an ID of its own.
func TestReservedIDs(t *testing.T) {
	m := New(Options{Reserved: func(id string) bool {
		return id == "sources" || strings.HasPrefix(id, "faq-") && !strings.HasSuffix(id, "section")
	}})
	doc := m.Parse([]byte("## Sources\n\n## FAQ 1\n\n## Sources\n\n## Other\n"))
	var got []string
	for _, h := range doc.Headings {
		got = append(got, h.ID)
	}
	if want := "sources-section faq-1-section sources-1 other"; strings.Join(got, " ") != want {
		t.Errorf("IDs %q, want %q", got, want)
	}
	// Without Reserved, goldmark's own IDs.
	if doc := New(Options{}).Parse([]byte("## Sources\n")); doc.Headings[0].ID != "sources" {
		t.Errorf("ID %q", doc.Headings[0].ID)
	}
}

// TestRenderAgain: rendering leaves the document as parsed, so that it can
// be rendered again with other destinations (the preview does, when the
// page a link leads to is published or drafted).
func TestRenderAgain(t *testing.T) {
	md := New(Options{})
	doc := md.Parse([]byte("See [the flu page](flu.md) and ![a chart](chart.png), or [elsewhere](https://example.org/).\n"))
	before := doc.VisibleSum()
	draft := func(dest string) (string, bool) {
		switch dest {
		case "flu.md":
			return "", true
		case "chart.png":
			return "/img/chart.png", true
		}
		return "", false
	}
	published := func(dest string) (string, bool) {
		if dest == "flu.md" {
			return "/flu/", true
		}
		return draft(dest)
	}
	for i, tc := range []struct {
		resolve Resolver
		want    string
	}{
		{draft, `<p>See the flu page and <img src="/img/chart.png" alt="a chart">, or <a href="https://example.org/">elsewhere</a>.</p>`},
		{published, `<p>See <a href="/flu/">the flu page</a> and <img src="/img/chart.png" alt="a chart">, or <a href="https://example.org/">elsewhere</a>.</p>`},
		{nil, `<p>See <a href="flu.md">the flu page</a> and <img src="chart.png" alt="a chart">, or <a href="https://example.org/">elsewhere</a>.</p>`},
		{draft, `<p>See the flu page and <img src="/img/chart.png" alt="a chart">, or <a href="https://example.org/">elsewhere</a>.</p>`},
	} {
		got, err := md.Render(doc, tc.resolve)
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(string(got)) != tc.want {
			t.Errorf("render %d:\n got %s\nwant %s", i+1, got, tc.want)
		}
	}
	if doc.VisibleSum() != before || len(doc.Links) != 3 || string(doc.Links[0].Node.(*ast.Link).Destination) != "flu.md" {
		t.Error("rendering changed the document")
	}
}

// TestCountWords checks countWords against the words bytes.Fields finds,
// on text of spaces, marks, letters, digits and broken UTF-8.
func TestCountWords(t *testing.T) {
	fields := func(b []byte) int {
		n := 0
		for _, f := range bytes.Fields(b) {
			if bytes.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				n++
			}
		}
		return n
	}
	pieces := []string{" ", "\t", "\n", "\u00a0", "\u2003", "word", "é", "7", "**", "-", "[", "](x.md)", "\xff", "\xe2\x80", "ñandú", "日本"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b []byte
		for range rng.IntN(20) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		if got, want := countWords(b), fields(b); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", b, got, want)
		}
	}
}
