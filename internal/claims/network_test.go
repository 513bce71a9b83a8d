package claims

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

var (
	network   = flag.Bool("network", false, "with -cv, score by a two-layer network over the promise model's features instead of the linear model")
	netHidden = flag.Int("hidden", 32, "with -network, the hidden units")
	netReLU   = flag.Bool("relu", false, "with -network, ReLU hidden units instead of tanh")
	netSkip   = flag.Bool("skip", true, "with -network, a linear part beside the hidden layer")
	netL2     = flag.Float64("net-l2", 1e-4, "with -network, the L2 penalty on the weights, per example")
	netRate   = flag.Float64("net-rate", 0.003, "with -network, Adam's step")
	netDrop   = flag.Float64("net-drop", 0, "with -network, the share of a sentence's features dropped in training")
	netSeeds  = flag.Int("net-seeds", 1, "with -network, how many networks (of different seeds) a fold averages")
	netBase   = flag.Bool("net-base", false, "with -network, the linear part is the linear model, fitted first and kept, and the hidden units learn what it misses")
	netRefit  = flag.Bool("net-refit", false, "with -network, train again on all of a fold's training sentences for as many passes as early stopping chose")
	netNB     = flag.Float64("net-nb", 0, "with -network, scale each feature by how far it leans to one side, as the linear model does")
	netTrace  = flag.Bool("net-trace", false, "with -network, print each epoch's validation loss")
	netPlain  = flag.Bool("net-explain", true, "with -network, a sentence scores only when a promise's feature weighs for it")
)

// netTrainer holds the settings of a two-layer network over the sparse
// features of a sentence: hidden units over the sum of the embeddings of
// its features, and, beside them, a weight of each feature (skip), so
// that it can do what the linear model does and more.
type netTrainer struct {
	hidden    int
	relu      bool
	skip      bool
	l2        float64 // weight decay on the rows a batch touches
	rate      float64 // Adam's step
	batch     int
	maxEpochs int
	patience  int     // epochs without a better validation loss before stopping
	posWeight float64 // a missed promise costs this many false alarms
	minCount  int
	drop      float64 // features dropped at random in training
	seed      uint64
	nb        float64 // scales each feature as trainer.nb does
	// base, when set, fits the linear model (promiseTrainer) on the
	// sentences trained on first and keeps it as the linear part, so that
	// the hidden units learn only what it misses.
	base bool
}

// net is a trained network: feature indices by name, the first layer by
// feature (hidden weights each), its bias, the output weights of the
// hidden units, the skip weights by feature and the output's bias.
type net struct {
	hidden int
	relu   bool
	index  map[string]int
	w1     []float64 // feature j's row is w1[j*hidden : (j+1)*hidden]
	b1     []float64
	w2     []float64
	lin    []float64
	b      float64
	scale  []float64 // the value of each feature, when on: 1, or scaled as trainer.nb scales it
}

// act is the hidden units' activation, and its derivative at a.
func (n *net) act(a float64) (float64, float64) {
	if n.relu {
		if a > 0 {
			return a, 1
		}
		return 0, 0
	}
	t := math.Tanh(a)
	return t, 1 - t*t
}

// forward returns the logit of a sentence given by its feature indices,
// filling pre with the hidden units' inputs.
func (n *net) forward(x []int, pre []float64) float64 {
	copy(pre, n.b1)
	z := n.b
	for _, j := range x {
		row := n.w1[j*n.hidden : (j+1)*n.hidden]
		v := n.scale[j]
		for k, w := range row {
			pre[k] += w * v
		}
		z += n.lin[j] * v
	}
	for k, a := range pre {
		h, _ := n.act(a)
		z += n.w2[k] * h
	}
	return z
}

// indices returns the indices of the features of names the network knows.
func (n *net) indices(names []string) []int {
	var x []int
	for _, f := range names {
		if j, ok := n.index[f]; ok {
			x = append(x, j)
		}
	}
	return x
}

// score returns the logit of a sentence by its features' names.
func (n *net) score(names []string) float64 {
	return n.forward(n.indices(names), make([]float64, n.hidden))
}

// weighs returns how much each named feature the network knows weighs
// for the sentence's score: the score less that of the sentence without
// it.
func (n *net) weighs(names []string) map[string]float64 {
	pre := make([]float64, n.hidden)
	z := n.forward(n.indices(names), pre)
	out := map[string]float64{}
	for _, f := range names {
		j, ok := n.index[f]
		if !ok {
			continue
		}
		v := n.scale[j]
		without := z - n.lin[j]*v
		row := n.w1[j*n.hidden : (j+1)*n.hidden]
		for k, a := range pre {
			h, _ := n.act(a)
			h2, _ := n.act(a - row[k]*v)
			without += n.w2[k] * (h2 - h)
		}
		out[f] = z - without
	}
	return out
}

