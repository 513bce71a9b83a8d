package claims

import (
	"slices"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// TestProhibited checks promises and the honest sentences that use their
// words; a finding names the words that weighed most.
func TestProhibited(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string // the words found: one of these, separated by |
	}{
		{"This miracle tea is a guaranteed cure.", "miracle|guaranteed cure"},
		{"It is 100% safe and has no side effects.", "100%|100% safe|no side effects"},
		{"A 3-day detox flushes out toxins.", "detox|flushes out toxins"},
		{"Our plan works for everyone, risk-free.", "works for everyone|risk-free|Our plan works for everyone"},
		{"Every patient recovers fully after one session.", "Every|after one session|recovers fully after one session"},
		{"This cream clears eczema overnight.", "overnight|clears eczema overnight|This cream clears"},
		{"Alcohol detoxification is done under medical supervision.", ""},
		{"Be wary of any product that promises a miracle cure.", ""},
		{"The vaccine is 60% effective.", ""},
		{"Smoking puts toxins in your blood.", ""},
		{"Side effects are rare.", ""},
		{"No single treatment works for everyone.", ""},
		{"Elmiron does not work for everyone.", ""},
		{"During chemotherapy you may have no side effects or just a few.", ""},
		{"There is no miracle cure for a cold.", ""},
		{"Stage I disease without risk factors.", ""},
		// Real pages: a weight that is a dose's, and what lasts for life
		// without being promised.
		{"Children under 45 kg (100 lbs): 2.2 mg/kg body weight given twice a day", ""},
		{"Once CMV is in a person’s body, it stays there for life.", ""},
		{"You will need to take hormone pills for the rest of your life.", ""},
		{"This certificate is valid for life.", ""},
	}
	for _, tt := range tests {
		got := found(d.Prohibited, tt.in)
		if got != tt.want && (got == "" || !slices.Contains(strings.Split(tt.want, "|"), got)) {
			t.Errorf("Prohibited(%q) = %q, want one of %q", tt.in, got, tt.want)
		}
	}
}

// TestWeighing checks that a number of kilograms or pounds is weight
// lost only when nothing says it is a weight: "under 45 kg", "weighing
// 20 kg" and a conversion in brackets are weights.
func TestWeighing(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"I lost 12 kg in a month on these shakes.", true},
		{"Two sizes smaller in a month.", true},
		{"Children under 45 kg (100 lbs) take the lower dose.", false},
		{"For a child weighing 20 kg the dose is 10 mg.", false},
		{"Adults over 100 kg may need more.", false},
		{"Babies born at less than 2.5 kg are checked more often.", false},
	} {
		a := d.analyze(tt.in, prose.Tokens(tt.in))
		a.findPatterns()
		_, got := a.patterns(tt.in, make([]bool, len(a.toks)))["outcome+weight"]
		if got != tt.want {
			t.Errorf("%q: outcome+weight %v, want %v", tt.in, got, tt.want)
		}
	}
}

// found returns the words a finder matches in text, joined by |.
func found(find func(string) []Match, text string) string {
	var got []string
	for _, m := range find(text) {
		got = append(got, text[m.Start:m.End])
	}
	return strings.Join(got, "|")
}

func TestStatistics(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string
	}{
		{"1 in 4 adults has high blood pressure.", "1 in 4"},
		{"Smokers are twice as likely to have a stroke.", "twice as likely"},
		{"About 30% of people with asthma also have hay fever.", "30%"},
		{"Half of all adults will get shingles.", "Half of"},
		{"About 60% of people who replied said they book online.", ""},
		{"The hospital has 350 beds.", ""},
	}
	for _, tt := range tests {
		if got := found(d.Statistics, tt.in); got != tt.want {
			t.Errorf("Statistics(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEdit(t *testing.T) {
	l := Builtin()
	if err := l.Edit("topics", []string{"gingivitis"}, []string{"spots"}); err == nil {
		t.Error("removing a phrase not written as such succeeded")
	}
	if err := l.Edit("effects", []string{"perks up"}, []string{l["effects"][0]}); err != nil {
		t.Fatal(err)
	}
	if err := l.Edit("nonsense", nil, nil); err == nil {
		t.Error("editing an unknown list succeeded")
	}
	if err := l.Edit("effects", []string{"two-words"}, nil); err == nil {
		t.Error("adding a phrase that does not parse succeeded")
	}
	d, err := New(l)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Claim("Coffee perks up your mood."); !ok {
		t.Error("an added effect is not found")
	}
	if _, err := New(Lists{"claims": {"two-words"}}); err == nil {
		t.Error("a bad phrase compiled")
	}
}

func TestParseLists(t *testing.T) {
	for _, bad := range []string{"phrase before a list", "[unknown]\nx"} {
		if _, err := ParseLists(bad); err == nil {
			t.Errorf("ParseLists(%q) succeeded", bad)
		}
	}
	l := Builtin()
	for _, name := range ListNames {
		if len(l[name]) == 0 {
			t.Errorf("claims.txt has no [%s] list", name)
		}
	}
}

// TestJudge checks that one reading of a sentence gives what Claim and
// Prohibited give, and that a finding's span is in the sentence.
func TestJudge(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"Honey soothes a cough in children over one.",
		"Take two tablets every four hours, no more than eight in a day.",
		"The clinic is open from 9am to 5pm, Monday to Friday.",
		"This tea melts belly fat overnight, guaranteed.",
		"There is no miracle cure for a cold.",
		"",
	} {
		toks := prose.Tokens(s)
		v := d.Judge(s, toks, true)
		c, isClaim := d.Claim(s)
		if v.IsClaim != isClaim || v.Claim != c {
			t.Errorf("%q: Judge found claim %v %+v, Claim %v %+v", s, v.IsClaim, v.Claim, isClaim, c)
		}
		if p := d.Prohibited(s); v.IsPromise != (len(p) > 0) || len(p) > 0 && p[0] != v.Promise {
			t.Errorf("%q: Judge found promise %v %+v, Prohibited %+v", s, v.IsPromise, v.Promise, p)
		}
		if onlyPromise := d.Judge(s, toks, false); onlyPromise.IsClaim || onlyPromise.IsPromise != v.IsPromise || onlyPromise.Promise != v.Promise {
			t.Errorf("%q: looking for promises alone found %+v, with claims %+v", s, onlyPromise, v)
		}
		for _, m := range []Match{v.Claim, v.Promise} {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Errorf("%q: a span %d:%d outside the sentence", s, m.Start, m.End)
			}
		}
	}
}

