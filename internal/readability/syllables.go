package readability

import (
	"bufio"
	_ "embed"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// exceptions.txt lists words the spelling rules get wrong, with their
// syllables.
//
//go:embed exceptions.txt
var exceptionsTxt string

// exceptions maps a lower-case word to its syllables.
var exceptions = parseCounts(exceptionsTxt)

// parseCounts reads lines of "word count"; # starts a comment.
func parseCounts(src string) map[string]int {
	out := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(src))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(line)
		if len(f) != 2 {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil || n < 1 {
			panic("readability: bad line in exceptions.txt: " + sc.Text())
		}
		out[f[0]] = n
	}
	return out
}

// abbreviations are read aloud as the words they stand for ("mg" is
// "milligrams"). Keys are lower case, without a final full stop; they
// apply to words written in lower case or with a capital first letter.
var abbreviations = map[string]int{
	"dr": 2, "mr": 2, "mrs": 2, "ms": 1, "prof": 3, "st": 1, "etc": 4,
	"e.g": 4, "eg": 4, "i.e": 2, "ie": 2, "vs": 2, "approx": 5,
	"a.m": 2, "p.m": 2, "tel": 3, "dept": 3,
	"mg": 3, "mcg": 3, "kg": 3, "ml": 4, "cm": 4, "mm": 4, "km": 4,
	"mmhg": 7, "hr": 1, "hrs": 1, "min": 2, "mins": 2, "wk": 1, "wks": 1,
	"yr": 1, "yrs": 1, "tsp": 2, "tbsp": 3, "oz": 2, "lb": 1, "lbs": 1,
	"bpm": 4,
}

// acronyms are initialisms said as words, not letter by letter.
var acronyms = map[string]int{
	"aids": 1, "nice": 1, "covid": 2, "nsaid": 2, "sars": 1, "mers": 1,
	"nato": 2, "unicef": 3, "pin": 1, "pep": 1, "prep": 1, "gerd": 1,
	"lasik": 2, "sids": 1, "sudep": 2, "asap": 2, "camhs": 1, "dexa": 2,
	"tens": 1, "ofsted": 2, "unesco": 3, "fema": 2,
}

// contractions whose first part changes when "n't" is added.
var contractions = map[string]int{
	"don't": 1, "can't": 1, "won't": 1, "aren't": 1, "weren't": 1,
	"shan't": 1, "ain't": 1,
}

// degrees are said after the number: "degrees Fahrenheit", "degrees
// Celsius", "degrees".
var degrees = []struct {
	sign      string
	syllables int
}{{"°F", 5}, {"°C", 5}, {"°", 2}}

// currencies are said after the amount: "$15" is "fifteen dollars".
var currencies = map[rune]int{'$': 2, '£': 1, '€': 2, '¥': 1}

// Syllables returns the number of syllables in a word as it is read
// aloud. The word is one of those Words returns, such as "anticoagulant",
// "well-being", "NHS's", "COVID-19", "2026", "50%" or "e.g.":
//
//   - numbers are read as spoken: "2026" is "twenty twenty-six" (5),
//     "3.5" "three point five" (3), "21st" "twenty-first" (3);
//   - initialisms are spelt out ("NHS" 3, "WHO" 5) unless they are said
//     as words ("NICE" 1, "COVID" 2), and abbreviations are read as the
//     words they stand for ("mg" 3, "Dr" 2, "etc." 4);
//   - hyphenated words and contractions add up their parts;
//   - other words follow English spelling rules, with a list of
//     exceptions for words that do not.
//
// A word with no letters or digits has none.
func Syllables(word string) int {
	word = strings.TrimSuffix(word, ".")
	if word == "&" {
		return 1 // "and"
	}
	if strings.IndexFunc(word, wordRune) < 0 {
		return 0
	}
	if r, n := utf8.DecodeRuneInString(word); currencies[r] > 0 && len(word) > n {
		return Syllables(word[n:]) + currencies[r]
	}
	for _, d := range degrees {
		if rest, ok := strings.CutSuffix(word, d.sign); ok && rest != "" {
			return Syllables(rest) + d.syllables // "38°C" is "thirty-eight degrees Celsius"
		}
	}
	if rest, ok := strings.CutSuffix(word, "%"); ok {
		return Syllables(rest) + percent
	}
	lower := strings.ToLower(word)
	if n, ok := abbreviations[lower]; ok && !allUpper(word) {
		return n
	}
	if strings.ContainsAny(word, "-–/:&+") {
		return compound(word)
	}
	if strings.ContainsAny(word, "'’") {
		return contraction(strings.ReplaceAll(word, "’", "'"))
	}
	if strings.IndexFunc(word, isDigit) >= 0 {
		return numeric(word)
	}
	if strings.Contains(word, ".") {
		return dottedLetters(word)
	}
	return letters(word)
}

