package claims

import (
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// mayPromise reports whether a sentence, in tokens folded by their stems,
// may hold a promise: it has a word of a promise (see promiseWords) or a
// phrase of prohibited; or a common word of promises ("every", "for
// ever") near what a promise promises (promise-outcomes: "cure",
// "gone"); or the voice of selling (promise-selling: "our", "this",
// "capsule") near what a promise promises, or near an effect or an
// outcome of the claim lists (plainPromised: "Our ear drops clear an ear
// infection"); or what a promise promises before a list ("treats
// arthritis, asthma, eczema and gout"); or, anywhere in the sentence,
// the voice of selling or a word that addresses the reader or speaks for
// a seller (addressWords: "you", "your", "we") with what a promise
// promises or an effect or an outcome of the claim lists ("We clear acne
// where creams failed", "Your arteries are unblocked from the inside"):
// a promise made in plain words is built so. Others are not weighed for
// promises at all.
func (d *Detector) mayPromise(sentence string, stems []prose.Token) bool {
	// Most sentences have none of the gate's words: tell them by a look-up
	// of each word, and match phrases only where one starts.
	var common, outcomes, selling, plain []prose.Match
	address := false
	for i, t := range stems {
		bits := d.gateWords[t.Norm]
		if addressWords[t.Norm] {
			address = true
		}
		if bits == 0 {
			continue
		}
		if bits&gateWord != 0 {
			return true
		}
		sure := false
		d.gate.Each(stems, i, func(m prose.Match, list int) {
			switch list {
			case 0:
				sure = true
			case 1:
				common = append(common, m)
			case 2:
				outcomes = append(outcomes, m)
				if listAfter(sentence, stems, m.Last, listWithin) {
					sure = true
				}
			case 3:
				selling = append(selling, m)
			default:
				plain = append(plain, m)
			}
		})
		if sure {
			return true
		}
	}
	if (address || len(selling) > 0) && len(outcomes)+len(plain) > 0 {
		return true
	}
	return nearAny(common, outcomes)
}

// nearAny reports whether a match of one stands within gateNear words of
// a match of the other, on either side.
func nearAny(a, b []prose.Match) bool {
	for _, x := range a {
		for _, y := range b {
			if y.First-x.Last <= gateNear && x.First-y.Last <= gateNear {
				return true
			}
		}
	}
	return false
}

// mayHaveGateWord reports whether a sentence may hold a word of the gate
// (see mayPromise), by the words as written: any of the forms of each
// gate word that Stem takes back to it ("cures", "cured", "curing" for
// "cure"). Most sentences have none, and are read no further.
func (d *Detector) mayHaveGateWord(sentence string, toks []prose.Token) bool {
	// A common word of promises ("every", "first") is not enough on its
	// own: first look for a word that may be more, by its first letter and
	// length alone.
	some := false
	for _, t := range toks {
		if n := t.Norm; n != "" && d.gateSure[n[0]]&(1<<(len(n)&63)) != 0 {
			some = true
			break
		}
	}
	if !some {
		return false
	}
	lastCommon, lastEffect := -100, -100
	address, promised := false, false // see mayPromise
	near := func(a, b int) bool { return a >= 0 && b >= 0 && max(a, b)-min(a, b) <= gateNear+d.gateSpan }
	for i, t := range toks {
		n := t.Norm
		if addressWords[n] {
			address = true
		}
		if n == "" || d.gateFirst[n[0]]&(1<<(len(n)&63)) == 0 {
			continue
		}
		bits := d.gateForms[n]
		if bits&gatePhrase != 0 && i+1 < len(toks) {
			next := toks[i+1].Norm
			if toks[i+1].Kind == prose.Number {
				next = "#"
			}
			if d.gatePairs[[2]string{t.Norm, next}] {
				return true
			}
		}
		switch {
		case bits&^gatePhrase == 0:
		case bits&gateWord != 0:
			return true
		default:
			if bits&gateCommon != 0 {
				lastCommon = i
			}
			if bits&gateSelling != 0 {
				address = true
			}
			if bits&(gatePlain|gateEffect) != 0 {
				promised = true
			}
			if bits&gateEffect != 0 {
				lastEffect = i
				if listAfter(sentence, toks, i, listWithin+d.gateSpan) { // i is the first word of the phrase
					return true
				}
			}
			if near(lastCommon, lastEffect) || address && promised {
				return true
			}
		}
	}
	return address && promised
}

// listAfter reports whether a list of three or more things follows the
// word at i closely: two commas, or a comma and a semicolon, in the next
// within words.
func listAfter(sentence string, toks []prose.Token, i, within int) bool {
	commas := 0
	for j := i + 1; j < len(toks) && j <= i+within; j++ {
		if strings.ContainsAny(sentence[toks[j-1].End:toks[j].Start], ",;") {
			commas++
			if commas == 2 {
				return true
			}
		}
	}
	return false
}

const (
	gateNear   = 6  // the most words between a common word of promises and what it promises; see mayPromise
	listWithin = 12 // see listAfter
)

// forms returns the forms of a word that Stem takes to stem.
func forms(stem string) []string {
	if stem == "#" {
		return nil
	}
	var out []string
	last := stem[len(stem)-1:]
	for _, end := range []string{"", "s", "es", "e", "ed", "d", "ing", "er", "y", "ies", "ied", "'s", last + "ed", last + "ing", "e's", "ment", "ly"} {
		if f := stem + end; prose.Stem(f) == stem {
			out = append(out, f)
		}
	}
	if strings.HasSuffix(stem, "y") {
		for _, end := range []string{"ies", "ied"} {
			if f := stem[:len(stem)-1] + end; prose.Stem(f) == stem {
				out = append(out, f)
			}
		}
	}
	return out
}

// What the first word of a phrase of the gate may be: a word of a promise
// on its own, the first of a phrase of one, a common word of promises,
// the first of what a promise promises, a word of the voice of selling,
// or the first of an effect or an outcome of the claim lists.
const (
	gateWord uint8 = 1 << iota
	gatePhrase
	gateCommon
	gateEffect
	gateSelling // a word of the voice of selling
	gatePlain   // the first of an effect or an outcome of plainPromised
)

// mayHavePattern reports whether a sentence may hold a pattern of a
// promise (see analysis.patterns), by the words as written: the first
// word of a phrase of each half of a pair pattern near enough (allowing
// for the length of a phrase), a number before a word of
// promise-weights, or one of timeWords before a word of promise-times.
// It lets through every sentence that holds one, and few others.
func (d *Detector) mayHavePattern(toks []prose.Token) bool {
	var last [16]int // the last word of each role, see patternRoles
	for r := range last {
		last[r] = -100
	}
	for i, t := range toks {
		bits := d.patternBits(t.Norm)
		if bits == 0 && strings.HasSuffix(t.Norm, "'s") {
			// A possessive the forms of a stem do not spell ("this
			// morning's" for the stem "morn").
			bits = d.patternBits(strings.TrimSuffix(t.Norm, "'s"))
		}
		if bits == 0 {
			continue
		}
		n := t.Norm
		for r := range patternRoles {
			if bits&(1<<r) != 0 {
				last[r] = i
			}
		}
		for _, p := range d.pairs {
			if bits&(1<<p.second) != 0 && i-last[p.first] <= p.window+maxPatternWords && last[p.first] != i ||
				!p.after && bits&(1<<p.first) != 0 && i-last[p.second] <= p.window+maxPatternWords && last[p.second] != i {
				return true
			}
		}
		if bits&(1<<roleWeights) != 0 && (i > 0 && counts(toks[i-1]) || strings.HasSuffix(n, "er")) {
			return true
		}
		if bits&(1<<roleTimes) != 0 {
			if _, ok := timeBefore(toks, i); ok {
				return true
			}
		}
	}
	return false
}

// patternBits returns the roles of patterns a word as written may play,
// by Detector.patternForms.
func (d *Detector) patternBits(n string) uint16 {
	if n == "" || d.patternFirst[n[0]]&(1<<(len(n)&63)) == 0 {
		return 0
	}
	return d.patternForms[n]
}

// patternRoles are the lists of the patterns, each a bit of the forms in
// Detector.patternForms.
var patternRoles = func() []string {
	var roles []string
	for _, p := range pairPatterns {
		for _, l := range []string{p.first, p.second} {
			if !slices.Contains(roles, l) {
				roles = append(roles, l)
			}
		}
	}
	return append(roles, "promise-weights", "promise-times")
}()

var (
	roleWeights = slices.Index(patternRoles, "promise-weights")
	roleTimes   = slices.Index(patternRoles, "promise-times")
)

// A pair pattern by the bits of its roles.
type patternPair struct {
	first, second, window int
	after                 bool
}

const maxPatternWords = 3 // the most words of a phrase of the lists of patterns

// setPatternForms works out the forms of the first words of the phrases
// of the patterns' lists, for mayHavePattern.
func (d *Detector) setPatternForms(l Lists) {
	d.patternForms = map[string]uint16{}
	for r, list := range patternRoles {
		for _, text := range l[list] {
			p, err := prose.ParsePhrase(text)
			if err != nil {
				continue // New reported it
			}
			for _, w := range p.FirstWords() {
				for _, f := range append(forms(prose.Stem(w)), w) {
					d.patternForms[f] |= 1 << r
				}
			}
		}
	}
	for f := range d.patternForms {
		d.patternFirst[f[0]] |= 1 << (len(f) & 63)
	}
	d.pairs = nil
	for _, p := range pairPatterns {
		d.pairs = append(d.pairs, patternPair{slices.Index(patternRoles, p.first), slices.Index(patternRoles, p.second), p.window, p.after})
	}
}