// TestGate checks which sentences the gate lets through to be weighed for
// a promise, on stems and as written: those with a promise's words;
// those with a common word of promises near what a promise promises, or
// what it promises before a list; and those with the voice of selling or
// a word addressing the reader anywhere with what a promise promises or
// an effect; not those with only one of them.
func TestGate(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"This miracle tea is a guaranteed cure.", true},
		{"Every patient is cured within days.", true},
		// The voice of selling near an effect: a promise made in plain words.
		{"Our ear drops clear an ear infection without antibiotics.", true},
		{"This root extract regrows tooth enamel.", true},
		{"These capsules ease arthritis pain.", true},
		// What a promise promises before a list of three or more.
		{"It relieves eczema, psoriasis, acne and rosacea.", true},
		// The voice of selling, or a word that addresses the reader, anywhere
		// in a sentence with an effect or an outcome: a promise is built so.
		{"Our nurses run the clinic on Mondays and Thursdays, and in the summer holidays they help children who need to recover.", true},
		{"We clear acne where creams and pills have failed.", true},
		// One without the other.
		{"Our clinic is open on Saturdays.", false},
		{"Antibiotics clear most ear infections.", false},
		{"You can book a flu jab at the front desk.", false},
		{"If you produce more than 100 milliliters (3 ounces) of urine per day, you will also collect your urine.", false},
	} {
		toks := prose.Tokens(tt.in)
		if got := d.mayPromise(tt.in, prose.Fold(toks, prose.Stem)); got != tt.want {
			t.Errorf("mayPromise(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if tt.want && !d.mayHaveGateWord(tt.in, toks) {
			t.Errorf("mayHaveGateWord(%q) = false, want true, as on stems", tt.in)
		}
	}
}

// TestGateForms checks that the look-up of promise words, and of the
// patterns of promises, as written lets through every sentence the gate
// on stems lets through. It names the lines, not the sentences: test.tsv
// is read by nobody working on the detector.
func TestGateForms(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"dev.tsv", "test.tsv"} {
		for _, s := range readSet(t, name) {
			toks := prose.Tokens(s.text)
			if d.mayPromise(s.text, prose.Fold(toks, prose.Stem)) && !d.mayHaveGateWord(s.text, toks) {
				t.Errorf("%s:%d: the gate lets the sentence through on stems but not as written", name, s.line)
			}
			if d.analyze(s.text, toks).patterned(s.text) && !d.mayHavePattern(toks) {
				t.Errorf("%s:%d: the sentence holds a pattern of a promise, but not as written", name, s.line)
			}
		}
	}
}

// TestGatePossessive checks that the look-up of the patterns of promises
// as written reads a possessive the forms of a stem do not spell ("this
// morning's", for the stem "morn") as its word.
func TestGatePossessive(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"The text reminder service is running again after this morning's fault.",
		"The booking line works again after this morning's outage.",
	} {
		toks := prose.Tokens(s)
		if !d.analyze(s, toks).patterned(s) {
			t.Errorf("%q holds no pattern of a promise on stems; the test needs one", s)
		}
		if !d.mayHavePattern(toks) {
			t.Errorf("mayHavePattern(%q) = false, want true, as on stems", s)
		}
	}
}

// FuzzJudge: any text, however odd, gives a verdict without a panic, with
// its spans in the text, and the same promise whether claims are looked
// for or not.
func FuzzJudge(f *testing.F) {
	d, err := New(Builtin())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Honey soothes a cough.",
		"This miracle tea melts fat overnight, guaranteed!",
		"Take 2 tablets every 4 hours; no more than 8 in 24 hours.",
		"Treats arthritis, asthma, eczema, gout and more",
		"“Detox” teas don't work — there's no such thing.",
		"100% 1 in 4 ½ ÷ £5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := prose.Tokens(s)
		v := d.Judge(s, toks, true)
		for _, m := range []Match{v.Claim, v.Promise} {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("%q: a span %d:%d outside the text", s, m.Start, m.End)
			}
		}
		if p := d.Judge(s, toks, false); p.IsPromise != v.IsPromise || p.Promise != v.Promise {
			t.Fatalf("%q: the promise depends on whether claims are looked for: %+v, %+v", s, p, v)
		}
		d.StatisticsIn(toks)
		d.Warns(toks)
	})
}

// TestFeatureNames checks that no two features share a name: a feature
// of promises named as one of claims would turn that one on.
func TestFeatureNames(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range denseNames {
		if seen[n] {
			t.Errorf("two features are named %q", n)
		}
		seen[n] = true
	}
}
