package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a range of bytes in a text.
type Span struct{ Start, End int }

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "mx": true, "prof": true,
	"st": true, "sr": true, "jr": true, "rev": true, "hon": true,
	"e.g": true, "i.e": true, "eg": true, "ie": true, "vs": true, "approx": true,
	"nos": true, "fig": true, "vol": true, "inc": true,
	"ltd": true, "dept": true, "tel": true, "ext": true, "ref": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "a.m": true, "p.m": true, "u.s": true, "u.k": true,
}

// Sentences splits a text into sentences. A sentence ends at ., ! or ?
// (with any closing quotes and brackets) followed by a space and a word
// that does not start in lower case; a full stop after a known
// abbreviation ("Dr.", "e.g.") or an initial ("J.") does not end one. The
// spans leave out the spaces between sentences; a text with no letters or
// digits has none.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	add := func(end int) {
		s := strings.TrimLeftFunc(text[start:end], unicode.IsSpace)
		from := end - len(s)
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, Span{from, from + len(s)})
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		// Runs of terminators and closing quotes or brackets stay with the sentence.
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(".!?…\"'”’)]", r2) {
				end += n2
				continue
			}
			break
		}
		if end < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsSpace(r2) {
				i = end
				continue
			}
		}
		next := strings.TrimLeftFunc(text[end:], unicode.IsSpace)
		if next != "" {
			r3, _ := utf8.DecodeRuneInString(next)
			if unicode.IsLower(r3) {
				i = end
				continue
			}
		}
		if r == '.' && end == i+1 && abbreviated(text[:i]) && next != "" {
			i = end
			continue
		}
		add(end)
		start = end
		i = end
	}
	add(len(text))
	return out
}

// abbreviated reports whether text ends in an abbreviation or an initial,
// so that a full stop after it does not end the sentence.
func abbreviated(text string) bool {
	j := len(text)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || r == '.' {
			j -= n
			continue
		}
		break
	}
	word := text[j:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}
