package readability

import (
	"math"
	"slices"
	"testing"
)

// TestWorkedExample pins the published example: "The cat sat on the mat."
// has reading ease 116.15 and grade -1.45.
func TestWorkedExample(t *testing.T) {
	c := Count("The cat sat on the mat.")
	if want := (Counts{Sentences: 1, Words: 6, Syllables: 6, Letters: 17}); c != want {
		t.Fatalf("counts = %+v, want %+v", c, want)
	}
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"FRE", c.FRE(), 116.15},
		{"FKGL", c.FKGL(), -1.45},
		{"SMOG", c.SMOG(), 3.13},
		{"Fog", c.Fog(), 2.4},
		{"CLI", c.CLI(), -4.07},
		{"ARI", c.ARI(), -5.09},
	} {
		if got := Round(tc.got); got != tc.want {
			t.Errorf("%s = %v (%v), want %v", tc.name, got, tc.got, tc.want)
		}
	}
}

// TestHandCounted pins texts whose counts were worked out by hand, and
// the formulas on them worked out by hand from those counts.
func TestHandCounted(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Counts
		// FKGL and SMOG by hand, to two places
		fkgl, smog float64
	}{
		{
			"Wash your hands with soap and water for at least 20 seconds. Dry them well. " +
				"If you have a fever, stay at home and drink plenty of fluids.",
			Counts{Sentences: 3, Words: 28, Syllables: 34, Letters: 106},
			// 0.39·28/3 + 11.8·34/28 − 15.59 = 3.64 + 14.33 − 15.59
			2.38,
			3.13,
		},
		{
			"Anticoagulant tablets, such as warfarin, lower the risk of a stroke in people with atrial fibrillation. " +
				"Tell your pharmacist about all the other tablets you take.",
			Counts{Sentences: 2, Words: 26, Syllables: 46, Polysyllables: 5, Complex: 5, Letters: 133},
			// 0.39·13 + 11.8·46/26 − 15.59 = 5.07 + 20.88 − 15.59
			10.36,
			// 1.043·√(5·30/2) + 3.1291 = 1.043·8.660 + 3.1291
			12.16,
		},
	} {
		var c Counts
		for _, s := range sentencesOf(tc.text) {
			c.Add(Count(s))
		}
		if c != tc.want {
			t.Errorf("%.30q…: counts = %+v, want %+v", tc.text, c, tc.want)
			continue
		}
		if got := Round(c.FKGL()); got != tc.fkgl {
			t.Errorf("%.30q…: FKGL = %v, want %v", tc.text, got, tc.fkgl)
		}
		if got := Round(c.SMOG()); got != tc.smog {
			t.Errorf("%.30q…: SMOG = %v, want %v", tc.text, got, tc.smog)
		}
	}
}

// sentencesOf splits the test texts at ". ".
func sentencesOf(text string) []string {
	var out []string
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			out = append(out, text[start:i+1])
			start = i + 2
		}
	}
	return append(out, text[start:])
}

func TestEmpty(t *testing.T) {
	var c Counts
	for name, got := range map[string]float64{"FRE": c.FRE(), "FKGL": c.FKGL(), "SMOG": c.SMOG(), "Fog": c.Fog(), "CLI": c.CLI(), "ARI": c.ARI()} {
		if got != 0 || math.IsNaN(got) {
			t.Errorf("%s of no text = %v, want 0", name, got)
		}
	}
	if c := Count("https://example.org/x — ..."); c != (Counts{}) {
		t.Errorf("a sentence of no words counts %+v", c)
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Call 111 (or see https://www.nhs.uk/111) — day or night.", []string{"Call", "111", "or", "see", "day", "or", "night"}},
		{"“Well-being” isn't a cure-all; e.g. A&E, $15 & 50%.", []string{"Well-being", "isn't", "a", "cure-all", "e.g", "A&E", "$15", "&", "50%"}},
		{"Take 2–3 tablets…then rest", []string{"Take", "2–3", "tablets", "then", "rest"}},
		{"Write to help@example.org or www.example.org.", []string{"Write", "to", "or"}},
	} {
		if got := Words(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSyllablesOfForms(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		{"2026", 5}, {"1905", 4}, {"2000", 3}, {"2005", 4}, {"1,000,000", 3}, {"0300", 4},
		{"22nd", 4}, {"20th", 3}, {"2-3", 3}, {"2–3", 3}, {"10:30", 3}, {"5mg", 4}, {"18+", 3},
		{"£1.50", 5}, {"NHS's", 4}, {"GPs", 2}, {"NSAIDs", 2}, {"PrEP", 1}, {"pH", 2},
		{"U.K.", 2}, {"a.m.", 2}, {"no", 1}, {"Dr.", 2}, {"WARNING", 2},
		{"café", 2}, {"someone", 2}, {"nothing", 2}, {"it'll", 2}, {"o'clock", 2},
		{"didn’t", 2}, {"H1N1", 4}, {"B12", 2}, {"38°C", 8}, {"100.4°F", 10}, {"90°", 4},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

func TestMeasure(t *testing.T) {
	blocks := []Block{
		{Sentences: []Sentence{{"Asthma is common.", 0}}},
		{Heading: 2, Sentences: []Sentence{{"Symptoms", 1}}},
		{Sentences: []Sentence{{"You may cough and wheeze at night.", 2}, {"Your chest may feel tight.", 3}}},
		{Heading: 3, Sentences: []Sentence{{"In children", 4}}},
		{Sentences: []Sentence{{"Children may find it hard to say what is wrong.", 5}}},
		{Heading: 2, Label: "Common questions"},
		{Heading: 3, Sentences: []Sentence{{"Is asthma catching?", 6}}},
		{Sentences: []Sentence{{"No.", 7}}},
	}
	r := Measure(blocks)
	if r.Sentences != 8 || r.Words != 32 {
		t.Errorf("page counts %+v, want 8 sentences and 32 words", r.Counts)
	}
	var names []string
	for _, s := range r.Sections {
		names = append(names, s.Heading)
	}
	if want := []string{"", "Symptoms", "Common questions"}; !slices.Equal(names, want) {
		t.Errorf("sections %q, want %q", names, want)
	}
	if s := r.Sections[1]; s.Ref != 1 || s.Sentences != 5 || s.Words != 25 {
		t.Errorf("Symptoms section = %+v, want ref 1, 5 sentences, 25 words", s)
	}
	var longest []int
	for _, l := range r.Longest {
		longest = append(longest, l.Ref)
	}
	if want := []int{5, 2, 3}; !slices.Equal(longest, want) {
		t.Errorf("longest refs %v, want %v", longest, want)
	}
	if h := r.Hardest("fkgl", -100, 10); len(h) != 1 || h[0].Heading != "Symptoms" {
		t.Errorf("hardest of 10 words or more = %+v, want Symptoms alone", h)
	}
}

// TestMeter: a Meter counts as Count does, the second time from what it
// remembers.
func TestMeter(t *testing.T) {
	sentences := []string{"The cat sat on the mat.", "Take 2 tablets of ibuprofen every 4–6 hours, with food.", "The NHS's advice is at www.nhs.uk; call 111."}
	var m Meter
	for range 2 {
		for _, s := range sentences {
			if got, want := m.Count(s), Count(s); got != want {
				t.Errorf("Meter.Count(%q) = %+v, want %+v", s, got, want)
			}
		}
	}
	if len(m.words) == 0 {
		t.Error("the meter remembered no words")
	}
}
