// Package search builds a site's search index: the words of each
// published page's reader-visible text, weighed by where they stand, split
// into shards by the first letters of each word so that a query reads a
// small part of the index, with a file of each page's card and its text in
// pieces for the excerpt. The theme's script (assets/js/search.js) reads
// it in the browser. The two sides must cut, fold and stem words alike:
// this file and the script's analyser are the same rules, and a test runs
// both over the same words.
package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// Words splits text into the words an index holds and a query asks for:
// runs of letters (with inner apostrophes, "don't") and runs of digits
// (with inner "." and ",": "1.5"), folded to lower case without accents
// ("Vacunación" is "vacunacion"). Everything else separates words.
func Words(text string) []string {
	var out []string
	forEachWord(text, func(start, end int) {
		if w := Fold(text[start:end]); w != "" { // marks alone fold to nothing
			out = append(out, w)
		}
	})
	return out
}

// asciiClass sorts the bytes below utf8.RuneSelf for forEachWord.
var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = asciiLetter
		case '0' <= c && c <= '9':
			t[c] = asciiDigit
		}
	}
	return t
}()

const (
	asciiOther = iota
	asciiLetter
	asciiDigit
)

// forEachWord calls f with the byte span of each word of text (see Words).
func forEachWord(text string, f func(start, end int)) {
	start := -1 // of the word being read, or -1
	digits := false
	for i := 0; i < len(text); {
		// Most text is ASCII: a run of ASCII letters or digits is read at
		// once, and so are separators between words.
		if c := text[i]; c < utf8.RuneSelf {
			class := asciiClass[c]
			if class == asciiOther && (start < 0 || c != '\'' && c != '.' && c != ',') {
				// A separator: it ends the word being read, if any (an
				// apostrophe, a point or a comma may not: see below).
				if start >= 0 {
					f(start, i)
					start = -1
				}
				i++
				continue
			}
			if class != asciiOther {
				if start >= 0 && digits != (class == asciiDigit) {
					f(start, i)
					start = -1
				}
				if start < 0 {
					start, digits = i, class == asciiDigit
				}
				for i++; i < len(text) && text[i] < utf8.RuneSelf && asciiClass[text[i]] == class; i++ {
				}
				continue
			}
		}
		var r rune
		var n int
		var letter, digit bool
		if c := text[i]; c < utf8.RuneSelf {
			r, n = rune(c), 1
			letter, digit = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z', '0' <= c && c <= '9'
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			letter, digit = isLetter(r), unicode.IsDigit(r)
		}
		switch {
		case start >= 0 && (letter && !digits || digit && digits):
		case start >= 0 && isApostrophe(r) && !digits && i+n < len(text) && startsLetter(text[i+n:]):
		case start >= 0 && (r == '.' || r == ',') && digits && i+n < len(text) && startsDigit(text[i+n:]):
		default:
			if start >= 0 {
				f(start, i)
				start = -1
			}
			if letter || digit {
				start, digits = i, digit
			}
		}
		i += n
	}
	if start >= 0 {
		f(start, len(text))
	}
}

// isLetter reports whether r is part of a word: a letter, or a mark that
// goes with one (a combining accent).
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func startsLetter(s string) bool { r, _ := utf8.DecodeRuneInString(s); return isLetter(r) }

func startsDigit(s string) bool { r, _ := utf8.DecodeRuneInString(s); return unicode.IsDigit(r) }

// Fold lowers a word, makes its apostrophes plain and takes the accents
// off its letters: the canonical decomposition without its non-spacing
// marks, as the script's normalize("NFD") and \p{Mn} do, with one sigma.
func Fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’' || r == 'ʼ':
			b.WriteByte('\'')
		case r == 'ς':
			b.WriteRune('σ') // the final sigma, as the script's toLowerCase writes it at a word's end
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Analyzer turns the text of one language into the terms of its index:
// its words (see Words) less the common ones, each stemmed by the
// language's rules so that the forms of a word meet.
type Analyzer struct {
	Lang string              // the primary language tag, such as en
	stem func(string) string // of a folded word
	stop map[string]bool     // folded words too common to search for

	memos sync.Pool // of *memo, for Analyze
}

// NewAnalyzer returns the analyser of a language, by its tag (es-MX is
// Spanish). A language without rules of its own gets words folded but
// not stemmed, and no common words.
func NewAnalyzer(lang string) *Analyzer {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	a := &Analyzer{Lang: p, stem: func(w string) string { return w }, stop: map[string]bool{}}
	switch p {
	case "en":
		a.stem, a.stop = StemEnglish, set(stopEnglish)
	case "es":
		a.stem, a.stop = StemSpanish, set(stopSpanish)
	}
	return a
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Term returns the term of a folded word, or "" for a common word.
func (a *Analyzer) Term(w string) string {
	if a.stop[w] {
		return ""
	}
	return a.stem(w)
}

// Stopwords returns the language's common words, sorted, for the script.
func (a *Analyzer) Stopwords() []string {
	var out []string
	for w := range a.stop {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// StemEnglish is prose.Stem: the stems the claim detector and the
// plain-language list use.
func StemEnglish(w string) string { return prose.Stem(w) }

// StemSpanish is prose.StemSpanish: the stems the Spanish claim lists
// use, of a word whose accents are folded.
func StemSpanish(w string) string { return prose.StemSpanish(w) }

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isASCIILetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// The common words of each language, left out of the index.
const (
	stopEnglish = `a about after all also am an and any are as at be been being but by can could did do does for from had has have he her here his how i if in into is it its me more most my no nor not of on or our out over she so some such than that the their them then there these they this those to too up us very was we were what when where which who why will with would you your`
	stopSpanish = `a al algo como con cual cuando de del desde donde el ella ellas ellos en entre era es esa ese eso esta este esto estos fue ha han hay la las le les lo los mas me mi muy no nos o para pero por que se si sin sobre su sus tambien te tu un una unas uno unos y ya`
)
