package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slugOf turns a name into the last part of a site address and reports
// whether the name has any letter or digit that an address keeps (when it
// has none the slug is "").
//
// The slug holds lower-case words of letters, numbers and the marks
// written on them, with one hyphen between words and none at the ends; it
// never holds "--", "/" or ".". It is in Unicode normal form C, and
// slugOf(slug) gives slug back. A name written with combining marks (as
// macOS file systems store file names) gets the same slug as the same name
// precomposed. For a name that is all ASCII the slug is the one Slug made
// before slugOf: ASCII letters and digits, everything else a break between
// words. The result depends on the name alone, not on a language or locale.
//
// The rules, in order:
//
//   - Invalid UTF-8 bytes break words. The name is normalized to NFKC, so
//     compatibility forms become their plain letters: ﬁ is fi, ² is 2,
//     fullwidth Ａ is a, half-width katakana are katakana.
//   - Letters are lower-cased with Unicode's simple mappings, the same for
//     every language. Turkish İ, I, ı and i all end up as i (ı is a Latin
//     letter and folds like the rest), so Turkish and other rules give the
//     same slug. A Greek sigma is ς at the end of a word and σ elsewhere,
//     whichever the name had (Unicode's Final_Sigma condition, applied to
//     the slug), so ΓΡΙΠΗΣ and γριπης both give γριπης.
//   - Latin letters fold to ASCII: diacritics go (á a, ñ n, ü u, ç c, ơ o,
//     ư u, the Vietnamese tone marks), and the letters that carry no
//     diacritic to drop are spelled out (ø o, ł l, đ d, ð d, þ th, ß ss,
//     æ ae, œ oe, ŋ ng, ə e, see latinFolds). Marks written after a Latin
//     letter go with it. A Latin letter with no ASCII spelling, such as
//     the click letter ǃ, is kept as it is.
//   - Letters and digits of other scripts are kept, and so are the
//     combining marks written on them (Devanagari vowel signs and virama,
//     Thai vowels and tones, Greek accents), except the optional pointing
//     that most text leaves out and readers do not type: Arabic harakat
//     and Quranic marks, Hebrew niqqud and cantillation, and the stress
//     accents written on Cyrillic vowels (й, ё and the other letters whose
//     marks compose stay).
//   - Numbers of any script are kept (Arabic-Indic ٣, Devanagari ३, 〇).
//   - Invisible characters that are no break are dropped: soft hyphen,
//     joiners, bidi marks, variation selectors, Hangul fillers, the Arabic
//     tatweel, and the middle dot of Catalan l·l (col·legi is collegi).
//     The zero-width space and the zero-width non-joiner (which separates
//     the parts of Persian words such as بیماری‌ها) break words.
//   - Everything else breaks words: spaces, punctuation, symbols, emoji,
//     apostrophes (ASCII or the modifier letters ʼ and ʻ, and other
//     spacing modifiers), unassigned and private-use code points.
func slugOf(s string) (string, bool) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	base := slugNoBase // what the last rune written to b was
	cyrillic := false  // whether the last letter written is Cyrillic
	gap := false       // whether a break came after the last rune written
	word := func() {
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
	}
	for i, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				word()
				b.WriteByte(byte(r))
				base, cyrillic = slugLatinBase, false
			} else {
				gap, base = true, slugNoBase
			}
		case r == '\u200b' || r == '\u200c': // zero-width space and non-joiner
			gap, base = true, slugNoBase
		case slugIgnorable(r) || r == '·' && slugBetweenLs(s, i):
		case unicode.IsMark(r):
			if base == slugOtherBase && !slugDropsMark(r, cyrillic) {
				b.WriteRune(r)
			}
		case unicode.Is(unicode.Latin, r) && unicode.IsLetter(r):
			word()
			b.WriteString(slugFoldLatin(r))
			base, cyrillic = slugLatinBase, false
		case unicode.IsLetter(r) && !slugModifierBreak(r) || unicode.IsNumber(r):
			word()
			b.WriteRune(r)
			base, cyrillic = slugOtherBase, unicode.Is(unicode.Cyrillic, r)
		default:
			gap, base = true, slugNoBase
		}
	}
	out := norm.NFC.String(b.String())
	if strings.ContainsAny(out, "σς") {
		out = slugFinalSigma(out)
	}
	return out, out != ""
}

// What a combining mark in a name is written after, for slugOf.
const (
	slugNoBase    = iota // nothing in the word: the mark is dropped
	slugLatinBase        // a Latin letter or an ASCII digit: the mark is dropped
	slugOtherBase        // a letter or number of another script: the mark is kept
)

