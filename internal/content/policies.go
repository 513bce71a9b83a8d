package content

import (
	"cmp"
	"slices"
)

// This file holds the policies of pamphlet.yaml that say how pages are
// judged: review, readability, the trust statement and the word lists.

// ReviewPolicy says how often clinical pages must be reviewed.
type ReviewPolicy struct {
	Interval          Period `key:"interval"`
	WarnBefore        Period `key:"warn_before"`
	Overdue           string `key:"overdue"` // "error" or "warning"
	RequireSignatures bool   `key:"require_signatures"`
	// Translations is how a translation whose source was signed off again
	// with other text is reported (review.translation-stale): "error" or
	// "warning".
	Translations string `key:"translations"`
}

// ReadabilityPolicy holds the site's readability targets: reading grades
// for English pages, and by language (and audience) the reading ease
// other languages' pages are held to.
type ReadabilityPolicy struct {
	Formula   string                  `key:"formula"`
	Target    float64                 `key:"target"`
	Max       float64                 `key:"max"`
	Audiences map[string]GradeTargets `key:"audiences"`
	// Languages holds the targets of the pages of a language other than
	// English, by language tag (es, or es-MX for those pages alone); see
	// EaseTargets. A language with a formula and no entry gets its
	// defaults.
	Languages map[string]EaseTargets `key:"languages"`
}

// GradeTargets overrides the reading-grade targets for one audience.
type GradeTargets struct {
	Target float64 `key:"target"`
	Max    float64 `key:"max"`
}

// ReadingTarget is the score a page is held to (see Config.ReadingTarget):
// a reading grade for English pages, a reading ease for Spanish ones.
type ReadingTarget struct {
	// Formula is "smog" or "fkgl", grades, for English pages;
	// "szigriszt-pazos" or "fernandez-huerta", reading ease, for Spanish
	// pages (see Ease); "" for a language with no formula, whose pages are
	// not scored.
	Formula  string
	Target   float64 // a grade above it, or an ease below it, is a warning
	Max      float64 // a grade above it is an error
	Min      float64 // an ease below it is an error
	Enforced bool    // false for pages written only for clinicians, whose score is reported, not held to
}

// ReadingTarget returns the score a page in lang ("" for the site's
// default language) is held to. An English page is held to a reading
// grade: the site's readability target and max, made stricter by
// readability.audiences for each of the page's audiences (the strictest
// wins; a page with no audience is for patients), then replaced by the
// page's own readability front matter where it sets one. A page in
// another language with a formula is held to a reading ease, by its
// audiences too (see EaseTargets and EaseFormulas); one in a language
// with none, to nothing (Formula "").
// Pages written only for clinicians are not enforced.
func (c *Config) ReadingTarget(lang string, m FrontMatter) ReadingTarget {
	if lang = cmp.Or(lang, c.Language); !isEnglish(lang) {
		return c.easeTarget(lang, m)
	}
	r := c.Readability
	t := ReadingTarget{Formula: r.Formula, Target: r.Target, Max: r.Max, Enforced: true}
	audiences := m.Audience
	if len(audiences) == 0 {
		audiences = []string{"patients"}
	}
	if !slices.ContainsFunc(audiences, func(a string) bool { return a != "clinicians" }) {
		t.Enforced = false
	}
	first := true
	for _, a := range audiences {
		if a == "clinicians" && t.Enforced {
			continue // the other audiences set the target
		}
		target, max := r.Target, r.Max
		if g, ok := r.Audiences[a]; ok {
			if g.Target > 0 {
				target = g.Target
			}
			if g.Max > 0 {
				max = g.Max
			}
		}
		if first || target < t.Target {
			t.Target = target
		}
		if first || max < t.Max {
			t.Max = max
		}
		first = false
	}
	if p := m.Readability; p != nil {
		if p.Target > 0 {
			t.Target = p.Target
		}
		if p.Max > 0 {
			t.Max = p.Max
		}
	}
	t.Max = max(t.Max, t.Target)
	return t
}

// Trust is the statement behind the "How we make our health information"
// page. Each part is Markdown.
type Trust struct {
	Publisher   string `key:"publisher"`
	Funding     string `key:"funding"`
	Advertising string `key:"advertising"`
	Process     string `key:"process"`
	Review      string `key:"review"`
	Feedback    string `key:"feedback"`
	Disclaimer  string `key:"disclaimer"`
	// Updated is the day the statement last changed: the trust page
	// shows it, and it is the page's lastmod in the sitemap. Zero when
	// pamphlet.yaml does not say, as pamphlet cannot know.
	Updated Date `key:"updated"`
	// Translations are the statement in the site's other languages, by
	// language, for each language's trust page.
	Translations map[string]TrustText `key:"translations"`
}

// TrustText is the trust statement in one language.
type TrustText struct {
	Publisher   string `key:"publisher"`
	Funding     string `key:"funding"`
	Advertising string `key:"advertising"`
	Process     string `key:"process"`
	Review      string `key:"review"`
	Feedback    string `key:"feedback"`
	Disclaimer  string `key:"disclaimer"`
}

// In returns the trust statement in a language of the site: its
// translation, or for the default language (and a language with none)
// the statement as written, with false. A part a translation leaves out
// is the one written for the default language.
func (t Trust) In(lang, defaultLang string) (TrustText, bool) {
	base := TrustText{t.Publisher, t.Funding, t.Advertising, t.Process, t.Review, t.Feedback, t.Disclaimer}
	tr, ok := t.Translations[lang]
	if !ok || lang == defaultLang {
		return base, lang == defaultLang
	}
	return TrustText{
		cmp.Or(tr.Publisher, base.Publisher), cmp.Or(tr.Funding, base.Funding), cmp.Or(tr.Advertising, base.Advertising),
		cmp.Or(tr.Process, base.Process), cmp.Or(tr.Review, base.Review), cmp.Or(tr.Feedback, base.Feedback),
		cmp.Or(tr.Disclaimer, base.Disclaimer),
	}, true
}

// PlainLanguage edits the built-in plain-language word list of the
// site's default language: add maps a word or phrase to what to say
// instead; remove drops built-in entries. Languages edits the list of
// each language by its tag, the default's included, in the same way.
type PlainLanguage struct {
	Add       map[string]string    `key:"add"`
	Remove    []string             `key:"remove"`
	Languages map[string]PlainEdit `key:"languages"`
}

// PlainEdit edits the plain-language word list of one language.
type PlainEdit struct {
	Add    map[string]string `key:"add"`
	Remove []string          `key:"remove"`
}

// ListEdit adds phrases to one of the claim detector's word lists and
// removes others.
type ListEdit struct {
	Add    []string `key:"add"`
	Remove []string `key:"remove"`
}