// compound adds up the parts of a word joined by hyphens, slashes, colons,
// ampersands or plus signs. "2-3" is "two to three" and "A&E" "A and E".
func compound(word string) int {
	n := 0
	prevDigit := false
	start := 0
	for i := 0; i <= len(word); {
		r, size := rune(0), 1
		if i < len(word) {
			r, size = utf8.DecodeRuneInString(word[i:])
		}
		if i == len(word) || strings.ContainsRune("-–/:&+", r) {
			part := word[start:i]
			if part != "" {
				n += Syllables(part)
				startsDigit := part[0] >= '0' && part[0] <= '9'
				if prevDigit && startsDigit && (r == '-' || r == '–' || i == len(word)) && start > 0 && (word[start-1] == '-' || strings.HasSuffix(word[:start], "–")) {
					n++ // "to"
				}
				prevDigit = part[len(part)-1] >= '0' && part[len(part)-1] <= '9'
			}
			switch r {
			case '&':
				n++ // "and"
			case '+':
				if i == len(word)-1 {
					n++ // "18+" is "eighteen plus"
				}
			}
			start = i + size
		}
		i += size
	}
	return n
}

// contraction counts a word with an apostrophe: possessives, "n't",
// "'ll" and the rest.
func contraction(word string) int {
	lower := strings.ToLower(word)
	if n, ok := contractions[lower]; ok {
		return n
	}
	switch {
	case strings.HasSuffix(lower, "'s"):
		base := word[:len(word)-2]
		n := Syllables(base)
		if sibilant(strings.ToLower(base)) {
			n++ // "nurse's"
		}
		return n
	case strings.HasSuffix(lower, "s'"):
		return Syllables(word[:len(word)-1])
	case strings.HasSuffix(lower, "n't"):
		return Syllables(word[:len(word)-3]) + 1 // "didn't"
	case strings.HasSuffix(lower, "'ll"):
		base := word[:len(word)-3]
		n := Syllables(base)
		if base != "" && !isVowel(lower[len(base)-1]) {
			n++ // "it'll"
		}
		return n
	}
	for _, s := range []string{"'re", "'ve", "'d", "'m"} {
		if strings.HasSuffix(lower, s) && len(lower) > len(s) {
			return Syllables(word[:len(word)-len(s)])
		}
	}
	return Syllables(strings.ReplaceAll(word, "'", "")) // "o'clock"
}

