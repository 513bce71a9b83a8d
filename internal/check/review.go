package check

import "github.com/pamphlet-health/pamphlet/internal/finding"

// Reviews reports each page's standing with the review gate, worked out
// when the page was loaded (see review.Gate.Evaluate): review.missing,
// review.language, review.changed, review.overdue, review.due-soon,
// review.reviewer, review.date and review.signature.
func Reviews(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		out = append(out, p.Review.Findings...)
	}
	return out
}
