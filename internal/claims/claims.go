// Package claims finds what a health page must not say without a
// clinician's review, or at all: clinical claims (what treats, cures or
// prevents, what changes a risk, doses, side effects, safety, outcome
// statistics, the benefit of screening), promises no honest page makes
// (miracle, guaranteed, 100% safe, detox) and health statistics.
//
// It works on one sentence at a time with word lists that are data
// (claims.txt, embedded), which a site may extend or trim. It knows nothing
// of Markdown or pages; callers give it sentences and map the offsets it
// returns back to the source.
package claims

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

//go:embed claims.txt
var builtin string

// ListNames are the lists of the detector, in the order claims.txt has
// them. Each is a set of phrases (see package prose for their syntax).
var ListNames = []string{"claims", "effects", "topics", "medicines", "dosing", "agents", "names", "groups", "neutral", "statistics", "prohibited", "negations"}

// Lists are the detector's word lists by name.
type Lists map[string][]string

// Builtin returns the lists that ship with pamphlet.
func Builtin() Lists {
	l, err := ParseLists(builtin)
	if err != nil {
		panic("claims.txt: " + err.Error()) // a test keeps it parseable
	}
	return l
}

// ParseLists reads lists in the format of claims.txt: a [name] line opens
// a list, each other line is a phrase, and lines starting "# " are
// comments.
func ParseLists(text string) (Lists, error) {
	l := Lists{}
	name := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line == "#" || strings.HasPrefix(line, "# "):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name = line[1 : len(line)-1]
			if !slices.Contains(ListNames, name) {
				return nil, fmt.Errorf("line %d: unknown list [%s]", i+1, name)
			}
		case name == "":
			return nil, fmt.Errorf("line %d: a phrase before the first [list]", i+1)
		default:
			l[name] = append(l[name], line)
		}
	}
	return l, nil
}

// Edit adds phrases to a list and removes others; a removed phrase must be
// in the list as written, and an added one must parse. On an error it
// stops, with the phrases before it edited.
func (l Lists) Edit(name string, add, remove []string) error {
	if !slices.Contains(ListNames, name) {
		return fmt.Errorf("there is no list %q; the lists are %s", name, strings.Join(ListNames, ", "))
	}
	for _, r := range remove {
		i := slices.Index(l[name], r)
		if i < 0 {
			return fmt.Errorf("%q is not in the %s list; write it exactly as claims.txt has it", r, name)
		}
		l[name] = slices.Delete(l[name], i, i+1)
	}
	for _, a := range add {
		if _, err := prose.ParsePhrase(a); err != nil {
			return err
		}
		l[name] = append(l[name], a)
	}
	return nil
}

// Detector finds claims, promises and statistics in sentences. It is safe
// for concurrent use.
type Detector struct {
	sets map[string]*prose.Set
}

