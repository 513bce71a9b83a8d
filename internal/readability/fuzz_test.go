package readability

import (
	"strings"
	"testing"
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
