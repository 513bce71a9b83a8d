package claims

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file is the Spanish detector. It reads a sentence as the English
// one does, by word lists that are data (claims.es.txt and
// health.es.txt, matched on Spanish stems with accents folded), but it
// weighs the signals by rules written against a labelled Spanish set
// (testdata/es-dev.tsv) rather than by a trained model: a claim is
// something said of health (an effect, a risk, a dose, safety, an
// outcome, a comparison, what a test finds, a statistic) near a health
// word that is not part of a name ("la consulta de diabetes"); a
// promise is a phrase no honest page makes, or two words of promises
// (or one with what a promise promises), that no negation, hedge, myth
// or warning takes back.

var (
	//go:embed claims.es.txt
	builtinClaimsES string
	//go:embed health.es.txt
	builtinHealthES string
)

// SpanishListNames are the lists of the Spanish detector, in the order
// claims.es.txt and health.es.txt have them. Each is a set of phrases
// (see package prose for their syntax), matched on the stems of
// prose.StemSpanish; medicine-endings holds word endings.
var SpanishListNames = []string{
	// What a sentence says (claims.es.txt).
	"claims", "side-effects", "effects", "weak-effects", "risks", "dosing", "schedules", "safety", "outcomes",
	"comparisons", "screening", "statistics",
	"names", "services", "neutral",
	"prohibited", "promise-words", "promise-outcomes",
	"negations", "hedges", "debunk", "honest-terms", "warnings",
	// What it says it of (health.es.txt).
	"conditions", "body", "medicines", "treatments", "tests", "lifestyle",
	"medicine-endings", "condition-endings",
}

// SpanishLists are the Spanish detector's word lists by name.
type SpanishLists map[string][]string

// BuiltinSpanish returns the Spanish lists that ship with pamphlet.
func BuiltinSpanish() SpanishLists {
	l, err := ParseSpanishLists(builtinClaimsES + "\n" + builtinHealthES)
	if err != nil {
		panic("claims.es.txt, health.es.txt: " + err.Error()) // a test keeps them parseable
	}
	return l
}

// ParseSpanishLists reads lists in the format of claims.es.txt, which is
// that of claims.txt (see ParseLists) with the names of
// SpanishListNames.
func ParseSpanishLists(text string) (SpanishLists, error) {
	l, err := parseLists(text, SpanishListNames)
	return SpanishLists(l), err
}

// Edit adds phrases to a list and removes others, as Lists.Edit does; a
// removed phrase must be in the list as claims.es.txt or health.es.txt
// writes it.
func (l SpanishLists) Edit(name string, add, remove []string) error {
	if !slices.Contains(SpanishListNames, name) {
		return fmt.Errorf("there is no Spanish list %q; the lists are %s", name, strings.Join(SpanishListNames, ", "))
	}
	for _, r := range remove {
		i := slices.Index(l[name], r)
		if i < 0 {
			return fmt.Errorf("%q is not in the Spanish %s list; write it exactly as claims.es.txt or health.es.txt has it", r, name)
		}
		l[name] = slices.Delete(l[name], i, i+1)
	}
	for _, a := range add {
		if isEndings(name) {
			if strings.Trim(prose.FoldAccents(strings.ToLower(a)), "abcdefghijklmnopqrstuvwxyz|") != "" {
				return fmt.Errorf("%q: an ending is letters, such as cilina", a)
			}
		} else if _, err := prose.ParsePhrase(a); err != nil {
			return err
		}
		l[name] = append(l[name], a)
	}
	return nil
}

// Spanish finds claims, promises and statistics in Spanish sentences. It
// is safe for concurrent use.
type Spanish struct {
	set      *prose.Set  // every list but the endings, on stems, in one pass
	warnings *prose.Set  // the warnings list alone
	endings  [2][]string // of medicine and condition names, accents folded
}

// esList is the index of each list in Spanish.set.
var esList = func() map[string]int {
	m := map[string]int{}
	for i, n := range SpanishListNames {
		m[n] = i
	}
	return m
}()

// foldPhrase writes a phrase as the set matches it: in lower case with
// its accents folded, so that a prefix ("milagr*") meets the stems.
func foldPhrase(p string) string { return prose.FoldAccents(strings.ToLower(p)) }

