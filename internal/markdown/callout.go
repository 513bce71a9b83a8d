package markdown

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file is the callout extension: GitHub's alert syntax
//
//	> [!WARNING]
//	> Do not take more than 8 tablets in 24 hours.
//
// turns a block quote into a Callout node, rendered as a labelled box. The
// same syntax reads well in a pull request preview.

// KindCallout is the node kind of a Callout.
var KindCallout = ast.NewNodeKind("Callout")

// Callout is a block quote that opened with an alert marker such as [!TIP].
type Callout struct {
	ast.BaseBlock
	Alert string // upper case, a key of CalloutTypes
}

// Kind implements ast.Node.
func (c *Callout) Kind() ast.NodeKind { return KindCallout }

// Dump implements ast.Node.
func (c *Callout) Dump(source []byte, level int) {
	ast.DumpHelper(c, source, level, map[string]string{"Alert": c.Alert}, nil)
}

// CalloutTypes lists the alert markers pamphlet understands, each with its
// visible label. EMERGENCY's label also names the site's emergency number.
var CalloutTypes = map[string]string{
	"NOTE":       "Note",
	"TIP":        "Tip",
	"IMPORTANT":  "Important",
	"WARNING":    "Warning",
	"CAUTION":    "Caution",
	"EMERGENCY":  "Emergency",
	"URGENT":     "Urgent advice",
	"NON-URGENT": "Non-urgent advice",
	"MYTH":       "Myth",
	"FACT":       "Fact",
	"DO":         "Do",
	"DONT":       "Don't",
}

var calloutMarker = regexp.MustCompile(`^\[!([A-Za-z-]+)\]\s*$`)

type calloutTransformer struct{}

func (calloutTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		m := calloutMarker.FindSubmatch(src[first.Start:first.Stop])
		if m == nil {
			continue
		}
		typ := strings.ToUpper(string(m[1]))
		if _, known := CalloutTypes[typ]; !known {
			continue
		}
		// Drop the marker line from the paragraph.
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			if t, ok := c.(*ast.Text); ok && t.Segment.Start < first.Stop {
				para.RemoveChild(para, c)
			}
			c = next
		}
		rest := text.NewSegments()
		for i := 1; i < para.Lines().Len(); i++ {
			rest.Append(para.Lines().At(i))
		}
		para.SetLines(rest)
		if para.ChildCount() == 0 {
			q.RemoveChild(q, para)
		}
		c := &Callout{Alert: typ}
		c.SetLines(q.Lines())
		for child := q.FirstChild(); child != nil; {
			next := child.NextSibling()
			c.AppendChild(c, child)
			child = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, c)
	}
}

type calloutRenderer struct {
	emergency string
}

func (r *calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCallout, r.render)
	reg.Register(ast.KindParagraph, r.renderParagraph)
}

// CareLevels are the callouts that tell readers how soon to get help.
// Like the care cards of the NHS design system, each opens with a heading
// band whose level is said to screen readers by a visually hidden prefix,
// such as "Urgent advice: ", rather than shown by colour alone.
var CareLevels = []string{"EMERGENCY", "URGENT", "NON-URGENT"}

// careHeading returns the callout that n heads: a care
// level callout other than EMERGENCY (whose heading is the call to the
// emergency number) whose first block is n.
func careHeading(n ast.Node) (*Callout, bool) {
	c, ok := n.Parent().(*Callout)
	if !ok || n.PreviousSibling() != nil || c.Alert == "EMERGENCY" || !slices.Contains(CareLevels, c.Alert) {
		return nil, false
	}
	return c, true
}

func hiddenPrefix(alert string) string {
	return `<span class="visually-hidden">` + html.EscapeString(CalloutTypes[alert]) + `: </span>`
}

func (r *calloutRenderer) render(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*Callout)
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	label := CalloutTypes[c.Alert]
	cls := strings.ToLower(c.Alert)
	if !slices.Contains(CareLevels, c.Alert) {
		fmt.Fprintf(w, `<div class="callout callout-%s"><p class="callout-label">%s</p>`+"\n", cls, html.EscapeString(label))
		return ast.WalkContinue, nil
	}
	fmt.Fprintf(w, `<div class="callout care callout-%s">`, cls)
	switch {
	case c.Alert == "EMERGENCY" && r.emergency == "":
		fmt.Fprintf(w, `<p class="callout-heading">%sCall emergency services now</p>`, hiddenPrefix(c.Alert))
	case c.Alert == "EMERGENCY":
		fmt.Fprintf(w, `<p class="callout-heading">%sCall <a href="tel:%s">%s</a> now</p>`, hiddenPrefix(c.Alert),
			html.EscapeString(TelURI(r.emergency)), html.EscapeString(r.emergency))
	default:
		if _, ok := c.FirstChild().(*ast.Paragraph); !ok {
			// Nothing to head the callout with: show the level itself.
			fmt.Fprintf(w, `<p class="callout-heading">%s</p>`, html.EscapeString(label))
		}
	}
	_, _ = w.WriteString("\n")
	return ast.WalkContinue, nil
}

// renderParagraph renders a paragraph as goldmark does, except the first
// paragraph of an urgent or non-urgent callout, which becomes its heading.
func (r *calloutRenderer) renderParagraph(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c, heading := careHeading(n)
	switch {
	case !entering:
		_, _ = w.WriteString("</p>\n")
	case heading:
		_, _ = w.WriteString(`<p class="callout-heading">` + hiddenPrefix(c.Alert))
	case n.Attributes() != nil:
		_, _ = w.WriteString("<p")
		gmhtml.RenderAttributes(w, n, gmhtml.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	default:
		_, _ = w.WriteString("<p>")
	}
	return ast.WalkContinue, nil
}

// TelURI keeps the digits and plus sign of a phone number, for a tel: link.
func TelURI(number string) string {
	return strings.Map(func(r rune) rune {
		if r == '+' || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, number)
}

// callouts is the goldmark extension that adds Callout parsing and rendering.
type callouts struct {
	emergency string
}

func (e callouts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(calloutTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&calloutRenderer{emergency: e.emergency}, 500)))
}
