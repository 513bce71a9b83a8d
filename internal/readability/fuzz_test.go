package readability

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzCount checks that any sentence can be counted, that every word has
// a syllable, and that counts never go below zero.
func FuzzCount(f *testing.F) {
	for _, s := range []string{
		"The cat sat on the mat.", "Call 111 or 0300 123 4567 at 9am.", "A&E, e.g. £1.50 & 50%.",
		"COVID-19 H1N1 HbA1c B12 22nd 1990s", "don't NHS's patients' o'clock", "٣ ٣٣٣ ½ ß 漢字 café",
		"https://example.org x@y.z 2–3 18+ 10:30", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || strings.ContainsAny(w, " \t\n") {
				t.Fatalf("Words(%q) gave %q", s, w)
			}
			if n := Syllables(w); n < 1 || n > 10*len(w)+10 {
				t.Fatalf("Syllables(%q) = %d", w, n)
			}
		}
		c := Count(s)
		if c.Words < 0 || c.Syllables < c.Words || c.Letters < 0 || c.Polysyllables > c.Words {
			t.Fatalf("Count(%q) = %+v", s, c)
		}
	})
}

// FuzzCountES checks that any text can be counted as Spanish: a word has
// no more syllables than characters, and none only when it has no letter;
// every word counted has a syllable. It is seeded with the words counted
// by hand and a few sentences.
func FuzzCountES(f *testing.F) {
	for _, file := range []string{"testdata/syllables-es.tsv", "testdata/syllables-es-heldout.tsv"} {
		for _, c := range readSpanishCounts(f, file) {
			f.Add(c.word)
		}
	}
	for _, s := range []string{
		"¿Cómo puede protegerse? ¡Vacúnese!", "Tome 1 comprimido cada 8 horas (máx. 3 g/día).",
		"COVID-19 ARNm 38,5 °C", "pai\u0301s pingu\u0308ino \u0301a", "qu gu gü y hh ỳ", "", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			n := SyllablesES(w)
			if n < 0 || n > utf8.RuneCountInString(w) {
				t.Fatalf("SyllablesES(%q) = %d", w, n)
			}
			if (n == 0) != (strings.IndexFunc(w, unicode.IsLetter) < 0) {
				t.Fatalf("SyllablesES(%q) = %d", w, n)
			}
		}
		c := CountES(s)
		if c.Syllables < c.Words || c.Polysyllables > c.Words || c.Complex != c.Polysyllables ||
			c.Letters < c.Words || (c.Sentences == 1) != (c.Words > 0) || c.Sentences > 1 {
			t.Fatalf("CountES(%q) = %+v", s, c)
		}
	})
}
