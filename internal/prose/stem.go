package prose

import "strings"

// Stem returns a light stem of a lower-case English word, so that the
// forms of a word meet: "tablets" and "tablet", "reduces", "reduced",
// "reducing" and "reduce", "allergies" and "allergy", "stopped" and
// "stop". It strips plural and verb endings (-s, -es, -ies, -ed, -ing),
// undoubles the consonant they leave ("stopp" to "stop") and drops a final
// silent e, and leaves short words, comparatives and adverbs as they are.
// It is not a dictionary: what matters is that every form of a word, and
// every word written in a list, stems alike.
func Stem(w string) string {
	if len(w) <= 3 || !isASCIILower(w) {
		return strings.TrimSuffix(w, "'s")
	}
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes") && !strings.HasSuffix(w, "izes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ous"):
	case strings.HasSuffix(w, "s") && len(w) > 3:
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "eed"):
	case strings.HasSuffix(w, "ed") && len(w) > 3 && hasVowel(w[:len(w)-2]):
		w = undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) > 4 && hasVowel(w[:len(w)-3]) && w != "bring" && w != "thing" && w != "string":
		w = undouble(w[:len(w)-3])
	}
	if len(w) <= 2 {
		return w + "e" // "us" from "used" and "using": "use"
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble drops the second of a doubled final consonant that an ending
// left, as in "stopp" from "stopped", but not the ll, ss or zz words end
// with ("spill", "pass").
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && !strings.ContainsRune("lsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func hasVowel(w string) bool {
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) || w[i] == 'y' && i > 0 {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isASCIILower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' && c != '-' {
			return false
		}
	}
	return true
}
