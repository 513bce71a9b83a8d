package claims

import (
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file weighs the promises of a Spanish sentence (see spanish.go).

// The weights of promises: a sentence makes one at esPromiseAt.
const (
	esStrong    = 2 // a phrase of prohibited
	esWeak      = 1 // a phrase of promise-words
	esOutcome   = 1 // what a promise promises, beside a word of promises
	esPromiseAt = 2
	esCureAll   = 3 // illnesses after what a promise promises that make it a cure-all
)

// promise reports the promise the sentence makes, if any, and the words
// that weighed most. A sentence that busts a myth, warns of a scam or
// reports what others promise (a phrase of debunk) makes none; a
// promise's words after a negation or a hedge, before a negation ("las
// dietas detox no eliminan toxinas") or beside a medical term ("la
// unidad de desintoxicación") are honest and weigh nothing.
func (a *esAnalysis) promise() (Match, bool) {
	if len(a.found["debunk"]) > 0 {
		return Match{}, false
	}
	var words []prose.Match // of promises, whose negations are their own
	for _, l := range []string{"prohibited", "promise-words", "promise-outcomes"} {
		words = append(words, a.found[l]...)
	}
	own := func(i int) bool { return overlaps(prose.Match{First: i, Last: i}, words) }
	within := func(list string, m prose.Match, before, after int) bool {
		for _, o := range a.found[list] {
			if own(o.First) {
				continue
			}
			if o.Last < m.First && m.First-o.Last <= before || o.First > m.Last && o.First-m.Last <= after {
				return true
			}
		}
		return false
	}
	honest := func(m prose.Match) bool {
		return within("negations", m, 8, 2) || within("hedges", m, 10, 0) || within("honest-terms", m, 4, 4) ||
			overlaps(m, a.found["honest-terms"])
	}
	score, best, bestW := 0, prose.Match{}, 0
	add := func(m prose.Match, w int) {
		score += w
		if w > bestW {
			best, bestW = m, w
		}
	}
	for _, m := range a.found["prohibited"] {
		if !honest(m) {
			add(m, esStrong)
		}
	}
	for _, m := range a.found["promise-words"] {
		if !honest(m) {
			add(m, esWeak)
		}
	}
	// A cure for everything: what a promise promises, or an effect,
	// before a list of illnesses (with a comma in it).
	for _, o := range slices.Concat(a.found["promise-outcomes"], a.found["effects"], a.found["weak-effects"]) {
		n := 0
		for _, h := range a.health {
			if h.kind == "conditions" && h.First > o.Last && h.First-o.Last <= 15 {
				n++
			}
		}
		if n >= esCureAll && strings.ContainsAny(a.sentence[a.toks[o.Last].End:], ",:") && !honest(o) {
			add(span(o, a.health[len(a.health)-1].Match), esStrong)
		}
	}
	if score > 0 {
		for _, o := range a.found["promise-outcomes"] {
			if !honest(o) {
				add(o, esOutcome)
				break
			}
		}
	}
	if score < esPromiseAt {
		return Match{}, false
	}
	return a.match(best, Stated), true
}
