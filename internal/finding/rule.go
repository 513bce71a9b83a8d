package finding

import "strings"

// Rule describes one rule: what the checks report under its ID, and what
// reports, silencing and the documentation say of it.
type Rule struct {
	ID          string
	Severities  []Severity // the severities it reports, the usual one first
	Scope       Scope
	Gate        bool   // part of the review gate: only new text or a clinician's sign-off clears it
	Silence     bool   // a pamphlet-ignore comment may silence it
	Summary     string // one line saying what it catches
	Description string // the whole of it, in Markdown, as the README's rule tables give it
	Help        string // the README section that explains it, such as #content-checks
}

// Scope is what a rule looks at.
type Scope int

const (
	PageScope   Scope = iota // one page, with the site's settings
	SiteScope                // the pages together
	ConfigScope              // pamphlet.yaml
)

func (s Scope) String() string {
	return [...]string{"page", "site", "config"}[s]
}

// Family is the part of the rule's ID before the dot, such as a11y.
func (r Rule) Family() string {
	f, _, _ := strings.Cut(r.ID, ".")
	return f
}

// SeverityText names the severities the rule reports, as "error / warning".
func (r Rule) SeverityText() string {
	var s []string
	for _, sev := range r.Severities {
		s = append(s, sev.String())
	}
	return strings.Join(s, " / ")
}

// HelpURI is where the rule is explained, under the project's address.
func (r Rule) HelpURI() string { return InformationURI + "#" + strings.TrimPrefix(r.Help, "#") }

// InformationURI is the project's address.
const InformationURI = "https://github.com/pamphlet-health/pamphlet"
