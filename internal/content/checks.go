package content

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// The settings of the checks that differ by language: the reading ease
// Spanish pages are held to, and which languages' plain-language lists
// pamphlet.yaml edits.

// EaseTargets are the reading ease the pages of one language are held to
// (readability.languages.LANG). A reading ease is higher for easier text,
// unlike a grade, so a page is held to at least Target (a warning below)
// and at least Min (an error below). Each left out is its formula's
// default (see EaseFormulas). Audiences sets other targets for the pages
// of an audience, as readability.audiences does for English grades.
type EaseTargets struct {
	Formula   string                  `key:"formula"`
	Target    float64                 `key:"target"`
	Min       float64                 `key:"min"`
	Audiences map[string]EaseAudience `key:"audiences"`
}

// EaseAudience overrides the reading-ease targets for one audience
// (readability.languages.LANG.audiences.AUDIENCE); either left out is the
// one the audience gets without it.
type EaseAudience struct {
	Target float64 `key:"target"`
	Min    float64 `key:"min"`
}

// EaseFormula is a reading-ease formula made for a language, with the
// targets its pages are held to by default.
type EaseFormula struct {
	Name        string  // as readability.languages.LANG.formula names it, such as szigriszt-pazos
	Target, Min float64 // the defaults of EaseTargets
	// Audiences are the stricter defaults of the audiences that have
	// their own, while readability.languages.LANG sets no target or min
	// of its own; the other audiences get Target and Min.
	Audiences map[string]EaseAudience
}

// EaseFormulas returns the reading-ease formulas made for a language
// other than English, by its tag (es, es-MX), the default first; none for
// a language pamphlet has no formula for. Package readability works them
// out; a test keeps the two lists equal. The defaults are the score where
// the formula's own scale begins "bastante fácil" (quite easy), a warning
// below it, and where it begins "normal", an error below it: 65 and 55 on
// the INFLESZ scale of Szigriszt-Pazos, 70 and 60 on Fernández Huerta's.
// Pages for seniors and for young people are held 5 points higher on
// either scale, inside those bands: 70 and 60 on the INFLESZ scale, 75
// and 65 on Fernández Huerta's (the README says why).
func EaseFormulas(lang string) []EaseFormula {
	if primaryTag(lang) == "es" {
		stricter := func(target, min float64) map[string]EaseAudience {
			return map[string]EaseAudience{"seniors": {target, min}, "young-people": {target, min}}
		}
		return []EaseFormula{{"szigriszt-pazos", 65, 55, stricter(70, 60)}, {"fernandez-huerta", 70, 60, stricter(75, 65)}}
	}
	return nil
}

// Ease reports whether the target is a reading ease, where higher is
// easier, rather than a grade.
func (t ReadingTarget) Ease() bool {
	return t.Formula == "szigriszt-pazos" || t.Formula == "fernandez-huerta"
}

// easeEntry returns the entry of readability.languages for lang, for its
// whole tag, else for its first part, with the formula it names (the
// language's default when it names none, or one not made for the
// language, which validation reports), and whether lang has a formula.
func (c *Config) easeEntry(lang string) (EaseTargets, EaseFormula, bool) {
	formulas := EaseFormulas(lang)
	if len(formulas) == 0 {
		return EaseTargets{}, EaseFormula{}, false
	}
	e, ok := c.Readability.Languages[lang]
	if !ok {
		e = c.Readability.Languages[primaryTag(lang)]
	}
	f := formulas[0]
	if i := slices.IndexFunc(formulas, func(f EaseFormula) bool { return f.Name == e.Formula }); i >= 0 {
		f = formulas[i]
	}
	return e, f, true
}

// audienceEase returns the target and min of the pages of one audience
// in a language, by its entry e of readability.languages and formula f:
// the entry's target and min, each left out the formula's default; while
// the entry sets neither, the formula's own defaults for the audience
// where it has them; then each the entry's audiences set for it.
func audienceEase(e EaseTargets, f EaseFormula, audience string) (target, min float64) {
	target, min = cmp.Or(e.Target, f.Target), cmp.Or(e.Min, f.Min)
	if d, ok := f.Audiences[audience]; ok && e.Target == 0 && e.Min == 0 {
		target, min = d.Target, d.Min
	}
	if a, ok := e.Audiences[audience]; ok {
		target, min = cmp.Or(a.Target, target), cmp.Or(a.Min, min)
	}
	return target, min
}

