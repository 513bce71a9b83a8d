package claims

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

type labelled struct {
	line     int
	claim    bool
	category string
	text     string
}

func readLabelled(t *testing.T, name string) []labelled {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 || parts[0] != "claim" && parts[0] != "none" {
			t.Fatalf("%s:%d: want label<TAB>category<TAB>sentence", name, n)
		}
		out = append(out, labelled{n, parts[0] == "claim", parts[1], parts[2]})
	}
	return out
}

// TestLabelled measures the detector against sentences labelled by hand
// and fails when precision or recall falls below 95%: labelled.txt, which
// the word lists were tuned on, and heldout.txt, written afterwards.
func TestLabelled(t *testing.T) {
	for _, name := range []string{"labelled.txt", "heldout.txt"} {
		t.Run(name, func(t *testing.T) { testLabelled(t, name) })
	}
}

func testLabelled(t *testing.T, name string) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	set := readLabelled(t, name)
	if name == "labelled.txt" && len(set) < 300 {
		t.Fatalf("the labelled set has %d sentences; it must have at least 300", len(set))
	}
	var tp, fp, fn, tn int
	for _, s := range set {
		m, got := d.Claim(s.text)
		switch {
		case got && s.claim:
			tp++
		case got && !s.claim:
			fp++
			t.Logf("%s:%d: false claim (%s %q): %s", name, s.line, m.Kind, m.Phrase, s.text)
		case !got && s.claim:
			fn++
			t.Logf("%s:%d: missed claim (%s): %s", name, s.line, s.category, s.text)
		default:
			tn++
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("%d sentences (%d claims): precision %.1f%%, recall %.1f%% (tp %d, fp %d, fn %d, tn %d)",
		len(set), tp+fn, 100*precision, 100*recall, tp, fp, fn, tn)
	if precision < 0.95 || recall < 0.95 {
		t.Errorf("precision %.3f and recall %.3f; both must be at least 0.95", precision, recall)
	}
}

func TestProhibited(t *testing.T) {
	d, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want string // the words found, joined by |
	}{
		{"This miracle tea is a guaranteed cure.", "miracle|guaranteed cure"},
		{"It is 100% safe and has no side effects.", "100% safe|no side effects"},
		{"A 3-day detox flushes out toxins.", "detox|flushes out toxins"},
		{"Our plan works for everyone, risk-free.", "works for everyone|risk-free"},
		{"The vaccine is 60% effective.", ""},
		{"Smoking puts toxins in your blood.", ""},
		{"Side effects are rare.", ""},
		{"No single treatment works for everyone.", ""},
		{"Elmiron does not work for everyone.", ""},
		{"During chemotherapy you may have no side effects or just a few.", ""},
		{"There is no miracle cure for a cold.", ""},
		{"Stage I disease without risk factors.", ""},
	}
	for _, tt := range tests {
		if got := found(d.Prohibited, tt.in); got != tt.want {
			t.Errorf("Prohibited(%q) = %q, want %q", tt.in, got, tt.want)
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
	if err := l.Edit("effects", []string{"perks up"}, []string{"better"}); err != nil {
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
