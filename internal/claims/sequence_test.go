package claims

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// TestSequence checks how a sentence reads as a sequence of classes:
// health words as their kind, what is said of health as its list, who
// speaks or is spoken of, and the other words as the model weighs them.
func TestSequence(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"Honey soothes a cough.", "honey EFFECT a CONDITION"},
		{"I had a headache for 3 days.", "I PAST a CONDITION SCHEDULE"},
		{"Your nurse will take your blood pressure.", "YOU AGENT will DOSE YOU BODY"},
		{"Sam took his inhaler twice a day.", "sam PAST his MEDICINE SCHEDULE"},
		{"We met Sam at the asthma clinic.", "AGENT PAST NAME at the NAMED AGENT"},
	} {
		a := d.analyze(tt.in, prose.Tokens(tt.in))
		var got []string
		for _, e := range a.sequence() {
			got = append(got, e.name)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: sequence %q, want %q", tt.in, g, tt.want)
		}
	}
}

// TestScoreSequence checks that the claim model weighs the sequence of
// classes as training counts it: the weights of the features
// sequenceNames gives, each once.
func TestScoreSequence(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	w := builtinModel(builtinModelText).weights() // the detector's model let go of what its scorer holds
	n := 0
	for _, s := range readSet(t, "dev.tsv") {
		if s.label != "claim" && s.label != "none" {
			continue
		}
		a := d.analyze(s.text, prose.Tokens(s.text))
		names := a.sequenceNames()
		slices.Sort(names)
		want := 0.0
		for _, f := range slices.Compact(names) {
			want += w[f]
		}
		if got := d.model.scoreSequence(a); math.Abs(got-want) > 1e-9 {
			t.Fatalf("dev.tsv:%d: the sequence weighs %.6f, training counts %.6f: %s", s.line, got, want, s.text)
		}
		if want != 0 {
			n++
		}
	}
	if n < 1000 {
		t.Errorf("only %d sentences have a sequence the model weighs", n)
	}
}

// TestAboutHealth checks which sentences the claim model weighs: those
// with a health word, or anything that may be said of health.
func TestAboutHealth(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Honey soothes a cough.", true},
		{"About 1 in 100 adults stammers.", true}, // a statistic
		{"They are here to help you.", false},     // a weak effect alone
		{"See you on Tuesday.", false},
		{"The car park is behind the library.", false},
	} {
		if got := d.analyze(tt.in, prose.Tokens(tt.in)).aboutHealth(); got != tt.want {
			t.Errorf("%q: aboutHealth %v, want %v", tt.in, got, tt.want)
		}
	}
}

// BenchmarkJudge measures the detector on the claims and non-claims of
// dev.tsv, looking for claims and promises.
func BenchmarkJudge(b *testing.B) {
	d, err := New(Builtin())
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var toks [][]prose.Token
	for _, s := range readSet(b, "dev.tsv") {
		if s.label == "claim" || s.label == "none" {
			texts, toks = append(texts, s.text), append(toks, prose.Tokens(s.text))
		}
	}
	b.ResetTimer()
	for i := range b.N {
		j := i % len(texts)
		d.Judge(texts[j], toks[j], true)
	}
}

// BenchmarkNew measures making the detector that ships, which every
// build and check does once: reading its lists and its two models.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(Builtin()); err != nil {
			b.Fatal(err)
		}
	}
}
