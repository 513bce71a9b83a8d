package claims

import (
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file reads how a sentence stands to what it says: which words a
// negation or a hedge governs (its scope, to the end of the clause), the
// voice of selling and of certainty promises are written in, and the
// patterns of promises made without a promise's word ("every patient
// who tries it", "lower your blood pressure in minutes", "the cure
// doctors won't tell you about", "you'll never get a cold again").

// scopes marks the words a negation, a hedge or a reporting word (see
// promise-reports) before them governs: from the word after it to the end
// of its clause (see clauseEnds).
func (a *analysis) scopes(sentence string) (neg, hedge, reported []bool) {
	neg, hedge, reported = make([]bool, len(a.toks)), make([]bool, len(a.toks)), make([]bool, len(a.toks))
	mark := func(list string, in []bool) {
		for _, m := range a.found[list] {
			for j := m.Last + 1; j < len(a.toks) && !clauseEnds(sentence, a.toks, j); j++ {
				in[j] = true
			}
		}
	}
	mark("negations", neg)
	mark("hedges", hedge)
	mark("promise-reports", reported)
	return neg, hedge, reported
}

// clauseEnds reports whether a new clause starts at the word at j: after
// a comma, a semicolon, a colon, a bracket, a dash or a mark that ends a
// sentence, or at a word that opens a clause ("but", "because").
func clauseEnds(sentence string, toks []prose.Token, j int) bool {
	if j == 0 {
		return false
	}
	if strings.ContainsAny(sentence[toks[j-1].End:toks[j].Start], ",;:()!?–—") {
		return true
	}
	return clauseWords[toks[j].Norm]
}

// sameClause reports whether no clause starts after the word at i up to
// the word at j.
func sameClause(sentence string, toks []prose.Token, i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if clauseEnds(sentence, toks, k) {
			return false
		}
	}
	return true
}

var clauseWords = map[string]bool{"but": true, "because": true, "although": true, "though": true, "while": true, "whereas": true, "so": true, "yet": true, "instead": true, "unless": true}

// timeWords open a time: "in minutes", "within 24 hours", "by the
// weekend", "after one session".
var timeWords = map[string]bool{"in": true, "within": true, "by": true, "after": true, "before": true}

// patternWindow is the most words between the two halves of a pattern
// (see analysis.patterns), and between what a promise promises and a
// mark of a promise (see voiceFeatures).
const patternWindow = 8

// pairPatterns are the patterns of promises made without a promise's
// word that pair a phrase of one list with one of another near it: after
// it, within window words and in its clause, or on either side of it.
var pairPatterns = []struct {
	feature, first, second string
	window                 int
	after                  bool
}{
	{"outcome+everyone", "promise-all", "promise-people", 4, true},                    // "every woman who tries it", "not one client"
	{"outcome+never-again", "negations", "promise-again", patternWindow, true},        // "you'll never get a cold again"
	{"outcome+no-harm", "negations", "promise-harms", 5, true},                        // "no possible complications", "cannot damage enamel"
	{"outcome+withheld", "promise-experts", "promise-withheld", patternWindow, false}, // "what your dentist isn't telling you"
	{"outcome+endorsed", "promise-experts", "promise-endorsed", 4, false},             // "recommended by 4,000 GPs"
}

