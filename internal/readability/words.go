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
	eachWord(sentence, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each word of a sentence, as Words gives them.
func eachWord(sentence string, f func(w string)) {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := trimWord(sentence[start:end]); w != "" {
				f(w)
			}
		}
		start = -1
	}
	for i := 0; i < len(sentence); {
		c := sentence[i]
		if c < utf8.RuneSelf && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
			if start < 0 {
				start = i // the common case: an ASCII character that is not a space
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(sentence[i:])
		if unicode.IsSpace(r) || r == '—' || r == '…' || r == '–' && !(digitBefore(sentence, i) && digitAfter(sentence, i+n)) {
			flush(i)
		} else if start < 0 {
			start = i
		}
		i += n
	}
	flush(len(sentence))
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
	if !asciiAlnum(w[0]) || !asciiAlnum(w[len(w)-1]) { // most words need no trimming
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !wordRune(r) && currencies[r] == 0 })
		w = strings.TrimRightFunc(w, func(r rune) bool { return !wordRune(r) && r != '%' && r != '+' })
		if strings.IndexFunc(w, wordRune) < 0 {
			return ""
		}
	}
	if strings.Contains(w, "://") || len(w) >= 4 && strings.EqualFold(w[:4], "www.") ||
		strings.Contains(w, "@") && strings.Contains(w[strings.Index(w, "@"):], ".") {
		return ""
	}
	return w
}

func asciiAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
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

// Count returns the counts of one English sentence: one sentence when it
// has a word, none when it has not.
func Count(sentence string) Counts {
	return (*Meter)(nil).Count(sentence)
}

// A Meter counts sentences of one language, English as Count does,
// Spanish as CountES does, and remembers what it worked out about each
// word, so that a word it meets again costs a lookup. Its zero value
// counts English and is ready to use (see NewMeter for the others); a nil
// *Meter counts English and remembers nothing. A Meter is not safe for
// use by several goroutines at once.
type Meter struct {
	lang  Language
	words map[string]wordCounts
}

// NewMeter returns a Meter for text in lang. A Meter for Other counts
// words, sentences and letters, and no syllables.
func NewMeter(lang Language) *Meter { return &Meter{lang: lang} }

// Language returns the language the meter counts.
func (m *Meter) Language() Language {
	if m == nil {
		return English
	}
	return m.lang
}

// wordCounts is what a word adds to a sentence's counts.
type wordCounts struct {
	syllables, letters int
	complex            bool
	skip               bool // not a word of the counts: a Spanish word without letters, such as "65"
}

// meterWords is how many words a Meter remembers before it starts again,
// which bounds its memory.
const meterWords = 1 << 16

// Count returns the counts of one sentence in the meter's language, as
// the function Count does for English and CountES for Spanish.
func (m *Meter) Count(sentence string) Counts {
	var c Counts
	eachWord(sentence, func(w string) {
		wc := m.word(w)
		if wc.skip {
			return
		}
		c.Words++
		c.Syllables += wc.syllables
		c.Letters += wc.letters
		if wc.syllables >= 3 {
			c.Polysyllables++
		}
		if wc.complex {
			c.Complex++
		}
	})
	if c.Words > 0 {
		c.Sentences = 1
	}
	return c
}

// word returns what a word adds to a sentence's counts, remembered when m
// is not nil.
func (m *Meter) word(w string) wordCounts {
	if m != nil {
		if wc, ok := m.words[w]; ok {
			return wc
		}
	}
	var wc wordCounts
	switch m.Language() {
	case English:
		s := Syllables(w)
		wc = wordCounts{syllables: s, letters: Letters(w), complex: Complex(w, s)}
	case Spanish:
		// As CountES: Gunning's exceptions are English endings, and a word
		// of no syllables would make a text look easier than it is.
		s := SyllablesES(w)
		wc = wordCounts{syllables: s, letters: Letters(w), complex: s >= 3, skip: s == 0}
	default:
		wc = wordCounts{letters: Letters(w)}
	}
	if m != nil {
		if m.words == nil || len(m.words) >= meterWords {
			m.words = make(map[string]wordCounts, 1024)
		}
		m.words[strings.Clone(w)] = wc // not a piece of the sentence, which it would keep
	}
	return wc
}