// NewSpanish compiles Spanish lists into a detector. It reports every
// phrase it cannot parse.
func NewSpanish(l SpanishLists) (*Spanish, error) {
	d := &Spanish{}
	lists := make([][]string, len(SpanishListNames))
	var errs []string
	for i, name := range SpanishListNames {
		if isEndings(name) {
			k := 0
			if name == "condition-endings" {
				k = 1
			}
			for _, line := range l[name] {
				d.endings[k] = append(d.endings[k], strings.Split(foldPhrase(line), "|")...)
			}
			continue
		}
		for _, p := range l[name] {
			if _, err := prose.ParsePhrase(p); err != nil {
				errs = append(errs, fmt.Sprintf("claims.es.%s: %v", name, err))
				continue
			}
			lists[i] = append(lists[i], foldPhrase(p))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	var err error
	if d.set, err = prose.NewSets(lists, prose.StemSpanish); err != nil {
		return nil, err
	}
	if d.warnings, err = prose.NewSetFold(lists[esList["warnings"]], prose.StemSpanish); err != nil {
		return nil, err
	}
	return d, nil
}

// esHealth is a health word of a sentence.
type esHealth struct {
	prose.Match
	kind  string // its list, such as "medicines"
	named bool   // part of a name: "la consulta de diabetes"
}

// esAnalysis is what a Spanish sentence holds.
type esAnalysis struct {
	sentence string
	toks     []prose.Token
	found    map[string][]prose.Match // by list, less the phrases of neutral
	health   []esHealth               // free health words: not part of a name
	named    []esHealth
}

// esHealthKinds are the lists of health words.
var esHealthKinds = []string{"conditions", "body", "medicines", "treatments", "tests", "lifestyle"}

// esSignal is a list of what a sentence says of health: the kind of claim
// it makes, how near a health word must stand to it (0: none need), and
// the kinds of health word that count (all when nil).
type esSignal struct {
	list  string
	kind  Kind
	near  int
	kinds []string
}

// esSignals are the signals of claims, in the order a finding names them.
var esSignals = []esSignal{
	{"claims", Stated, 0, nil},
	{"side-effects", Safety, 0, nil},
	{"dosing", Dose, 8, []string{"medicines", "treatments"}},
	{"schedules", Dose, 10, []string{"medicines", "treatments"}},
	{"risks", Risk, 6, nil},
	{"effects", Effect, 6, nil},
	{"safety", Safety, 8, nil},
	{"outcomes", Outcome, 8, nil},
	{"comparisons", Comparison, 8, nil},
	{"screening", Screening, 8, []string{"tests", "conditions"}},
	{"statistics", Statistic, -1, nil}, // any free health word in the sentence
	{"weak-effects", Effect, 4, nil},   // and not in service text
}

// analyze finds the lists' phrases and the health words of a sentence.
func (d *Spanish) analyze(sentence string, toks []prose.Token) *esAnalysis {
	a := &esAnalysis{sentence: sentence, toks: toks, found: map[string][]prose.Match{}}
	stems := prose.Fold(toks, prose.StemSpanish)
	all := d.set.FindEach(stems)
	neutral := all[esList["neutral"]]
	for i, name := range SpanishListNames {
		if name == "neutral" || i >= len(all) {
			continue
		}
		for _, m := range all[i] {
			if name == "statistics" || !overlaps(m, neutral) {
				a.found[name] = append(a.found[name], m)
			}
		}
	}
	taken := make([]bool, len(toks))
	var words []esHealth
	for _, kind := range esHealthKinds {
		for _, m := range a.found[kind] {
			if taken[m.First] || taken[m.Last] {
				continue
			}
			for i := m.First; i <= m.Last; i++ {
				taken[i] = true
			}
			words = append(words, esHealth{Match: m, kind: kind})
		}
	}
	for i, t := range toks {
		if taken[i] || t.Kind != prose.Word {
			continue
		}
		w := prose.FoldAccents(t.Norm)
	ends:
		for k, kind := range []string{"medicines", "conditions"} {
			for _, e := range d.endings[k] {
				if len(w) >= len(e)+3 && strings.HasSuffix(w, e) {
					words = append(words, esHealth{Match: prose.Match{First: i, Last: i, Phrase: &prose.Phrase{Text: w}}, kind: kind})
					break ends
				}
			}
		}
	}
	slices.SortFunc(words, func(x, y esHealth) int { return x.First - y.First })
	// A health word is part of a name when a word of names stands close
	// before it with nothing said of health between ("la consulta de
	// diabetes"), or when it follows one that is, closely ("la campaña de
	// vacunación contra la gripe").
	prev := -1
	for k := range words {
		w := &words[k]
		for _, n := range a.found["names"] {
			if a.saysBetween(n.First-1, n.Last+1) {
				continue // a word of both, such as "encuentra" and "encuentro" (both "encuentr")
			}
			if n.Last < w.First && w.First-n.Last <= 4 && !a.saysBetween(n.Last, w.First) {
				w.named = true
			}
		}
		if prev >= 0 && words[prev].named && w.First-words[prev].Last <= 3 && !a.saysBetween(words[prev].Last, w.First) {
			w.named = true
		}
		prev = k
		if w.named {
			a.named = append(a.named, *w)
		} else {
			a.health = append(a.health, *w)
		}
	}
	return a
}

// saysBetween reports whether a phrase of what is said of health starts
// between the words i and j.
func (a *esAnalysis) saysBetween(i, j int) bool {
	for _, sg := range esSignals {
		for _, m := range a.found[sg.list] {
			if m.First > i && m.First < j {
				return true
			}
		}
	}
	return false
}

// near returns the span from m to the free health word nearest it, of
// one of kinds (any when nil), within n words either side.
func (a *esAnalysis) near(m prose.Match, n int, kinds []string) (prose.Match, bool) {
	best, dist := prose.Match{}, n+1
	for _, h := range a.health {
		if kinds != nil && !slices.Contains(kinds, h.kind) {
			continue
		}
		var d int
		switch {
		case h.First > m.Last:
			d = h.First - m.Last
		case h.Last < m.First:
			d = m.First - h.Last
		default:
			d = 0
		}
		if d < dist {
			best, dist = span(m, h.Match), d
		}
	}
	return best, dist <= n
}

// claim reports the claim the sentence makes, if any: the first signal
// of esSignals that stands near enough to a health word.
func (a *esAnalysis) claim() (Match, bool) {
	service := len(a.found["services"]) > 0
	// A schedule with another signal of a dose says how to take something
	// even where it is not named: "úselo tres veces al día durante cinco
	// días". Two dose verbs alone may be directions: "use la puerta
	// lateral y tome el ascensor".
	if d, s := a.found["dosing"], a.found["schedules"]; len(s) > 0 && len(d)+len(s) >= 2 {
		ms := slices.Concat(d, s)
		return a.match(span(ms[0], ms[len(ms)-1]), Dose), true
	}
	for _, sg := range esSignals {
		if sg.list == "weak-effects" && service {
			continue
		}
		for _, m := range a.found[sg.list] {
			switch {
			case sg.near == 0:
				return a.match(m, sg.kind), true
			case sg.near < 0:
				if len(a.health) > 0 {
					return a.match(m, sg.kind), true
				}
			default:
				if s, ok := a.near(m, sg.near, sg.kinds); ok {
					s.Phrase = m.Phrase
					return a.match(s, sg.kind), true
				}
			}
		}
	}
	return Match{}, false
}

// match returns the Match of the words of m.
func (a *esAnalysis) match(m prose.Match, k Kind) Match {
	text := ""
	if m.Phrase != nil {
		text = m.Phrase.Text
	}
	return Match{Span: prose.Span{Start: a.toks[m.First].Start, End: a.toks[m.Last].End}, Kind: k, Phrase: text}
}

// Judge looks for a promise in a Spanish sentence split into tokens, and
// for a claim when claims is true, as Detector.Judge does in English.
func (d *Spanish) Judge(sentence string, toks []prose.Token, claims bool) Verdict {
	var v Verdict
	if len(toks) == 0 {
		return v
	}
	a := d.analyze(sentence, toks)
	if claims {
		v.Claim, v.IsClaim = a.claim()
	}
	v.Promise, v.IsPromise = a.promise()
	return v
}

// Claim reports whether a Spanish sentence makes a clinical claim, and
// the words that make it one.
func (d *Spanish) Claim(sentence string) (Match, bool) {
	v := d.Judge(sentence, prose.Tokens(sentence), true)
	return v.Claim, v.IsClaim
}

// Prohibited returns the promise in a Spanish sentence that no honest
// health page makes, if it holds one.
func (d *Spanish) Prohibited(sentence string) []Match {
	if v := d.Judge(sentence, prose.Tokens(sentence), false); v.IsPromise {
		return []Match{v.Promise}
	}
	return nil
}

// Warns reports whether a Spanish sentence warns of what it goes on to
// list ("Desconfíe de los productos que prometen:").
func (d *Spanish) Warns(toks []prose.Token) bool {
	return len(d.warnings.Find(prose.Fold(toks, prose.StemSpanish))) > 0
}

// StatisticsIn returns the statistics in a Spanish sentence that names a
// health topic (not as part of a name).
func (d *Spanish) StatisticsIn(toks []prose.Token) []Match {
	a := d.analyze("", toks)
	if len(a.health) == 0 {
		return nil
	}
	var out []Match
	for _, m := range a.found["statistics"] {
		out = append(out, a.match(m, Statistic))
	}
	return out
}
