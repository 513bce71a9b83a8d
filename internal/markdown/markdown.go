// Package markdown sets up goldmark once for pamphlet: GitHub Flavoured
// Markdown, footnotes, heading IDs, typographic quotes and the callouts of
// GitHub's alert syntax. It parses a page body to an AST that keeps byte
// offsets into the source, and renders it to HTML with internal links
// resolved. Raw HTML in Markdown is never passed through.
package markdown

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure the Markdown engine.
type Options struct {
	// EmergencyNumber is shown in [!EMERGENCY] callouts, such as "911".
	EmergencyNumber string
	// Reserved reports the IDs the page around the body gives its own
	// elements, which headings must not take; nil for none. A heading
	// whose ID would be reserved, such as "Sources", gets "sources-section".
	// Headings never take the footnotes' IDs (see FootnoteID) either.
	Reserved func(id string) bool
}

// Markdown is a configured parser and renderer. It is safe for concurrent
// use.
type Markdown struct {
	gm       goldmark.Markdown
	links    *linkRenderer
	reserved func(id string) bool
}

// New returns the Markdown engine.
func New(opts Options) *Markdown {
	gm := goldmark.New(
		goldmark.WithExtensions(
			gfm, // extension.GFM
			extension.Footnote,
			extension.Typographer,
			callouts{emergency: opts.EmergencyNumber},
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithHeadingAttribute(),
		),
		// No html.WithUnsafe: raw HTML is replaced by a comment.
	)
	links := newLinkRenderer()
	gm.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(links, 100), util.Prioritized(footnoteRenderer{}, 100)))
	return &Markdown{gm: gm, links: links, reserved: opts.Reserved}
}

// Document is a parsed Markdown body.
type Document struct {
	Root     ast.Node
	Source   []byte // the body the offsets point into
	Links    []Link
	Headings []Heading
	Notes    int     // how many footnotes it has, with the IDs FootnoteID(1) to FootnoteID(Notes)
	Excess   *Excess // where the body goes past the limits, in which case it was not parsed

	rendering sync.Mutex // held by Render while it writes resolved links

	visible *lazySum // see VisibleSum
}

// WordsBefore counts the words of the body's source before a byte
// offset, such as a Link's: runs of text holding a letter or a digit,
// Markdown's marks aside.
func (d *Document) WordsBefore(offset int) int {
	return countWords(d.Source[:min(max(offset, 0), len(d.Source))])
}

// writers are the buffered writers renders and fingerprints write
// through, kept between them rather than made for each.
var writers = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

// getWriter returns a buffered writer into w, from writers.
func getWriter(w io.Writer) *bufio.Writer {
	bw := writers.Get().(*bufio.Writer)
	bw.Reset(w)
	return bw
}

// putWriter gives a writer of getWriter back, holding nothing of what it
// wrote into.
func putWriter(bw *bufio.Writer) {
	bw.Reset(nil)
	writers.Put(bw)
}

// countWords counts the runs of b between white space (as bytes.Fields
// splits it) that hold a letter or a digit, without making the runs.
func countWords(b []byte) int {
	n := 0
	inRun, counted := false, false
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		i += size
		if unicode.IsSpace(r) {
			inRun = false
			continue
		}
		if !inRun {
			inRun, counted = true, false
		}
		if !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			counted = true
			n++
		}
	}
	return n
}

// Outline returns the document without its syntax tree: its source,
// links (without their nodes), headings and footnotes, which is what the
// checks that compare pages read, at a fraction of the memory. Reparse
// gives the whole document back. An outline may let go of its source
// too (WithSource(nil)), to be given it back before Reparse.
func (d *Document) Outline() *Document {
	if d.Root == nil {
		return d
	}
	d.VisibleSum() // the syntax tree it is worked out from goes
	links := make([]Link, len(d.Links))
	for i, l := range d.Links {
		l.Node = nil
		links[i] = l
	}
	return &Document{Source: d.Source, Links: links, Headings: d.Headings, Notes: d.Notes, Excess: d.Excess, visible: d.visible}
}

// WithSource returns the document with src as its source: for an
// outline that let go of its source, the body it was parsed from, read
// again, so that Reparse can parse it.
func (d *Document) WithSource(src []byte) *Document {
	return &Document{Root: d.Root, Source: src, Links: d.Links, Headings: d.Headings, Notes: d.Notes, Excess: d.Excess, visible: d.visible}
}

// Outlined reports whether the document is an outline (see Outline),
// without its syntax tree.
func (d *Document) Outlined() bool { return d.Root == nil }

// Reparse returns the whole document of an outline, parsed again from its
// source, as Parse made it; a document that is whole is returned as it is.
// Parsing is deterministic, so the links and headings are the outline's.
func (m *Markdown) Reparse(d *Document) *Document {
	if d == nil || d.Root != nil {
		return d
	}
	doc := m.Parse(d.Source)
	doc.visible = d.visible
	return doc
}

// Link is a link, autolink or image in the body.
type Link struct {
	Node   ast.Node // *ast.Link, *ast.AutoLink or *ast.Image
	Dest   string   // the destination as written
	Offset int      // byte offset in Source of its opening [ or ![, or of an autolink's text
	Image  bool
	Auto   bool   // an autolink: a URL or e-mail address that is its own text
	Text   string // the link text or alt text
}

// Heading is a heading in the body.
type Heading struct {
	Level  int
	ID     string
	Text   string
	Offset int // byte offset in Source of the heading's text
}

