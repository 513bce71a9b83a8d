package claims

import (
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// Prohibited returns the promise in a sentence that no honest health page
// makes, if it holds one: the words that weighed most.
func (d *Detector) Prohibited(sentence string) []Match {
	return d.ProhibitedIn(sentence, prose.Tokens(sentence))
}

// ProhibitedIn is Prohibited for a sentence already split into tokens. A
// promise's words after a negation or a hedge, in a warning about scams or
// a myth being busted, or in a medical term ("there is no miracle cure",
// "you may have no side effects", "be wary of products that claim to
// detox you", "alcohol detoxification") are an honest statement, not a
// promise; the promise model (promise-model.txt) weighs them.
func (d *Detector) ProhibitedIn(sentence string, toks []prose.Token) []Match {
	if len(toks) == 0 {
		return nil
	}
	v := d.Judge(sentence, toks, false)
	if !v.IsPromise {
		return nil
	}
	return []Match{v.Promise}
}

// promising reports whether the sentence may hold a promise: it has the
// words of one, or is built as one (see Detector.mayPromise), or holds a
// pattern of one (see patterns).
func (a *analysis) promising(d *Detector, sentence string) bool {
	return d.mayPromise(sentence, a.stems) || a.patterned(sentence)
}

// promiseFeatures adds the features the promise model weighs to those of
// a sentence: its promises and the words of promises it holds, by kind;
// whether they stand after a negation or a hedge or in a medical term;
// whether they stand near an effect or a health word; how many kinds it
// holds; how it is written (exclamation marks, capitals); and how it is
// voiced (see voiceFeatures).
func (a *analysis) promiseFeatures(sentence string) {
	before := func(m prose.Match, list string, n int) bool {
		for _, o := range a.found[list] {
			if o.Last < m.First && m.First-o.Last <= n {
				return true
			}
		}
		return false
	}
	near := func(m prose.Match, lists ...string) bool {
		for _, list := range lists {
			for _, e := range a.found[list] {
				if !overlaps(m, []prose.Match{e}) && (e.First > m.Last && e.First-m.Last <= 6 || m.First > e.Last && m.First-e.Last <= 6) {
					return true
				}
			}
		}
		return false
	}
	a.promised = make([]bool, len(a.toks))
	for _, list := range append([]string{"prohibited"}, promiseWords...) {
		for _, m := range a.found[list] {
			for i := m.First; i <= m.Last; i++ {
				a.promised[i] = true
			}
		}
	}
	kinds := 0
	for _, list := range append([]string{"prohibited"}, promiseWords...) {
		ms := a.found[list]
		if len(ms) == 0 {
			continue
		}
		kinds++
		name := strings.TrimPrefix(list, "promise-")
		for _, m := range ms {
			a.set(name, m)
			switch {
			case overlaps(m, a.found["honest-terms"]):
				a.set(name+"-in-term", m)
			case before(m, "negations", 8):
				a.set(name+"-negated", m)
			case before(m, "hedges", 10):
				a.set(name+"-hedged", m)
			case quoted(sentence, a.toks[m.First].Start):
				a.set(name+"-quoted", m)
			default:
				a.set(name+"-plain", m)
				if near(m, "effects", "weak-effects", "outcomes", "weak-outcomes", "claims") {
					a.set(name+"+effect", m)
				}
				if _, ok := a.near(m, 6, false); ok {
					a.set(name+"+health", m)
				}
			}
		}
	}
	// A promise promises an outcome with certainty, speed, permanence,
	// proof, nature or reach: "cures arthritis for good", "instant
	// relief", "clinically proven to melt fat".
	terms := a.found["honest-terms"]
	for _, o := range a.found["promise-outcomes"] {
		if before(o, "negations", 8) || before(o, "hedges", 10) || overlaps(o, terms) {
			continue
		}
		for _, list := range append([]string{"prohibited", "promise-common"}, promiseWords...) {
			for _, m := range a.found[list] {
				if !overlaps(m, []prose.Match{o}) && m.First-o.Last <= 8 && o.First-m.Last <= 8 && !before(m, "negations", 8) && !overlaps(m, terms) {
					a.set("outcome+"+strings.TrimPrefix(list, "promise-"), span(o, m))
				}
			}
		}
	}
	// A cure for everything: what a promise promises, before a list of
	// three or more health words.
	for _, o := range slices.Concat(a.found["promise-outcomes"], a.found["effects"]) {
		n := 0
		for _, h := range a.health {
			if h.First > o.Last && h.First-o.Last <= 15 {
				n++
			}
		}
		if n >= 3 && !before(o, "negations", 8) {
			a.set("outcome+list", o)
		}
	}
	all := prose.Match{First: 0, Last: len(a.toks) - 1}
	if kinds >= 2 {
		a.set("promise-kinds-2", all)
	}
	if kinds >= 3 {
		a.set("promise-kinds-3", all)
	}
	for _, list := range []string{"hedges", "honest-terms", "negations"} {
		if len(a.found[list]) > 0 {
			a.set("has-"+list, a.found[list][0])
		}
	}
	if ms := a.found["promise-selling"]; len(ms) > 0 {
		a.set("selling", ms[0])
		if kinds > 0 {
			a.set("selling+promise", ms[0])
		}
	}
	if len(a.found["hedges"]) == 0 && !a.isOn("modal") {
		a.set("unhedged", all)
	}
	if strings.Contains(sentence, "!") {
		a.set("exclamation", all)
	}
	a.voiceFeatures(sentence)
	a.classes = a.classify()
	a.pids = a.ids
	cloned := false
	for i, c := range a.classes {
		if c == "" {
			continue
		}
		if !cloned {
			a.pids, cloned = slices.Clone(a.ids), true
		}
		id, ok := a.d.vocab[c]
		if !ok {
			id = -1
		}
		a.pids[i] = id
	}
	for i, t := range a.toks {
		if len(t.Norm) >= 3 && t.Kind == prose.Word && strings.ToUpper(sentence[t.Start:t.End]) == sentence[t.Start:t.End] {
			a.set("capitals", prose.Match{First: i, Last: i})
			break
		}
	}
}

// promiseFeatureNames are the features promiseFeatures sets.
var promiseFeatureNames = func() []string {
	var names []string
	for _, list := range append([]string{"prohibited"}, promiseWords...) {
		name := strings.TrimPrefix(list, "promise-")
		for _, f := range []string{"", "-in-term", "-negated", "-hedged", "-quoted", "-plain", "+effect", "+health"} {
			names = append(names, name+f)
		}
	}
	for _, list := range append([]string{"prohibited", "promise-common"}, promiseWords...) {
		names = append(names, "outcome+"+strings.TrimPrefix(list, "promise-"))
	}
	names = append(names, "outcome+list", "promise-kinds-2", "promise-kinds-3", "has-hedges", "has-honest-terms", "has-negations", "exclamation", "capitals",
		"selling", "selling+promise", "unhedged")
	return append(names, voiceFeatureNames...)
}()

// quoted reports whether the byte at i stands inside quotation marks:
// after an odd number of them ("so-called "miracle" cures").
func quoted(sentence string, i int) bool {
	n := strings.Count(sentence[:i], "\"") + strings.Count(sentence[:i], "“") - strings.Count(sentence[:i], "”")
	return n%2 == 1
}