// easeTarget is ReadingTarget for a page in a language other than
// English: the formula of readability.languages for the language (see
// easeEntry) and the targets of the page's audiences (see audienceEase),
// the strictest of them (the highest target and the highest min; a page
// with no audience is for patients, and the clinicians among other
// audiences set nothing), then the page's own readability target and
// min.
func (c *Config) easeTarget(lang string, m FrontMatter) ReadingTarget {
	e, f, ok := c.easeEntry(lang)
	if !ok {
		return ReadingTarget{}
	}
	t := ReadingTarget{Formula: f.Name, Enforced: forPatients(m.Audience)}
	audiences := m.Audience
	if len(audiences) == 0 {
		audiences = []string{"patients"}
	}
	first := true
	for _, a := range audiences {
		if a == "clinicians" && t.Enforced {
			continue // the other audiences set the target
		}
		target, min := audienceEase(e, f, a)
		if first || target > t.Target {
			t.Target = target
		}
		if first || min > t.Min {
			t.Min = min
		}
		first = false
	}
	if p := m.Readability; p != nil {
		if p.Target > 0 {
			t.Target = p.Target
		}
		if p.Min > 0 {
			t.Min = p.Min
		}
	}
	t.Min = min(t.Min, t.Target)
	return t
}

// forPatients reports whether a page of these audiences is held to a
// readability target: it is for someone other than clinicians, and a page
// with no audience is for patients.
func forPatients(audiences []string) bool {
	return len(audiences) == 0 || slices.ContainsFunc(audiences, func(a string) bool { return a != "clinicians" })
}

// isEnglish reports whether a language tag is English: en, en-GB.
func isEnglish(lang string) bool { return primaryTag(lang) == "en" }

// primaryTag returns the first part of a language tag, in lower case: es
// for es-MX.
func primaryTag(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return p
}

// hasLanguage reports whether lang is one of the site's languages or the
// first part of one (es for a site in es-MX).
func (c *Config) hasLanguage(lang string) bool {
	return slices.ContainsFunc(c.Langs(), func(l string) bool { return l == lang || primaryTag(l) == lang })
}

// validateLanguageChecks reports what is wrong with readability.languages
// and plain_language.languages, each at its key.
func (c *Config) validateLanguageChecks(bad func(key, format string, args ...any)) {
	langs := strings.Join(c.Langs(), ", ")
	for _, l := range slices.Sorted(maps.Keys(c.Readability.Languages)) {
		key := "readability.languages." + l
		e := c.Readability.Languages[l]
		formulas := EaseFormulas(l)
		switch {
		case isEnglish(l):
			bad(key, "English pages are held to a reading grade by readability.formula, target and max, not by readability.languages.%s", l)
			continue
		case !c.hasLanguage(l):
			bad(key, "readability.languages has %q, which is not one of the site's languages (%s)", l, langs)
			continue
		case len(formulas) == 0:
			bad(key, "pamphlet has no readability formula for %s; it scores English pages by a grade and Spanish (es) pages by a reading ease", l)
			continue
		}
		f := formulas[0]
		if e.Formula != "" {
			i := slices.IndexFunc(formulas, func(f EaseFormula) bool { return f.Name == e.Formula })
			if i < 0 {
				names := make([]string, len(formulas))
				for k, f := range formulas {
					names[k] = f.Name
				}
				bad(key+".formula", "readability.languages.%s.formula must be %s, formulas made for %s, not %q", l, strings.Join(names, " or "), primaryTag(l), e.Formula)
				continue
			}
			f = formulas[i]
		}
		target, min := cmp.Or(e.Target, f.Target), cmp.Or(e.Min, f.Min)
		at := key
		if _, ok := c.Keys[key+".min"]; ok {
			at = key + ".min"
		} else if _, ok := c.Keys[key+".target"]; ok {
			at = key + ".target"
		}
		if e.Target < 0 || e.Min < 0 || target > 100 || min > target {
			given := fmt.Sprintf("target %g, min %g", target, min)
			if e.Target == 0 {
				given = fmt.Sprintf("target %g, its default, and min %g", target, min)
			} else if e.Min == 0 {
				given = fmt.Sprintf("target %g and min %g, its default", target, min)
			}
			bad(at, "readability.languages.%s needs a target and a min between 0 and 100, with min no higher than target (here %s): %s is a reading ease, where higher is easier, so a page below target gets a warning and below min an error", l, given, f.Name)
		}
		validateEaseAudiences(key, e, f, c.Keys, bad)
	}
	for _, l := range slices.Sorted(maps.Keys(c.PlainLanguage.Languages)) {
		if !c.hasLanguage(l) {
			bad("plain_language.languages."+l, "plain_language.languages has %q, which is not one of the site's languages (%s)", l, langs)
		}
	}
}

