package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// spansByRune is forEachWord read one character at a time, as Words
// defines words, without the fast path for runs of ASCII.
func spansByRune(text string) [][2]int {
	var out [][2]int
	start, digits := -1, false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		letter, digit := isLetter(r), unicode.IsDigit(r)
		switch {
		case start >= 0 && (letter && !digits || digit && digits):
		case start >= 0 && isApostrophe(r) && !digits && i+n < len(text) && startsLetter(text[i+n:]):
		case start >= 0 && (r == '.' || r == ',') && digits && i+n < len(text) && startsDigit(text[i+n:]):
		default:
			if start >= 0 {
				out = append(out, [2]int{start, i})
				start = -1
			}
			if letter || digit {
				start, digits = i, digit
			}
		}
		i += n
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// TestWordSpans holds forEachWord to spansByRune on text that mixes
// ASCII and other letters, digits, apostrophes and separators.
func TestWordSpans(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	bits := []string{"a", "Zb", "7", "1.5", "2,0", " ", "'", "’", ".", ",", "-", "é", "e\u0301", "٣", "Ω", "\xff", "don't", "x'", "'y", "\t", "日"}
	texts := []string{"", "Flu vaccines, don’t wait!", "take 1.5 mg, 2,000 units", "5mg covid19 'quoted'", "ΟΔΟΣ e\u0301te"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(bits[r.IntN(len(bits))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		var got [][2]int
		forEachWord(text, func(start, end int) { got = append(got, [2]int{start, end}) })
		if want := spansByRune(text); !slices.Equal(got, want) {
			t.Fatalf("%q: words at %v, want %v", text, got, want)
		}
	}
}
