package readability

import "unicode"

// Spanish: syllables counted by the rules of Spanish spelling, the counts
// of a Spanish sentence, and the two reading-ease formulas made for
// Spanish. Both are ease scores: higher is easier, unlike the grades.

// The names of the Spanish formulas, for settings such as
// readability.formula.
const (
	// FormulaFernandezHuerta names Fernández Huerta's reading ease
	// (lecturabilidad), worked out by Counts.FernandezHuerta.
	FormulaFernandezHuerta = "fernandez-huerta"
	// FormulaSzigrisztPazos names the Szigriszt-Pazos perspicuity index,
	// worked out by Counts.SzigrisztPazos and read on the INFLESZ scale.
	FormulaSzigrisztPazos = "szigriszt-pazos"
)

// SyllablesES returns the number of syllables in a Spanish word, counted
// by the rules of written Spanish syllabification, in which each syllable
// has one vowel nucleus:
//
//   - a, e and o are strong vowels; i, u, ü, and y where no vowel follows
//     it, are weak;
//   - a weak vowel next to another vowel shares its syllable: a diphthong
//     ("ciu-dad", "cui-da-do", "hoy", "muy") or a triphthong ("buey",
//     "a-ve-ri-guáis");
//   - two strong vowels are two syllables ("po-e-ta", "le-er",
//     "a-é-re-o"), and so is a weak vowel met twice ("chi-i-ta");
//   - a written accent on a weak vowel parts it from a strong one ("dí-a",
//     "pa-ís", "ba-úl"), but not from another weak one ("lin-güís-ti-ca");
//   - an h between vowels changes nothing ("a-hí", "bú-ho", "prohi-bi-do");
//   - the u of que, qui, gue and gui is silent ("que-so", "gui-ta-rra");
//     ü is not ("pin-güi-no").
//
// Case and accented capitals do not matter, and an acute accent or a
// diaeresis written as a combining mark counts as one written on the
// vowel. Digits and other characters that
// are not letters are left out and part the letters around them, so
// "COVID-19" has 2 and "2026" none. A word with letters but no vowel,
// such as "mg", has one. The count follows spelling only: initialisms are
// read as words ("OMS" has 1), and numbers are not read aloud.
func SyllablesES(word string) int {
	var buf [48]rune
	rs := lowerComposed(buf[:0], word)
	count := 0
	letters := false
	open := false // whether a group of vowels is being read
	strong := 0   // strong and accented vowels in the group: each is its own nucleus
	var last esVowel
	for i, r := range rs {
		if !unicode.IsLetter(r) {
			if open {
				count += max(strong, 1)
				open, strong = false, 0
			}
			continue
		}
		letters = true
		v := esVowelAt(rs, i)
		if v.kind == esConsonant {
			if r == 'h' && open && i+1 < len(rs) && esVowelAt(rs, i+1).kind != esConsonant {
				continue // silent between vowels: "ahí", "prohibido"
			}
			if open {
				count += max(strong, 1)
				open, strong = false, 0
			}
			continue
		}
		if open && esHiatus(last, v) {
			count += max(strong, 1)
			strong = 0
		}
		if v.kind != esWeak {
			strong++
		}
		last, open = v, true
	}
	if open {
		count += max(strong, 1)
	}
	if count == 0 && letters {
		return 1
	}
	return count
}

// CountES returns the counts of one Spanish sentence, as Count does for
// English: one sentence when it has a word, none when it has not. Words
// are those Words gives ("¿Qué?" is the word "Qué"), each with the
// syllables SyllablesES gives it. A word without a letter, such as "65"
// or "38,5", is left out of the words, syllables and letters: the
// syllable rules do not read numbers aloud, and a word of no syllables
// would make a text look easier than it is. Complex counts the same words
// as Polysyllables, since Gunning's exceptions are English endings.
func CountES(sentence string) Counts {
	var c Counts
	eachWord(sentence, func(w string) {
		s := SyllablesES(w)
		if s == 0 {
			return
		}
		c.Words++
		c.Syllables += s
		c.Letters += Letters(w)
		if s >= 3 {
			c.Polysyllables++
			c.Complex++
		}
	})
	if c.Words > 0 {
		c.Sentences = 1
	}
	return c
}

// FernandezHuerta is Fernández Huerta's reading ease for Spanish,
// 206.84 − 0.60·P − 1.02·F, where P is syllables per 100 words and F
// words per sentence. That is the corrected form (Law, 2011): the formula
// is often printed with F as sentences per 100 words, which would make
// shorter sentences harder. Higher is easier, unlike a grade: 60 to 70 is
// normal for adults, below 50 difficult.
func (c Counts) FernandezHuerta() float64 {
	if c.Empty() {
		return 0
	}
	p := 100 * c.syllablesPerWord()
	return 206.84 - 0.60*p - 1.02*c.wordsPerSentence()
}

