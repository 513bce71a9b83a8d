package content

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The settings of the checks that differ by language: the reading ease
// Spanish pages are held to, and which languages' plain-language lists
// pamphlet.yaml edits.

// EaseTargets are the reading ease the pages of one language are held to
// (readability.languages.LANG). A reading ease is higher for easier text,
// unlike a grade, so a page is held to at least Target (a warning below)
// and at least Min (an error below). Each left out is its formula's
// default (see EaseFormulas).
type EaseTargets struct {
	Formula string  `key:"formula"`
	Target  float64 `key:"target"`
	Min     float64 `key:"min"`
}

// EaseFormula is a reading-ease formula made for a language, with the
// targets its pages are held to by default.
type EaseFormula struct {
	Name        string  // as readability.languages.LANG.formula names it, such as szigriszt-pazos
	Target, Min float64 // the defaults of EaseTargets
}

// EaseFormulas returns the reading-ease formulas made for a language
// other than English, by its tag (es, es-MX), the default first; none for
// a language pamphlet has no formula for. Package readability works them
// out; a test keeps the two lists equal. The defaults are the score where
// the formula's own scale begins "bastante fácil" (quite easy), a warning
// below it, and where it begins "normal", an error below it: 65 and 55 on
// the INFLESZ scale of Szigriszt-Pazos, 70 and 60 on Fernández Huerta's.
func EaseFormulas(lang string) []EaseFormula {
	if primaryTag(lang) == "es" {
		return []EaseFormula{{"szigriszt-pazos", 65, 55}, {"fernandez-huerta", 70, 60}}
	}
	return nil
}

// Ease reports whether the target is a reading ease, where higher is
// easier, rather than a grade.
func (t ReadingTarget) Ease() bool {
	return t.Formula == "szigriszt-pazos" || t.Formula == "fernandez-huerta"
}

// easeTarget is ReadingTarget for a page in a language other than
// English: the formula and targets of readability.languages for the
// language (its entry for the whole tag, else for its first part), each
// left out its formula's default, then the page's own readability target
// and min.
func (c *Config) easeTarget(lang string, m FrontMatter) ReadingTarget {
	formulas := EaseFormulas(lang)
	if len(formulas) == 0 {
		return ReadingTarget{}
	}
	e, ok := c.Readability.Languages[lang]
	if !ok {
		e = c.Readability.Languages[primaryTag(lang)]
	}
	f := formulas[0]
	if i := slices.IndexFunc(formulas, func(f EaseFormula) bool { return f.Name == e.Formula }); i >= 0 {
		f = formulas[i]
	}
	t := ReadingTarget{Formula: f.Name, Target: cmp.Or(e.Target, f.Target), Min: cmp.Or(e.Min, f.Min), Enforced: forPatients(m.Audience)}
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
	}
	for _, l := range slices.Sorted(maps.Keys(c.PlainLanguage.Languages)) {
		if !c.hasLanguage(l) {
			bad("plain_language.languages."+l, "plain_language.languages has %q, which is not one of the site's languages (%s)", l, langs)
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
