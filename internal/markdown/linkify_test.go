package markdown

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// linkifyCases hold bare addresses where goldmark's linkify parser makes
// a link and where it does not, next to every character that asks it.
var linkifyCases = []string{
	"See http://example.org/a?b=c, or https://example.org.",
	"Write to help@example.org or (care@example.nhs.uk).",
	"*www.example.org* and _www.example.org_ and ~ftp://example.org~",
	"Not a link: http:/example, www, ftp, @home, me@ and a@b.",
	strings.Repeat("a", 64) + "@example.org and " + strings.Repeat("b", 65) + "@example.org",
	"A line\nwww.example.org starts the next, then me@example.org\n(http://example.org)",
	"[a link http://example.org](https://example.org) and `code www.example.org`",
	"Hard break  \nthen a@b.co, then h, f and w alone, e-mail: x.y+z@mail.example.com.",
	"| a | b |\n|---|---|\n| www.example.org | c@d.org |",
	"  indented http://example.org\n\n    code www.example.org\n",
}

// treeOf writes a syntax tree with every node's kind, its text segments
// and its children, to compare two parsers' trees.
func treeOf(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			b.WriteString(")")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "(%s", n.Kind())
		switch t := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " %d-%d %v %v", t.Segment.Start, t.Segment.Stop, t.SoftLineBreak(), t.HardLineBreak())
		case *ast.AutoLink:
			fmt.Fprintf(&b, " %q %q", t.URL(src), t.Protocol)
		}
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				s := n.Lines().At(i)
				fmt.Fprintf(&b, " [%d-%d]", s.Start, s.Stop)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// checkSameLinkify fails when the quicker parser of bare addresses makes
// a syntax tree other than goldmark's own.
func checkSameLinkify(t *testing.T, src string) {
	t.Helper()
	stock := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
	quick := goldmark.New(goldmark.WithExtensions(gfm)).Parser()
	b := []byte(src)
	want := treeOf(stock.Parse(text.NewReader(b)), b)
	got := treeOf(quick.Parse(text.NewReader(b)), b)
	if got != want {
		t.Errorf("%q:\ngot  %s\nwant %s", src, got, want)
	}
}

func TestQuickLinkify(t *testing.T) {
	for _, src := range linkifyCases {
		checkSameLinkify(t, src)
	}
	// The cases make links, so that the test compares trees that hold them.
	b := []byte(linkifyCases[0])
	if tree := treeOf(goldmark.New(goldmark.WithExtensions(gfm)).Parser().Parse(text.NewReader(b)), b); !strings.Contains(tree, "AutoLink") {
		t.Errorf("no link in %s", tree)
	}
}

func FuzzQuickLinkify(f *testing.F) {
	for _, src := range linkifyCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		checkSameLinkify(t, src)
	})
}