// sibilant reports whether a word ends in a hissing sound, after which
// "'s" and "-es" are a syllable of their own.
func sibilant(w string) bool {
	for _, end := range []string{"s", "x", "z", "ch", "sh", "ce", "se", "ze", "ge"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// dottedLetters counts "U.K." or "a.m." as letters, and other dotted
// words by their parts.
func dottedLetters(word string) int {
	n := 0
	for part := range strings.SplitSeq(word, ".") {
		n += Syllables(part)
	}
	return n
}

// letters counts a word of letters only.
func letters(word string) int {
	if utf8.RuneCountInString(word) == 1 {
		return max(spell(word), 1)
	}
	lower := strings.ToLower(word)
	if initialism(word) {
		base := lower
		if strings.HasSuffix(word, "s") { // a plural in lower case: "GPs"
			base = lower[:len(lower)-1]
		}
		if n, ok := acronyms[base]; ok {
			return n
		}
		if n, ok := acronyms[lower]; ok {
			return n
		}
		if len(base) <= 4 || !strings.ContainsAny(base, "aeiouy") {
			return spell(base)
		}
	}
	return wordSyllables(lower)
}

// initialism reports whether a word is written like an initialism: in
// capitals ("NHS", "GPs"), or with a capital after its first letter
// ("PrEP", "pH").
func initialism(word string) bool {
	upper := 0
	for i, r := range word {
		if unicode.IsUpper(r) {
			upper++
			if i > 0 {
				return true
			}
		}
	}
	return upper > 0 && upper == utf8.RuneCountInString(word)
}

// allUpper reports whether every letter of a word is a capital.
func allUpper(word string) bool {
	return strings.IndexFunc(word, unicode.IsLower) < 0 && strings.IndexFunc(word, unicode.IsUpper) >= 0
}

// spell counts letters said by name: every letter is one syllable but
// W ("double-u"), which is three.
func spell(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r == 'w' || r == 'W':
			n += 3
		case unicode.IsLetter(r):
			n++
		}
	}
	return n
}

// wordSyllables counts a lower-case word of letters by the exceptions
// list, then the spelling rules.
func wordSyllables(w string) int {
	w = fold(w)
	if w == "" {
		return 1
	}
	if n, ok := exceptions[w]; ok {
		return n
	}
	if base, ok := strings.CutSuffix(w, "s"); ok && !sibilant(base) {
		if n, ok := exceptions[base]; ok {
			return n
		}
	}
	for _, p := range everyPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && everySuffixes[rest] {
			return ruleSyllables(p) + wordSyllables(rest)
		}
	}
	return ruleSyllables(w)
}

// fold spells letters with accents in plain ASCII: a final "é" is said
// "ay" ("café"), and letters outside the Latin alphabet are dropped.
func fold(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || w[i] < 'a' || w[i] > 'z' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == 'é' && i+len("é") == len(w):
			b.WriteString("ay")
		case strings.ContainsRune("àáâäãå", r):
			b.WriteByte('a')
		case strings.ContainsRune("èéêë", r):
			b.WriteByte('e')
		case strings.ContainsRune("ìíîï", r):
			b.WriteByte('i')
		case strings.ContainsRune("òóôöõø", r):
			b.WriteByte('o')
		case strings.ContainsRune("ùúûü", r):
			b.WriteByte('u')
		case r == 'ñ':
			b.WriteByte('n')
		case r == 'ç':
			b.WriteByte('c')
		case r == 'æ':
			b.WriteString("ae")
		case r == 'œ':
			b.WriteString("oe")
		}
	}
	return b.String()
}

// everyPrefixes and everySuffixes make the compounds of "some", "any",
// "every" and "no" ("someone", "nobody"), counted as their two parts.
var (
	everyPrefixes = []string{"some", "any", "every", "no"}
	everySuffixes = map[string]bool{
		"one": true, "ones": true, "body": true, "thing": true, "things": true,
		"where": true, "how": true, "time": true, "times": true, "what": true,
		"day": true, "days": true, "way": true, "ways": true, "place": true,
	}
)

// silentBefore are the endings and second halves of compounds before
// which an "e" is silent: "safely", "carefully", "pacemaker", "lifestyle",
// "ninety", "nineteen".
var silentBefore = map[string]bool{
	"ly": true, "ful": true, "fully": true, "ment": true, "ments": true,
	"ness": true, "less": true, "lessly": true, "time": true, "times": true,
	"thing": true, "where": true, "fore": true, "maker": true, "makers": true,
	"work": true, "works": true, "way": true, "ways": true, "line": true,
	"lines": true, "like": true, "wise": true, "style": true, "styles": true,
	"guard": true, "guards": true, "side": true, "sides": true, "land": true,
	"place": true, "places": true, "stone": true, "stones": true, "ward": true,
	"wards": true, "giver": true, "givers": true, "taker": true, "takers": true,
	"fighter": true, "fighters": true, "how": true, "table": true, "made": true,
	"ty": true, "teen": true, "teens": true,
}

