package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is goldmark's GitHub Flavored Markdown (extension.GFM) with its
// links made from bare addresses (extension.Linkify) found faster.
var gfm = goldmark.Extender(gfmExtender{})

type gfmExtender struct{}

func (gfmExtender) Extend(m goldmark.Markdown) {
	// As extension.Linkify adds its parser, at the same priority.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999)))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// quickLinkify is goldmark's parser of bare addresses, which is asked at
// every space of the text: it answers at once, as goldmark's would in
// the end, where the text there cannot begin an address. An address
// begins "http:", "https:", "ftp:" or "www.", and an email address has
// its "@" within the 65 bytes after the space (util.FindEmailIndex reads
// at most 64 bytes of its local part). Anything else goes to goldmark's
// parser, so that the two make the same syntax trees.
type quickLinkify struct {
	parser.InlineParser
}

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayLink(line) {
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// mayLink reports whether goldmark's linkify parser might make a link of
// line, the rest of the line from where it was asked: false only where it
// returns nothing.
func mayLink(line []byte) bool {
	if len(line) > 0 {
		switch line[0] { // the character that asked, which the parser skips
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		return true
	}
	return bytes.IndexByte(line[:min(len(line), 65)], '@') >= 0
}
