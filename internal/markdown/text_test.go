package markdown

import (
	"strings"
	"testing"
)

func TestTextBlocks(t *testing.T) {
	src := "# Don't \"panic\"\n\nHoney *soothes* a `cough`\nin children.[^1]\n\n" +
		"- Take [two tablets](https://example.org)\n- Rest\n\n" +
		"> [!MYTH]\n> Detox teas cure colds.\n\n" +
		"| Dose | When |\n|---|---|\n| 5 ml | night |\n\n" +
		"<!-- hidden -->\n\n```\ncode is not text\n```\n\n" +
		"[^1]: A source.\n"
	doc := New(Options{}).Parse([]byte(src))
	type want struct {
		kind    BlockKind
		text    string
		callout string
		cited   bool
		header  bool
	}
	wants := []want{
		{HeadingText, "Don’t “panic”", "", false, false},
		{ParagraphText, "Honey soothes a in children.", "", true, false},
		{ItemText, "Take two tablets", "", true, false},
		{ItemText, "Rest", "", false, false},
		{ParagraphText, "Detox teas cure colds.", "MYTH", false, false},
		{CellText, "Dose", "", false, true},
		{CellText, "When", "", false, true},
		{CellText, "5 ml", "", false, false},
		{CellText, "night", "", false, false},
		{NoteText, "A source.", "", false, false},
	}
	got := doc.TextBlocks()
	if len(got) != len(wants) {
		for _, b := range got {
			t.Logf("%d %q", b.Kind, b.Text)
		}
		t.Fatalf("got %d blocks, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		b := got[i]
		if b.Kind != w.kind || b.Text != w.text || b.Callout != w.callout || b.Cited != w.cited || b.Header != w.header {
			t.Errorf("block %d = {%d %q %q cited=%v header=%v}, want %+v", i, b.Kind, b.Text, b.Callout, b.Cited, b.Header, w)
		}
		// Every exact word maps back to the same word in the source.
		for _, word := range strings.Fields(b.Text) {
			j := strings.Index(b.Text, word)
			off := b.Offset(j)
			if strings.ContainsAny(word, "’“”") {
				continue
			}
			if !strings.HasPrefix(src[off:], word) {
				t.Errorf("block %d: %q maps to %q", i, word, src[off:min(len(src), off+len(word))])
			}
		}
	}
}

func TestPlainTextTypography(t *testing.T) {
	doc := New(Options{}).Parse([]byte("## Don't \"panic\" -- yet...\n"))
	if got, want := doc.Headings[0].Text, "Don’t “panic” – yet…"; got != want {
		t.Errorf("heading text = %q, want %q", got, want)
	}
}

func FuzzTextBlocks(f *testing.F) {
	for _, s := range []string{"# Don't\n\nHoney *soothes* a `cough`.[^1]\n\n[^1]: A source.\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "> [!MYTH]\n> Detox <!-- x --> cures.\n", "<jo@example.org> and https://example.org\n"} {
		f.Add(s)
	}
	md := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		doc := md.Parse([]byte(src))
		for _, b := range doc.TextBlocks() {
			for i := 0; i <= len(b.Text); i++ {
				if off := b.Offset(i); off < 0 || off > len(src) {
					t.Fatalf("offset %d of %q maps outside the source (%d bytes)", i, b.Text, len(src))
				}
			}
		}
	})
}
