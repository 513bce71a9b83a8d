package claims

import (
	"flag"
	"math"
	"testing"
)

var crossValidate = flag.Bool("cv", false, "measure the promise model on testdata/dev.tsv by cross-validation")

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
	ts := promiseData(d, readSet(t, "dev.tsv"))
	tr := promiseTrainer
	scores := tr.crossScores(ts.xs, ts.y)
	for i := range scores {
		if !ts.weighed[i] {
			scores[i] = math.Inf(-1)
		}
	}
	threshold := max(shareAbove(scores, ts.real, tr.maxReal), shareAbove(scores, ts.plain, tr.maxPlain))
	var pos, caught, unweighed, honest, flagged int
	for i, y := range ts.y {
		switch {
		case y:
			pos++
			if scores[i] >= threshold {
				caught++
			}
			if !ts.weighed[i] {
				unweighed++
			}
		case !ts.real[i] && !ts.plain[i]:
			honest++
			if scores[i] >= threshold {
				flagged++
			}
		}
	}
	t.Logf("dev.tsv, %d folds: promises caught %.1f%% (%d of %d; %d never weighed), honest sentences flagged %.1f%% (%d of %d), threshold %.3f",
		folds, 100*float64(caught)/float64(pos), caught, pos, unweighed, 100*float64(flagged)/float64(honest), flagged, honest, threshold)
}
