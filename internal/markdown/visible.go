package markdown

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// This file writes what a reader gets from a document, for the review
// gate's fingerprint: the structure and text of the syntax tree that the
// renderer turns into HTML, with only what a browser does not show left
// out. Because it walks the same tree that Render renders, no construct
// (an odd code fence, raw HTML, a comment, an entity) can mean one thing
// here and another on the page.
//
// The form is a stream of tokens, one a line: a block or inline element
// opening ("<p", "<h2", "<a href=…"), its end (">"), or text in double
// quotes (with \", \\ and \n for quotes, backslashes and line breaks).
// Text is written as the HTML renderer writes it (entities resolved,
// backslash escapes applied, < & and " escaped), with runs of white space
// made one space and trimmed at the edges of blocks, as a browser lays it
// out; code blocks keep their lines, without the spaces at their ends.
// Raw HTML, which the renderer drops, is not written, and neither are the
// IDs headings get (an ID follows from the heading's text).

// VisibleSum returns the SHA-256 of Visible. It is worked out the first
// time it is asked for, and by Render before it changes any link, so it
// is the sum of the document as parsed; it is safe for concurrent use.
func (d *Document) VisibleSum() [sha256.Size]byte {
	if d.visible == nil { // a Document made by hand
		return d.visibleSum()
	}
	d.visible.once.Do(func() { d.visible.sum = d.visibleSum() })
	return d.visible.sum
}

// lazySum is a document's VisibleSum, worked out once.
type lazySum struct {
	once sync.Once
	sum  [sha256.Size]byte
}

// Visible returns what a reader gets from the document in the form the
// file comment describes. It reads the syntax tree as parsed; call it
// before Render, which rewrites links.
func (d *Document) Visible() []byte {
	var out bytes.Buffer
	d.writeVisible(&out)
	return out.Bytes()
}

// visibleSum returns the SHA-256 of Visible, without holding it.
func (d *Document) visibleSum() [sha256.Size]byte {
	h := sha256.New()
	d.writeVisible(h)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

func (d *Document) writeVisible(w io.Writer) {
	v := visibleWriter{src: d.Source}
	v.out = getWriter(w)
	v.bw = getWriter(&v.text)
	defer putWriter(v.out)
	defer putWriter(v.bw)
	_ = ast.Walk(d.Root, v.node)
	v.flush(true)
	_ = v.out.Flush()
}

type visibleWriter struct {
	src     []byte
	out     *bufio.Writer
	text    bytes.Buffer  // inline text waiting to be written
	bw      *bufio.Writer // into text, for goldmark's text writer
	start   bool          // the text waiting opens a block
	scratch []byte        // for collapsing and quoting text
}

// write adds inline text as the HTML renderer writes it.
func (v *visibleWriter) write(b []byte, raw bool) {
	if raw {
		gmhtml.DefaultWriter.RawWrite(v.bw, b)
	} else {
		gmhtml.DefaultWriter.Write(v.bw, b)
	}
}

// flush writes the text waiting, with its white space collapsed; edge
// trims it at its end, as before the end or start of a block.
func (v *visibleWriter) flush(edge bool) {
	_ = v.bw.Flush()
	if v.text.Len() == 0 {
		return
	}
	t := collapse(v.text.Bytes())
	v.text.Reset()
	if v.start {
		t = bytes.TrimLeft(t, " ")
	}
	if edge {
		t = bytes.TrimRight(t, " ")
	}
	if len(t) > 0 {
		v.quote(t)
		v.start = false
	}
}

// quote writes text in double quotes, with backslashes before quotes and
// backslashes and new lines written \n, and a new line.
func (v *visibleWriter) quote(t []byte) {
	b := append(v.scratch[:0], '"')
	for _, c := range t {
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		default:
			b = append(b, c)
		}
	}
	v.scratch = append(b, '"', '\n')
	_, _ = v.out.Write(v.scratch)
}