// patterns returns the patterns of promises made without a promise's
// word that a sentence holds, by feature, leaving out those that start
// where held marks (in the scope of a hedge): pairPatterns, and
//
//   - outcome+weight: a number before a word of promise-weights ("lost
//     12kg", "two sizes smaller"), or a word of it ending in -er
//     ("slimmer");
//   - outcome+soon: a time, a word of promise-times after one of
//     timeWords ("in minutes", "by dinner").
//
// Each is a feature of the promise model, and a sentence with any of
// them is one the model weighs (see Detector.Judge).
func (a *analysis) patterns(sentence string, held []bool) map[string]prose.Match {
	out := map[string]prose.Match{}
	add := func(name string, m prose.Match) {
		if _, ok := out[name]; !ok && !held[m.First] {
			out[name] = m
		}
	}
	for _, p := range pairPatterns {
		for _, f := range a.found[p.first] {
			for _, s := range a.found[p.second] {
				switch {
				case p.after && s.First > f.Last && s.First-f.Last <= p.window && sameClause(sentence, a.toks, f.Last, s.First),
					!p.after && !overlaps(f, []prose.Match{s}) && s.First-f.Last <= p.window && f.First-s.Last <= p.window:
					add(p.feature, span(f, s))
				}
			}
		}
	}
	for _, w := range a.found["promise-weights"] {
		if j := w.First - 1; j >= 0 && counts(a.toks[j]) {
			if a.weighing(j) {
				continue // "children under 45 kg", "45 kg (100 lbs)": a weight, not one lost
			}
			add("outcome+weight", span(prose.Match{First: j, Last: j}, w))
		} else if w.First == w.Last && strings.HasSuffix(a.toks[w.First].Norm, "er") {
			add("outcome+weight", w)
		}
	}
	for _, t := range a.found["promise-times"] {
		if j, ok := timeBefore(a.toks, t.First); ok {
			add("outcome+soon", span(prose.Match{First: j, Last: j}, t))
		}
	}
	return out
}

// patterned reports whether the sentence holds a pattern of a promise
// (see patterns).
func (a *analysis) patterned(sentence string) bool {
	a.findPatterns()
	_, hedge, reported := a.scopes(sentence)
	for i := range hedge {
		hedge[i] = hedge[i] || reported[i]
	}
	return len(a.patterns(sentence, hedge)) > 0
}

// timeBefore returns the word of timeWords nearest before the word at i,
// within timeWithin words.
func timeBefore(toks []prose.Token, i int) (int, bool) {
	for j := i - 1; j >= 0 && j >= i-timeWithin; j-- {
		if timeWords[toks[j].Norm] {
			return j, true
		}
	}
	return 0, false
}

const timeWithin = 4 // see timeBefore

// weighing reports whether the number at j gives a weight rather than
// one lost: after a word that compares or weighs ("under 45 kg", "more
// than 100 pounds", "weighing 3 stone"), or after a weight, as a
// conversion does ("45 kg (100 lbs)"). It reads the words as written,
// not their stems.
func (a *analysis) weighing(j int) bool {
	if j == 0 {
		return false
	}
	prev := a.toks[j-1].Norm
	if weighingWords[prev] {
		return true
	}
	for _, w := range a.found["promise-weights"] {
		if w.Last == j-1 {
			return true
		}
	}
	return false
}

// weighingWords compare or weigh: a number after one is a weight, not
// one lost.
var weighingWords = map[string]bool{"under": true, "over": true, "above": true, "below": true, "than": true, "least": true,
	"weigh": true, "weighs": true, "weighing": true, "weighed": true, "weighting": true, "exceeding": true}

// counts reports whether a word counts, as a number does.
func counts(t prose.Token) bool { return t.Kind == prose.Number || numberWords[t.Norm] }

// numberWords count, as numbers do.
var numberWords = map[string]bool{"a": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "half": true}