// New compiles lists into a detector. It reports every phrase it cannot
// parse.
func New(l Lists) (*Detector, error) {
	d := &Detector{sets: map[string]*prose.Set{}}
	var errs []string
	for _, name := range ListNames {
		s, err := prose.NewSet(l[name])
		if err != nil {
			errs = append(errs, fmt.Sprintf("claims.%s: %v", name, err))
		}
		d.sets[name] = s
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return d, nil
}

// Kind says why a sentence is a claim.
type Kind string

// The kinds of claim.
const (
	Stated    Kind = "claim"     // a phrase that is a claim on its own
	Effect    Kind = "effect"    // an effect on a health topic
	Dose      Kind = "dose"      // how to take a medicine
	Statistic Kind = "statistic" // a health statistic
)

// Match is what the detector found in a sentence: the byte span of the
// words that made it decide, and why.
type Match struct {
	prose.Span
	Kind   Kind
	Phrase string // the pattern that matched
}

// Claim reports whether a sentence makes a clinical claim, and the words
// that make it one.
func (d *Detector) Claim(sentence string) (Match, bool) {
	return d.ClaimIn(prose.Tokens(sentence))
}

// ClaimIn is Claim for a sentence already split into tokens; the match's
// span is in the text the tokens came from.
func (d *Detector) ClaimIn(toks []prose.Token) (Match, bool) {
	if len(toks) == 0 {
		return Match{}, false
	}
	neutral := d.sets["neutral"].Find(toks)
	find := func(list string) []prose.Match {
		var out []prose.Match
		for _, m := range d.sets[list].Find(toks) {
			if !overlaps(m, neutral) {
				out = append(out, m)
			}
		}
		return out
	}
	if ms := find("claims"); len(ms) > 0 {
		return newMatch(toks, ms[0], Stated), true
	}
	if len(find("medicines")) > 0 {
		for _, m := range find("dosing") {
			if !d.byAgent(toks, m.First) {
				return newMatch(toks, m, Dose), true
			}
		}
	}
	topics := d.topics(toks, find("topics"))
	if len(topics) == 0 {
		return Match{}, false
	}
	for _, m := range find("effects") {
		if d.byAgent(toks, m.First) || len(topics) == 1 && overlaps(topics[0], []prose.Match{m}) {
			continue
		}
		return newMatch(toks, m, Effect), true
	}
	if ms := find("statistics"); len(ms) > 0 {
		return newMatch(toks, ms[0], Statistic), true
	}
	return Match{}, false
}

// overlaps reports whether m shares a word with any of ms.
func overlaps(m prose.Match, ms []prose.Match) bool {
	for _, o := range ms {
		if m.First <= o.Last && o.First <= m.Last {
			return true
		}
	}
	return false
}

// topics keeps the health topics of a sentence that are not part of a
// name ("the asthma clinic") and do not say who ("people with asthma").
func (d *Detector) topics(toks []prose.Token, found []prose.Match) []prose.Match {
	var out []prose.Match
	groups := d.sets["groups"].Find(toks)
	for _, t := range found {
		if n := t.Last + 1; n < len(toks) {
			if _, ok := d.sets["names"].At(toks, n); ok {
				continue
			}
		}
		who := false
		for _, g := range groups {
			if g.Last < t.First && t.First-g.Last <= 3 {
				who = true
			}
		}
		if !who {
			out = append(out, t)
		}
	}
	return out
}

// fillers may stand between a subject and its verb: "our nurses can also help".
var fillers = map[string]bool{
	"can": true, "will": true, "may": true, "might": true, "could": true, "would": true,
	"should": true, "also": true, "often": true, "usually": true, "now": true,
	"always": true, "sometimes": true, "to": true, "all": true, "who": true, "which": true,
	"that": true, "really": true, "do": true, "does": true, "did": true,
}

// byAgent reports whether the word at i follows someone or something that
// is not a treatment ("our nurses help", "donations help"), which makes it
// a service rather than an effect.
func (d *Detector) byAgent(toks []prose.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if fillers[toks[j].Norm] {
			continue
		}
		_, ok := d.sets["agents"].At(toks, j)
		return ok
	}
	return false
}

// Prohibited returns the promises in a sentence that no honest health page
// makes.
func (d *Detector) Prohibited(sentence string) []Match {
	return d.ProhibitedIn(prose.Tokens(sentence))
}

// ProhibitedIn is Prohibited for a sentence already split into tokens. A
// phrase after a negation or a hedge ("does not work for everyone", "no
// miracle cure", "you may have no side effects") is an honest statement,
// not a promise.
func (d *Detector) ProhibitedIn(toks []prose.Token) []Match {
	var out []Match
	for _, m := range d.sets["prohibited"].Find(toks) {
		negated := false
		for j := max(0, m.First-8); j < m.First; j++ {
			if _, ok := d.sets["negations"].At(toks, j); ok {
				negated = true
			}
		}
		if !negated {
			out = append(out, newMatch(toks, m, Stated))
		}
	}
	return out
}

// Statistics returns the statistics in a sentence that is about health
// (that names a health topic or makes a claim).
func (d *Detector) Statistics(sentence string) []Match {
	return d.StatisticsIn(prose.Tokens(sentence))
}

// StatisticsIn is Statistics for a sentence already split into tokens.
func (d *Detector) StatisticsIn(toks []prose.Token) []Match {
	ms := d.find("statistics", toks, Statistic)
	if len(ms) == 0 {
		return nil
	}
	if len(d.topics(toks, d.sets["topics"].Find(toks))) == 0 && len(d.sets["claims"].Find(toks)) == 0 {
		return nil
	}
	return ms
}

func (d *Detector) find(list string, toks []prose.Token, k Kind) []Match {
	var out []Match
	for _, m := range d.sets[list].Find(toks) {
		out = append(out, newMatch(toks, m, k))
	}
	return out
}

// newMatch turns a phrase found in tokens into a Match over their text.
func newMatch(toks []prose.Token, m prose.Match, k Kind) Match {
	return Match{Span: prose.Span{Start: toks[m.First].Start, End: toks[m.Last].End}, Kind: k, Phrase: m.Phrase.Text}
}
