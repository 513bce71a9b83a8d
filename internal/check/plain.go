package check

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// PlainWords suggests everyday words for medical and bureaucratic ones
// (plain.word, suggestion), wherever they are written, from the list of
// the page's language (see Words.PlainIn), except on pages written only
// for clinicians. Pages in a language with no list get none.
func PlainWords(in *Input) []finding.Finding {
	var out []finding.Finding
	for i, p := range in.Pages {
		if !live(p) || forClinicians(p) {
			continue
		}
		list := in.Words.PlainIn(cmp.Or(p.Lang, in.Site.Config.Language))
		if list == nil {
			continue
		}
		for _, t := range in.Texts(i) {
			for _, s := range t.Sentences {
				for _, m := range list.FindIn(s.Tokens) {
					out = append(out, finding.Finding{
						Position: t.Pos(s.Start + m.Start), Rule: "plain.word", Severity: finding.Suggestion,
						Message: fmt.Sprintf("%s: most readers know it as %q; use that, or explain the word the first time", quote(s.Text[m.Start:m.End]), m.Instead),
					})
				}
			}
		}
	}
	return out
}

// forClinicians reports whether a page is written only for clinicians.
func forClinicians(p Page) bool {
	a := p.Meta.Audience
	return len(a) > 0 && !slices.ContainsFunc(a, func(s string) bool { return s != "clinicians" })
}
