package claims

import (
	"flag"
	"fmt"
	"math"
	"sort"
	"testing"
)

var (
	crossValidate = flag.Bool("cv", false, "measure the promise model on testdata/dev.tsv by cross-validation")
	cvMisses      = flag.Bool("misses", false, "with -cv, list the sentences of dev.tsv the promise model gets wrong out of fold")
	cvCurve       = flag.Bool("curve", false, "with -cv, show what each threshold catches and flags out of fold, and the sentences of real pages that score highest")
)

// TestPromiseCrossValidation measures the promise model as training
// chooses it, on dev.tsv alone: each sentence scored by a model trained
// on the folds it is not in, at the threshold those scores give (see
// trainer.train). It is how a change to the promise model's features or
// settings is chosen, without a look at the held-out sets:
//
//	go test ./internal/claims -run PromiseCrossValidation -cv -v
func TestPromiseCrossValidation(t *testing.T) {
	if !*crossValidate {
		t.Skip("run with -cv")
	}
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	set := readSet(t, "dev.tsv")
	ts := promiseData(d, set)
	tr := promiseTrainer
	scores := tr.crossScores(ts.xs, ts.y)
	for i := range scores {
		if !ts.weighed[i] {
			scores[i] = math.Inf(-1)
		}
	}
	threshold := max(shareAbove(scores, ts.real, tr.maxReal), shareAbove(scores, ts.plain, tr.maxPlain))
	t.Logf("thresholds: real pages %.3f, claims and service text %.3f", shareAbove(scores, ts.real, tr.maxReal), shareAbove(scores, ts.plain, tr.maxPlain))
	if *cvCurve {
		logCurve(t, ts, scores)
	}
	var pos, caught, unweighed, honest, flagged int
	var misses []string
	for i, y := range ts.y {
		above := scores[i] >= threshold
		switch {
		case y:
			pos++
			if above {
				caught++
			}
			if !ts.weighed[i] {
				unweighed++
			}
		case !ts.real[i] && !ts.plain[i]:
			honest++
			if above {
				flagged++
			}
		}
		if *cvMisses && above != y {
			s := ts.samples[i]
			why := fmt.Sprintf("%.2f", scores[i])
			if !ts.weighed[i] {
				why = "never weighed"
			}
			misses = append(misses, fmt.Sprintf("dev.tsv:%d: %s/%s (%s): %s", s.line, s.label, s.kind, why, s.text))
		}
	}
	for _, m := range misses {
		t.Log(m)
	}
	t.Logf("dev.tsv, %d folds: promises caught %.1f%% (%d of %d; %d never weighed), honest sentences flagged %.1f%% (%d of %d), threshold %.3f",
		folds, 100*float64(caught)/float64(pos), caught, pos, unweighed, 100*float64(flagged)/float64(honest), flagged, honest, threshold)
}

// logCurve shows the price of the threshold, on the scores of dev.tsv out
// of fold: at each threshold, the promises caught and the sentences of
// real pages, of claims and service text and of other honest text that
// score at or above it; then the sentences of real pages and of claims
// and service text that score highest, which set the threshold (see
// trainer.maxReal and trainer.maxPlain).
func logCurve(t *testing.T, ts trainingSet, scores []float64) {
	for _, th := range []float64{-1, -0.5, 0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.5} {
		var caught, real, plain, honest int
		for i, s := range scores {
			if s < th {
				continue
			}
			switch {
			case ts.y[i]:
				caught++
			case ts.real[i]:
				real++
			case ts.plain[i]:
				plain++
			default:
				honest++
			}
		}
		t.Logf("threshold %5.2f: promises caught %d, sentences of real pages %d, claims and service text %d, other honest text %d", th, caught, real, plain, honest)
	}
	for _, of := range []struct {
		what  string
		marks []bool
	}{{"real page", ts.real}, {"claim or service text", ts.plain}} {
		var at []int
		for i, s := range scores {
			if of.marks[i] && !math.IsInf(s, -1) {
				at = append(at, i)
			}
		}
		sort.SliceStable(at, func(x, y int) bool { return scores[at[x]] > scores[at[y]] })
		for _, i := range at[:min(12, len(at))] {
			s := ts.samples[i]
			t.Logf("%s, dev.tsv:%d (%.2f): %s", of.what, s.line, scores[i], s.text)
		}
	}
}
