package claims

import (
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file finds the signals in a sentence and turns them into the
// features the model weighs. A signal is a phrase of one of the lists:
// a health word (of a kind: condition, body, medicine, treatment, test,
// way of life), something said of health (an effect, a risk, a dose,
// safety, an outcome, a comparison, what a test finds, a statistic), or a
// sign of service text (who does it, what to book, when and where). The
// features are the signals and the ways they stand together: an effect
// word with a health word beside it, a dose verb with a medicine, an
// effect word after "our nurses".

// healthKinds are the lists of health words, and the feature each sets.
var healthKinds = []string{"conditions", "body", "medicines", "treatments", "tests", "lifestyle", "terms", "topics"}

// healthWord is a health word of a sentence, and how it stands.
type healthWord struct {
	prose.Match
	kind  string // its list, such as "medicines"
	named bool   // part of a name: "the asthma clinic"
	who   bool   // says who: "people with asthma"
}

// analysis is what a sentence holds.
type analysis struct {
	d       *Detector
	neutral []prose.Match // the phrases of the neutral list; see analyzeStems
	// patternsFound tells that the lists of promiseOnly are in found;
	// see findPatterns.
	patternsFound bool
	toks          []prose.Token // as written
	stems         []prose.Token // the same, with stems
	found         map[string][]prose.Match
	health        []healthWord  // free health words: not in a name, not saying who
	named         []healthWord  // health words that are part of a name or say who
	on            []bool        // the features of denseNames that are on
	why           []prose.Match // for each, the words that set it
	ids           []int32       // the number of each word in the detector's vocabulary, or -1
	// promised marks the words of promises (see promiseWords), set by
	// promiseFeatures: the promise model weighs them by how they stand
	// (plain, negated, hedged, in a term), not each word on its own.
	promised []bool
	// classes are the words the promise model weighs in place of health
	// words (see classify), and pids the numbers of the words it weighs,
	// as ids; both set by promiseFeatures.
	classes []string
	pids    []int32
}

// analyze finds the signals of a sentence, split into toks, and works out
// its features.
func (d *Detector) analyze(sentence string, toks []prose.Token) *analysis {
	return d.analyzeStems(sentence, toks, prose.Fold(toks, prose.Stem))
}

// analyzeStems is analyze for tokens already folded by their stems.
func (d *Detector) analyzeStems(sentence string, toks, stems []prose.Token) *analysis {
	a := &analysis{d: d, toks: toks, stems: stems, found: map[string][]prose.Match{}}
	stemmed, raw := d.stemmed.FindEach(a.stems), d.raw.FindEach(toks)
	var neutral []prose.Match
	for i, name := range stemmedLists {
		if name == "neutral" {
			neutral = stemmed[i]
		}
	}
	a.neutral = neutral
	keep := func(name string, ms []prose.Match) {
		for _, m := range ms {
			if name == "statistics" || !overlaps(m, neutral) {
				a.found[name] = append(a.found[name], m)
			}
		}
	}
	for i, name := range stemmedLists {
		if name != "neutral" {
			keep(name, stemmed[i])
		}
	}
	for i, name := range rawLists {
		keep(name, raw[i])
	}
	a.findHealth(d, neutral)
	a.on, a.why = make([]bool, len(denseNames)), make([]prose.Match, len(denseNames))
	a.ids = make([]int32, len(toks))
	for i := range toks {
		id, ok := d.vocab[a.word(i)]
		if !ok {
			id = -1
		}
		a.ids[i] = id
	}
	a.featurize()
	if strings.HasSuffix(strings.TrimRight(sentence, " \"”’'*_)"), "?") {
		a.set("question", prose.Match{First: 0, Last: len(toks) - 1})
	}
	return a
}

// aboutHealth reports whether the sentence can be a claim at all: it names
// a health topic (in a name or not), holds a statistic ("About 1 in 100
// adults stammers"), or says something of health in words that say it on
// their own (strongLists). "They are here to help you" cannot be.
func (a *analysis) aboutHealth() bool {
	if len(a.health) > 0 || len(a.named) > 0 || len(a.found["statistics"]) > 0 {
		return true
	}
	for _, l := range strongLists {
		if len(a.found[l]) > 0 {
			return true
		}
	}
	return false
}

// strongLists are the lists of what is said of health whose phrases say it
// of health on their own (unlike "weak-effects": "help", "work", or
// "weak-outcomes": "returned"), and the risks ("raises your risk of").
var strongLists = []string{"claims", "effects", "schedules", "safety", "outcomes", "comparisons", "screening", "credits", "risks"}

// namesHealth reports whether a sentence names a health topic (one not in
// a name and not saying who) or holds a phrase that is a claim on its
// own, reading only the lists that tell.
func (d *Detector) namesHealth(toks []prose.Token) bool {
	a := &analysis{toks: toks, stems: prose.Fold(toks, prose.Stem), found: map[string][]prose.Match{}}
	found := d.health.FindEach(a.stems)
	var neutral []prose.Match
	for i, name := range healthLists {
		if name == "neutral" {
			neutral = found[i]
		}
	}
	for i, name := range healthLists {
		for _, m := range found[i] {
			if name != "neutral" && !overlaps(m, neutral) {
				a.found[name] = append(a.found[name], m)
			}
		}
	}
	if len(a.found["claims"]) > 0 {
		return true
	}
	for _, m := range d.sets["terms"].Find(toks) {
		if !overlaps(m, neutral) {
			a.found["terms"] = append(a.found["terms"], m)
		}
	}
	a.findHealth(d, neutral)
	return len(a.health) > 0
}

// healthLists are the lists aboutHealth reads, on stems.
var healthLists = slices.Concat(healthKinds[:6], []string{"topics", "claims", "names", "groups", "neutral"})

// findHealth gathers the health words of the sentence, from the lists and
// from the endings of medical words, and tells which stand in a name or
// say who.
func (a *analysis) findHealth(d *Detector, neutral []prose.Match) {
	var words []healthWord
	taken := make([]bool, len(a.toks))
	for _, kind := range healthKinds {
		for _, m := range a.found[kind] {
			if taken[m.First] || taken[m.Last] {
				continue
			}
			for i := m.First; i <= m.Last; i++ {
				taken[i] = true
			}
			words = append(words, healthWord{Match: m, kind: kind})
		}
	}
	for i, t := range a.toks {
		if taken[i] || t.Kind != prose.Word || overlaps(prose.Match{First: i, Last: i}, neutral) {
			continue
		}
		if kind := d.ending(t.Norm); kind != "" {
			words = append(words, healthWord{Match: prose.Match{First: i, Last: i, Phrase: &prose.Phrase{Text: t.Norm}}, kind: kind})
		}
	}
	groups := a.found["groups"]
	for _, w := range words {
		if n := w.Last + 1; n < len(a.stems) {
			if _, ok := d.sets["names"].At(a.stems, n); ok {
				w.named = true
			}
		}
		for _, g := range groups {
			if g.Last < w.First && w.First-g.Last <= 3 {
				w.who = true
			}
		}
		if w.named || w.who {
			a.named = append(a.named, w)
		} else {
			a.health = append(a.health, w)
		}
	}
}

// ending returns the kind of health word a word's ending shows it to be,
// such as "conditions" for "tonsillitis", or "".
func (d *Detector) ending(w string) string {
	for _, list := range []string{"condition-endings", "medicine-endings", "treatment-endings"} {
		for _, e := range d.endings[list] {
			if len(w) >= len(e)+3 && strings.HasSuffix(w, e) {
				return strings.TrimSuffix(list, "-endings") + "s"
			}
		}
	}
	return ""
}

// signals are the lists of what a sentence says of health, each with the
// feature it sets, how near a health word must stand to it to count as
// said of it, and the kinds of health word that count (all when nil).
var signals = []struct {
	list, feature string
	near          int
	kinds         []string
	agent, after  bool // also set feature-by-agent, and feature>health for a health word after it
}{
	{"claims", "claim", 8, nil, false, false},
	{"effects", "effect", 6, nil, true, true},
	{"weak-effects", "weak-effect", 5, nil, true, true},
	{"risks", "risk", 6, nil, false, false},
	{"weak-risks", "weak-risk", 4, nil, false, false},
	{"dosing", "dose", 8, []string{"medicines", "treatments"}, true, false},
	{"schedules", "schedule", 10, []string{"medicines", "treatments"}, false, false},
	{"safety", "safety", 8, nil, false, false},
	{"weak-safety", "weak-safety", 6, nil, false, false},
	{"outcomes", "outcome", 8, nil, false, false},
	{"weak-outcomes", "weak-outcome", 5, nil, false, false},
	{"comparisons", "comparison", 8, nil, false, false},
	{"weak-comparisons", "weak-comparison", 4, nil, false, false},
	{"screening", "screening", 8, nil, false, false},
	{"weak-screening", "weak-screening", 5, []string{"tests", "conditions", "terms"}, false, false},
	{"credits", "credit", 8, []string{"medicines", "treatments", "lifestyle", "tests"}, false, false},
}

// The features the lists set, besides those of each word and phrase (see
// words). Each is on or off.
var featureNames = func() []string {
	names := []string{"health", "health-2", "condition", "body", "medicine", "treatment", "test", "lifestyle", "topic",
		"named-health", "who-health"}
	for _, sg := range signals {
		names = append(names, sg.feature, sg.feature+"+health")
		if sg.agent {
			names = append(names, sg.feature+"-by-agent")
		}
		if sg.after {
			names = append(names, sg.feature+">health")
		}
	}
	return append(names,
		"effect+first-person", "dose-first", "dose+schedule", "dose+number", "outcome+time",
		"statistic", "statistic+health",
		"agent", "agent-first", "service", "service-2", "logistics", "logistics-2", "service-first",
		"question", "first-person", "you", "modal", "negation", "number", "names-2", "short",
		"past", "past-2", "name's", "said", "health-first", "health-first+said", "narrative", "agent-will",
		"name-first", "name-narrative")
}()

// denseNames are the features the lists set, of claims then of promises.
var denseNames = slices.Concat(featureNames, promiseFeatureNames)

// shortFeature is the index of "short", which the promise model does not
// weigh: a promise is as much one in a short sentence ("It is a miracle
// cure.") as in a long one.
var shortFeature = slices.Index(denseNames, "short")

// denseIndex gives the index of each of denseNames.
var denseIndex = func() map[string]int {
	m := map[string]int{}
	for i, n := range denseNames {
		m[n] = i
	}
	return m
}()

// set turns on a feature, with the words that set it (the first words to
// set it are kept).
func (a *analysis) set(name string, m prose.Match) {
	i, ok := denseIndex[name]
	if !ok {
		panic("claims: no feature " + name)
	}
	if !a.on[i] {
		a.on[i], a.why[i] = true, m
	}
}

// isOn reports whether a feature is on.
func (a *analysis) isOn(name string) bool { return a.on[denseIndex[name]] }

// word returns the word at i as the model weighs it: its stem, or "#" for
// a number.
func (a *analysis) word(i int) string {
	if a.stems[i].Kind == prose.Number {
		return "#"
	}
	return a.stems[i].Norm
}

// names returns the names of the sentence's features, as training reads
// them: the lists' features that are on (those of promises too, when
// promise is true), each word's stem ("w=reduc") and each two words'
// ("b=reduc_pain"), each phrase of a list it holds ("effects=reduce") and
// each health word ("health=pain").
func (a *analysis) names(promise bool) []string {
	var out []string
	for i, on := range a.on {
		if on && (promise || i < len(featureNames)) && !(promise && i == shortFeature) {
			out = append(out, denseNames[i])
		}
	}
	seen := map[string]bool{}
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	word := a.word
	if promise {
		word = a.promiseWord
	}
	for i := range a.stems {
		if promise && a.promised[i] {
			continue
		}
		add("w=" + word(i))
		if i > 0 && !(promise && a.promised[i-1]) {
			add("b=" + word(i-1) + "_" + word(i))
		}
	}
	for _, list := range slices.Sorted(maps.Keys(a.found)) {
		if !promise && (slices.Contains(promiseOnly, list) || slices.Contains(promiseVoice, list)) {
			continue
		}
		for _, m := range a.found[list] {
			add(list + "=" + m.Phrase.Text)
		}
	}
	for _, h := range a.health {
		add("health=" + h.Phrase.Text)
	}
	if !promise {
		for _, n := range a.sequenceNames() {
			add(n)
		}
	}
	return out
}

// near reports the health word nearest m within n words either side, if
// any; after limits it to those after m.
func (a *analysis) near(m prose.Match, n int, after bool, kinds ...string) (prose.Match, bool) {
	best, dist := prose.Match{}, n+1
	for _, h := range a.health {
		if len(kinds) > 0 && !contains(kinds, h.kind) {
			continue
		}
		var d int
		switch {
		case h.First > m.Last:
			d = h.First - m.Last
		case h.Last < m.First && !after:
			d = m.First - h.Last
		case h.First <= m.Last && m.First <= h.Last && !after:
			d = 0
		default:
			continue
		}
		if d < dist {
			best, dist = span(m, h.Match), d
		}
	}
	return best, dist <= n
}

// span returns the words from the first of two matches to the end of the
// last.
func span(a, b prose.Match) prose.Match {
	out := a
	out.First, out.Last = min(a.First, b.First), max(a.Last, b.Last)
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fillers may stand between a subject and its verb: "our nurses can also help".
var fillers = map[string]bool{
	"can": true, "will": true, "may": true, "might": true, "could": true, "would": true,
	"should": true, "also": true, "often": true, "usually": true, "now": true,
	"always": true, "sometimes": true, "to": true, "all": true, "who": true, "which": true,
	"that": true, "really": true, "do": true, "does": true, "did": true, "are": true, "is": true,
	"here": true, "there": true, "happy": true, "able": true, "on": true, "hand": true,
}

// byAgent reports whether the phrase follows someone or something that is
// not a treatment ("our nurses help", "donations help").
func (a *analysis) byAgent(m prose.Match) bool {
	for j := m.First - 1; j >= 0 && j >= m.First-5; j-- {
		if fillers[a.toks[j].Norm] {
			continue
		}
		return a.isAgent(j)
	}
	return false
}

func (a *analysis) isAgent(j int) bool {
	for _, g := range a.found["agents"] {
		if g.First <= j && j <= g.Last {
			return true
		}
	}
	return false
}

// starters are words that open sentences and are not names.
var starters = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the this that these those it its our we you your they their he she his her i my me
		if when while after before since as at in on for from with without by to of and but or so because although though
		most many some all any each every no not never always often usually sometimes people children adults patients
		there here what which who how why where can could may might will would should must do does did is are was were
		be been being have has had get take give use keep make try ask call book come see find read check tell let please
		one two three four five six seven eight nine ten first next last new also even just only more less very about around
		up down out over under between during until unless whether both either neither such other another same much few`) {
		m[w] = true
	}
	return m
}()

// inList reports whether the word at i is part of a phrase of any list
// but those of promiseOnly.
func (a *analysis) inList(i int) bool {
	for list, ms := range a.found {
		if slices.Contains(promiseOnly, list) {
			continue // not a word of what a sentence says of health; see promiseOnly
		}
		for _, m := range ms {
			if m.First <= i && i <= m.Last {
				return true
			}
		}
	}
	return false
}

// capitalized reports whether the word at i is written with a capital,
// as names are; "I" is not a name.
func capitalized(toks []prose.Token, i int) bool {
	t := toks[i]
	if t.Norm == "i" || strings.HasPrefix(t.Norm, "i'") {
		return false
	}
	return t.Capital
}

// match returns the Match of the words of a reason.
func (a *analysis) match(r reason) Match {
	m := r.words
	text := ""
	if m.Phrase != nil {
		text = m.Phrase.Text
	}
	return Match{Span: prose.Span{Start: a.toks[m.First].Start, End: a.toks[m.Last].End}, Kind: kindOf(r.feature), Phrase: text}
}

// kindOf names the kind of claim a feature stands for: a feature of the
// lists' signals ("effect+health") or of one of their phrases
// ("effects=reduce").
func kindOf(feature string) Kind {
	name, _, _ := strings.Cut(feature, "=")
	name = strings.TrimPrefix(name, "weak-")
	for _, k := range []struct {
		prefix string
		kind   Kind
	}{
		{"effect", Effect}, {"risk", Risk}, {"dos", Dose}, {"schedule", Dose}, {"safety", Safety}, {"outcome", Outcome},
		{"comparison", Comparison}, {"than", Comparison}, {"screening", Screening}, {"statistic", Statistic},
	} {
		if strings.HasPrefix(name, k.prefix) {
			return k.kind
		}
	}
	return Stated
}

// findPatterns adds to found the phrases of the lists only the promise
// model weighs (promiseOnly), once: most sentences are never weighed for
// promises, and are not looked at for them.
func (a *analysis) findPatterns() {
	if a.patternsFound {
		return
	}
	a.patternsFound = true
	stemmed, raw := a.d.patterns.FindEach(a.stems), a.d.reports.Find(a.toks)
	for i, name := range patternLists {
		for _, m := range stemmed[i] {
			if !overlaps(m, a.neutral) {
				a.found[name] = append(a.found[name], m)
			}
		}
	}
	for _, m := range raw {
		if !overlaps(m, a.neutral) {
			a.found["promise-reports"] = append(a.found["promise-reports"], m)
		}
	}
}
