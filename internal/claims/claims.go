// Package claims finds what a health page must not say without a
// clinician's review, or at all: clinical claims (what treats, cures or
// prevents, what changes a risk, doses, side effects, safety, outcomes and
// prognosis, comparisons between treatments, the benefit of screening,
// outcome statistics), promises no honest page makes (miracle, guaranteed,
// 100% safe, detox) and health statistics.
//
// It reads one sentence at a time. Word lists that are data (claims.txt
// and health.txt, embedded, which a site may extend or trim) find the
// signals in a sentence: the health words it holds and what it says of
// them (an effect, a risk, a dose, safety, an outcome, a comparison, what
// a test finds), and the signs of service text (who runs it, when and
// where, what to book). A small logistic model trained on labelled
// sentences (model.txt, see train_test.go) weighs the signals into a
// decision, and a finding names the words of the signal that weighed
// most. It knows nothing of Markdown or pages; callers give it sentences
// and map the offsets it returns back to the source.
package claims

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var (
	//go:embed claims.txt
	builtinClaims string
	//go:embed health.txt
	builtinHealth string
)

// ListNames are the lists of the detector, in the order claims.txt and
// health.txt have them. Each is a set of phrases (see package prose for
// their syntax); the endings lists hold word endings.
var ListNames = []string{
	// What a sentence says (claims.txt).
	"claims", "effects", "weak-effects", "risks", "weak-risks", "dosing", "schedules", "safety", "weak-safety",
	"outcomes", "weak-outcomes", "comparisons", "weak-comparisons", "screening", "weak-screening", "statistics",
	"credits", "agents", "services", "logistics", "names", "groups", "neutral",
	"prohibited", "promise-outcomes", "promise-absolutes", "promise-speed", "promise-proof", "promise-secrets", "promise-nature",
	"promise-cleanse", "promise-slimming", "promise-hype", "promise-common", "promise-selling",
	"promise-people", "promise-all", "promise-times", "promise-again", "promise-harms", "promise-experts", "promise-withheld", "promise-endorsed", "promise-weights",
	"promise-reports", "hedges", "warnings", "honest-terms", "negations",
	// What it says it of (health.txt).
	"conditions", "body", "medicines", "treatments", "tests", "lifestyle", "terms", "topics",
	"condition-endings", "medicine-endings", "treatment-endings",
}

// Lists are the detector's word lists by name.
type Lists map[string][]string

// Builtin returns the lists that ship with pamphlet.
func Builtin() Lists {
	l, err := ParseLists(builtinClaims + "\n" + builtinHealth)
	if err != nil {
		panic("claims.txt, health.txt: " + err.Error()) // a test keeps them parseable
	}
	return l
}

// ParseLists reads lists in the format of claims.txt: a [name] line opens
// a list, each other line is a phrase, and lines starting "# " are
// comments. A list may be opened more than once; its phrases add up.
func ParseLists(text string) (Lists, error) {
	l, err := parseLists(text, ListNames)
	return Lists(l), err
}

// parseLists reads lists in the format of claims.txt whose names are
// among names: ParseLists and ParseSpanishLists.
func parseLists(text string, names []string) (map[string][]string, error) {
	l := map[string][]string{}
	name := ""
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || line == "#" || strings.HasPrefix(line, "# "):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name = line[1 : len(line)-1]
			if !slices.Contains(names, name) {
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
			return fmt.Errorf("%q is not in the %s list; write it exactly as claims.txt or health.txt has it", r, name)
		}
		l[name] = slices.Delete(l[name], i, i+1)
	}
	for _, a := range add {
		if isEndings(name) {
			if strings.Trim(a, "abcdefghijklmnopqrstuvwxyz|") != "" {
				return fmt.Errorf("%q: an ending is lower-case letters, such as itis", a)
			}
		} else if _, err := prose.ParsePhrase(a); err != nil {
			return err
		}
		l[name] = append(l[name], a)
	}
	return nil
}

func isEndings(list string) bool { return strings.HasSuffix(list, "-endings") }

