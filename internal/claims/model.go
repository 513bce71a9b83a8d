package claims

import (
	_ "embed"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var (
	//go:embed model.txt
	builtinModelText string
	//go:embed promise-model.txt
	builtinPromiseModelText string
)

// model is a logistic model over the features of a sentence (see
// analysis): a sentence is a claim (or a promise) when the sum of the
// weights of its features, with the bias, reaches the threshold. The
// models are trained on the labelled sentences of testdata/dev.tsv by
// TestTrain, which writes model.txt and promise-model.txt; a feature a
// model has no weight for weighs nothing.
type model struct {
	bias      float64
	threshold float64
	dense     []float64                     // by index in denseNames
	words     map[string]float64            // by stem: "w=" features
	bigrams   map[[2]string]float64         // by the stems of two words: "b=" features
	pairs     map[[2]string]float64         // by two neighbours of the sequence of classes: "s=" features (see sequence)
	classes   map[[2]string]float64         // by two classes of the sequence, in the order they first stand: "c=" features
	phrases   map[string]map[string]float64 // by list (or "health") and phrase
}

// builtinModel reads a model that ships with pamphlet.
func builtinModel(text string) *model {
	m, err := parseModel(text)
	if err != nil {
		panic("claims: a built-in model: " + err.Error()) // a test keeps them current
	}
	return m
}

// release lets go of the weights a scorer made from the model holds in
// its own form (see newScorer): those of words, pairs of words and
// classes, and of the lists' phrases, but for health words.
func (m *model) release() {
	m.words, m.bigrams, m.pairs, m.classes = nil, nil, nil, nil
	m.phrases = map[string]map[string]float64{"health": m.phrases["health"]}
}

func newModel() *model { return newModelFor("") }

// newModelFor returns an empty model whose maps have room for the
// features of text, a model's text (see parseModel), so that reading the
// model that ships, some 60,000 features, does not grow them step by step.
func newModelFor(text string) *model {
	count := func(family string) int { return strings.Count(text, "\n"+family+"=") }
	return &model{dense: make([]float64, len(denseNames)), words: make(map[string]float64, count("w")),
		bigrams: make(map[[2]string]float64, count("b")), pairs: make(map[[2]string]float64, count("s")),
		classes: make(map[[2]string]float64, count("c")), phrases: map[string]map[string]float64{}}
}

// parseModel reads a model written by (*model).text.
func parseModel(text string) (*model, error) {
	m := newModelFor(text)
	n := -1
	for line := range strings.SplitSeq(text, "\n") {
		n++
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ') // names may hold spaces
		if i < 0 {
			return nil, fmt.Errorf("line %d: want a feature, a space and its weight", n+1)
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: want a feature, a space and its weight", n+1)
		}
		if err := m.set(line[:i], v); err != nil {
			return nil, fmt.Errorf("line %d: %v", n+1, err)
		}
	}
	return m, nil
}

// set gives a feature, by name, its weight.
func (m *model) set(name string, v float64) error {
	family, rest, ok := strings.Cut(name, "=")
	switch {
	case name == "bias":
		m.bias = v
	case name == "threshold":
		m.threshold = v
	case !ok:
		i, ok := denseIndex[name]
		if !ok {
			return fmt.Errorf("no feature %q", name)
		}
		m.dense[i] = v
	case family == "w":
		m.words[rest] = v
	case family == "b":
		a, b, ok := strings.Cut(rest, "_")
		if !ok {
			return fmt.Errorf("%q is not two words", name)
		}
		m.bigrams[[2]string{a, b}] = v
	case family == "s":
		a, b, ok := strings.Cut(rest, "_")
		if !ok {
			return fmt.Errorf("%q is not two words", name)
		}
		m.pairs[[2]string{a, b}] = v
	case family == "c":
		a, b, ok := strings.Cut(rest, "<")
		if !ok {
			return fmt.Errorf("%q is not two classes", name)
		}
		m.classes[[2]string{a, b}] = v
	default:
		if m.phrases[family] == nil {
			m.phrases[family] = map[string]float64{}
		}
		m.phrases[family][rest] = v
	}
	return nil
}

// weights returns every feature's weight by name.
func (m *model) weights() map[string]float64 {
	out := map[string]float64{}
	for i, v := range m.dense {
		out[denseNames[i]] = v
	}
	for w, v := range m.words {
		out["w="+w] = v
	}
	for b, v := range m.bigrams {
		out["b="+b[0]+"_"+b[1]] = v
	}
	for p, v := range m.pairs {
		out["s="+p[0]+"_"+p[1]] = v
	}
	for c, v := range m.classes {
		out["c="+c[0]+"<"+c[1]] = v
	}
	for list, ps := range m.phrases {
		for p, v := range ps {
			out[list+"="+p] = v
		}
	}
	return out
}

// text writes the model as model.txt holds it: the bias, the threshold,
// then each feature that weighs anything, by name.
func (m *model) text(header string) string {
	var b strings.Builder
	b.WriteString(header)
	fmt.Fprintf(&b, "bias %.4f\nthreshold %.4f\n", m.bias, m.threshold)
	w := m.weights()
	for _, n := range slices.Sorted(maps.Keys(w)) {
		if math.Abs(w[n]) >= 0.00005 {
			fmt.Fprintf(&b, "%s %.4f\n", n, w[n])
		}
	}
	return b.String()
}

// reason is why a model decided: the feature that weighed most for the
// decision, and its words.
type reason struct {
	feature string // the feature, or its list for a phrase's feature
	words   prose.Match
	weight  float64
	rank    int // see explains
}

// better reports whether a feature of weight w and the given rank explains
// a decision better than r.
func (r reason) better(w float64, rank int) bool {
	return w > 0 && (r.feature == "" || rank > r.rank || rank == r.rank && w > r.weight)
}

// explains ranks how well a feature's words explain a claim: 2 for what
// is said of health, 1 for a health word, 0 for anything else.
func explains(f string) int {
	switch {
	case kindOf(f) != Stated || strings.HasPrefix(f, "claim"):
		return 2
	case strings.HasPrefix(f, "health"):
		return 1
	}
	return 0
}

// explainsPromise ranks how well a feature's words explain a promise: 2
// for the words of a promise, or what it promises with them ("every
// patient ... healed"), 1 for a health word, 0 for anything else.
func explainsPromise(f string) int {
	name, _, _ := strings.Cut(f, "=")
	if strings.HasPrefix(name, "outcome+") {
		return 2
	}
	for _, list := range append([]string{"prohibited"}, promiseWords...) {
		if name == list || strings.HasPrefix(name, strings.TrimPrefix(list, "promise-")) {
			return 2
		}
	}
	if strings.HasPrefix(f, "health") {
		return 1
	}
	return 0
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
