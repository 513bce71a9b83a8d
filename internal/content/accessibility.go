package content

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// AccessibilityURL is the address of the accessibility statement, built
// from pamphlet.yaml's accessibility block (under /LANG/ for each other
// language of the site).
const AccessibilityURL = "/accessibility/"

// AccessibilityStandard is the standard the built-in theme is tested to,
// which the accessibility statement names.
const AccessibilityStandard = "WCAG 2.2 AA"

// Accessibility is the accessibility statement that public-sector sites
// publish (the UK's Public Sector Bodies Accessibility Regulations 2018
// and the EU's Web Accessibility Directive ask for one): how to report a
// problem, the enforcement procedure, when the site was last tested and
// what is known not to work. Contact, Enforcement and each limitation are
// Markdown.
type Accessibility struct {
	// Contact is how readers report an accessibility problem, or ask for
	// information in another format, and how soon they hear back.
	Contact string `key:"contact"`
	// Enforcement is where readers turn when they are not happy with the
	// reply, such as the Equality Advisory and Support Service in the UK.
	Enforcement string `key:"enforcement"`
	// Tested is the day the site was last tested for accessibility.
	Tested Date `key:"tested"`
	// TestedBy says who tested it and how, such as "our web team, with
	// a screen reader and a keyboard, on 20 pages".
	TestedBy string `key:"tested_by"`
	// Limitations are the known problems, each a sentence or two; none
	// states that the site fully meets AccessibilityStandard.
	Limitations []string `key:"limitations"`
	// Updated is the day the statement was last reviewed; Tested when
	// not given.
	Updated Date `key:"updated"`
	// Translations are the statement in the site's other languages.
	Translations map[string]AccessibilityText `key:"translations"`
}

// AccessibilityText is the accessibility statement's text in one
// language.
type AccessibilityText struct {
	Contact     string   `key:"contact"`
	Enforcement string   `key:"enforcement"`
	TestedBy    string   `key:"tested_by"`
	Limitations []string `key:"limitations"`
}

// In returns the statement's text in a language of the site: its
// translation, with each part it leaves out taken from the default
// language's, or the text as written for the default language and a
// language without one.
func (a *Accessibility) In(lang, defaultLang string) AccessibilityText {
	base := AccessibilityText{Contact: a.Contact, Enforcement: a.Enforcement, TestedBy: a.TestedBy, Limitations: a.Limitations}
	tr, ok := a.Translations[lang]
	if !ok || lang == defaultLang {
		return base
	}
	out := AccessibilityText{
		Contact: cmp.Or(tr.Contact, base.Contact), Enforcement: cmp.Or(tr.Enforcement, base.Enforcement),
		TestedBy: cmp.Or(tr.TestedBy, base.TestedBy), Limitations: tr.Limitations,
	}
	if out.Limitations == nil {
		out.Limitations = base.Limitations
	}
	return out
}

// Reviewed is the day the statement was last reviewed: Updated, or else
// Tested.
func (a *Accessibility) Reviewed() Date {
	if !a.Updated.IsZero() {
		return a.Updated
	}
	return a.Tested
}

// validateAccessibility checks the accessibility block: the parts every
// statement needs, a review no earlier than the test it reports, no empty
// limitation, and translations of the site's other languages that list as
// many limitations as the default's.
func (c *Config) validateAccessibility(bad func(key, format string, args ...any)) {
	a := c.Accessibility
	if a == nil {
		return
	}
	if strings.TrimSpace(a.Contact) == "" {
		bad("accessibility", "accessibility needs contact: how readers report an accessibility problem or ask for a page in another format, such as an e-mail address and how soon they hear back")
	}
	if strings.TrimSpace(a.Enforcement) == "" {
		bad("accessibility", "accessibility needs enforcement: where readers turn when they are not happy with the reply, such as the body that enforces the accessibility regulations where you are")
	}
	if a.Tested.IsZero() {
		bad("accessibility", "accessibility needs tested: the day the site was last tested for accessibility, such as tested: 2026-11-01")
	}
	if !a.Updated.IsZero() && !a.Tested.IsZero() && a.Updated.Before(a.Tested.Time) {
		bad("accessibility.updated", "accessibility.updated (%s) is before accessibility.tested (%s); the statement is reviewed after the test it reports", a.Updated, a.Tested)
	}
	for i, l := range a.Limitations {
		if strings.TrimSpace(l) == "" {
			bad(fmt.Sprintf("accessibility.limitations.%d", i), "limitation %d is empty; say what does not work and for whom, or remove it", i+1)
		}
	}
	for _, l := range slices.Sorted(maps.Keys(a.Translations)) {
		key := "accessibility.translations." + l
		if !slices.Contains(c.Langs(), l) || l == c.Language {
			bad(key, "accessibility.translations has %q, which is not one of the site's other languages (%s)", l, strings.Join(c.Langs()[1:], ", "))
			continue
		}
		tr := a.Translations[l]
		if tr.Limitations != nil && len(tr.Limitations) != len(a.Limitations) {
			bad(key+".limitations", "accessibility.translations.%s.limitations lists %d, and accessibility.limitations %d; translate each limitation, in the same order", l, len(tr.Limitations), len(a.Limitations))
		}
		for i, s := range tr.Limitations {
			if strings.TrimSpace(s) == "" {
				bad(fmt.Sprintf("%s.limitations.%d", key, i), "limitation %d is empty; translate it or remove it", i+1)
			}
		}
	}
}