// slugIgnorable reports whether r is a character that slugOf drops without
// breaking the word: Unicode's default-ignorable code points (format
// characters such as the soft hyphen, joiners and bidi marks, variation
// selectors, the Hangul fillers) and the Arabic tatweel, which only
// stretches a word.
func slugIgnorable(r rune) bool {
	return r == '\u0640' || unicode.In(r, unicode.Cf, unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}

// slugBetweenLs reports whether the rune at s[i] (a middle dot) stands
// between two l's, as in Catalan col·legi, and so is part of the word.
func slugBetweenLs(s string, i int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	_, size := utf8.DecodeRuneInString(s[i:])
	after, _ := utf8.DecodeRuneInString(s[i+size:])
	return unicode.ToLower(before) == 'l' && unicode.ToLower(after) == 'l'
}

// slugModifierBreak reports whether r is a modifier letter of no script of
// its own, such as the apostrophes ʼ and ʻ or the length mark ː, which
// slugOf takes for punctuation. The Japanese prolonged sound mark ー and
// the vertical kana repeat marks are part of words and are kept.
func slugModifierBreak(r rune) bool {
	switch {
	case r == 'ー', '\u3031' <= r && r <= '\u3035':
		return false
	}
	return unicode.Is(unicode.Lm, r) && unicode.Is(unicode.Common, r)
}

// slugDropsMark reports whether slugOf drops the combining mark r written
// on a letter of another script than Latin (cyrillic says whether it is a
// Cyrillic letter): the optional vowel pointing of Arabic and Hebrew, and
// the stress accents on Cyrillic vowels.
func slugDropsMark(r rune, cyrillic bool) bool {
	switch {
	case '\u064b' <= r && r <= '\u0652', // Arabic tanwin, fatha, damma, kasra, shadda, sukun
		'\u0656' <= r && r <= '\u065f', // Arabic subscript alef and other vowel signs
		r == '\u0670',                  // Arabic superscript alef
		'\u06d6' <= r && r <= '\u06ed', // Quranic annotation marks
		'\u08d3' <= r && r <= '\u08ff': // Arabic Extended-A Quranic marks
		return true
	case unicode.Is(unicode.Hebrew, r): // niqqud and cantillation
		return true
	case cyrillic && (r == '\u0300' || r == '\u0301'): // stress accents
		return true
	}
	return false
}

// slugFoldLatin spells a lower-case Latin letter in ASCII: without its
// diacritics, or as latinFolds spells it, or as it is when it has no ASCII
// spelling.
func slugFoldLatin(r rune) string {
	if f, ok := latinFolds[r]; ok {
		return f
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		switch {
		case unicode.IsMark(d):
		case d < utf8.RuneSelf:
			b.WriteRune(d)
		default:
			if f, ok := latinFolds[d]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(d)
			}
		}
	}
	return b.String()
}