// validateEaseAudiences reports what is wrong with the audiences of the
// entry e of readability.languages at key, held to the formula f, each at
// its key: an audience pamphlet does not know, one that sets nothing, and
// targets that are not a reading ease with min no higher than target.
func validateEaseAudiences(key string, e EaseTargets, f EaseFormula, keys map[string]finding.Position, bad func(key, format string, args ...any)) {
	for _, a := range slices.Sorted(maps.Keys(e.Audiences)) {
		akey := key + ".audiences." + a
		o := e.Audiences[a]
		if !slices.Contains(Audiences, a) {
			bad(akey, "audience %q is not one of %s", a, strings.Join(Audiences, ", "))
			continue
		}
		at := akey
		if _, ok := keys[akey+".min"]; ok {
			at = akey + ".min"
		} else if _, ok := keys[akey+".target"]; ok {
			at = akey + ".target"
		}
		target, min := audienceEase(e, f, a)
		switch {
		case o.Target == 0 && o.Min == 0:
			bad(akey, "%s needs a target, a min or both, as a reading ease by %s, such as {target: %g, min: %g}", akey, f.Name, target, min)
		case o.Target < 0 || o.Min < 0 || target > 100 || min > target:
			given := fmt.Sprintf("target %g, min %g", target, min)
			if o.Target == 0 {
				given = fmt.Sprintf("target %g, the one %s pages get without it, and min %g", target, a, min)
			} else if o.Min == 0 {
				given = fmt.Sprintf("target %g and min %g, the one %s pages get without it", target, min, a)
			}
			bad(at, "%s needs a target and a min between 0 and 100, with min no higher than target (here %s): %s is a reading ease, where higher is easier, so a page below target gets a warning and below min an error", akey, given, f.Name)
		}
	}
}

// PlainEdits returns the edits pamphlet.yaml makes to the plain-language
// word list of lang, one of the site's languages: for the default
// language, plain_language.add and remove first; then those of
// plain_language.languages for the language's whole tag, else for its
// first part. Each edit comes with the dotted key of pamphlet.yaml it is
// written at, such as plain_language.languages.es.add, for findings.
func (c *Config) PlainEdits(lang string) []KeyedPlainEdit {
	var out []KeyedPlainEdit
	if lang == c.Language && (len(c.PlainLanguage.Add) > 0 || len(c.PlainLanguage.Remove) > 0) {
		out = append(out, KeyedPlainEdit{Key: "plain_language", PlainEdit: PlainEdit{Add: c.PlainLanguage.Add, Remove: c.PlainLanguage.Remove}})
	}
	for _, l := range []string{lang, primaryTag(lang)} {
		if e, ok := c.PlainLanguage.Languages[l]; ok {
			out = append(out, KeyedPlainEdit{Key: "plain_language.languages." + l, PlainEdit: e})
			break
		}
	}
	return out
}

// KeyedPlainEdit is an edit of a plain-language list with the key of
// pamphlet.yaml it is written at.
type KeyedPlainEdit struct {
	Key string // such as plain_language or plain_language.languages.es
	PlainEdit
}
