package readability

import (
	"slices"
	"testing"
)

func TestLanguageOf(t *testing.T) {
	for tag, want := range map[string]Language{
		"": English, "en": English, "en-GB": English, "EN": English,
		"es": Spanish, "es-MX": Spanish, "es-419": Spanish,
		"fr": Other, "pt-br": Other, "eu": Other, "english": Other,
	} {
		if got := LanguageOf(tag); got != want {
			t.Errorf("LanguageOf(%q) = %v, want %v", tag, got, want)
		}
	}
	if got := Spanish.Formulas(); !slices.Equal(got, []string{FormulaSzigrisztPazos, FormulaFernandezHuerta}) {
		t.Errorf("Spanish formulas %q", got)
	}
	if got := English.Formulas(); !slices.Equal(got, []string{FormulaSMOG, FormulaFKGL}) {
		t.Errorf("English formulas %q", got)
	}
	if Other.Formulas() != nil {
		t.Errorf("Other has formulas %q", Other.Formulas())
	}
}

// TestMeterSpanish: a Spanish Meter counts as CountES does, the second
// time from what it remembers, and a Meter for another language counts
// words, sentences and letters, and no syllables.
func TestMeterSpanish(t *testing.T) {
	sentences := []string{
		"La gripe es una infección que se contagia con facilidad.",
		"Vacúnese cada año, sobre todo si tiene más de 65 años.",
		"¿Tiene fiebre de 38,5 °C?",
		"¿? — 38,5 %",
	}
	m := NewMeter(Spanish)
	for range 2 {
		for _, s := range sentences {
			if got, want := m.Count(s), CountES(s); got != want {
				t.Errorf("Spanish Meter.Count(%q) = %+v, want %+v", s, got, want)
			}
		}
	}
	if len(m.words) == 0 {
		t.Error("the meter remembered no words")
	}
	if got, want := NewMeter(English).Count(sentences[0]), Count(sentences[0]); got != want {
		t.Errorf("English Meter.Count = %+v, want %+v", got, want)
	}
	got := NewMeter(Other).Count("Le vaccin protège contre la grippe.")
	if want := (Counts{Sentences: 1, Words: 6, Letters: 29}); got != want {
		t.Errorf("Other Meter.Count = %+v, want %+v", got, want)
	}
	r := MeasureIn(Spanish, []Block{{Sentences: []Sentence{{"El niño tiene fiebre.", 0}}}})
	if r.Syllables != 7 || Round(r.SzigrisztPazos()) != 93.81 {
		t.Errorf("MeasureIn(Spanish) = %+v, want 7 syllables and Szigriszt-Pazos 93.81", r.Counts)
	}
}

// TestScore: each formula by name, grades and reading ease told apart.
func TestScore(t *testing.T) {
	c := Counts{Sentences: 2, Words: 20, Syllables: 40, Polysyllables: 4, Complex: 3, Letters: 90}
	for formula, want := range map[string]float64{
		FormulaSMOG: c.SMOG(), FormulaFKGL: c.FKGL(), FormulaFRE: c.FRE(), FormulaFog: c.Fog(),
		FormulaCLI: c.CLI(), FormulaARI: c.ARI(), FormulaFernandezHuerta: c.FernandezHuerta(),
		FormulaSzigrisztPazos: c.SzigrisztPazos(), "": c.SMOG(), "unknown": c.SMOG(),
	} {
		if got := c.Score(formula); got != want {
			t.Errorf("Score(%q) = %v, want %v", formula, got, want)
		}
	}
	for _, f := range []string{FormulaFRE, FormulaFernandezHuerta, FormulaSzigrisztPazos} {
		if !Ease(f) || !Harder(f, 50, 60) || Harder(f, 60, 50) {
			t.Errorf("%s is a reading ease: lower is harder", f)
		}
	}
	for _, f := range []string{FormulaSMOG, FormulaFKGL} {
		if Ease(f) || !Harder(f, 12, 8) || Harder(f, 8, 12) {
			t.Errorf("%s is a grade: higher is harder", f)
		}
	}
	if FormulaName(FormulaSzigrisztPazos) != "Szigriszt-Pazos" || FormulaName(FormulaFernandezHuerta) != "Fernández Huerta" ||
		FormulaName(FormulaFKGL) != "Flesch-Kincaid" || FormulaName(FormulaSMOG) != "SMOG" || FormulaName("") != "SMOG" {
		t.Error("FormulaName does not name the formulas")
	}
}

// TestHardestEase: by a reading ease, the hardest sections are those
// below the score, lowest first.
func TestHardestEase(t *testing.T) {
	r := MeasureIn(Spanish, []Block{
		{Sentences: []Sentence{{"El niño tiene fiebre y tos desde ayer por la tarde.", 0}}},
		{Heading: 2, Sentences: []Sentence{{"Tratamiento", 1}}},
		{Sentences: []Sentence{{"Administre paracetamol o ibuprofeno siguiendo estrictamente la posología recomendada por su farmacéutico.", 2}}},
		{Heading: 2, Sentences: []Sentence{{"Complicaciones", 3}}},
		{Sentences: []Sentence{{"Consulte inmediatamente si aparece dificultad respiratoria o somnolencia.", 4}}},
	})
	hard := r.Hardest(FormulaSzigrisztPazos, 65, 1)
	var names []string
	for _, s := range hard {
		names = append(names, s.Heading)
	}
	if want := []string{"Complicaciones", "Tratamiento"}; !slices.Equal(names, want) {
		t.Errorf("hardest %q, want %q", names, want)
	}
	if len(hard) == 2 && hard[0].SzigrisztPazos() > hard[1].SzigrisztPazos() {
		t.Errorf("hardest not lowest first: %v, %v", hard[0].SzigrisztPazos(), hard[1].SzigrisztPazos())
	}
}

func TestFernandezHuertaBand(t *testing.T) {
	for _, tc := range []struct {
		score  float64
		es, en string
	}{
		{-5, "muy difícil", "very difficult"},
		{29.99, "muy difícil", "very difficult"},
		{30, "difícil", "difficult"},
		{50, "bastante difícil", "quite difficult"},
		{60, "normal", "normal"},
		{70, "bastante fácil", "quite easy"},
		{80, "fácil", "easy"},
		{90, "muy fácil", "very easy"},
		{120, "muy fácil", "very easy"},
	} {
		if es, en := FernandezHuertaBand(tc.score); es != tc.es || en != tc.en {
			t.Errorf("FernandezHuertaBand(%v) = %q, %q, want %q, %q", tc.score, es, en, tc.es, tc.en)
		}
		if es, _, ok := Band(FormulaFernandezHuerta, tc.score); !ok || es != tc.es {
			t.Errorf("Band(fernandez-huerta, %v) = %q, %v", tc.score, es, ok)
		}
	}
	if es, _, ok := Band(FormulaSzigrisztPazos, 60); !ok || es != "normal" {
		t.Errorf("Band(szigriszt-pazos, 60) = %q, %v, want normal", es, ok)
	}
	if _, _, ok := Band(FormulaSMOG, 8); ok {
		t.Error("SMOG has no bands")
	}
}
