package claims

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var train = flag.Bool("train", false, "train the model on testdata/dev.tsv and write model.txt")

// sample is a labelled sentence of a development or test set.
type sample struct {
	line                int
	label, kind, source string
	text                string
}

// readSet reads a labelled set: label, kind, source and sentence,
// separated by tabs, one a line.
func readSet(t testing.TB, name string) []sample {
	t.Helper()
	return readSamples(t, "testdata/"+name, func(p []string) bool {
		return strings.Contains(" claim none info promise honest ", " "+p[0]+" ")
	}, "label<TAB>kind<TAB>source<TAB>sentence, label claim, none, info, promise or honest")
}

// readSamples reads the labelled sentences of the file at path, written
// as the sets are: four fields separated by tabs, one sentence a line,
// blank lines and lines starting with # passed over. A line whose fields
// valid refuses fails the test, saying what is wanted.
func readSamples(t testing.TB, path string, valid func(fields []string) bool, want string) []sample {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sample
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 4 || !valid(p) {
			t.Fatalf("%s:%d: want %s", path, n, want)
		}
		out = append(out, sample{n, p[0], p[1], p[2], p[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// trainer holds the settings of training, part of what makes a model.
type trainer struct {
	l2        float64  // the L2 penalty on the weights
	posWeight float64  // a missed positive (a claim, a promise) costs this many false alarms
	minCount  int      // a word or phrase seen in fewer training sentences gets no weight of its own
	epochs    int      // passes of gradient descent
	rate      float64  // its step, for Adagrad
	recall    float64  // the recall of positives the threshold keeps, on the scores of sentences left out
	always    []string // features that get a weight however rarely they are seen
	// nb, when above 0, scales each feature by how far it leans to one
	// side in the training sentences (its naive Bayes log-count ratio r,
	// as 1 + nb·|r|) before the fit, so that telling features need
	// smaller weights and the penalty holds them back less; the weights
	// written fold the scale in.
	nb float64
	// maxReal, when above 0, sets the threshold instead of recall: the
	// lowest at which no more than this share of the sentences of real
	// pages (testdata's "corpus" kind) scores above it.
	maxReal float64
	// maxPlain, with maxReal, raises the threshold until no more than this
	// share of the sentences labelled claim or none scores above it.
	maxPlain float64
	// explained, when set, tells whether a model can give the reason a
	// decision needs (see Detector.Judge) for a sentence's features, by
	// its weights: a sentence without one scores below any threshold.
	explained func(names []string, weights map[string]float64) bool
}

const folds = 5 // for the threshold, found on the scores of sentences each fold left out

// The trainers of the two models.
var (
	claimTrainer   = trainer{l2: 0.5, posWeight: 4, minCount: 2, epochs: 400, rate: 0.1, nb: 0.5, recall: 0.98, always: featureNames, explained: explainedClaim}
	promiseTrainer = trainer{l2: 0.5, posWeight: 4, minCount: 2, epochs: 400, rate: 0.1, nb: 0.5, maxReal: 0.0005, maxPlain: 0.0015, always: promiseFeatureNames,
		explained: explainedPromise}
)

// vocabulary gives each feature seen in at least minCount training
// sentences an index, and each of the always features.
func (tr trainer) vocabulary(xs [][]string) ([]string, map[string]int) {
	count := map[string]int{}
	for _, x := range xs {
		for _, f := range x {
			count[f]++
		}
	}
	for _, f := range tr.always {
		count[f] = tr.minCount
	}
	var names []string
	for f, c := range count {
		if c >= tr.minCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	index := map[string]int{}
	for i, f := range names {
		index[f] = i
	}
	return names, index
}

// fit trains a logistic model with an L2 penalty by Adagrad over the whole
// set at once, so that the result depends only on the data.
func (tr trainer) fit(xs [][]string, y []bool) *model {
	names, index := tr.vocabulary(xs)
	vs := make([][]int, len(xs))
	for i, x := range xs {
		for _, f := range x {
			if j, ok := index[f]; ok {
				vs[i] = append(vs[i], j)
			}
		}
	}
	n := len(names)
	scale := make([]float64, n)
	for j := range scale {
		scale[j] = 1
	}
	if tr.nb > 0 {
		pc, nc := make([]float64, n), make([]float64, n)
		np, nn := 0.0, 0.0
		for i, v := range vs {
			if y[i] {
				np++
			} else {
				nn++
			}
			for _, j := range v {
				if y[i] {
					pc[j]++
				} else {
					nc[j]++
				}
			}
		}
		for j := range scale {
			r := math.Log((pc[j] + 1) / (np + 1) / ((nc[j] + 1) / (nn + 1)))
			scale[j] = 1 + tr.nb*math.Abs(r)
		}
	}
	w := make([]float64, n)
	gsum := make([]float64, n+1)
	bias := 0.0
	total := 0.0
	for _, c := range y {
		if c {
			total += tr.posWeight
		} else {
			total++
		}
	}
	for e := 0; e < tr.epochs; e++ {
		g := make([]float64, n)
		gb := 0.0
		for i, v := range vs {
			z := bias
			for _, j := range v {
				z += w[j] * scale[j]
			}
			c, t := 1.0, 0.0
			if y[i] {
				c, t = tr.posWeight, 1
			}
			r := c * (sigmoid(z) - t) / total
			gb += r
			for _, j := range v {
				g[j] += r * scale[j]
			}
		}
		for j := range w {
			g[j] += tr.l2 * w[j] / total
			gsum[j] += g[j] * g[j]
			if gsum[j] > 0 {
				w[j] -= tr.rate * g[j] / math.Sqrt(gsum[j])
			}
		}
		gsum[n] += gb * gb
		if gsum[n] > 0 {
			bias -= tr.rate * gb / math.Sqrt(gsum[n])
		}
	}
	m := newModel()
	m.bias = bias
	for j, f := range names {
		if err := m.set(f, w[j]*scale[j]); err != nil {
			panic(err)
		}
	}
	return m
}

// scoreNames returns the score of a sentence given by the names of its
// features, by a model's weights by name.
func scoreNames(bias float64, weights map[string]float64, names []string) float64 {
	s := bias
	for _, n := range names {
		s += weights[n]
	}
	return s
}

// crossScores returns the score of each sentence by a model trained on the
// folds it is not in.
func (tr trainer) crossScores(xs [][]string, y []bool) []float64 {
	scores := make([]float64, len(xs))
	for f := 0; f < folds; f++ {
		var tx [][]string
		var ty []bool
		for i := range xs {
			if i%folds != f {
				tx, ty = append(tx, xs[i]), append(ty, y[i])
			}
		}
		m := tr.fit(tx, ty)
		w := m.weights()
		for i := range xs {
			if i%folds == f {
				scores[i] = scoreNames(m.bias, w, xs[i])
				if tr.explained != nil && !tr.explained(xs[i], w) {
					scores[i] = math.Inf(-1)
				}
			}
		}
	}
	return scores
}

// train fits a model on all the sentences and sets its threshold from the
// scores of sentences each fold left out: the highest at which the recall
// of positives reaches tr.recall.
func (tr trainer) train(ts trainingSet) *model {
	scores := tr.crossScores(ts.xs, ts.y)
	for i := range scores {
		if ts.weighed != nil && !ts.weighed[i] {
			scores[i] = math.Inf(-1) // never weighed: below any threshold
		}
	}
	m := tr.fit(ts.xs, ts.y)
	if tr.maxReal > 0 {
		m.threshold = shareAbove(scores, ts.real, tr.maxReal)
		if tr.maxPlain > 0 {
			m.threshold = max(m.threshold, shareAbove(scores, ts.plain, tr.maxPlain))
		}
		return m
	}
	m.threshold = recallThreshold(scores, ts, tr.recall)
	return m
}

// recallThreshold returns the highest threshold at which the share of
// the positives of ts whose scores reach it is at least recall, counting
// those never weighed as missed.
func recallThreshold(scores []float64, ts trainingSet, recall float64) float64 {
	var pos []float64
	for range ts.missed { // positives never weighed: below any threshold
		pos = append(pos, math.Inf(-1))
	}
	for i, s := range scores {
		if ts.y[i] {
			pos = append(pos, s)
		}
	}
	sort.Float64s(pos)
	return pos[int(math.Floor(float64(len(pos))*(1-recall)))] - 1e-3
}

// shareAbove returns the lowest threshold with no more than share of the
// scores of the sentences that of marks above it.
func shareAbove(scores []float64, of []bool, share float64) float64 {
	var rs []float64
	for i, s := range scores {
		if of[i] {
			rs = append(rs, s)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(rs)))
	k := int(math.Floor(share * float64(len(rs))))
	return rs[min(k, len(rs)-1)] + 1e-3
}

// trainingSet is what a model trains on: each sentence's features and
// whether it is a positive (a claim, a promise); how many positives are
// never weighed and count as missed; and which sentences are of real
// pages, of how many such in all.
type trainingSet struct {
	xs      [][]string
	y       []bool
	missed  int
	real    []bool
	plain   []bool // labelled claim or none
	weighed []bool // nil when all are
	samples []sample
}

// claimData returns the features and labels the claim model trains on:
// the sentences labelled claim (positive) or none that can be claims at
// all (see analysis.aboutHealth), and how many claims cannot.
func claimData(d *Detector, set []sample) trainingSet {
	var ts trainingSet
	for _, s := range set {
		if s.label != "claim" && s.label != "none" {
			continue
		}
		a := d.analyze(s.text, prose.Tokens(s.text))
		if !a.aboutHealth() {
			if s.label == "claim" {
				ts.missed++
			}
			continue
		}
		ts.xs = append(ts.xs, a.names(false))
		ts.y = append(ts.y, s.label == "claim")
		ts.real = append(ts.real, false)
	}
	return ts
}

// promiseData returns the features and labels the promise model trains
// on: every sentence labelled promise (positive), honest, claim or none,
// and which of them the model weighs, those that may hold a promise (see
// analysis.promising). The model learns from them all; the threshold is
// set on those it weighs.
func promiseData(d *Detector, set []sample) trainingSet {
	var ts trainingSet
	for _, s := range set {
		if s.label == "info" {
			continue
		}
		a := d.analyze(s.text, prose.Tokens(s.text))
		ts.weighed = append(ts.weighed, a.promising(d, s.text))
		a.promiseFeatures(s.text)
		ts.xs = append(ts.xs, a.names(true))
		ts.y = append(ts.y, s.label == "promise")
		ts.real = append(ts.real, s.kind == "corpus")
		ts.plain = append(ts.plain, s.label == "claim" || s.label == "none")
		ts.samples = append(ts.samples, s)
	}
	return ts
}

// explainedClaim reports whether a claim model gives some feature of the
// sentence that explains a claim (see explains) a weight for it, as
// Detector.Judge needs.
func explainedClaim(names []string, weights map[string]float64) bool {
	for _, n := range names {
		if weights[n] > 0 && explains(n) >= 1 {
			return true
		}
	}
	return false
}

// explainedPromise reports whether a promise model gives some feature of
// the sentence that explains a promise (see explainsPromise) a weight for
// it, as Detector.Judge needs.
func explainedPromise(names []string, weights map[string]float64) bool {
	for _, n := range names {
		if weights[n] > 0 && explainsPromise(n) == 2 {
			return true
		}
	}
	return false
}

// TestTrain checks that model.txt and promise-model.txt are the models the
// development set trains, and with -train writes them.
func TestTrain(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	set := readSet(t, "dev.tsv")
	for _, m := range []struct {
		file, what string
		tr         trainer
		data       func(*Detector, []sample) trainingSet
		have       string
	}{
		{"model.txt", "claims", claimTrainer, claimData, builtinModelText},
		{"promise-model.txt", "promises", promiseTrainer, promiseData, builtinPromiseModelText},
	} {
		ts := m.data(d, set)
		header := fmt.Sprintf("# The weights of the %s model, written by\n# go test ./internal/claims -run TestTrain -train\n# from %d labelled sentences of testdata/dev.tsv. Do not edit by hand.\n", m.what, len(ts.xs))
		text := m.tr.train(ts).text(header)
		if *train {
			if err := os.WriteFile(m.file, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if text != m.have {
			t.Errorf("%s is not the model testdata/dev.tsv trains with these lists; run go test ./internal/claims -run TestTrain -train", m.file)
		}
	}
}

// TestPromiseScore checks that the promise model scores a sentence as it
// was trained to: by the weights of the features training reads (see
// analysis.names), each once.
func TestPromiseScore(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	builtinPromiseModel := builtinModel(builtinPromiseModelText)
	w := builtinPromiseModel.weights()
	n := 0
	for _, s := range readSet(t, "dev.tsv") {
		a := d.analyze(s.text, prose.Tokens(s.text))
		if !a.promising(d, s.text) {
			continue
		}
		a.promiseFeatures(s.text)
		got, _ := d.promises.score(a, true)
		if want := scoreNames(builtinPromiseModel.bias, w, a.names(true)); math.Abs(got-want) > 1e-6 {
			t.Errorf("dev.tsv:%d: scored %.4f, trained as %.4f: %s", s.line, got, want, s.text)
			if n++; n == 10 {
				break
			}
		}
	}
}