// fit trains a network on the sentences xs (by their features' names),
// keeping every tenth back to stop when their loss stops falling, and
// returns it with the passes that gave it; or, when epochs is above 0,
// on them all for that many passes.
func (tr netTrainer) fit(xs [][]string, y []bool, epochs int) (*net, int) {
	count := map[string]int{}
	for _, x := range xs {
		for _, f := range x {
			count[f]++
		}
	}
	var names []string
	for f, c := range count {
		if c >= tr.minCount {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	H := tr.hidden
	n := &net{hidden: H, relu: tr.relu, index: map[string]int{}}
	for i, f := range names {
		n.index[f] = i
	}
	V := len(names)
	rng := rand.New(rand.NewPCG(tr.seed, 1))
	n.w1 = make([]float64, V*H)
	n.b1 = make([]float64, H)
	n.w2 = make([]float64, H)
	n.lin = make([]float64, V)
	for i := range n.w1 {
		n.w1[i] = rng.NormFloat64() * 0.1
	}
	for k := range n.w2 {
		n.w2[k] = rng.NormFloat64() / math.Sqrt(float64(H))
	}
	var train, valid []int
	vs := make([][]int, len(xs))
	for i, x := range xs {
		vs[i] = n.indices(x)
		if epochs == 0 && i%10 == 9 {
			valid = append(valid, i)
		} else {
			train = append(train, i)
		}
	}
	n.scale = make([]float64, V)
	for j := range n.scale {
		n.scale[j] = 1
	}
	if tr.nb > 0 {
		pc, nc := make([]float64, V), make([]float64, V)
		np, nn := 0.0, 0.0
		for _, i := range train {
			if y[i] {
				np++
			} else {
				nn++
			}
			for _, j := range vs[i] {
				if y[i] {
					pc[j]++
				} else {
					nc[j]++
				}
			}
		}
		for j := range n.scale {
			r := math.Log((pc[j] + 1) / (np + 1) / ((nc[j] + 1) / (nn + 1)))
			n.scale[j] = 1 + tr.nb*math.Abs(r)
		}
	}
	if tr.base {
		var bx [][]string
		var by []bool
		for _, i := range train {
			bx, by = append(bx, xs[i]), append(by, y[i])
		}
		m := promiseTrainer.fit(bx, by)
		w := m.weights()
		for f, j := range n.index {
			n.lin[j] = w[f] / n.scale[j]
		}
		n.b = m.bias
		clear(n.w2)
	}
	// Adam's moments, for every parameter; the rows of w1 and lin are
	// updated only when a batch touches them.
	type moments struct{ m, v []float64 }
	mk := func(k int) moments { return moments{make([]float64, k), make([]float64, k)} }
	mw1, mb1, mw2, mlin := mk(V*H), mk(H), mk(H), mk(V)
	var mb moments = mk(1)
	gw1, gb1, gw2, glin := make([]float64, V*H), make([]float64, H), make([]float64, H), make([]float64, V)
	touched := make([]bool, V)
	var rows []int
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	step := 0
	var c1, c2 float64 // the bias corrections of this step
	adam := func(p []float64, g []float64, mo moments, i int, decay bool) {
		gi := g[i]
		if decay {
			gi += tr.l2 * p[i]
		}
		mo.m[i] = beta1*mo.m[i] + (1-beta1)*gi
		mo.v[i] = beta2*mo.v[i] + (1-beta2)*gi*gi
		p[i] -= tr.rate * mo.m[i] * c1 / (math.Sqrt(mo.v[i]*c2) + eps)
		g[i] = 0
	}
	loss := func(idx []int) float64 {
		pre := make([]float64, H)
		s := 0.0
		for _, i := range idx {
			z := n.forward(vs[i], pre)
			c := 1.0
			if y[i] {
				c = tr.posWeight
				s += c * softplus(-z)
			} else {
				s += c * softplus(z)
			}
		}
		return s
	}
	var keep *net
	best := math.Inf(1)
	if tr.base {
		best = loss(valid) // the linear model alone, unless the hidden units do better
		keep = &net{hidden: H, relu: n.relu, index: n.index, w1: slices.Clone(n.w1), b1: slices.Clone(n.b1),
			w2: slices.Clone(n.w2), lin: slices.Clone(n.lin), b: n.b, scale: n.scale}
		if *netTrace {
			fmt.Printf("linear model alone: validation loss %.1f\n", best)
		}
	}
	since := 0
	pre := make([]float64, H)
	dh := make([]float64, H)
	x := []int{}
	bestEpochs := 0
	if epochs > 0 {
		tr.maxEpochs = epochs
	}
	for e := 0; e < tr.maxEpochs && since < tr.patience; e++ {
		rng.Shuffle(len(train), func(a, b int) { train[a], train[b] = train[b], train[a] })
		for start := 0; start < len(train); start += tr.batch {
			batch := train[start:min(start+tr.batch, len(train))]
			gb := 0.0
			for _, i := range batch {
				x = x[:0]
				for _, j := range vs[i] {
					if tr.drop == 0 || rng.Float64() >= tr.drop {
						x = append(x, j)
					}
				}
				z := n.forward(x, pre)
				c, t := 1.0, 0.0
				if y[i] {
					c, t = tr.posWeight, 1
				}
				dz := c * (sigmoid(z) - t) / float64(len(batch))
				gb += dz
				for k, a := range pre {
					h, d := n.act(a)
					gw2[k] += dz * h
					dh[k] = dz * n.w2[k] * d
					gb1[k] += dh[k]
				}
				for _, j := range x {
					if !touched[j] {
						touched[j] = true
						rows = append(rows, j)
					}
					if tr.skip && !tr.base {
						glin[j] += dz * n.scale[j]
					}
					row := gw1[j*H : (j+1)*H]
					for k := range row {
						row[k] += dh[k] * n.scale[j]
					}
				}
			}
			step++
			c1, c2 = 1/(1-math.Pow(beta1, float64(step))), 1/(1-math.Pow(beta2, float64(step)))
			for _, j := range rows {
				touched[j] = false
				for k := j * H; k < (j+1)*H; k++ {
					adam(n.w1, gw1, mw1, k, true)
				}
				if tr.skip && !tr.base {
					adam(n.lin, glin, mlin, j, true)
				}
			}
			rows = rows[:0]
			for k := range H {
				adam(n.b1, gb1, mb1, k, false)
				adam(n.w2, gw2, mw2, k, true)
			}
			if !tr.base {
				bs := []float64{n.b}
				adam(bs, []float64{gb}, mb, 0, false)
				n.b = bs[0]
			}
		}
		if epochs > 0 {
			continue
		}
		l := loss(valid)
		if *netTrace {
			fmt.Printf("epoch %d: validation loss %.1f\n", e, l)
		}
		if l < best {
			best, since, bestEpochs = l, 0, e+1
			keep = &net{hidden: H, relu: n.relu, index: n.index, w1: slices.Clone(n.w1), b1: slices.Clone(n.b1),
				w2: slices.Clone(n.w2), lin: slices.Clone(n.lin), b: n.b, scale: n.scale}
		} else {
			since++
		}
	}
	if epochs > 0 {
		return n, epochs
	}
	return keep, bestEpochs
}

// softplus is log(1 + e^z), computed so that it does not overflow.
func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

// netFromFlags returns the network trainer the -network flags set.
func netFromFlags() netTrainer {
	return netTrainer{hidden: *netHidden, relu: *netReLU, skip: *netSkip, l2: *netL2, rate: *netRate, batch: 32, maxEpochs: 40,
		patience: 3, posWeight: 4, minCount: 2, drop: *netDrop, seed: 1, base: *netBase, nb: *netNB}
}

// crossScores returns the score of each sentence by networks trained on
// the folds it is not in (the mean logit of seeds networks), below any
// threshold when, with explain, no feature that explains a promise (see
// explainsPromise) weighs for it.
func (tr netTrainer) crossScores(xs [][]string, y []bool, seeds int, explain bool) []float64 {
	scores := make([]float64, len(xs))
	for f := 0; f < folds; f++ {
		var tx [][]string
		var ty []bool
		for i := range xs {
			if i%folds != f {
				tx, ty = append(tx, xs[i]), append(ty, y[i])
			}
		}
		var nets []*net
		for s := range seeds {
			t := tr
			t.seed = tr.seed + uint64(s)
			n, e := t.fit(tx, ty, 0)
			if *netRefit && e > 0 {
				n, _ = t.fit(tx, ty, e)
			}
			nets = append(nets, n)
		}
		for i := range xs {
			if i%folds != f {
				continue
			}
			weighs := map[string]float64{}
			for _, n := range nets {
				scores[i] += n.score(xs[i]) / float64(seeds)
				if explain {
					for name, w := range n.weighs(xs[i]) {
						weighs[name] += w
					}
				}
			}
			if explain && !explainedPromise(xs[i], weighs) {
				scores[i] = math.Inf(-1)
			}
		}
	}
	return scores
}

// TestNetworkInteraction checks that the network learns what the linear
// model cannot: a sentence is a promise when it holds one of two
// features but not both.
func TestNetworkInteraction(t *testing.T) {
	var xs [][]string
	var y []bool
	for i := range 400 {
		x := []string{"w=filler"}
		a, b := i%2 == 1, i/2%2 == 1
		if a {
			x = append(x, "a")
		}
		if b {
			x = append(x, "b")
		}
		xs, y = append(xs, x), append(y, a != b)
	}
	tr := netTrainer{hidden: 8, rate: 0.01, batch: 16, maxEpochs: 200, patience: 200, posWeight: 1, minCount: 1, seed: 1, skip: true}
	n, _ := tr.fit(xs, y, 100)
	for _, c := range []struct {
		x    []string
		want bool
	}{{[]string{"w=filler"}, false}, {[]string{"w=filler", "a"}, true}, {[]string{"w=filler", "b"}, true}, {[]string{"w=filler", "a", "b"}, false}} {
		if got := n.score(c.x) > 0; got != c.want {
			t.Errorf("%v: scored %.2f, want a promise %v", c.x, n.score(c.x), c.want)
		}
	}
	if w := n.weighs([]string{"w=filler", "a"}); w["a"] <= 0 {
		t.Errorf(`"a" weighs %.2f for a promise it makes alone, want above 0`, w["a"])
	}
}