// open writes the start of an element; a block's edges trim the text
// around them.
func (v *visibleWriter) open(block bool, name string, attrs ...string) {
	v.flush(block)
	_ = v.out.WriteByte('<')
	_, _ = v.out.WriteString(name)
	for _, a := range attrs {
		_ = v.out.WriteByte(' ')
		_, _ = v.out.WriteString(a)
	}
	_ = v.out.WriteByte('\n')
	if block {
		v.start = true
	}
}

func (v *visibleWriter) close(block bool) {
	v.flush(block)
	_, _ = v.out.WriteString(">\n")
	if block {
		v.start = true
	}
}

// attr writes a name and a value, quoted.
func attr(name string, value []byte) string { return name + "=" + strconv.Quote(string(value)) }

// attributes returns a node's attributes, sorted, without a heading's ID.
func attributes(n ast.Node) []string {
	if n.Attributes() == nil {
		return nil
	}
	var out []string
	for _, a := range n.Attributes() {
		name := string(a.Name)
		if name == "id" && n.Kind() == ast.KindHeading {
			continue
		}
		val, ok := a.Value.([]byte)
		if !ok {
			val = fmt.Append(nil, a.Value)
		}
		out = append(out, attr("@"+name, val))
	}
	slices.Sort(out)
	return out
}

func (v *visibleWriter) node(n ast.Node, entering bool) (ast.WalkStatus, error) {
	block := n.Type() == ast.TypeBlock
	switch n := n.(type) {
	case *ast.Document:
		return ast.WalkContinue, nil
	case *ast.HTMLBlock, *ast.RawHTML:
		// The renderer drops raw HTML: nothing of it reaches the reader.
		return ast.WalkSkipChildren, nil
	case *ast.Text:
		if entering {
			v.write(n.Segment.Value(v.src), n.IsRaw())
			switch {
			case n.IsRaw():
			case n.HardLineBreak():
				v.open(false, "br")
				v.close(false)
			case n.SoftLineBreak():
				_ = v.bw.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	case *ast.String:
		if entering {
			if n.IsCode() {
				_, _ = v.bw.Write(n.Value)
			} else {
				v.write(n.Value, n.IsRaw())
			}
		}
		return ast.WalkContinue, nil
	case *ast.CodeSpan:
		if entering {
			v.open(false, "code", attributes(n)...)
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					v.write(t.Segment.Value(v.src), true)
				}
			}
			v.close(false)
		}
		return ast.WalkSkipChildren, nil
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		if entering {
			v.codeBlock(n)
		}
		return ast.WalkSkipChildren, nil
	case *ast.Image:
		if entering {
			attrs := []string{attr("src", href(n.Destination, true)), v.title(n.Title)}
			v.open(false, "img", append(attrs, attributes(n)...)...)
			v.altText(n)
			v.close(false)
		}
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		if entering {
			url := href(n.URL(v.src), false)
			if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
				url = append([]byte("mailto:"), url...)
			}
			v.open(false, "a", attr("href", url))
			v.write(n.Label(v.src), true)
			v.close(false)
		}
		return ast.WalkSkipChildren, nil
	}
	if !entering {
		v.close(block)
		return ast.WalkContinue, nil
	}
	name, attrs := v.describe(n)
	v.open(block, name, append(attrs, attributes(n)...)...)
	return ast.WalkContinue, nil
}

// altText writes an image's text alternative as the renderer writes it
// into the alt attribute: the text of its children, without their
// elements.
func (v *visibleWriter) altText(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.String:
			if c.IsCode() {
				_, _ = v.bw.Write(c.Value)
			} else {
				v.write(c.Value, c.IsRaw())
			}
		case *ast.Text:
			v.write(c.Segment.Value(v.src), c.IsRaw())
			switch {
			case c.IsRaw():
			case c.HardLineBreak():
				_, _ = v.bw.WriteString("<br>\n")
			case c.SoftLineBreak():
				_, _ = v.bw.WriteString("\n")
			}
		default:
			v.altText(c)
		}
	}
}