// voiceFeatures adds the features of how the sentence is voiced: the
// words of promises by whether a negation or a hedge governs them; the
// patterns (see patterns); what a promise promises (an effect, an
// outcome) outside the scope of a negation or a hedge with a mark of a
// promise near it (a pattern, a word of promise-common or
// promise-selling), or said as a plain fact; a list of three or more
// conditions; and the voice of selling (an order, "you'll", "again",
// "ever", the best there is).
func (a *analysis) voiceFeatures(sentence string) {
	a.findPatterns()
	neg, hedge, reported := a.scopes(sentence)
	for i := range hedge {
		if reported[i] {
			a.set("reported", prose.Match{First: i, Last: i})
		}
	}
	terms := a.found["honest-terms"]
	for _, list := range append([]string{"prohibited"}, promiseWords...) {
		for _, m := range a.found[list] {
			switch {
			case overlaps(m, terms):
				a.set("promise@term", m)
			case neg[m.First]:
				a.set("promise@negated", m)
			case reported[m.First]:
				a.set("promise@reported", m)
			case hedge[m.First]:
				a.set("promise@hedged", m)
			default:
				a.set("promise@free", m)
			}
		}
	}
	held := make([]bool, len(hedge)) // by a hedge or a reporting word
	for i := range held {
		held[i] = hedge[i] || reported[i]
	}
	pats := a.patterns(sentence, held)
	for _, name := range voicePatternNames {
		if m, ok := pats[name]; ok {
			a.set(name, m)
		}
	}
	var effects []prose.Match
	for _, list := range []string{"promise-outcomes", "effects", "weak-effects", "outcomes", "claims", "credits"} {
		for _, m := range a.found[list] {
			if !neg[m.First] && !held[m.First] {
				effects = append(effects, m)
			}
		}
	}
	within := func(e, m prose.Match) bool {
		return !overlaps(e, []prose.Match{m}) && m.First-e.Last <= patternWindow && e.First-m.Last <= patternWindow
	}
	plain := !a.isOn("modal") && !a.isOn("question") && len(a.found["hedges"]) == 0 && len(a.found["negations"]) == 0
	for _, e := range effects {
		if m, ok := pats["outcome+soon"]; ok && within(e, m) {
			a.set("outcome+soon-effect", span(e, m))
		}
		for _, m := range a.found["promise-common"] {
			if within(e, m) && !neg[m.First] && !held[m.First] && !overlaps(m, terms) && !overlaps(e, terms) {
				a.set("outcome+common-free", span(e, m))
			}
		}
		for _, m := range a.found["promise-selling"] {
			if within(e, m) {
				a.set("outcome+selling", span(e, m))
			}
		}
		if plain {
			a.set("outcome+certain", e)
		}
		if e.First == 0 && len(a.toks) > 1 {
			a.set("imperative", e) // "Lower your blood pressure in minutes"
		}
	}
	// A cure for everything: three or more conditions in a list, outside
	// the scope of a negation.
	n, first := 0, -1
	for _, h := range a.health {
		if neg[h.First] {
			continue
		}
		if first < 0 || h.First-first > 15 {
			first, n = h.First, 0
		}
		if n++; n >= 3 && listAfter(sentence, a.toks, first, h.Last-first+1) {
			a.set("outcome+conditions", prose.Match{First: first, Last: h.Last})
		}
	}
	for i, t := range a.toks {
		m := prose.Match{First: i, Last: i}
		switch {
		case t.Norm == "you'll" || t.Norm == "youll" || t.Norm == "you" && i+1 < len(a.toks) && a.toks[i+1].Norm == "will":
			a.set("you-will", m)
		case t.Norm == "again" && !hedge[i]:
			a.set("again", m)
		case t.Kind == prose.Word && len(t.Norm) > 5 && strings.HasSuffix(t.Norm, "est"), t.Norm == "most" && i > 0 && a.toks[i-1].Norm == "the":
			a.set("superlative", m)
		case t.Norm == "ever" && !neg[i]:
			a.set("ever", m)
		}
	}
}

// voicePatternNames are the features of patterns.
var voicePatternNames = func() []string {
	var names []string
	for _, p := range pairPatterns {
		names = append(names, p.feature)
	}
	return append(names, "outcome+weight", "outcome+soon")
}()

// voiceFeatureNames are the features voiceFeatures sets.
var voiceFeatureNames = append([]string{"promise@term", "promise@negated", "promise@hedged", "promise@reported", "reported", "promise@free", "outcome+soon-effect", "outcome+common-free", "outcome+selling",
	"outcome+certain", "outcome+conditions", "imperative", "you-will", "again", "superlative", "ever"}, voicePatternNames...)
