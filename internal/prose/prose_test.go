package prose

import (
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Honey soothes a cough. Rest helps too.", []string{"Honey soothes a cough.", "Rest helps too."}},
		{"See Dr. Okafor at 3 p.m. on Monday. Bring your red book.", []string{"See Dr. Okafor at 3 p.m. on Monday.", "Bring your red book."}},
		{"Take 2.5 ml. Do not take more.", []string{"Take 2.5 ml.", "Do not take more."}},
		{"Is it flu? It may be! “Call us.” Then rest.", []string{"Is it flu?", "It may be!", "“Call us.”", "Then rest."}},
		{"Fruit, e.g. apples, helps. J. Smith agrees.", []string{"Fruit, e.g. apples, helps.", "J. Smith agrees."}},
		{"No full stop at the end", []string{"No full stop at the end"}},
		{"  Spaces around.   Both sides.  ", []string{"Spaces around.", "Both sides."}},
		{"Wait... then go.", []string{"Wait... then go."}},
		{"Visit example.org.uk for more. Thanks.", []string{"Visit example.org.uk for more.", "Thanks."}},
		{"", nil},
		{" . ! ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.in) {
			got = append(got, tt.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("Don’t take 1,000.5 mg—it's 100% risk-free (£5).")
	var words []string
	for _, tok := range got {
		words = append(words, tok.Norm)
	}
	want := "don't take 1,000.5 mg it's 100 % risk free £ 5"
	if strings.Join(words, " ") != want {
		t.Errorf("Tokens = %q, want %q", strings.Join(words, " "), want)
	}
	if got[0].Start != 0 || got[0].End != len("Don’t") {
		t.Errorf("first token spans %d-%d", got[0].Start, got[0].End)
	}
}

func TestPhrases(t *testing.T) {
	set, err := NewSet([]string{"side effect|effects", "{n} mg", "cure*", "keep|keeps _ away", "risk free", "100 % safe"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string // the phrases found, joined by |
	}{
		{"Side-effects are rare.", "side effect|effects"},
		{"Take 500 mg, not 500 g.", "{n} mg"},
		{"It cures colds.", "cure*"},
		{"It keeps colds away.", "keep|keeps _ away"},
		{"It keeps away.", ""},
		{"Risk-free and 100% safe!", "risk free|100 % safe"},
		{"It is 99% safe.", ""},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in)
		var got []string
		for _, m := range set.Find(toks) {
			got = append(got, m.Phrase.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Find(%q) = %q, want %q", tt.in, strings.Join(got, "|"), tt.want)
		}
	}
	for _, bad := range []string{"", "a||b", "*", "tr*eat", "two-words", "x|"} {
		if _, err := ParsePhrase(bad); err == nil {
			t.Errorf("ParsePhrase(%q) succeeded, want an error", bad)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Dr. A. Smith said so. Then? “Yes!” e.g. this…", "1.5 ml. 2,000 people.", "a.\u00a0B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, sp := range Sentences(s) {
			if sp.Start < last || sp.End < sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, last, s)
			}
			last = sp.End
		}
		for _, tok := range Tokens(s) {
			if tok.Start >= tok.End || tok.End > len(s) {
				t.Fatalf("bad token %v in %q", tok, s)
			}
		}
	})
}

func FuzzPhrase(f *testing.F) {
	for _, s := range []string{"side effect|effects", "{n} mg", "keep|keeps _ away", "cure*", "100 % safe"} {
		f.Add(s, "It keeps 500 mg of side-effects away, 100% safe.")
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		set, err := NewSet([]string{pattern})
		if err != nil {
			return
		}
		toks := Tokens(text)
		last := -1
		for _, m := range set.Find(toks) {
			if m.First <= last || m.Last < m.First || m.Last >= len(toks) {
				t.Fatalf("bad match %+v of %q in %q", m, pattern, text)
			}
			last = m.Last
		}
	})
}

// TestSets checks that a set of several lists finds in one pass what each
// list finds on its own, on words folded by their stems.
func TestSets(t *testing.T) {
	lists := [][]string{
		{"side effect|effects", "{n} mg", "reduce _ risk"},
		{"cure*", "keep|keeps _ away", "risk free", "treat"},
		{"effects", "100 % safe", "_ free"},
	}
	all, err := NewSets(lists, Stem)
	if err != nil {
		t.Fatal(err)
	}
	var each []*Set
	for _, l := range lists {
		s, err := NewSetFold(l, Stem)
		if err != nil {
			t.Fatal(err)
		}
		each = append(each, s)
	}
	for _, text := range []string{
		"Side-effects are rare; treating it reduces the risk, risk-free, 100% safe.",
		"It cured colds and keeps flu away at 500 mg.",
		"Treated, treats, treatments: all free.",
		"",
	} {
		toks := Fold(Tokens(text), Stem)
		got := all.FindEach(toks)
		if len(got) != len(lists) {
			t.Fatalf("FindEach(%q) gave %d lists, want %d", text, len(got), len(lists))
		}
		for i, s := range each {
			want := s.Find(toks)
			if len(got[i]) != len(want) {
				t.Errorf("%q, list %d: FindEach found %d phrases, Find %d", text, i, len(got[i]), len(want))
				continue
			}
			for k := range want {
				if got[i][k].First != want[k].First || got[i][k].Last != want[k].Last || got[i][k].Phrase.Text != want[k].Phrase.Text {
					t.Errorf("%q, list %d: FindEach found %+v, Find %+v", text, i, got[i][k], want[k])
				}
			}
		}
	}
	if m, ok := each[1].At(Fold(Tokens("It treated me."), Stem), 1); !ok || m.Phrase.Text != "treat" {
		t.Errorf("a stemmed set does not find %q in a form of it: %+v %v", "treat", m, ok)
	}
}