// isDigit reports whether r is one of the digits 0 to 9; digits of
// other scripts are read as letters.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// ruleSyllables counts a word of the letters a to z by English spelling:
// groups of vowels, each a syllable unless the letters around it say it
// is two (see split), less silent endings, plus syllabic ones.
func ruleSyllables(w string) int {
	n := len(w)
	if n == 0 {
		return 0
	}
	v := vowels(w)
	count, groups := 0, 0
	for i := 0; i < n; {
		if !v[i] {
			i++
			continue
		}
		j := i + 1
		for j < n && v[j] {
			j++
		}
		count++
		for k := i; k+1 < j; k++ {
			if split(w, k, groups > 0) {
				count++
			}
		}
		groups++
		i = j
	}
	if strings.HasSuffix(w, "sm") || strings.HasSuffix(w, "sms") || strings.HasSuffix(w, "thm") || strings.HasSuffix(w, "thms") {
		count++ // "autism", "rhythm"
	}
	if count <= 1 {
		return 1
	}
	own := func(i int) bool { return v[i] && !v[i-1] && (i+1 == n || !v[i+1]) }
	switch {
	case w[n-1] == 'e' && own(n-1) && !syllabicEnd(w):
		count-- // "make", "whole"
	case n >= 4 && (strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ed")) && own(n-2) && !syllabicInflection(w):
		count-- // "makes", "changed"
	}
	for i := 2; i < n-1; i++ {
		if w[i] == 'e' && own(i) && silentBefore[w[i+1:]] && hasVowel(v[:i-1]) && !syllabicEnd(w[:i+1]) {
			count-- // "safely", "lifetime", "safety"
		}
	}
	if strings.HasPrefix(w, "fore") && n > 5 && !v[4] {
		count-- // "forecast", "forehead"
	}
	return max(count, 1)
}

func hasVowel(v []bool) bool {
	for _, b := range v {
		if b {
			return true
		}
	}
	return false
}

// vowels marks which letters of w are sounded as vowels: a, e, i, o, u,
// and y except where it is a consonant ("yes", "player"). The u after q,
// and after g before another vowel ("guide", "language"), is a consonant.
func vowels(w string) []bool {
	n := len(w)
	v := make([]bool, n)
	for i := range n {
		v[i] = isVowel(w[i])
	}
	for i := range n {
		switch w[i] {
		case 'y':
			if i+1 < n && isVowel(w[i+1]) && w[i+1] != 'y' && (i == 0 || v[i-1]) {
				v[i] = false
			}
		case 'u':
			if i > 0 && (w[i-1] == 'q' || w[i-1] == 'g' && i+1 < n && isVowel(w[i+1])) {
				v[i] = false
			}
		}
	}
	return v
}

// syllabicEnd reports whether a final e is sounded: "table", "centre".
func syllabicEnd(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c := w[n-3]
	return (w[n-2] == 'l' || w[n-2] == 'r') && c != w[n-2] && !isVowel(c) && c != 'w'
}

// syllabicInflection reports whether the -es or -ed of a word is a
// syllable of its own: "boxes", "pages", "needed", "bottles", "centres".
func syllabicInflection(w string) bool {
	stem := w[:len(w)-2]
	if strings.HasSuffix(w, "aches") && (len(w) == 5 || !isVowel(w[len(w)-6])) {
		return false // "headaches"
	}
	if syllabicEnd(stem + "e") {
		return true
	}
	if strings.HasSuffix(w, "ed") {
		return strings.HasSuffix(stem, "t") || strings.HasSuffix(stem, "d")
	}
	return strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "x") || strings.HasSuffix(stem, "z") ||
		strings.HasSuffix(stem, "ch") || strings.HasSuffix(stem, "sh") || strings.HasSuffix(stem, "c") ||
		strings.HasSuffix(stem, "g")
}
