package check

import (
	"strconv"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Depth reports a body or FAQ answer past the Markdown limits
// (content.depth, error): block quotes and lists nested too deep, or too
// many link definitions in a row. Such text is not parsed, so that it
// cannot hold the build for minutes, and the page is not published.
func Depth(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) {
			continue
		}
		if p.Doc != nil && p.Doc.Excess != nil {
			out = append(out, errorAt(p.BodyPos(p.Doc.Excess.Offset), "content.depth", p.Doc.Excess.Message))
		}
		for i, a := range p.Answers {
			if a != nil && a.Excess != nil {
				out = append(out, errorAt(p.KeyPos("faq."+strconv.Itoa(i)+".a"), "content.depth", "this answer: "+a.Excess.Message))
			}
		}
	}
	return out
}
