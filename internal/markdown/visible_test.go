package markdown

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The review gate's fingerprint is taken from Visible, so Visible must
// change exactly when what a reader gets changes. These tests compare it
// with an independent account of what the reader gets: the rendered HTML,
// with what a browser does not show taken out (see canonicalHTML).

var (
	idAttr   = regexp.MustCompile(` id="[^"]*"`)
	spaces   = regexp.MustCompile(`[ \t\n\r\f]+`)
	blockTag = regexp.MustCompile(` ?(</?(?:p|h[1-6]|ul|ol|li|blockquote|div|pre|table|thead|tbody|tr|th|td|hr|section)\b[^>]*>) ?`)
	preBlock = regexp.MustCompile(`(?s)<pre>(<code[^>]*>)(.*?)</code></pre>`)
)

// canonicalHTML returns the HTML the renderer wrote without what a reader
// cannot see: raw HTML it left out, IDs, and white space a browser
// collapses (outside <pre>, runs become one space, and none stands next
// to a block's edge; inside, spaces ending lines and blank lines ending
// the block go).
func canonicalHTML(h string) string {
	h = strings.ReplaceAll(h, "\r", "")
	h = strings.ReplaceAll(h, "<!-- raw HTML omitted -->", "")
	h = idAttr.ReplaceAllString(h, "")
	var out strings.Builder
	rest := h
	for {
		loc := preBlock.FindStringSubmatchIndex(rest)
		if loc == nil {
			out.WriteString(collapseHTML(rest))
			break
		}
		out.WriteString(collapseHTML(rest[:loc[0]]))
		code := strings.Split(rest[loc[4]:loc[5]], "\n")
		for i := range code {
			code[i] = strings.TrimRight(code[i], " \t\f")
		}
		for len(code) > 0 && code[len(code)-1] == "" {
			code = code[:len(code)-1]
		}
		fmt.Fprintf(&out, "<pre>%s%s</code></pre>", rest[loc[2]:loc[3]], strings.Join(code, "\n"))
		rest = rest[loc[1]:]
	}
	return out.String()
}

func collapseHTML(s string) string {
	s = spaces.ReplaceAllString(s, " ")
	s = blockTag.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}

var words = []string{"flu", "take", "two", "tablets", "rest", "fever", "call", "us", "asthma", "inhaler", "daily", "dose", "child", "water"}

func word(r *rand.Rand) string { return words[r.IntN(len(words))] }