// Detector finds claims, promises and statistics in sentences. It is safe
// for concurrent use.
type Detector struct {
	sets         map[string]*prose.Set // each list on its own, on stems or as written
	stemmed      *prose.Set            // the lists of stemmedLists, matched on stems (see prose.Stem) in one pass
	raw          *prose.Set            // the lists of rawLists, matched as written in one pass
	gate         *prose.Set            // the lists that tell which sentences may hold a promise; see mayPromise
	gateWords    map[string]uint8      // the first words of the gate's phrases, by what they may be
	gateForms    map[string]uint8      // the forms of those words as written; see mayHaveGateWord
	gatePairs    map[[2]string]bool    // the forms of the first two words of the gate's phrases of promises
	gateFirst    [256]uint64           // for each first byte of gateForms, a bit for each length (mod 64) they have: most words are told apart without a look-up
	gateSure     [256]uint64           // the same for the forms that are not only marks of promises (common words, selling), one of which a promise needs
	gateSpan     int                   // the most words of a phrase of the gate's lists but promises' own
	patterns     *prose.Set            // the lists of patternLists, on stems in one pass
	reports      *prose.Set            // promise-reports, as written
	patternForms map[string]uint16     // the forms of the first words of the phrases of the patterns' lists, by role; see mayHavePattern
	patternFirst [256]uint64           // as gateFirst, for patternForms
	pairs        []patternPair         // pairPatterns, by role
	health       *prose.Set            // the lists of healthLists, for aboutHealth
	endings      map[string][]string   // list → word endings
	vocab        vocabulary            // the words the models weigh, by number
	model        *scorer               // of claims
	promises     *scorer               // of promises
}

// rawLists are the lists matched on words as written: statistics, whose
// patterns are of signs and numbers, and terms, whose rare words' stems
// meet everyday words. So is promise-reports, whose words' forms tell a
// promise reported from one made (see promiseOnly).
var rawLists = []string{"statistics", "terms"}

// stemmedLists are the lists matched on the stems of words.
var stemmedLists = []string{"claims", "effects", "weak-effects", "risks", "weak-risks", "dosing", "schedules", "safety", "weak-safety",
	"outcomes", "weak-outcomes", "comparisons", "weak-comparisons", "screening", "weak-screening",
	"credits", "agents", "services", "logistics", "names", "groups", "neutral",
	"conditions", "body", "medicines", "treatments", "tests", "lifestyle", "topics",
	"prohibited", "promise-outcomes", "promise-absolutes", "promise-speed", "promise-proof", "promise-secrets", "promise-nature",
	"promise-cleanse", "promise-slimming", "promise-hype", "promise-common", "promise-selling", "hedges", "honest-terms", "negations"}

// patternLists are the lists of the patterns of promises made without a
// promise's word (see analysis.patterns), matched on stems, in one pass,
// only in sentences weighed for promises (see analysis.findPatterns).
var patternLists = []string{"promise-people", "promise-all", "promise-times", "promise-again", "promise-harms", "promise-experts", "promise-withheld",
	"promise-endorsed", "promise-weights"}

// promiseOnly are the lists only the promise model weighs: the claim
// model knows nothing of them.
var promiseOnly = append(slices.Clone(patternLists), "promise-reports")

// promiseVoice are the lists of how a promise is voiced, or what makes
// a promise's words honest: the claim model does not weigh their
// phrases, so that what they hold changes the promise model alone.
var promiseVoice = []string{"promise-selling", "honest-terms"}

// promiseWords are the lists of the words promises are made of.
var promiseWords = []string{"promise-absolutes", "promise-speed", "promise-proof", "promise-secrets", "promise-nature",
	"promise-cleanse", "promise-slimming", "promise-hype"}

// plainPromised are the lists of what a promise made in plain words
// promises: the effects and outcomes of the claim lists, which let a
// sentence be weighed for a promise near the voice of selling
// (promise-selling: "our", "this", "capsule"): "Our ear drops clear an
// ear infection", "This root extract regrows tooth enamel". See
// Detector.mayPromise.
var plainPromised = []string{"effects", "outcomes"}

// lists returns the phrases of the named lists, in order.
func (l Lists) lists(names []string) [][]string {
	out := make([][]string, len(names))
	for i, n := range names {
		out[i] = l[n]
	}
	return out
}

