package finding

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// gfm renders Markdown as GitHub does, near enough: CommonMark with
// tables, strikethrough, autolinks and task lists.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

func render(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// asText is s as goldmark writes text in HTML.
func asText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

var markup = []string{
	"Flu *vaccine* _now_", "<script>alert(1)</script>", "[link](https://x.org) and ![img](a.png)",
	"# heading", "1. list", "- item", "> quote", "a | b | c", "`code` ``x``", "~~gone~~",
	"&amp; &#169; &copy;", "https://example.org and www.example.org", "@someone and #12",
	"trailing backslash \\", "line\nbreak  \nand\ttab", "   spaced   ", "$x$ = 2^3",
	"**", "***", "---", "===", "<!-- comment -->", "<https://x.org>", "a_b_c", "\\*not\\*",
}

// TestEscapeMarkdown: escaped text renders as the text itself, on one
// line, whatever markup it holds.
func TestEscapeMarkdown(t *testing.T) {
	for _, s := range markup {
		checkEscaped(t, s)
	}
}

func checkEscaped(t *testing.T, s string) {
	t.Helper()
	want := strings.Join(strings.Fields(s), " ")
	if want == "" {
		return
	}
	got := render(t, EscapeMarkdown(s))
	if got != "<p>"+asText(want)+"</p>\n" {
		t.Errorf("EscapeMarkdown(%q) = %q renders %q", s, EscapeMarkdown(s), got)
	}
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range markup {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// What a browser does not show, and what goldmark replaces, are
		// outside the promise.
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
			return r == 0 || r == utf8.RuneError || unicode.IsControl(r) && !unicode.IsSpace(r) || unicode.IsSpace(r) && r > 0x7f
		}) {
			return
		}
		checkEscaped(t, s)
	})
}

// TestCodeSpan: a code span shows its text as it is, backticks and all,
// also in a table cell.
func TestCodeSpan(t *testing.T) {
	for _, s := range []string{"content/articles/flu.md", "a`b", "``x``", "`start", "end`", "a|b", "<b>&amp;</b>", "x  y"} {
		got := render(t, CodeSpan(s))
		if want := "<p><code>" + asText(strings.ReplaceAll(s, "|", `\|`)) + "</code></p>\n"; got != want && !strings.Contains(s, "|") {
			t.Errorf("CodeSpan(%q) = %q renders %q, want %q", s, CodeSpan(s), got, want)
		}
		table := render(t, "| a |\n|---|\n| "+CodeSpan(s)+" |\n")
		if !strings.Contains(table, "<td><code>"+asText(s)+"</code></td>") {
			t.Errorf("CodeSpan(%q) in a table cell renders %q", s, table)
		}
	}
}

// TestCodeBlock: no line of the text closes the block early.
func TestCodeBlock(t *testing.T) {
	text := "-```\n+````\n ~~~\n<b>x</b>\n"
	got := render(t, CodeBlock("diff", text))
	if want := `<pre><code class="language-diff">` + asText(text) + "</code></pre>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