// describe names an element and what of it a reader sees besides its
// children: a heading's level, a list's numbering, a link's address.
func (v *visibleWriter) describe(n ast.Node) (string, []string) {
	switch n := n.(type) {
	case *ast.Heading:
		return "h" + strconv.Itoa(n.Level), nil
	case *ast.Paragraph:
		return "p", nil
	case *ast.TextBlock:
		return "text", nil
	case *ast.List:
		if n.IsOrdered() {
			return "ol", []string{"start=" + strconv.Itoa(n.Start)}
		}
		return "ul", nil
	case *ast.ListItem:
		return "li", nil
	case *ast.Blockquote:
		return "blockquote", nil
	case *Callout:
		return "callout", []string{"alert=" + n.Alert}
	case *ast.ThematicBreak:
		return "hr", nil
	case *ast.Emphasis:
		return "em" + strconv.Itoa(n.Level), nil
	case *ast.Link:
		return "a", []string{attr("href", href(n.Destination, true)), v.title(n.Title)}
	case *east.Strikethrough:
		return "del", nil
	case *east.TaskCheckBox:
		return "checkbox", []string{"checked=" + strconv.FormatBool(n.IsChecked)}
	case *east.Table:
		return "table", nil
	case *east.TableHeader:
		return "thead", nil
	case *east.TableRow:
		return "tr", nil
	case *east.TableCell:
		return "td", []string{"align=" + n.Alignment.String()}
	case *east.FootnoteLink:
		return "fnref", footnoteRef(n.Index, n.RefIndex, n.RefCount)
	case *east.FootnoteBacklink:
		return "fnback", footnoteRef(n.Index, n.RefIndex, n.RefCount)
	case *east.Footnote:
		return "footnote", []string{"index=" + strconv.Itoa(n.Index)}
	case *east.FootnoteList:
		return "footnotes", nil
	}
	// A kind this file does not know yet still counts, by its name.
	return n.Kind().String(), nil
}

func footnoteRef(index, ref, count int) []string {
	return []string{"index=" + strconv.Itoa(index), "ref=" + strconv.Itoa(ref), "count=" + strconv.Itoa(count)}
}

// href returns a link's address as the renderer writes it: escaped, and
// empty when its scheme is dangerous.
func href(dest []byte, resolve bool) []byte {
	u := util.URLEscape(dest, resolve)
	if gmhtml.IsDangerousURL(u) {
		return nil
	}
	return u
}

// title returns a link's or image's title as the renderer writes it; nil
// when it has none.
func (v *visibleWriter) title(t []byte) string {
	if t == nil {
		return "title=none"
	}
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	gmhtml.DefaultWriter.Write(bw, t)
	_ = bw.Flush()
	return attr("title", collapse(b.Bytes()))
}

// codeBlock writes a code block's lines as the renderer does, keeping
// their leading white space and dropping what ends them.
func (v *visibleWriter) codeBlock(n ast.Node) {
	var attrs []string
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		if lang := f.Language(v.src); lang != nil {
			attrs = append(attrs, attr("lang", lang))
		}
	}
	v.open(true, "pre", attrs...)
	var code bytes.Buffer
	bw := bufio.NewWriter(&code)
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		gmhtml.DefaultWriter.RawWrite(bw, seg.Value(v.src))
	}
	_ = bw.Flush()
	var kept [][]byte
	for _, line := range bytes.Split(code.Bytes(), []byte("\n")) {
		kept = append(kept, bytes.TrimRight(line, " \t\r\f"))
	}
	for len(kept) > 0 && len(kept[len(kept)-1]) == 0 {
		kept = kept[:len(kept)-1]
	}
	v.quote(bytes.Join(kept, []byte("\n")))
	_, _ = v.out.WriteString(">\n")
	v.start = true
}

// collapse makes each run of white space one space, as a browser lays out
// text outside <pre>, in place.
func collapse(b []byte) []byte {
	out := b[:0]
	space := false
	for _, c := range b {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			space = true
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, c)
	}
	if space {
		out = append(out, ' ')
	}
	return out
}
