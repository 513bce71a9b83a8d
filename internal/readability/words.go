package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words returns the words of a sentence as Flesch counted them: what
// stands between spaces or dashes, with the punctuation around it taken
// off. "well-being", "don't", "10,000", "50%", "$15" and "A&E" are one
// word each; "&" alone is the word "and". Pieces without a letter or a
// digit are not words, and neither are web or e-mail addresses, which
// readers skip.
func Words(sentence string) []string {
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := trimWord(sentence[start:end]); w != "" {
				out = append(out, w)
			}
		}
		start = -1
	}
	for i := 0; i < len(sentence); {
		r, n := utf8.DecodeRuneInString(sentence[i:])
		if unicode.IsSpace(r) || r == '—' || r == '…' || r == '–' && !(digitBefore(sentence, i) && digitAfter(sentence, i+n)) {
			flush(i)
		} else if start < 0 {
			start = i
		}
		i += n
	}
	flush(len(sentence))
	return out
}

func digitBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsDigit(r)
}

func digitAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// trimWord takes the punctuation off the ends of a word and returns ""
// for what is not one.
func trimWord(w string) string {
	if w == "&" {
		return w
	}
	w = strings.TrimLeftFunc(w, func(r rune) bool { return !wordRune(r) && currencies[r] == 0 })
	w = strings.TrimRightFunc(w, func(r rune) bool { return !wordRune(r) && r != '%' && r != '+' })
	if strings.IndexFunc(w, wordRune) < 0 {
		return ""
	}
	if strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") ||
		strings.Contains(w, "@") && strings.Contains(w[strings.Index(w, "@"):], ".") {
		return ""
	}
	return w
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Letters returns the letters and digits of a word.
func Letters(word string) int {
	n := 0
	for _, r := range word {
		if wordRune(r) {
			n++
		}
	}
	return n
}

// Complex reports whether a word counts as complex in the Gunning fog
// index: three syllables or more, but not a hyphenated word, nor one that
// reaches three only by -es, -ed or -ing ("related", "diseases").
func Complex(word string, syllables int) bool {
	if syllables < 3 || strings.ContainsAny(word, "-–") {
		return false
	}
	lower := strings.ToLower(word)
	for _, s := range []string{"ing", "ed", "es"} {
		if stem, ok := strings.CutSuffix(lower, s); ok && len(stem) > 2 {
			if k := Syllables(stem); k < 3 && k+1 == syllables {
				return false
			}
		}
	}
	return true
}

// Count returns the counts of one sentence: one sentence when it has a
// word, none when it has not.
func Count(sentence string) Counts {
	var c Counts
	for _, w := range Words(sentence) {
		s := Syllables(w)
		c.Words++
		c.Syllables += s
		c.Letters += Letters(w)
		if s >= 3 {
			c.Polysyllables++
		}
		if Complex(w, s) {
			c.Complex++
		}
	}
	if c.Words > 0 {
		c.Sentences = 1
	}
	return c
}