// Parse parses a page body.
func (m *Markdown) Parse(src []byte) *Document {
	reserved := footnoteIDs.MatchString
	if m.reserved != nil {
		reserved = func(id string) bool { return m.reserved(id) || footnoteIDs.MatchString(id) }
	}
	ids := &headingIDs{IDs: parser.NewContext().IDs(), reserved: reserved}
	opts := []parser.ParseOption{parser.WithContext(parser.NewContext(parser.WithIDs(ids)))}
	// A body past the limits is not parsed at all: it stands as an empty
	// document, with the excess to report.
	var root ast.Node
	ex := excess(src)
	if ex == nil {
		root = m.gm.Parser().Parse(text.NewReader(src), opts...)
	} else {
		root = ast.NewDocument()
	}
	doc := &Document{Root: root, Source: src, Excess: ex}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			doc.Links = append(doc.Links, Link{Node: n, Dest: string(n.Destination), Offset: start(n, src) - 1, Text: PlainText(n, src)})
		case *ast.Image:
			doc.Links = append(doc.Links, Link{Node: n, Dest: string(n.Destination), Offset: start(n, src) - 2, Image: true, Text: PlainText(n, src)})
		case *ast.AutoLink:
			dest := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(dest), "mailto:") {
				dest = "mailto:" + dest
			}
			doc.Links = append(doc.Links, Link{Node: n, Dest: dest, Offset: autoLinkStart(n, src, blockStart(n)), Auto: true, Text: string(n.Label(src))})
		case *east.Footnote:
			doc.Notes = max(doc.Notes, n.Index)
		case *ast.Heading:
			h := Heading{Level: n.Level, Text: PlainText(n, src)}
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					h.ID = string(b)
				}
			}
			if n.Lines().Len() > 0 {
				h.Offset = n.Lines().At(0).Start
			}
			doc.Headings = append(doc.Headings, h)
		}
		return ast.WalkContinue, nil
	})
	doc.visible = &lazySum{}
	return doc
}

// headingIDs gives headings goldmark's IDs, except those reserved.
type headingIDs struct {
	parser.IDs
	reserved func(id string) bool
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	id := h.IDs.Generate(value, kind)
	if !h.reserved(string(id)) {
		return id
	}
	// "-section" keeps the heading's name, and no numbering the IDs add
	// after it can make a reserved ID such as faq-1.
	for range 100 {
		if id = h.IDs.Generate(append(id, "-section"...), kind); !h.reserved(string(id)) {
			break
		}
	}
	return id
}

// start returns the offset of the first text inside an inline node, or of
// its block when it has none.
func start(n ast.Node, src []byte) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		return off
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start + 2
		}
	}
	return 2
}

// PlainText returns the text a reader sees in an inline or block node.
func PlainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(b.Bytes()))
}

// Resolver tells Render where an internal link leads. It gets the
// destination as written and returns the URL to write and true; "" and
// true to render a link as plain text (it leads to a page that is not
// published); or false to leave the destination as it is.
type Resolver func(dest string) (string, bool)

// Render renders a document to HTML, writing the destinations that resolve
// gives for links and images in place of those written. It leaves the
// document as it is, so a document may be rendered again, with other
// destinations.
//
// This is the one place where rendered Markdown becomes template.HTML. It is
// safe because goldmark escapes all text, drops raw HTML (no WithUnsafe) and
// refuses dangerous link schemes such as javascript:.
func (m *Markdown) Render(doc *Document, resolve Resolver) (template.HTML, error) {
	return m.RenderWith(doc, resolve, nil)
}

// Pictures tells RenderWith what to write on an image's <img>: it gets
// the image's link and its number among the document's images, from 0,
// and returns false to write the image as Render does.
type Pictures func(l Link, n int) (Picture, bool)

// RenderWith renders a document as Render does, and writes on each image
// the attributes pictures gives it (see Picture), which are escaped as
// any attribute is. pictures may be nil.
func (m *Markdown) RenderWith(doc *Document, resolve Resolver, pictures Pictures) (template.HTML, error) {
	cur := &rendering{links: resolutions{}, pictures: map[ast.Node]Picture{}}
	images := 0
	for _, l := range doc.Links {
		if resolve != nil {
			if u, ok := resolve(l.Dest); ok {
				cur.links[l.Node] = u
			}
		}
		if l.Image && pictures != nil {
			if pic, ok := pictures(l, images); ok {
				cur.pictures[l.Node] = pic
			}
			images++
		}
	}
	if len(cur.links) > 0 || len(cur.pictures) > 0 {
		// One render of a document at a time reads its resolutions.
		doc.rendering.Lock()
		defer doc.rendering.Unlock()
		m.links.renders.Store(doc.Root, cur)
		defer m.links.renders.Delete(doc.Root)
	}
	var buf bytes.Buffer
	buf.Grow(len(doc.Source) + len(doc.Source)/2) // HTML is about half as long again as its Markdown
	bw := getWriter(&buf)
	defer putWriter(bw)
	if err := m.gm.Renderer().Render(bw, doc.Source, doc.Root); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // see the doc comment
}

// RenderString parses and renders a short Markdown text, such as a FAQ
// answer, with the same safety as Render.
func (m *Markdown) RenderString(src string, resolve Resolver) (template.HTML, error) {
	return m.Render(m.Parse([]byte(src)), resolve)
}
