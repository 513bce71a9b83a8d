package check

import (
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// TrustParts are the parts of the trust statement a reader looks for, by
// their pamphlet.yaml key under trust.
var TrustParts = []string{"publisher", "funding", "advertising", "process", "review", "feedback"}

// TrustStatement reports a pamphlet.yaml without a trust statement, or
// with one that leaves parts out (trust.statement, warning): the trust page
// "How we make our health information" is built from it, and readers judge
// health information by who made it, who pays for it and who checked it.
func TrustStatement(in *Input) []finding.Finding {
	cfg := in.Site.Config
	t := cfg.Trust
	given := map[string]string{
		"publisher": t.Publisher, "funding": t.Funding, "advertising": t.Advertising,
		"process": t.Process, "review": t.Review, "feedback": t.Feedback,
	}
	var missing []string
	for _, k := range TrustParts {
		if strings.TrimSpace(given[k]) == "" {
			missing = append(missing, k)
		}
	}
	pos, ok := cfg.Keys["trust"]
	if !ok {
		pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
	}
	switch {
	case len(missing) == len(TrustParts):
		return []finding.Finding{warningAt(pos, "trust.statement", fmt.Sprintf(
			"%s has no trust statement; add trust: with %s, so the page %q tells readers who makes this information and how it is checked",
			content.ConfigFile, strings.Join(TrustParts, ", "), layout.TrustTitle))}
	case len(missing) > 0:
		return []finding.Finding{warningAt(pos, "trust.statement", fmt.Sprintf(
			"the trust statement leaves out %s; readers look for each on the page %q",
			strings.Join(missing, ", "), layout.TrustTitle))}
	}
	// Each other language that has pages reads the statement in its own
	// words.
	langs := map[string]bool{}
	for _, p := range in.Pages {
		if written(p) && p.Published() && p.Lang != cfg.Language {
			langs[p.Lang] = true
		}
	}
	var out []finding.Finding
	for _, l := range cfg.Langs()[1:] {
		if _, ok := t.Translations[l]; langs[l] && !ok {
			out = append(out, warningAt(pos, "trust.statement", fmt.Sprintf(
				"the trust statement has no %s version, so the %s trust page shows it in %s; add trust.translations.%s with %s in %s",
				l, l, cfg.Language, l, strings.Join(TrustParts, ", "), l)))
		}
	}
	return out
}
