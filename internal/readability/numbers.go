package readability

import (
	"strings"
	"unicode"
)

// Syllables of numbers said aloud, after the British and American habits
// most readers share: "and" is not said after "hundred".
var (
	// ones[n] for n < 20: "one" 1 … "seven" 2 … "eleven" 3 … "seventeen" 3.
	ones = [20]int{2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2}
	// tens[n] for 20, 30 … 90: "twenty" 2 … "seventy" 3.
	tens = [10]int{0, 0, 2, 2, 2, 2, 2, 3, 2, 2}
)

const (
	hundred  = 2
	thousand = 2 // and "million", "billion", "trillion"
	point    = 1
	percent  = 2
)

// numeric counts a word holding digits: "2026", "3.5", "10,000", "21st",
// "1990s", "9am", "5mg", "B12", "HbA1c".
func numeric(word string) int {
	lower := strings.ToLower(word)
	digits := strings.TrimRightFunc(lower, unicode.IsLetter)
	suffix := lower[len(digits):]
	if digits != "" && strings.IndexFunc(digits, func(r rune) bool { return !isDigit(r) && r != ',' && r != '.' }) < 0 {
		switch {
		case suffix == "":
			return number(digits)
		case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
			return ordinal(digits)
		case suffix == "s":
			return number(digits) // "1990s", "20s"
		case suffix == "am" || suffix == "pm":
			return number(digits) + 2
		}
		if n, ok := abbreviations[suffix]; ok {
			return number(digits) + n // "5mg"
		}
	}
	// Runs of letters and digits, each said on its own: "H1N1", "HbA1c".
	n := 0
	for i := 0; i < len(word); {
		j := i + 1
		digit := isDigit(rune(word[i]))
		for j < len(word) && isDigit(rune(word[j])) == digit && !(digit && word[j] == '.') ||
			j < len(word) && digit && (word[j] == ',' || word[j] == '.') && j+1 < len(word) && isDigit(rune(word[j+1])) {
			j++
		}
		run := word[i:j]
		switch {
		case digit:
			n += number(run)
		case len(run) <= 3 && strings.IndexFunc(run, unicode.IsLetter) == 0 || initialism(run):
			if c, ok := acronyms[strings.ToLower(run)]; ok {
				n += c
			} else {
				n += spell(run)
			}
		default:
			n += Syllables(run)
		}
		i = j
	}
	return n
}

// number counts a number of digits, with "," between thousands and "."
// before decimals.
func number(s string) int {
	whole, frac, hasFrac := strings.Cut(strings.ReplaceAll(s, ",", ""), ".")
	n := 0
	if whole != "" {
		n = integer(whole)
	}
	if hasFrac {
		n += point
		for _, c := range frac {
			switch {
			case c == '0':
				n++ // "oh"
			case isDigit(c):
				n += ones[c-'0']
			}
		}
	}
	return n
}

// integer counts a whole number as it is said. Codes and telephone
// numbers ("0300", "111") are read digit by digit, four-digit numbers
// such as years in pairs ("nineteen ninety"), the rest in full.
func integer(s string) int {
	if s == "" {
		return 0
	}
	if len(s) > 15 || len(s) > 1 && s[0] == '0' || len(s) >= 3 && strings.Count(s, s[:1]) == len(s) || s == "911" {
		n := 0
		for _, c := range s {
			if c == '0' {
				n++ // "oh"
			} else {
				n += ones[c-'0']
			}
		}
		return n
	}
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	if v >= 1100 && v <= 9999 {
		high, low := v/100, v%100
		if !(high%10 == 0 && low < 10) { // "twenty twenty-six", but "two thousand and five"
			n := below100(high)
			switch {
			case low == 0:
				n += hundred
			case low < 10:
				n += 1 + ones[low] // "nineteen oh five"
			default:
				n += below100(low)
			}
			return n
		}
	}
	return cardinal(v)
}

// cardinal counts a number in full: "one hundred twenty-three".
func cardinal(v int) int {
	if v == 0 {
		return ones[0]
	}
	n := 0
	for _, scale := range []int{1_000_000_000_000, 1_000_000_000, 1_000_000, 1_000} {
		if v >= scale {
			n += below1000(v/scale) + thousand
			v %= scale
		}
	}
	return n + below1000(v)
}

func below1000(v int) int {
	n := 0
	if v >= 100 {
		n += ones[v/100] + hundred
		v %= 100
	}
	if v > 0 {
		n += below100(v)
	}
	return n
}

func below100(v int) int {
	if v < 20 {
		return ones[v]
	}
	n := tens[v/10]
	if v%10 > 0 {
		n += ones[v%10]
	}
	return n
}

// ordinal counts "1st", "22nd", "100th": "second" has one syllable more
// than "two", and "twentieth" one more than "twenty"; the rest are the
// same as their numbers.
func ordinal(s string) int {
	n := number(s)
	v := 0
	for _, c := range strings.ReplaceAll(s, ",", "") {
		if c < '0' || c > '9' {
			return n
		}
		v = v*10 + int(c-'0')
	}
	switch last := v % 100; {
	case last%10 == 2 && last != 12:
		n++ // "second", "twenty-second"
	case last >= 20 && last%10 == 0:
		n++ // "twentieth"
	}
	return n
}
