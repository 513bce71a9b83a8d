package markdown

import (
	"bytes"
	"html"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// BlockKind says where a block of text sits in the document.
type BlockKind int

// The kinds of text block.
const (
	ParagraphText BlockKind = iota // a paragraph, also inside a quote or callout
	HeadingText                    // a heading of any level
	ItemText                       // the text of a list item
	CellText                       // a table cell
	NoteText                       // the text of a footnote
)

// TextBlock is the text a reader sees in one block of a document, with a
// map back to the source so that a finding in it gets an exact position.
// Code, raw HTML and images are not part of it; a link is its text.
type TextBlock struct {
	Kind    BlockKind
	Node    ast.Node // the paragraph, heading or cell
	Level   int      // headings: 1 to 6
	Text    string
	Callout string   // the alert of the callout holding the block, such as "MYTH"
	Cited   bool     // its paragraph, list item or table row links somewhere or to a footnote
	Header  bool     // cells: in the table's header row
	Unit    ast.Node // the paragraph, list item or table row a citation must be in
	runs    []run
}

// run maps a piece of Text to the source. A piece that typography changed
// (“ for ") has no exact source; all of it maps to where it begins.
type run struct {
	text, src, n int
	exact        bool
}

// Offset returns the byte offset in the document source of the byte at
// offset i of Text.
func (b *TextBlock) Offset(i int) int {
	k := sort.Search(len(b.runs), func(k int) bool { return b.runs[k].text > i }) - 1
	if k < 0 {
		if len(b.runs) > 0 {
			return b.runs[0].src
		}
		return blockStart(b.Node)
	}
	r := b.runs[k]
	if !r.exact {
		return r.src
	}
	return r.src + min(i-r.text, r.n)
}

// TextBlocks returns the text blocks of a document in reading order.
func (d *Document) TextBlocks() []TextBlock {
	var out []TextBlock
	if d.Root != nil {
		out = make([]TextBlock, 0, 2*d.Root.ChildCount()) // about a block of text for each block at the top, and as many again in lists
	}
	var callouts []string
	cited := map[ast.Node]bool{}
	var walk func(n ast.Node, unit ast.Node, kind BlockKind)
	walk = func(n ast.Node, unit ast.Node, kind BlockKind) {
		switch n := n.(type) {
		case *Callout:
			callouts = append(callouts, n.Alert)
			defer func() { callouts = callouts[:len(callouts)-1] }()
		case *ast.ListItem:
			unit = n
			kind = ItemText
		case *east.FootnoteList:
			kind = NoteText
		case *east.TableRow, *east.TableHeader:
			unit = n
		case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.ThematicBreak:
			return
		}
		var blk TextBlock
		block := true
		switch n := n.(type) {
		case *ast.Heading:
			blk = TextBlock{Kind: HeadingText, Level: n.Level, Unit: n}
		case *ast.Paragraph, *ast.TextBlock:
			u := unit
			if u == nil {
				u = n
			}
			blk = TextBlock{Kind: kind, Unit: u}
		case *east.TableCell:
			_, header := n.Parent().(*east.TableHeader)
			blk = TextBlock{Kind: CellText, Unit: unit, Header: header}
		default:
			block = false
		}
		if block {
			b := &blk
			b.Node = n
			if len(callouts) > 0 {
				b.Callout = callouts[len(callouts)-1]
			}
			d.inlineText(b, n)
			if c, ok := cited[b.Unit]; ok {
				b.Cited = c
			} else {
				b.Cited = hasCitation(b.Unit)
				cited[b.Unit] = b.Cited
			}
			out = append(out, blk)
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, unit, kind)
		}
	}
	walk(d.Root, nil, ParagraphText)
	return out
}

// inlineText gathers the text of a block's inline nodes into b.
func (d *Document) inlineText(b *TextBlock, n ast.Node) {
	var sb strings.Builder
	if lines := n.Lines(); lines != nil && lines.Len() > 0 {
		sb.Grow(lines.At(lines.Len()-1).Stop - lines.At(0).Start) // about the block's text
	}
	last := blockStart(n)
	add := func(s string, src int, exact bool) {
		if s == "" {
			return
		}
		b.runs = append(b.runs, run{text: sb.Len(), src: src, n: len(s), exact: exact})
		sb.WriteString(s)
	}
	// addBytes adds text of the source, as add does, without making a
	// string of it first.
	addBytes := func(t []byte, src int) {
		if len(t) == 0 {
			return
		}
		b.runs = append(b.runs, run{text: sb.Len(), src: src, n: len(t), exact: true})
		sb.Write(t)
	}
	space := func() {
		if sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") {
			add(" ", last, false)
		}
	}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			addBytes(c.Segment.Value(d.Source), c.Segment.Start)
			last = c.Segment.Stop
			if c.SoftLineBreak() || c.HardLineBreak() {
				space()
			}
		case *ast.String:
			add(html.UnescapeString(string(c.Value)), last, false)
		case *ast.AutoLink:
			label := c.Label(d.Source)
			addBytes(label, autoLinkStart(c, d.Source, last))
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan, *ast.Image, *ast.RawHTML:
			space()
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink, *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	b.Text = strings.TrimRight(sb.String(), " ")
}

// autoLinkStart finds where an autolink's text begins in the source.
func autoLinkStart(n *ast.AutoLink, src []byte, after int) int {
	label := n.Label(src)
	if i := bytes.Index(src[after:], label); i >= 0 {
		return after + i
	}
	return after
}

// blockStart returns the source offset where a block's text begins.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
	}
	return 0
}

// hasCitation reports whether a node holds a link (other than to a page
// anchor) or a footnote reference.
func hasCitation(n ast.Node) bool {
	if n == nil {
		return false
	}
	found := false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *east.FootnoteLink, *ast.AutoLink:
			found = true
		case *ast.Link:
			if !strings.HasPrefix(string(c.Destination), "#") {
				found = true
			}
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}
