package readability

import "strings"

// split reports whether the vowels w[i] and w[i+1], next to each other in
// a group, are said as two syllables: "di-et", "i-de-a", "ra-di-o", but
// "spe-cial", "na-tion", "great". before says whether another vowel group
// comes earlier in the word.
func split(w string, i int, before bool) bool {
	a, b := w[i], w[i+1]
	pre, post := w[:i], w[i+2:]
	if a == 'y' { // a sounded y before a vowel: "em-bry-o", "fly-ing"; but "dye", "dyes"
		return !(b == 'e' && (post == "" || post == "s" || post == "d"))
	}
	if b == 'i' && (post == "ng" || post == "ngs" || post == "ngly") {
		return true // "be-ing", "do-ing", "con-tin-u-ing"
	}
	for _, p := range vowelPrefixes {
		if len(p) == i+1 && strings.HasPrefix(w, p) {
			return true // "an-ti-e-met-ic", "hy-po-al-ler-gen-ic"
		}
	}
	last := byte(0)
	if pre != "" {
		last = pre[len(pre)-1]
	}
	switch string([]byte{a, b}) {
	case "ia":
		return splitIA(pre, post, last, before)
	case "io":
		return splitIO(pre, post, last, before)
	case "ie":
		return splitIE(pre, post, last, before)
	case "iu", "ii", "uo", "uu", "ao":
		return true // "cal-ci-um", "ski-ing", "flu-ox-e-tine", "cha-os"
	case "ea":
		return splitEA(pre, post, last, before)
	case "eo":
		// "vid-e-o", "ge-og-ra-phy", but "peo-ple", "sur-geon", "gor-geous"
		if strings.HasPrefix(post, "ple") || strings.HasPrefix(post, "pard") {
			return false
		}
		return !((last == 'g' || last == 'c') && (post == "n" || post == "ns" || strings.HasPrefix(post, "us")))
	case "eu":
		return post == "m" || post == "ms" || pre == "r" // "mu-se-um", "re-u-nion"
	case "ei":
		// "re-in-force", "de-i-ty"; but "pro-tein", "co-deine"
		if pre == "r" {
			for _, p := range []string{"nf", "nv", "nc", "nt", "m", "t", "ss"} {
				if strings.HasPrefix(post, p) {
					return true
				}
			}
		}
		return pre == "d" && post != "" && strings.ContainsRune("tsf", rune(post[0]))
	case "ee":
		return pre == "pr" || pre == "r" && strings.HasPrefix(post, "x") // "pre-ex-ist-ing", "re-ex-am-ine"
	case "ua":
		return !(last == 's' && post != "" && (post[0] == 'd' || post[0] == 'v')) // "u-su-al"; "per-suade"
	case "ue":
		// "cru-el", "flu-ent", "in-flu-en-za", "du-et"; "true", "con-tin-ued"
		return post != "" && strings.ContainsRune("lnt", rune(post[0]))
	case "ui":
		// "ru-in", "flu-id", "su-i-cide", "tu-i-tion"; "fruit", "juice", "build"
		return post != "" && (post[0] == 'n' || post[0] == 'd') ||
			strings.HasPrefix(post, "ci") || strings.HasPrefix(post, "ti")
	case "ai":
		return post == "c" || post == "cs" || post == "ve" || post == "vely" // "mo-sa-ic", "na-ive"
	case "oa":
		// "os-te-o-ar-thri-tis", "co-ag-u-late", "o-a-sis"; but "coat", "co-coa"
		return i > 0 && w[i-1] == 'e' ||
			last == 'c' && (strings.HasPrefix(post, "g") || strings.HasPrefix(post, "x")) ||
			pre == "c" && (strings.HasPrefix(post, "li") || strings.HasPrefix(post, "le")) ||
			pre == "" && strings.HasPrefix(post, "s") || last == 'z'
	case "oe":
		// "po-em", "co-ex-ist", "gas-tro-en-ter-i-tis"; but "shoe", "oe-de-ma"
		return last == 'p' && (strings.HasPrefix(post, "m") || strings.HasPrefix(post, "t")) ||
			pre == "c" && post != "" && strings.ContainsRune("xqf", rune(post[0])) ||
			strings.HasPrefix(post, "nt")
	case "oi":
		return pre == "c" && strings.HasPrefix(post, "nc") // "co-in-cide"
	case "oo":
		return pre == "c" && (strings.HasPrefix(post, "p") || strings.HasPrefix(post, "r")) // "co-op-er-ate"
	}
	return false
}