// inline returns a line of text with inline constructs.
func inline(r *rand.Rand) string {
	var parts []string
	for range 2 + r.IntN(6) {
		w := word(r)
		switch r.IntN(22) {
		case 0:
			w = "*" + w + "*"
		case 1:
			w = "**" + w + "**"
		case 2:
			w = "_" + w + "_"
		case 3:
			w = "`" + w + "`"
		case 4:
			w = "[" + w + "](" + word(r) + ".md)"
		case 5:
			w = "[" + w + "](https://example.org/" + word(r) + ` "` + word(r) + `")`
		case 6:
			w = "![" + w + "](img/" + word(r) + ".png)"
		case 7:
			w = "<span>" + w + "</span>"
		case 8:
			w = "&amp; " + w + " &copy;"
		case 9:
			w = `\*` + w
		case 10:
			w = "~~" + w + "~~"
		case 11:
			w = w + "[^1]"
		case 12:
			w = `"` + w + `"`
		case 13:
			w = w + " --"
		case 14:
			w = "<https://example.org/" + w + ">"
		case 15:
			w = "<!-- " + w + " -->"
		case 16:
			w = "&#35;" + w
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// block returns the lines of one random block.
func block(r *rand.Rand) []string {
	switch r.IntN(16) {
	case 0, 1, 2:
		var lines []string
		for range 1 + r.IntN(3) {
			lines = append(lines, inline(r))
		}
		if r.IntN(4) == 0 {
			lines[0] += "  "
		}
		return lines
	case 3:
		return []string{strings.Repeat("#", 1+r.IntN(3)) + " " + inline(r)}
	case 4:
		return []string{inline(r), []string{"===", "---"}[r.IntN(2)]}
	case 5:
		marker := []string{"-", "*", "+", "1.", "3)"}[r.IntN(5)]
		var lines []string
		for range 1 + r.IntN(3) {
			lines = append(lines, marker+" "+inline(r))
			if r.IntN(4) == 0 {
				lines = append(lines, "  - "+inline(r))
			}
			if r.IntN(4) == 0 {
				lines = append(lines, "")
			}
		}
		return lines
	case 6:
		return []string{"> " + inline(r), "> " + inline(r)}
	case 7:
		alert := []string{"NOTE", "WARNING", "MYTH", "URGENT", "EMERGENCY", "BOGUS"}[r.IntN(6)]
		return []string{"> [!" + alert + "]", "> " + inline(r)}
	case 8:
		fence := []string{"```", "~~~", "````", " ```", "```go"}[r.IntN(5)]
		lines := []string{fence, word(r) + "  ", "<!-- " + word(r) + " -->", "# " + word(r)}
		if r.IntN(3) > 0 {
			lines = append(lines, strings.TrimSuffix(strings.TrimSpace(fence), "go"))
		}
		return lines
	case 9:
		return []string{"    " + word(r) + " " + word(r), "    " + word(r)}
	case 10:
		return []string{"<div>", inline(r), "</div>"}
	case 11:
		return []string{"<!-- " + word(r), inline(r), "-->"}
	case 12:
		return []string{"| " + word(r) + " | " + word(r) + " |", "|:---|---:|", "| " + inline(r) + " | " + word(r) + " |"}
	case 13:
		return []string{"[^1]: " + inline(r)}
	case 14:
		return []string{"***"}
	}
	return []string{"- [" + []string{" ", "x"}[r.IntN(2)] + "] " + inline(r)}
}

func document(r *rand.Rand) []string {
	var lines []string
	for range 1 + r.IntN(6) {
		lines = append(lines, block(r)...)
		if r.IntN(5) > 0 {
			lines = append(lines, "")
		}
	}
	return lines
}

var tricky = []string{"```", "~~~", "<!-- x -->", "<!--", "-->", "<div>", "    code", "> quote", "- item", "", "---", "===", "| a | b |", "<details>", "[^1]: note", "1. one"}

// edit changes a document's lines at random.
func edit(r *rand.Rand, lines []string) []string {
	lines = append([]string(nil), lines...)
	if len(lines) == 0 {
		return []string{inline(r)}
	}
	i := r.IntN(len(lines))
	switch r.IntN(13) {
	case 0:
		lines[i] = strings.Replace(lines[i], word(r), word(r), 1)
	case 1:
		lines = append(lines[:i], lines[i+1:]...)
	case 2:
		lines = append(lines[:i], append([]string{tricky[r.IntN(len(tricky))]}, lines[i:]...)...)
	case 3:
		lines[i] += " "
	case 4:
		lines[i] = strings.ReplaceAll(lines[i], "*", "_")
	case 5:
		lines[i] = strings.NewReplacer("```", "~~~", "~~~", "````").Replace(lines[i])
	case 6:
		if i+1 < len(lines) {
			lines[i] += " " + lines[i+1]
			lines = append(lines[:i+1], lines[i+2:]...)
		}
	case 7:
		if j := strings.LastIndex(lines[i], " "); j > 0 {
			lines = append(lines[:i], append([]string{lines[i][:j], lines[i][j+1:]}, lines[i+1:]...)...)
		}
	case 8:
		lines[i] = strings.Replace(lines[i], ".md", "-2.md", 1)
	case 9:
		lines[i] = strings.Repeat(" ", 1+r.IntN(4)) + lines[i]
	case 10:
		lines = append(lines[:i], append([]string{""}, lines[i:]...)...)
	case 11:
		if i+1 < len(lines) {
			lines[i], lines[i+1] = lines[i+1], lines[i]
		}
	default:
		lines[i] = strings.Replace(lines[i], "&amp;", "&", 1)
	}
	return lines
}

func rendered(t *testing.T, m *Markdown, src string) (visible string, html string) {
	t.Helper()
	d := m.Parse([]byte(src))
	v := string(d.Visible())
	h, err := m.Render(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	return v, canonicalHTML(string(h))
}

// TestVisibleProperty applies random edits to random documents and checks
// that Visible changes exactly when the rendered page does.
func TestVisibleProperty(t *testing.T) {
	m := New(Options{EmergencyNumber: "911"})
	n := 4000
	if testing.Short() {
		n = 500
	}
	r := rand.New(rand.NewPCG(1, 2))
	failures, same := 0, 0
	for range n {
		a := document(r)
		b := a
		for range 1 + r.IntN(3) {
			b = edit(r, b)
		}
		srcA, srcB := strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"
		va, ha := rendered(t, m, srcA)
		vb, hb := rendered(t, m, srcB)
		if va == vb {
			same++
		}
		if (va == vb) != (ha == hb) {
			failures++
			t.Errorf("visible same %v, rendering same %v\n--- a:\n%s\n--- b:\n%s\n--- html a:\n%s\n--- html b:\n%s\n--- visible a:\n%s\n--- visible b:\n%s",
				va == vb, ha == hb, srcA, srcB, ha, hb, va, vb)
			if failures > 3 {
				t.FailNow()
			}
		}
	}
	// Both outcomes must be common, or the property says little.
	if same < n/10 || n-same < n/10 {
		t.Errorf("of %d edited documents, %d read the same; want a tenth either way at least", n, same)
	}
	t.Logf("%d edited documents, %d unchanged for readers", n, same)
}

// TestVisibleInvisibleEdits checks the edits that never change what a
// reader sees: line endings, spaces at line ends (one, which is not a
// line break) and re-wrapping a paragraph.
func TestVisibleInvisibleEdits(t *testing.T) {
	m := New(Options{})
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		lines := document(r)
		src := strings.Join(lines, "\n") + "\n"
		want, _ := rendered(t, m, src)
		if got, _ := rendered(t, m, strings.ReplaceAll(src, "\n", "\r\n")); got != want {
			t.Fatalf("CRLF line endings changed Visible of\n%s", src)
		}
		spaced := make([]string, len(lines))
		for i, l := range lines {
			spaced[i] = l
			if !strings.HasSuffix(l, " ") {
				spaced[i] += " "
			}
		}
		if got, _ := rendered(t, m, strings.Join(spaced, "\n")+"\n"); got != want {
			t.Fatalf("a space at the end of each line changed Visible of\n%s", src)
		}
	}
	para := "Take *two* tablets with [water](water.md) every four\nhours, and no more than eight in a day.\n"
	want, _ := rendered(t, m, para)
	for _, wrapped := range []string{
		"Take *two* tablets with [water](water.md)\nevery four hours, and no more than\neight in a day.\n",
		"Take *two* tablets with [water](water.md) every four hours, and no more than eight in a day.\n",
		"\n\nTake *two* tablets with [water](water.md) every four hours,   and no more than eight in a day.\n\n",
	} {
		if got, _ := rendered(t, m, wrapped); got != want {
			t.Errorf("re-wrapping changed Visible:\n%s", wrapped)
		}
	}
}

// TestVisibleChanges lists constructs that read one way to a line-based
// reading of the source and another to the renderer: each pair must give
// different Visible text, as the rendered pages differ.
func TestVisibleChanges(t *testing.T) {
	m := New(Options{})
	tests := []struct{ a, b string }{
		// A fence the renderer does not close: the comment is shown as code.
		{"````\ncode\n```\n<!-- hidden? -->\n", "````\ncode\n```\n"},
		// Inside raw HTML up to a blank line, a fence is not a fence.
		{"<div>\n```\n</div>\n\nText\n", "<div>\n```\n</div>\n\nOther\n"},
		{"Dose: 1 tablet\n", "Dose: 2 tablets\n"},
		{"Take &lt;1 tablet\n", "Take &gt;1 tablet\n"},
		{"[leaflet](a.pdf)\n", "[leaflet](b.pdf)\n"},
		{"![chart](a.png)\n", "![dose chart](a.png)\n"},
		{"*Do not* drive.\n", "Do not drive.\n"},
		{"- one\n- two\n", "1. one\n2. two\n"},
		{"> [!NOTE]\n> Rest.\n", "> [!WARNING]\n> Rest.\n"},
	}
	for _, tt := range tests {
		va, ha := rendered(t, m, tt.a)
		vb, hb := rendered(t, m, tt.b)
		if ha == hb {
			t.Errorf("the renderings of %q and %q are the same; the case proves nothing", tt.a, tt.b)
		}
		if va == vb {
			t.Errorf("Visible of %q and %q is the same:\n%s", tt.a, tt.b, va)
		}
	}
	// What a reader cannot see leaves Visible alone.
	same := []struct{ a, b string }{
		{"Rest.\n\n<!-- note to self -->\n\nDrink.\n", "Rest.\n\nDrink.\n"},
		{"Rest <span>now</span>.\n", "Rest now.\n"},
		{"Take &lt;1 tablet\n", "Take <1 tablet\n"},
		{"&copy; NHS\n", "© NHS\n"},
		{"*Rest*\n", "_Rest_\n"},
		{"## Rest {#r}\n", "## Rest\n"},
	}
	for _, tt := range same {
		va, _ := rendered(t, m, tt.a)
		vb, _ := rendered(t, m, tt.b)
		if va != vb {
			t.Errorf("Visible of %q and %q differs:\n%s\n%s", tt.a, tt.b, va, vb)
		}
	}
}
