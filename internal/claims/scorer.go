package claims

import (
	"slices"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// scorer is a model made ready to score the sentences of one detector:
// its weights looked up by what an analysis holds (a word's number in the
// detector's vocabulary, a phrase of its lists) rather than by name.
type scorer struct {
	m        *model
	rank     []int                     // of each dense feature; see explains
	words    []float64                 // by word number
	bigrams  map[uint64]float64        // by the numbers of two words
	pairs    map[uint64]float64        // by the numbers of two neighbours of the sequence of classes
	classes  map[string]int32          // the number of each class of the sequence
	cooccur  map[uint64]float64        // by the numbers of two classes of the sequence, in the order they first stand
	phrases  map[*prose.Phrase]float64 // the weight of each phrase of the lists
	listRank map[*prose.Phrase]int     // and its rank
	list     map[*prose.Phrase]string  // and its list
}

// vocabulary numbers the words the detector's models weigh.
type vocabulary map[string]int32

func (v vocabulary) add(m *model) {
	for w := range m.words {
		v.number(w)
	}
	for b := range m.bigrams {
		v.number(b[0])
		v.number(b[1])
	}
	for p := range m.pairs {
		v.number(p[0])
		v.number(p[1])
	}
}

func (v vocabulary) number(w string) int32 {
	n, ok := v[w]
	if !ok {
		n = int32(len(v))
		v[w] = n
	}
	return n
}

// newScorer makes a model ready for a detector whose lists are in sets,
// by their names.
func newScorer(m *model, vocab vocabulary, sets map[*prose.Set][]string, promise bool) *scorer {
	explains := explains
	if promise {
		explains = explainsPromise
	}
	s := &scorer{m: m, rank: make([]int, len(denseNames)), words: make([]float64, len(vocab)),
		bigrams: make(map[uint64]float64, len(m.bigrams)), pairs: make(map[uint64]float64, len(m.pairs)), classes: map[string]int32{}, cooccur: make(map[uint64]float64, len(m.classes)), phrases: map[*prose.Phrase]float64{}, listRank: map[*prose.Phrase]int{}, list: map[*prose.Phrase]string{}}
	for i, n := range denseNames {
		s.rank[i] = explains(n)
	}
	for w, v := range m.words {
		s.words[vocab[w]] = v
	}
	for b, v := range m.bigrams {
		s.bigrams[uint64(vocab[b[0]])<<32|uint64(vocab[b[1]])] = v
	}
	for p, v := range m.pairs {
		s.pairs[uint64(vocab[p[0]])<<32|uint64(vocab[p[1]])] = v
	}
	for _, c := range classNames() {
		s.classes[c] = vocab.number(c)
	}
	for c, v := range m.classes {
		s.cooccur[uint64(s.classes[c[0]])<<32|uint64(s.classes[c[1]])] = v
	}
	for set, names := range sets {
		for i := range set.Len() {
			p, l := set.Phrase(i)
			s.list[p] = names[l]
			s.listRank[p] = explains(names[l])
			s.phrases[p] = m.phrases[names[l]][p.Text]
		}
	}
	return s
}

// score returns the sentence's score (its log-odds) and the reason for
// it, with no feature when none weighs for it. Features that say
// something of health explain a decision before those that name a health
// word, and those before any other. The promise model weighs the
// features of promises too.
func (s *scorer) score(a *analysis, promise bool) (float64, reason) {
	sum := s.m.bias
	var why reason
	for i, on := range a.on {
		if !on || !promise && i >= len(featureNames) || promise && i == shortFeature {
			continue
		}
		w := s.m.dense[i]
		sum += w
		if why.better(w, s.rank[i]) {
			why = reason{denseNames[i], a.why[i], w, s.rank[i]}
		}
	}
	ids := a.ids
	// The promise model weighs a word, two words, a phrase or a health
	// word once however often the sentence holds it, as it was trained
	// (see analysis.names).
	var once map[any]bool
	if promise {
		ids = a.pids // health words by their class; see classify
		once = map[any]bool{}
	}
	first := func(k any) bool {
		if once == nil {
			return true
		}
		if once[k] {
			return false
		}
		once[k] = true
		return true
	}
	for i, id := range ids {
		var w float64
		if promise && a.promised[i] {
			continue
		}
		if id >= 0 {
			if first(id) {
				w = s.words[id]
			}
			if i > 0 && ids[i-1] >= 0 && !(promise && a.promised[i-1]) {
				if b := uint64(ids[i-1])<<32 | uint64(id); first(b) {
					w += s.bigrams[b]
				}
			}
		}
		sum += w
		if why.better(w, 0) {
			why = reason{"w", prose.Match{First: i, Last: i}, w, 0}
		}
	}
	for _, list := range ListNames { // in order, so that the sum is the same every time
		for _, p := range a.found[list] {
			if !first(p.Phrase) {
				continue
			}
			w := s.phrases[p.Phrase]
			sum += w
			if rank := s.listRank[p.Phrase]; why.better(w, rank) {
				why = reason{list, p, w, rank}
			}
		}
	}
	if !promise && (len(s.pairs) > 0 || len(s.cooccur) > 0) {
		sum += s.scoreSequence(a)
	}
	if weights := s.m.phrases["health"]; weights != nil {
		for _, h := range a.health {
			if !first("health=" + h.Phrase.Text) {
				continue
			}
			w := weights[h.Phrase.Text]
			sum += w
			if why.better(w, 1) {
				why = reason{"health", h.Match, w, 1}
			}
		}
	}
	return sum, why
}

// scoreSequence returns the sum of the weights of the sentence's
// sequence of classes (see analysis.sequenceNames): of its neighbours,
// each pair once, and of each two of its classes, in the order they
// first stand.
func (s *scorer) scoreSequence(a *analysis) float64 {
	seq := a.sequence()
	if len(seq) == 0 {
		return 0
	}
	id := func(e classed) int32 {
		if e.class {
			return s.classes[e.name]
		}
		return a.ids[e.at]
	}
	sum := 0.0
	var seen []uint64
	var classes []int32
	prev := int32(-1)
	for i, e := range seq {
		cur := id(e)
		if i > 0 && (seq[i-1].class || e.class) && prev >= 0 && cur >= 0 {
			k := uint64(prev)<<32 | uint64(cur)
			if w, ok := s.pairs[k]; ok && !slices.Contains(seen, k) {
				seen = append(seen, k)
				sum += w
			}
		}
		if e.class && !slices.Contains(classes, cur) {
			for _, c := range classes {
				sum += s.cooccur[uint64(c)<<32|uint64(cur)]
			}
			classes = append(classes, cur)
		}
		prev = cur
	}
	return sum
}
