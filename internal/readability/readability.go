// Package readability scores how hard a text is to read. It counts
// sentences, words, syllables, words of three or more syllables and letters,
// and from them works out the six formulas pamphlet reports for English:
// SMOG, Flesch-Kincaid grade, Flesch reading ease, Gunning fog,
// Coleman-Liau and the automated readability index; and for Spanish, with
// syllables counted by Spanish rules, the reading ease of Fernández Huerta
// and of Szigriszt-Pazos (see Language).
//
// It knows nothing of Markdown or pages: callers give it sentences, grouped
// into blocks, and it gives back the scores of the whole and of each H2
// section. Words follow Flesch's own counting rules: a word is what stands
// between spaces, so "well-being", "don't", "10,000", "50%" and "NHS" are
// one word each, and each has the syllables it has when read aloud.
package readability

import "math"

// Counts are what the formulas are worked out from.
type Counts struct {
	Sentences     int
	Words         int
	Syllables     int
	Polysyllables int // words of three or more syllables
	Complex       int // polysyllables as Gunning counts them (see Complex)
	Letters       int // letters and digits in words
}

// Add adds the counts of o to c.
func (c *Counts) Add(o Counts) {
	c.Sentences += o.Sentences
	c.Words += o.Words
	c.Syllables += o.Syllables
	c.Polysyllables += o.Polysyllables
	c.Complex += o.Complex
	c.Letters += o.Letters
}

// Empty reports whether there is nothing to score: no words or no
// sentences. Every score of empty counts is 0.
func (c Counts) Empty() bool { return c.Words == 0 || c.Sentences == 0 }

func (c Counts) wordsPerSentence() float64 { return float64(c.Words) / float64(c.Sentences) }
func (c Counts) syllablesPerWord() float64 { return float64(c.Syllables) / float64(c.Words) }

// FRE is the Flesch reading ease: 206.835 − 1.015·words/sentences −
// 84.6·syllables/words. Higher is easier; 60 to 70 is plain English.
func (c Counts) FRE() float64 {
	if c.Empty() {
		return 0
	}
	return 206.835 - 1.015*c.wordsPerSentence() - 84.6*c.syllablesPerWord()
}

// FKGL is the Flesch-Kincaid grade level: 0.39·words/sentences +
// 11.8·syllables/words − 15.59.
func (c Counts) FKGL() float64 {
	if c.Empty() {
		return 0
	}
	return 0.39*c.wordsPerSentence() + 11.8*c.syllablesPerWord() - 15.59
}

// SMOG is McLaughlin's SMOG grade in its regression form:
// 1.043·√(polysyllables·30/sentences) + 3.1291.
func (c Counts) SMOG() float64 {
	if c.Empty() {
		return 0
	}
	return 1.043*math.Sqrt(float64(c.Polysyllables)*30/float64(c.Sentences)) + 3.1291
}

// Fog is the Gunning fog index: 0.4·(words/sentences +
// 100·complex words/words).
func (c Counts) Fog() float64 {
	if c.Empty() {
		return 0
	}
	return 0.4 * (c.wordsPerSentence() + 100*float64(c.Complex)/float64(c.Words))
}

// CLI is the Coleman-Liau index: 0.0588·L − 0.296·S − 15.8, where L is
// letters and S sentences per 100 words.
func (c Counts) CLI() float64 {
	if c.Empty() {
		return 0
	}
	l := 100 * float64(c.Letters) / float64(c.Words)
	s := 100 * float64(c.Sentences) / float64(c.Words)
	return 0.0588*l - 0.296*s - 15.8
}

// ARI is the automated readability index: 4.71·letters/words +
// 0.5·words/sentences − 21.43.
func (c Counts) ARI() float64 {
	if c.Empty() {
		return 0
	}
	return 4.71*float64(c.Letters)/float64(c.Words) + 0.5*c.wordsPerSentence() - 21.43
}

// Grade returns the reading grade by the named formula, "smog" or
// "fkgl"; any other name gives SMOG.
func (c Counts) Grade(formula string) float64 {
	if formula == "fkgl" {
		return c.FKGL()
	}
	return c.SMOG()
}

// FormulaName returns how a formula is written for readers; any name
// Score does not know is SMOG.
func FormulaName(formula string) string {
	switch formula {
	case FormulaFKGL:
		return "Flesch-Kincaid"
	case FormulaFRE:
		return "Flesch reading ease"
	case FormulaFog:
		return "Gunning fog"
	case FormulaCLI:
		return "Coleman-Liau"
	case FormulaARI:
		return "ARI"
	case FormulaFernandezHuerta:
		return "Fernández Huerta"
	case FormulaSzigrisztPazos:
		return "Szigriszt-Pazos"
	}
	return "SMOG"
}

// Round rounds a score to two decimal places, halves away from zero. It
// allows for the binary error of the formulas, so that 116.145 worked
// out as 116.14499999999998 still rounds to 116.15.
func Round(x float64) float64 {
	return math.Round(x*100+math.Copysign(1e-6, x)) / 100
}