// New compiles lists into a detector. It reports every phrase it cannot
// parse.
func New(l Lists) (*Detector, error) {
	d := &Detector{sets: map[string]*prose.Set{}, endings: map[string][]string{}}
	var errs []string
	for _, name := range ListNames {
		var err error
		switch {
		case isEndings(name):
			for _, line := range l[name] {
				d.endings[name] = append(d.endings[name], strings.Split(line, "|")...)
			}
		case slices.Contains(stemmedLists, name) || slices.Contains(patternLists, name) || name == "warnings":
			d.sets[name], err = prose.NewSetFold(l[name], prose.Stem)
		default:
			d.sets[name], err = prose.NewSet(l[name])
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("claims.%s: %v", name, err))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	// The lists parse, as each was parsed on its own above.
	d.stemmed, _ = prose.NewSets(l.lists(stemmedLists), prose.Stem)
	d.gate, _ = prose.NewSets([][]string{
		slices.Concat(l.lists(append([]string{"prohibited"}, promiseWords...))...),
		l["promise-common"],
		l["promise-outcomes"],
		l["promise-selling"],
		slices.Concat(l.lists(plainPromised)...),
	}, prose.Stem)
	d.raw, _ = prose.NewSets(l.lists(rawLists), nil)
	d.patterns, _ = prose.NewSets(l.lists(patternLists), prose.Stem)
	d.reports = d.sets["promise-reports"]
	d.health, _ = prose.NewSets(l.lists(healthLists), prose.Stem)
	d.gateWords = map[string]uint8{}
	for i := range d.gate.Len() {
		p, list := d.gate.Phrase(i)
		for _, w := range p.FirstWords() {
			switch {
			case list == 0 && p.Len() == 1:
				d.gateWords[w] |= gateWord
			case list == 0:
				d.gateWords[w] |= gatePhrase
			case list == 1:
				d.gateWords[w] |= gateCommon
			case list == 2:
				d.gateWords[w] |= gateEffect
			case list == 3:
				d.gateWords[w] |= gateSelling
			default:
				d.gateWords[w] |= gatePlain
			}
		}
		if list > 0 {
			d.gateSpan = max(d.gateSpan, p.Len())
		}
	}
	d.gateForms, d.gatePairs = map[string]uint8{}, map[[2]string]bool{}
	for w, bits := range d.gateWords {
		for _, f := range forms(w) {
			d.gateForms[f] |= bits
		}
	}
	for i := range d.gate.Len() {
		if p, list := d.gate.Phrase(i); list == 0 && p.Len() > 1 {
			for _, a := range p.Words(0) {
				for _, b := range p.Words(1) {
					for _, fa := range forms(a) {
						for _, fb := range append(forms(b), "#") {
							if fb != "#" || b == "#" {
								d.gatePairs[[2]string{fa, fb}] = true
							}
						}
					}
				}
			}
			if p.Words(1) == nil { // a phrase whose second word is any word: its first word decides
				for _, a := range p.Words(0) {
					for _, fa := range forms(a) {
						d.gateForms[fa] |= gateWord
					}
				}
			}
		}
	}
	for f, bits := range d.gateForms {
		d.gateFirst[f[0]] |= 1 << (len(f) & 63)
		if bits&^(gateCommon|gateSelling) != 0 {
			d.gateSure[f[0]] |= 1 << (len(f) & 63)
		}
	}
	d.setPatternForms(l)
	// The models that ship with pamphlet are read for each detector, and
	// what its scorers hold in their place let go: a third of what a
	// small site's build holds.
	d.setModels(builtinModel(builtinModelText), builtinModel(builtinPromiseModelText))
	return d, nil
}

// setModels makes the detector weigh sentences with the given models,
// which it keeps only as far as its scorers need them (see
// model.release).
func (d *Detector) setModels(claims, promises *model) {
	d.vocab = make(vocabulary, len(claims.words)+len(promises.words)) // room for the words of both
	d.vocab.add(claims)
	d.vocab.add(promises)
	sets := map[*prose.Set][]string{d.stemmed: stemmedLists, d.raw: rawLists, d.patterns: patternLists, d.reports: {"promise-reports"}}
	d.model, d.promises = newScorer(claims, d.vocab, sets, false), newScorer(promises, d.vocab, sets, true)
	claims.release()
	promises.release()
}

// Kind says why a sentence is a claim.
type Kind string

// The kinds of claim, by the signal that weighed most.
const (
	Stated     Kind = "claim"      // a phrase that is a claim on its own
	Effect     Kind = "effect"     // an effect on health
	Risk       Kind = "risk"       // a change to the chance of harm
	Dose       Kind = "dose"       // how much, how often or how to take a medicine
	Safety     Kind = "safety"     // whether something is safe, and for whom
	Outcome    Kind = "outcome"    // the course of an illness: recovery, prognosis
	Comparison Kind = "comparison" // one treatment or habit against another
	Screening  Kind = "screening"  // what a test finds
	Statistic  Kind = "statistic"  // a health statistic
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
	return d.ClaimIn(sentence, prose.Tokens(sentence))
}

// ClaimIn is Claim for a sentence already split into tokens; the match's
// span is in the sentence.
func (d *Detector) ClaimIn(sentence string, toks []prose.Token) (Match, bool) {
	v := d.Judge(sentence, toks, true)
	return v.Claim, v.IsClaim
}

// Verdict is what the detector finds in a sentence.
type Verdict struct {
	Claim     Match // the words that make it a claim, when IsClaim
	IsClaim   bool
	Promise   Match // the words of a promise no honest page makes, when IsPromise
	IsPromise bool
}

// Judge looks for a promise in a sentence split into tokens, and for a
// claim when claims is true, reading the sentence once for both. A
// promise needs words promises are made of (the lists prohibited and
// promise-words) or a pattern of one (see analysis.patterns); most
// sentences have neither, and are read no further when no claim is
// looked for.
func (d *Detector) Judge(sentence string, toks []prose.Token, claims bool) Verdict {
	var v Verdict
	if len(toks) == 0 {
		return v
	}
	gateWord := claims || d.mayHaveGateWord(sentence, toks)
	pattern := d.mayHavePattern(toks)
	if !gateWord && !pattern {
		return v
	}
	stems := prose.Fold(toks, prose.Stem)
	promising := gateWord && d.mayPromise(sentence, stems)
	if !claims && !promising && !pattern {
		return v
	}
	a := d.analyzeStems(sentence, toks, stems)
	if claims {
		// A claim names a health topic or says something of health: the
		// model's reason must be one of those.
		if s, why := d.model.score(a, false); s >= d.model.m.threshold && why.rank >= 1 && a.aboutHealth() {
			v.Claim, v.IsClaim = a.match(why), true
		}
	}
	if !promising && pattern {
		promising = a.patterned(sentence)
	}
	if promising {
		a.promiseFeatures(sentence)
		// A promise's reason must be a word of a promise.
		if s, why := d.promises.score(a, true); s >= d.promises.m.threshold && why.rank >= 2 {
			// The words of a phrase of prohibited are named whole: "guaranteed
			// to work", not "guaranteed".
			for _, p := range a.found["prohibited"] {
				if overlaps(why.words, []prose.Match{p}) {
					why.words = span(why.words, p)
				}
			}
			v.Promise, v.IsPromise = a.match(why), true
			v.Promise.Kind = Stated
		}
	}
	return v
}

// Warns reports whether a sentence warns of what it goes on to list (a
// phrase of the warnings list: "recognize the red flags, such as:"), so
// that a list after it names promises to beware of rather than making
// them.
func (d *Detector) Warns(toks []prose.Token) bool {
	return len(d.sets["warnings"].Find(prose.Fold(toks, prose.Stem))) > 0
}

// Statistics returns the statistics in a sentence that is about health
// (that names a health topic or makes a claim).
func (d *Detector) Statistics(sentence string) []Match {
	return d.StatisticsIn(prose.Tokens(sentence))
}

// StatisticsIn is Statistics for a sentence already split into tokens.
func (d *Detector) StatisticsIn(toks []prose.Token) []Match {
	ms := d.sets["statistics"].Find(toks)
	if len(ms) == 0 {
		return nil
	}
	if !d.namesHealth(toks) {
		return nil
	}
	var out []Match
	for _, m := range ms {
		out = append(out, newMatch(toks, m, Statistic))
	}
	return out
}

// newMatch turns a phrase found in tokens into a Match over their text.
func newMatch(toks []prose.Token, m prose.Match, k Kind) Match {
	return Match{Span: prose.Span{Start: toks[m.First].Start, End: toks[m.Last].End}, Kind: k, Phrase: m.Phrase.Text}
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
