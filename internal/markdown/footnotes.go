package markdown

import (
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// FootnoteID is the ID of the n-th footnote of a page (from 1): fn-1,
// fn-2, … Goldmark's own IDs (fn:1) hold a colon, which is valid HTML
// but has to be escaped in every CSS selector and trips validators.
func FootnoteID(n int) string { return "fn-" + strconv.Itoa(n) }

// FootnoteRefID is the ID of the place the text cites the n-th footnote
// (from 1): fnref-1 for its first citation, fnref-1-2 for its second.
func FootnoteRefID(n, ref int) string {
	id := "fnref-" + strconv.Itoa(n)
	if ref > 0 {
		id += "-" + strconv.Itoa(ref+1)
	}
	return id
}

// footnoteIDs matches the IDs of FootnoteID and FootnoteRefID, which no
// heading may take.
var footnoteIDs = regexp.MustCompile(`^(?:fn-[0-9]+|fnref-[0-9]+(?:-[0-9]+)?)$`)

// footnoteRenderer writes the footnotes' links, backlinks and items as
// goldmark does, with the IDs of FootnoteID and FootnoteRefID. The list
// around them is goldmark's.
type footnoteRenderer struct{}

func (footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindFootnoteLink, renderFootnoteLink)
	reg.Register(east.KindFootnoteBacklink, renderFootnoteBacklink)
	reg.Register(east.KindFootnote, renderFootnote)
}

func renderFootnoteLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteLink)
		is := strconv.Itoa(n.Index)
		_, _ = w.WriteString(`<sup id="` + FootnoteRefID(n.Index, n.RefIndex) + `"><a href="#` + FootnoteID(n.Index) +
			`" class="footnote-ref" role="doc-noteref">` + is + `</a></sup>`)
	}
	return ast.WalkContinue, nil
}

func renderFootnoteBacklink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		n := node.(*east.FootnoteBacklink)
		_, _ = w.WriteString(`&#160;<a href="#` + FootnoteRefID(n.Index, n.RefIndex) +
			`" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a>`)
	}
	return ast.WalkContinue, nil
}

func renderFootnote(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<li id="` + FootnoteID(node.(*east.Footnote).Index) + "\">\n")
	} else {
		_, _ = w.WriteString("</li>\n")
	}
	return ast.WalkContinue, nil
}