// vowelPrefixes end in a vowel that stays a syllable of its own before
// the vowel of the word they are put in front of.
var vowelPrefixes = []string{
	"anti", "semi", "multi", "hypo", "micro", "macro", "auto", "neuro",
	"gastro", "electro", "pseudo", "keto", "contra", "intra", "ultra",
	"infra", "supra",
}

// splitIA: "di-al", "ma-te-ri-al", "ba-cte-ri-a"; but "spe-cial",
// "phy-si-cian", "de-men-tia", "nos-tal-gia", "fa-mil-iar", "mar-riage".
func splitIA(pre, post string, last byte, before bool) bool {
	if !before {
		return true
	}
	switch {
	case last == 'c' || last == 't' || last == 's':
		return strings.HasPrefix(post, "t") // "as-so-ci-ate"
	case last == 'g':
		return !(post == "" || post == "s")
	case last == 'l':
		return !(strings.HasPrefix(post, "n") || strings.HasPrefix(post, "r"))
	case last == 'r':
		return !(post == "ge" || post == "ges") // "car-riage", but "tri-age"
	}
	return true
}

// splitIO: "li-on", "ra-di-o", "pe-ri-od", "se-ri-ous"; but "na-tion",
// "mil-lion", "in-fec-tious", "be-hav-iour", "sen-ior".
func splitIO(pre, post string, last byte, before bool) bool {
	if !before {
		return true
	}
	switch {
	case strings.HasPrefix(post, "n"):
		return !(strings.IndexByte("tscxgln", last) >= 0 || strings.HasSuffix(pre, "sh"))
	case strings.HasPrefix(post, "us"):
		return strings.IndexByte("ctxg", last) < 0
	case strings.HasPrefix(post, "ur"):
		return last != 'v'
	case strings.HasPrefix(post, "r"):
		return last != 'n' && last != 'v'
	}
	return true
}

// splitIE: "di-et", "cli-ent", "sci-ence", "ear-li-er"; but "friend",
// "pa-tient", "piece", "fam-i-lies", "tier".
func splitIE(pre, post string, last byte, before bool) bool {
	switch {
	case post == "" || post == "s" || post == "d":
		return false
	case before && (post == "r" || post == "rs" || post == "st" || post == "sts"):
		return true
	case strings.HasPrefix(post, "t"):
		return true
	case strings.HasPrefix(post, "nd"):
		return false
	case strings.HasPrefix(post, "nt") || strings.HasPrefix(post, "nc"):
		if (last == 'c' || last == 't') && !strings.HasSuffix(pre, "sc") {
			return false // "an-cient", "ef-fi-cient"
		}
		return last != 'n' // "con-ven-ient"
	}
	return false
}

// splitEA: "i-de-a", "ar-e-a", "re-act", "cre-ate", "Eu-ro-pe-an",
// "di-ar-rhoe-a"; but "great", "o-cean", "re-al-ly".
func splitEA(pre, post string, last byte, before bool) bool {
	switch {
	case last == 'o':
		return true
	case pre == "r":
		for _, p := range []string{"ct", "ss", "pp", "li", "dj", "rr", "ge", "ff", "wa"} {
			if strings.HasPrefix(post, p) {
				return true
			}
		}
		return false
	case pre == "cr" || pre == "th":
		return strings.HasPrefix(post, "t") && !strings.HasPrefix(post, "tu")
	case pre == "id" || strings.HasSuffix(pre, "ancr"):
		return true
	case before && (post == "" || post == "s"):
		return true
	case before && (post == "n" || post == "ns"):
		return last != 'c'
	}
	return false
}
