package markdown

import (
	"strings"
	"testing"
)

func TestExcess(t *testing.T) {
	quotes := func(n int, sep string) string { return strings.Repeat(">"+sep, n) + "text\n" }
	indented := func(n int, step string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat(step, i) + "- item\n")
		}
		return b.String()
	}
	defs := func(n int, sep string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString("[l" + strings.Repeat("x", i%7) + "]: /page/\n" + sep)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		src  string
		want bool
	}{
		{"100 block quotes", quotes(100, ""), false},
		{"100 block quotes with spaces", quotes(100, " "), false},
		{"101 block quotes", quotes(101, " "), true},
		{"100 list markers on a line", strings.Repeat("- ", 100) + "x\n", false},
		{"101 list markers on a line", strings.Repeat("- ", 101) + "x\n", true},
		{"101 ordered markers", strings.Repeat("1. ", 101) + "x\n", true},
		{"100 lists by two spaces", indented(100, "  "), false},
		{"101 lists by two spaces", indented(101, "  "), true},
		{"lists by tabs", indented(60, "\t"), true},
		{"quotes and lists mixed", strings.Repeat("> - ", 51) + "x\n", true},
		{"deep nesting in a code fence", "```\n" + quotes(500, " ") + "```\n", false},
		{"deep nesting after the fence closes", "~~~~\ncode\n~~~~\n" + quotes(500, " "), true},
		{"a backtick line that is no fence", "``` a`b\n" + quotes(500, " "), true},
		{"nesting in a quoted fence still counts", "> ```\n" + quotes(500, " "), true},
		{"a thematic break of stars", strings.Repeat("* ", 80) + "\n" + strings.Repeat("-", 300) + "\n", false},
		{"1,000 link definitions", defs(1000, ""), false},
		{"1,001 link definitions", defs(1001, ""), true},
		{"link definitions in groups", defs(5000, "\n"), false},
		{"an ordinary page", "## Heading\n\n- one\n  - two\n    - three\n\n> A quote.\n\n1. Step.\n2. Step.\n", false},
	} {
		got := excess([]byte(tc.src))
		if (got != nil) != tc.want {
			t.Errorf("%s: excess = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestExcessNotParsed: a body past the limits is not handed to the parser,
// so that it costs no more than reading it.
func TestExcessNotParsed(t *testing.T) {
	md := New(Options{})
	src := strings.Repeat("> ", 200000) + "text\n"
	doc := md.Parse([]byte(src))
	if doc.Excess == nil || doc.Excess.Offset != 0 {
		t.Fatalf("excess %+v", doc.Excess)
	}
	if doc.Root.FirstChild() != nil {
		t.Error("the body was parsed")
	}
	line := "Some text.\n\n"
	doc = md.Parse([]byte(line + strings.Repeat("  ", 0) + strings.Repeat("[a]: /x\n", 2000)))
	if doc.Excess == nil || doc.Excess.Offset != len(line)+1000*len("[a]: /x\n") {
		t.Errorf("excess at %+v", doc.Excess)
	}
}

func BenchmarkExcess(b *testing.B) {
	src := []byte(strings.Repeat("A line of ordinary text in a paragraph, long enough to count.\n", 160000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if excess(src) != nil {
			b.Fatal("ordinary text is past the limits")
		}
	}
}
