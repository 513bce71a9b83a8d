package prose

import "strings"

// FoldAccents takes the accents off the Latin letters of a lower-case
// word (á, é, í, ó, ú, ü and ñ become a, e, i, o, u, u and n), so that
// Spanish written with and without them meets: "vacunación" and
// "vacunacion" are one word.
func FoldAccents(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return accents.Replace(w)
		}
	}
	return w
}

var accents = strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "ñ", "n",
	"Á", "a", "É", "e", "Í", "i", "Ó", "o", "Ú", "u", "Ü", "u", "Ñ", "n")

// StemSpanish returns a light stem of a Spanish word, with its accents
// folded (see FoldAccents), so that number and gender meet: "vacunas",
// "vacuna" and "vacuno" are "vacun", "enfermedades" is "enfermedad". It
// strips the plural (-s after a vowel, -es after a consonant) and then a
// final a, o or e, and leaves words of four letters or fewer, and words with other signs
// than a to z (an apostrophe), as they are. It is the stem of the Spanish claim lists and of Spanish search.
func StemSpanish(w string) string {
	w = FoldAccents(w)
	if len(w) <= 4 || !isLetters(w) {
		return w
	}
	switch n := len(w); {
	case strings.HasSuffix(w, "es") && !isVowel(w[n-3]):
		w = w[:n-2]
	case strings.HasSuffix(w, "s") && isVowel(w[n-2]):
		w = w[:n-1]
	}
	if n := len(w); n > 4 && (w[n-1] == 'a' || w[n-1] == 'o' || w[n-1] == 'e') {
		w = w[:n-1]
	}
	return w
}

// isLetters reports whether w is of the letters a to z alone.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
