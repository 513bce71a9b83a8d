package check

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/claims"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/plain"
	"github.com/pamphlet-health/pamphlet/internal/prose"
	"github.com/pamphlet-health/pamphlet/internal/readability"
)

// Words are the word lists the content rules use: the built-in lists with
// the additions and removals of the site's pamphlet.yaml.
type Words struct {
	Claims *claims.Detector // English: the lists and models are written for English alone
	// Spanish is the claim detector of Spanish pages, with the edits of
	// claims_languages.es.
	Spanish *claims.Spanish
	// Plain holds the plain-language list of each of the site's languages
	// that has one, by language tag; see PlainIn.
	Plain map[string]*plain.List
}

// PlainIn returns the plain-language list for pages in lang, or nil when
// the language has none: no built-in list and no words added in
// pamphlet.yaml.
func (w *Words) PlainIn(lang string) *plain.List { return w.Plain[lang] }

// LoadWords builds the word lists for a site. A list name, phrase or
// removal that does not work is a config.value error at its line in
// pamphlet.yaml; the built-in list is used in its place. A site language
// that some checks cannot read is a config.language warning, once (see
// languageWarning).
func LoadWords(cfg *content.Config) (*Words, []finding.Finding) {
	var found []finding.Finding
	bad := func(key, format string, args ...any) {
		found = append(found, finding.Finding{Position: cfg.Keys[key], Rule: "config.value", Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	w := &Words{Plain: map[string]*plain.List{}}

	lists := claims.Builtin()
	// One phrase at a time, so that an error points at its own line.
	for _, name := range slices.Sorted(maps.Keys(cfg.Claims)) {
		e := cfg.Claims[name]
		if err := lists.Edit(name, nil, nil); err != nil {
			bad("claims."+name, "claims: %v", err)
			continue
		}
		for i, r := range e.Remove {
			if err := lists.Edit(name, nil, []string{r}); err != nil {
				bad(fmt.Sprintf("claims.%s.remove.%d", name, i), "claims.%s: %v", name, err)
			}
		}
		for i, a := range e.Add {
			if err := lists.Edit(name, []string{a}, nil); err != nil {
				bad(fmt.Sprintf("claims.%s.add.%d", name, i), "claims.%s: %v", name, err)
			}
		}
	}
	det, err := claims.New(lists)
	if err != nil { // the built-in lists are tested to compile
		panic(err)
	}
	w.Claims = det
	w.Spanish = spanishClaims(cfg, bad)

	for _, lang := range cfg.Langs() {
		if list := plainList(cfg, lang, bad); list != nil {
			w.Plain[lang] = list
		}
	}
	if f, ok := languageWarning(cfg, w); ok {
		found = append(found, f)
	}
	return w, found
}

// spanishClaims builds the Spanish claim detector: the built-in Spanish
// lists with the edits of claims_languages for each tag whose first part
// is es. A tag of a language pamphlet has no claim lists for is a
// config.value error: its pages need a clinician's sign-off whatever the
// lists would say (review.language).
func spanishClaims(cfg *content.Config, bad func(key, format string, args ...any)) *claims.Spanish {
	lists := claims.BuiltinSpanish()
	for _, tag := range slices.Sorted(maps.Keys(cfg.ClaimsLanguages)) {
		key := "claims_languages." + tag
		if primary(tag) != "es" {
			bad(key, "claims_languages: pamphlet has claim word lists for Spanish (es) alone, not for %q; pages in %s need a clinician's sign-off (review.language), and English lists are edited under claims", tag, tag)
			continue
		}
		edits := cfg.ClaimsLanguages[tag]
		for _, name := range slices.Sorted(maps.Keys(edits)) {
			e := edits[name]
			if err := lists.Edit(name, nil, nil); err != nil {
				bad(key+"."+name, "claims_languages.%s: %v", tag, err)
				continue
			}
			for i, r := range e.Remove {
				if err := lists.Edit(name, nil, []string{r}); err != nil {
					bad(fmt.Sprintf("%s.%s.remove.%d", key, name, i), "claims_languages.%s.%s: %v", tag, name, err)
				}
			}
			for i, a := range e.Add {
				if err := lists.Edit(name, []string{a}, nil); err != nil {
					bad(fmt.Sprintf("%s.%s.add.%d", key, name, i), "claims_languages.%s.%s: %v", tag, name, err)
				}
			}
		}
	}
	det, err := claims.NewSpanish(lists)
	if err != nil { // the built-in lists are tested to compile, and every phrase added was parsed
		panic(err)
	}
	return det
}

// claimReader is what the claims rules ask of a language's claim
// detector.
type claimReader interface {
	Judge(sentence string, toks []prose.Token, claims bool) claims.Verdict
	Warns(toks []prose.Token) bool
	StatisticsIn(toks []prose.Token) []claims.Match
}

// claimsIn returns the claim detector of pages in lang, or nil for a
// language it has no lists for: English (and a page of no language) and
// Spanish have them.
func (w *Words) claimsIn(lang string) claimReader {
	switch primary(lang) {
	case "", "en":
		return w.Claims
	case "es":
		if w.Spanish != nil {
			return w.Spanish
		}
		return builtinSpanish() // Words made without LoadWords still read Spanish: the gate lets its pages through unsigned
	}
	return nil
}

// builtinSpanish is the Spanish detector of the built-in lists, made once.
var builtinSpanish = sync.OnceValue(func() *claims.Spanish {
	d, err := claims.NewSpanish(claims.BuiltinSpanish())
	if err != nil {
		panic(err) // the built-in lists are tested to compile
	}
	return d
})

// plainList builds the plain-language list of one of the site's
// languages: its built-in list with pamphlet.yaml's edits for it (see
// content.Config.PlainEdits). A language with no built-in list has the
// words pamphlet.yaml adds for it, and none when it adds none: nil.
func plainList(cfg *content.Config, lang string, bad func(key, format string, args ...any)) *plain.List {
	entries, builtin := plain.BuiltinIn(lang)
	for _, e := range cfg.PlainEdits(lang) {
		for i, r := range e.Remove {
			n := len(entries)
			entries = slices.DeleteFunc(entries, func(e plain.Entry) bool { return e.Term == r })
			if len(entries) < n {
				continue
			}
			file := "plain.txt"
			if primary(lang) == "es" {
				file = "plain.es.txt"
			}
			if builtin {
				bad(fmt.Sprintf("%s.remove.%d", e.Key, i), "%s.remove: %q is not in the built-in list; write the word as %s has it, before its =", e.Key, r, file)
			} else {
				bad(fmt.Sprintf("%s.remove.%d", e.Key, i), "%s.remove: %q is not in the list; pamphlet has no built-in plain-language list for %s, so there is nothing to remove", e.Key, r, lang)
			}
		}
		for _, term := range slices.Sorted(maps.Keys(e.Add)) {
			if _, err := prose.ParsePhrase(term); err != nil {
				bad(e.Key+".add."+term, "%s.add: %v", e.Key, err)
				continue
			}
			entries = append(entries, plain.Entry{Term: term, Instead: e.Add[term]})
		}
	}
	if len(entries) == 0 {
		return nil
	}
	list, err := plain.NewIn(lang, entries)
	if err != nil {
		panic(err) // the built-in lists are tested, and every added term was parsed
	}
	return list
}

// primary returns the first part of a language tag, in lower case: es
// for es-MX.
func primary(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return p
}

// languageWarning says, once for the site, which of its languages some
// checks cannot read (config.language, warning), at the languages key
// of pamphlet.yaml (language when the site has one): those pamphlet has
// no readability formula for, whose pages are not scored, and those with
// no plain-language list. Pages in such a language are neither English
// nor Spanish, so the claim detector cannot read them either, and the
// gate asks a clinician's sign-off of each (review.language).
func languageWarning(cfg *content.Config, w *Words) (finding.Finding, bool) {
	var unscored, noPlain, all []string
	for _, lang := range cfg.Langs() {
		a, b := readability.LanguageOf(lang) == readability.Other, w.PlainIn(lang) == nil
		if a {
			unscored = append(unscored, lang)
		}
		if b {
			noPlain = append(noPlain, lang)
		}
		if a || b {
			all = append(all, lang)
		}
	}
	if len(unscored) == 0 && len(noPlain) == 0 {
		return finding.Finding{}, false
	}
	var parts []string
	if len(unscored) > 0 {
		parts = append(parts, fmt.Sprintf("no readability formula for %s, so %s pages get no reading score (it scores English and Spanish)", orList(unscored), orList(unscored)))
	}
	if len(noPlain) > 0 {
		parts = append(parts, fmt.Sprintf("no plain-language word list for %s (add words under plain_language.languages.%s.add)", orList(noPlain), noPlain[0]))
	}
	key := "languages"
	if _, ok := cfg.Keys[key]; !ok {
		key = "language"
	}
	pos, ok := cfg.Keys[key]
	if !ok {
		pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
	}
	return finding.Finding{Position: pos, Rule: "config.language", Severity: finding.Warning, Message: fmt.Sprintf(
		"pamphlet has %s; it has no claim word lists for %s either, so every page in %s needs a clinician's sign-off (review.language)",
		strings.Join(parts, ", and "), orList(all), orList(all))}, true
}

// orList writes languages as "fr", "fr or de", "fr, de or pt".
func orList(langs []string) string {
	if len(langs) == 1 {
		return langs[0]
	}
	return strings.Join(langs[:len(langs)-1], ", ") + " or " + langs[len(langs)-1]
}
