// Package prose splits the text of a document into sentences and words and
// finds phrases in them. It knows nothing of Markdown: callers give it the
// plain text of one block and map the byte offsets it returns back to the
// source. It is the shared ground of the claim detector, the plain-language
// check and readability.
package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, a number or a sign (such as %) in a text.
type Token struct {
	Start, End int    // byte offsets in the text
	Norm       string // lower case, with typographic apostrophes made plain
	Kind       TokenKind
	Capital    bool // a word written with a capital first letter
}

// TokenKind says what a token is.
type TokenKind uint8

// The kinds of token.
const (
	Word   TokenKind = iota // letters, with inner apostrophes: "don't"
	Number                  // digits, with inner , and .: "10,000", "1.5"
	Sign                    // one character that is neither, such as % or £
)

// Tokens splits text into words, numbers and signs. Spaces and
// punctuation other than signs are dropped; hyphens and slashes separate
// words ("risk-free" is two words).
func Tokens(text string) []Token {
	out := make([]Token, 0, len(text)/5+1) // English words average about five bytes with their space
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsLetter(r):
			j := i + n
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf && c != '\'' { // the common case: an ASCII letter or digit, or the word's end
					if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
						j++
						continue
					}
					break
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				if isApostrophe(r2) && j+n2 < len(text) {
					if r3, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(r3) {
						j += n2
						continue
					}
				}
				break
			}
			out = append(out, Token{Start: i, End: j, Norm: normWord(text[i:j]), Kind: Word, Capital: unicode.IsUpper(r)})
			i = j
		case unicode.IsDigit(r):
			j := i + n
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				break
			}
			out = append(out, Token{Start: i, End: j, Norm: text[i:j], Kind: Number})
			i = j
		case strings.ContainsRune("%£$€¥+<>=×", r):
			out = append(out, Token{Start: i, End: i + n, Norm: string(r), Kind: Sign})
			i += n
		default:
			i += n
		}
	}
	return out
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// normWord lowers a word and makes its apostrophes plain.
func normWord(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c >= 'A' && c <= 'Z' {
			lower = false
			break
		}
	}
	if lower {
		return w
	}
	w = strings.ToLower(w)
	if strings.ContainsAny(w, "’ʼ") {
		w = strings.NewReplacer("’", "'", "ʼ", "'").Replace(w)
	}
	return w
}
