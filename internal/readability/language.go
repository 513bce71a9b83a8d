package readability

import "strings"

// Language is a language whose text readability can count: how its
// words are split into syllables decides which formulas apply. The zero
// value is English.
type Language uint8

// The languages readability counts, and Other for the rest.
const (
	English Language = iota // syllables by Syllables; scored as a school grade
	Spanish                 // syllables by SyllablesES; scored as a reading ease
	// Other is a language readability has no syllable rules or formulas
	// for, such as French: its words, sentences and letters are counted,
	// its syllables are not, and no formula scores it.
	Other
)

// LanguageOf returns the Language of a language tag such as "en",
// "en-GB", "es" or "es-MX", by its first part, in any case; "" is
// English. Any other language is Other.
func LanguageOf(tag string) Language {
	primary, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch primary {
	case "", "en":
		return English
	case "es":
		return Spanish
	}
	return Other
}

// String returns the language's English name, or "another language".
func (l Language) String() string {
	switch l {
	case English:
		return "English"
	case Spanish:
		return "Spanish"
	}
	return "another language"
}

// Formulas returns the formulas a page in the language may be held to,
// the default first: smog and fkgl for English, szigriszt-pazos and
// fernandez-huerta for Spanish, none for Other.
func (l Language) Formulas() []string {
	switch l {
	case English:
		return []string{FormulaSMOG, FormulaFKGL}
	case Spanish:
		return []string{FormulaSzigrisztPazos, FormulaFernandezHuerta}
	}
	return nil
}

// The names of the English formulas, for settings such as
// readability.formula and for Score. The Spanish ones are in spanish.go.
const (
	FormulaSMOG = "smog" // SMOG grade, Counts.SMOG
	FormulaFKGL = "fkgl" // Flesch-Kincaid grade, Counts.FKGL
	FormulaFRE  = "fre"  // Flesch reading ease, Counts.FRE
	FormulaFog  = "fog"  // Gunning fog, Counts.Fog
	FormulaCLI  = "cli"  // Coleman-Liau, Counts.CLI
	FormulaARI  = "ari"  // automated readability index, Counts.ARI
)

// Score returns the score by the named formula: a school grade for smog,
// fkgl, fog, cli and ari, a reading ease for fre, fernandez-huerta and
// szigriszt-pazos (see Ease). Any other name gives SMOG, as Grade does.
func (c Counts) Score(formula string) float64 {
	switch formula {
	case FormulaFKGL:
		return c.FKGL()
	case FormulaFRE:
		return c.FRE()
	case FormulaFog:
		return c.Fog()
	case FormulaCLI:
		return c.CLI()
	case FormulaARI:
		return c.ARI()
	case FormulaFernandezHuerta:
		return c.FernandezHuerta()
	case FormulaSzigrisztPazos:
		return c.SzigrisztPazos()
	}
	return c.SMOG()
}

// Ease reports whether a formula's scores are a reading ease, where
// higher is easier (fre, fernandez-huerta, szigriszt-pazos), rather than
// a school grade, where higher is harder.
func Ease(formula string) bool {
	return formula == FormulaFRE || formula == FormulaFernandezHuerta || formula == FormulaSzigrisztPazos
}

// Harder reports whether score a is harder to read than score b by the
// formula: higher for a grade, lower for a reading ease.
func Harder(formula string, a, b float64) bool {
	if Ease(formula) {
		return a < b
	}
	return a > b
}

// Band returns the band of its formula's scale a score falls in, by its
// Spanish and English names, for the formulas that have one: INFLESZ for
// szigriszt-pazos (see INFLESZ) and Fernández Huerta's own for
// fernandez-huerta (see FernandezHuertaBand). ok is false for the others.
func Band(formula string, score float64) (es, en string, ok bool) {
	switch formula {
	case FormulaSzigrisztPazos:
		es, en = INFLESZ(score)
		return es, en, true
	case FormulaFernandezHuerta:
		es, en = FernandezHuertaBand(score)
		return es, en, true
	}
	return "", "", false
}

// FernandezHuertaBand returns the band of Fernández Huerta's scale (1959,
// after Flesch's) that a score falls in, by its Spanish and English
// names: below 30 "muy difícil" (very difficult), from 30 "difícil"
// (difficult), from 50 "bastante difícil" (quite difficult), from 60
// "normal", from 70 "bastante fácil" (quite easy), from 80 "fácil"
// (easy), from 90 "muy fácil" (very easy). Each band holds its lower
// bound.
func FernandezHuertaBand(score float64) (es, en string) {
	switch {
	case score >= 90:
		return "muy fácil", "very easy"
	case score >= 80:
		return "fácil", "easy"
	case score >= 70:
		return "bastante fácil", "quite easy"
	case score >= 60:
		return "normal", "normal"
	case score >= 50:
		return "bastante difícil", "quite difficult"
	case score >= 30:
		return "difícil", "difficult"
	}
	return "muy difícil", "very difficult"
}