// latinFolds spells in ASCII the lower-case Latin letters that are not an
// ASCII letter with diacritics (NFD does not decompose them), and the
// bases that remain of some that are (ǿ is ø with an acute).
var latinFolds = map[rune]string{
	// Latin-1 Supplement and Latin Extended-A.
	'ß': "ss", 'æ': "ae", 'ð': "d", 'ø': "o", 'þ': "th",
	'đ': "d", 'ħ': "h", 'ı': "i", 'ĸ': "k", 'ł': "l", 'ŋ': "ng", 'œ': "oe", 'ŧ': "t",
	// Latin Extended-B: African, Sami and other alphabets.
	'ƀ': "b", 'ɓ': "b", 'ƃ': "b", 'ƅ': "b", 'ɔ': "o", 'ƈ': "c", 'ɖ': "d", 'ɗ': "d", 'ƌ': "d",
	'ǝ': "e", 'ə': "e", 'ɛ': "e", 'ƒ': "f", 'ɠ': "g", 'ɣ': "g", 'ƕ': "hv", 'ɩ': "i", 'ɨ': "i",
	'ƙ': "k", 'ƚ': "l", 'ɯ': "m", 'ɲ': "n", 'ƞ': "n", 'ɵ': "o", 'ƣ': "oi", 'ƥ': "p", 'ʀ': "r",
	'ʃ': "sh", 'ƫ': "t", 'ƭ': "t", 'ʈ': "t", 'ʊ': "u", 'ʉ': "u", 'ʋ': "v", 'ƴ': "y", 'ƶ': "z",
	'ʒ': "zh", 'ƹ': "zh", 'ƺ': "zh", 'ƿ': "w", 'ǥ': "g", 'ȝ': "y", 'ȡ': "d", 'ȣ': "ou",
	'ȥ': "z", 'ȴ': "l", 'ȵ': "n", 'ȶ': "t", 'ȷ': "j", 'ȸ': "db", 'ȹ': "qp", 'ⱥ': "a", 'ȼ': "c",
	'ⱦ': "t", 'ȿ': "s", 'ɀ': "z", 'ɇ': "e", 'ɉ': "j", 'ɋ': "q", 'ɍ': "r", 'ɏ': "y",
	// IPA letters that alphabets borrowed, and Latin Extended Additional.
	'ɑ': "a", 'ɐ': "a", 'ɜ': "e", 'ɡ': "g", 'ɦ': "h", 'ɪ': "i", 'ɫ': "l", 'ɬ': "l",
	'ɱ': "m", 'ɳ': "n", 'ɽ': "r", 'ɾ': "r", 'ʂ': "s", 'ʐ': "z", 'ʑ': "z",
	'ẜ': "s", 'ẝ': "s", 'ỻ': "ll", 'ỽ': "v", 'ỿ': "y",
	// Latin Extended-C and D: letters with a stroke, hook or descender,
	// and the medieval ligatures.
	'ⱡ': "l", 'ᵽ': "p", 'ⱨ': "h", 'ⱪ': "k", 'ⱬ': "z", 'ⱱ': "v", 'ⱳ': "w", 'ⱶ': "h",
	'ꜩ': "tz", 'ꜳ': "aa", 'ꜵ': "ao", 'ꜷ': "au", 'ꜹ': "av", 'ꜻ': "av", 'ꜽ': "ay",
	'ꝁ': "k", 'ꝃ': "k", 'ꝅ': "k", 'ꝇ': "l", 'ꝉ': "l", 'ꝋ': "o", 'ꝍ': "o", 'ꝏ': "oo",
	'ꝑ': "p", 'ꝓ': "p", 'ꝕ': "p", 'ꝗ': "q", 'ꝙ': "q", 'ꝛ': "r", 'ꝟ': "v", 'ꝡ': "vy",
	'ꞇ': "t", 'ꞑ': "n", 'ꞓ': "c", 'ꞔ': "c", 'ꞗ': "b", 'ꞙ': "f", 'ꞡ': "g", 'ꞣ': "k",
	'ꞥ': "n", 'ꞧ': "r", 'ꞩ': "s", 'ꟈ': "d", 'ꟊ': "s",
}

// slugFinalSigma writes each Greek sigma of a slug as ς where it ends a
// word (it follows a cased letter and no cased letter follows it, marks
// between them aside) and as σ elsewhere.
func slugFinalSigma(s string) string {
	rs := []rune(s)
	cased := func(r rune) bool { return unicode.IsLower(r) || unicode.IsUpper(r) || unicode.IsTitle(r) }
	casedAt := func(i, step int) bool {
		for ; i >= 0 && i < len(rs); i += step {
			if !unicode.IsMark(rs[i]) {
				return cased(rs[i])
			}
		}
		return false
	}
	for i, r := range rs {
		if r == 'σ' || r == 'ς' {
			rs[i] = 'σ'
			if casedAt(i-1, -1) && !casedAt(i+1, 1) {
				rs[i] = 'ς'
			}
		}
	}
	return string(rs)
}

// EscapePath writes a site path, such as /es/artículos/vacunación/ or
// /el/γρίπη/, for an absolute URL in a sitemap, a feed or a canonical
// link. Each byte that RFC 3986 does not allow in a path is
// percent-encoded with upper-case hex digits (/es/art%C3%ADculos/…): a
// path keeps its slashes, the unreserved characters (ASCII letters and
// digits, - . _ ~) and the sub-delimiters, colon and at sign that a path
// segment may hold (! $ & ' ( ) * + , ; = : @). So a path of ASCII slugs
// is returned unchanged, and url.PathUnescape gives back p. The path must
// not be escaped already: a % in it is encoded as %25.
func EscapePath(p string) string {
	i := 0
	for i < len(p) && pathKeepsByte(p[i]) {
		i++
	}
	if i == len(p) {
		return p
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(p) + 2*(len(p)-i))
	b.WriteString(p[:i])
	for ; i < len(p); i++ {
		c := p[i]
		if pathKeepsByte(c) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// pathKeepsByte reports whether EscapePath writes c as it is: a slash, or a
// byte RFC 3986 allows unencoded in a path segment (pchar).
func pathKeepsByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("/-._~!$&'()*+,;=:@", c) >= 0
}
