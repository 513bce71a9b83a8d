package check

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// RawHTML reports HTML written in a page's Markdown (content.raw-html,
// warning): the renderer drops it for safety, so readers never see it,
// and the writer should know what is missing from the page. HTML
// comments, which no reader sees anyway (pamphlet-ignore among them),
// and closing tags, whose opening tag is reported, are passed over.
func RawHTML(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !live(p) || p.Doc.Root == nil {
			continue
		}
		src := p.Doc.Source
		report := func(start int, html []byte) {
			out = append(out, warningAt(p.BodyPos(start), "content.raw-html", fmt.Sprintf(
				"%s is HTML, which pamphlet drops from the page for safety, so readers do not see it; write it in Markdown, or take it out", quote(htmlStart(html)))))
		}
		_ = ast.Walk(p.Doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.HTMLBlock:
				if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 { // a comment
					return ast.WalkSkipChildren, nil
				}
				seg := n.Lines().At(0)
				line := seg.Value(src)
				indent := len(line) - len(bytes.TrimLeft(line, " \t"))
				report(seg.Start+indent, line)
				return ast.WalkSkipChildren, nil
			case *ast.RawHTML:
				if n.Segments.Len() == 0 {
					return ast.WalkContinue, nil
				}
				seg := n.Segments.At(0)
				html := seg.Value(src)
				if bytes.HasPrefix(html, []byte("<!--")) || bytes.HasPrefix(html, []byte("</")) {
					return ast.WalkContinue, nil
				}
				report(seg.Start, html)
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// htmlStart is the start of some HTML, for a message: its first line, up
// to 40 characters.
func htmlStart(html []byte) string {
	s := strings.TrimSpace(string(html))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:39]) + "…"
	}
	return s
}