// SzigrisztPazos is the Szigriszt-Pazos perspicuity index for Spanish,
// 206.835 − 62.3·syllables/words − words/sentences. Higher is easier,
// unlike a grade; INFLESZ names its bands.
func (c Counts) SzigrisztPazos() float64 {
	if c.Empty() {
		return 0
	}
	return 206.835 - 62.3*c.syllablesPerWord() - c.wordsPerSentence()
}

// INFLESZ returns the band of the INFLESZ scale (Barrio-Cantalejo, 2008)
// that a Szigriszt-Pazos score falls in, by its Spanish and English names:
// below 40 "muy difícil" (very difficult), from 40 "algo difícil"
// (somewhat difficult), from 55 "normal", from 65 to 80 "bastante fácil"
// (quite easy), above 80 "muy fácil" (very easy). Each band holds its
// lower bound, and 80 is still quite easy. Empty counts score 0, which is
// very difficult; check Counts.Empty first.
func INFLESZ(score float64) (es, en string) {
	switch {
	case score > 80:
		return "muy fácil", "very easy"
	case score >= 65:
		return "bastante fácil", "quite easy"
	case score >= 55:
		return "normal", "normal"
	case score >= 40:
		return "algo difícil", "somewhat difficult"
	}
	return "muy difícil", "very difficult"
}

// esKind is what a letter is in a Spanish syllable.
type esKind uint8

const (
	esConsonant esKind = iota // or a silent u
	esWeak                    // i, u, ü, and y where no vowel follows
	esStrong                  // a, e, o, accented or not
	esAccented                // í, ú: weak vowels that stand apart from strong ones
)

// esVowel is a vowel of a word: its kind and its letter without accents.
type esVowel struct {
	kind esKind
	base rune
}

// esVowelAt says what the letter rs[i] of a lower-case word is, which for
// u and y depends on the letters around it.
func esVowelAt(rs []rune, i int) esVowel {
	r := rs[i]
	switch r {
	case 'u':
		if i > 0 && (rs[i-1] == 'q' || rs[i-1] == 'g') && i+1 < len(rs) {
			if b := esVowelOf(rs[i+1]).base; b == 'e' || b == 'i' {
				return esVowel{} // "queso", "guitarra"
			}
		}
	case 'y':
		if i+1 < len(rs) && esVowelOf(rs[i+1]).kind != esConsonant {
			return esVowel{} // "yo", "mayo"
		}
		return esVowel{esWeak, 'i'} // "y", "hoy", "muy"
	}
	return esVowelOf(r)
}

// esVowelOf says what a lower-case letter is as a vowel, out of context.
func esVowelOf(r rune) esVowel {
	switch r {
	case 'a', 'á', 'à', 'â', 'ä':
		return esVowel{esStrong, 'a'}
	case 'e', 'é', 'è', 'ê', 'ë':
		return esVowel{esStrong, 'e'}
	case 'o', 'ó', 'ò', 'ô', 'ö':
		return esVowel{esStrong, 'o'}
	case 'i':
		return esVowel{esWeak, 'i'}
	case 'u', 'ü':
		return esVowel{esWeak, 'u'}
	case 'í', 'ì', 'î', 'ï':
		return esVowel{esAccented, 'i'}
	case 'ú', 'ù', 'û':
		return esVowel{esAccented, 'u'}
	}
	return esVowel{}
}

// esHiatus reports whether two vowels next to each other are said in two
// syllables: two strong or accented ones, or the same weak vowel twice.
// Otherwise a weak vowel joins the other in a diphthong.
func esHiatus(a, b esVowel) bool {
	if a.kind != esWeak && b.kind != esWeak {
		return true
	}
	return a.base == b.base
}

// lowerComposed appends the letters of w to rs in lower case, with an
// acute accent or a diaeresis written as a combining mark put on the
// vowel before it.
func lowerComposed(rs []rune, w string) []rune {
	for _, r := range w {
		if (r == '\u0301' || r == '\u0308') && len(rs) > 0 {
			if c, ok := composed[[2]rune{rs[len(rs)-1], r}]; ok {
				rs[len(rs)-1] = c
				continue
			}
		}
		rs = append(rs, unicode.ToLower(r))
	}
	return rs
}

// composed maps a vowel and a combining accent to the accented vowel.
var composed = map[[2]rune]rune{
	{'a', '\u0301'}: 'á', {'e', '\u0301'}: 'é', {'i', '\u0301'}: 'í', {'o', '\u0301'}: 'ó', {'u', '\u0301'}: 'ú',
	{'i', '\u0308'}: 'ï', {'u', '\u0308'}: 'ü',
}
