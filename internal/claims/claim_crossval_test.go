package claims

import (
	"flag"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var showCV = flag.Bool("cv-misses", false, "with -cv -v, list the sentences of dev.tsv the claim model gets wrong out of fold")

// TestClaimCrossValidation measures the claim model as training chooses
// it, on dev.tsv alone: each sentence scored by a model trained on the
// folds it is not in, at the threshold those scores give (see
// trainer.train), with the reason a finding needs (see Detector.Judge).
// It gives recall and false alarms by label and kind, the figures a
// change to the claim model's features, lists or settings is chosen by,
// without a look at the held-out sets:
//
//	go test ./internal/claims -run ClaimCrossValidation -cv -v [-cv-misses]
func TestClaimCrossValidation(t *testing.T) {
	if !*crossValidate {
		t.Skip("run with -cv")
	}
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	set := readSet(t, "dev.tsv")
	ts := claimData(d, set)
	tr := claimTrainer
	scores := tr.crossScores(ts.xs, ts.y)
	threshold := recallThreshold(scores, ts, tr.recall)

	// The samples claimData kept, in its order, and those it could not
	// weigh (no health word, nothing said of health).
	var kept []sample
	var unweighed []sample
	for _, s := range set {
		if s.label != "claim" && s.label != "none" {
			continue
		}
		if a := d.analyze(s.text, prose.Tokens(s.text)); a.aboutHealth() {
			kept = append(kept, s)
		} else {
			unweighed = append(unweighed, s)
		}
	}
	byKind := map[string]*[2]int{}
	count := func(s sample, found bool) {
		k := s.label + "/" + s.kind
		if byKind[k] == nil {
			byKind[k] = &[2]int{}
		}
		byKind[k][1]++
		if found {
			byKind[k][0]++
		}
	}
	var claims, caught, nones, alarms, service, serviceFA int
	var misses []string
	tally := func(s sample, found bool, score float64) {
		count(s, found)
		if s.label == "claim" {
			claims++
			if found {
				caught++
			}
		} else {
			nones++
			if found {
				alarms++
			}
			if s.kind != "other" {
				service++
				if found {
					serviceFA++
				}
			}
		}
		if found != (s.label == "claim") {
			misses = append(misses, fmt.Sprintf("dev.tsv:%d: %s/%s %.2f: %s", s.line, s.label, s.kind, score, s.text))
		}
	}
	for i, s := range kept {
		tally(s, scores[i] >= threshold, scores[i])
	}
	for _, s := range unweighed {
		tally(s, false, math.Inf(-1))
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, " %s %d/%d", k, byKind[k][0], byKind[k][1])
	}
	t.Logf("dev.tsv, %d folds: claims: recall %.1f%% (%d of %d), false alarms %.1f%% (%d of %d), on service, news, event, alert and story text %.1f%% (%d of %d), threshold %.3f",
		folds, 100*float64(caught)/float64(claims), caught, claims, 100*float64(alarms)/float64(nones), alarms, nones,
		100*float64(serviceFA)/float64(service), serviceFA, service, threshold)
	t.Logf("dev.tsv, out of fold, by label/kind:%s", b.String())
	if *showCV {
		for _, m := range misses {
			t.Log(m)
		}
	}
}
