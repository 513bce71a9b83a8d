package prose

import (
	"fmt"
	"slices"
	"strings"
)

// A phrase is written as words separated by spaces, each word one of:
//
//	word        the word itself, in any case ("Cure" matches "cure")
//	treat*      any word that starts with "treat"
//	a|b|c       any one of the alternatives, each as above
//	{n}         any number ("10", "1.5", "10,000")
//	_           any one word
//	%           the sign itself (also £, $, €, +)
//
// Hyphens separate words, so "risk-free" is written "risk free".

// Phrase is a parsed phrase pattern.
type Phrase struct {
	Text  string // as written
	parts [][]atom
}

type atom struct {
	word   string
	prefix bool
	number bool
	any    bool
}

func (a atom) match(t Token) bool {
	switch {
	case a.number:
		return t.Kind == Number
	case a.any:
		return t.Kind == Word
	case a.prefix:
		return strings.HasPrefix(t.Norm, a.word)
	}
	return t.Norm == a.word
}

// ParsePhrase parses a phrase pattern.
func ParsePhrase(s string) (Phrase, error) {
	p := Phrase{Text: s}
	for _, w := range strings.Fields(s) {
		var alts []atom
		for _, alt := range strings.Split(w, "|") {
			a, err := parseAtom(alt)
			if err != nil {
				return Phrase{}, fmt.Errorf("%q: %w", s, err)
			}
			alts = append(alts, a)
		}
		p.parts = append(p.parts, alts)
	}
	if len(p.parts) == 0 {
		return Phrase{}, fmt.Errorf("an empty phrase")
	}
	return p, nil
}

func parseAtom(s string) (atom, error) {
	switch {
	case s == "":
		return atom{}, fmt.Errorf("an empty alternative")
	case s == "{n}":
		return atom{number: true}, nil
	case s == "_":
		return atom{any: true}, nil
	case strings.HasSuffix(s, "*"):
		w := strings.TrimSuffix(s, "*")
		if w == "" || strings.Contains(w, "*") {
			return atom{}, fmt.Errorf("%q: * must follow at least one letter, at the end", s)
		}
		return atom{word: normWord(w), prefix: true}, nil
	case strings.Contains(s, "*"):
		return atom{}, fmt.Errorf("%q: * may only end a word", s)
	}
	toks := Tokens(s)
	if len(toks) != 1 || toks[0].Start != 0 || toks[0].End != len(s) {
		return atom{}, fmt.Errorf("%q is not one word; separate words with spaces", s)
	}
	return atom{word: toks[0].Norm}, nil
}

// matchAt returns the number of tokens the phrase matches from toks[i],
// or 0.
func (p Phrase) matchAt(toks []Token, i int) int {
	if i+len(p.parts) > len(toks) {
		return 0
	}
	for k, alts := range p.parts {
		ok := false
		for _, a := range alts {
			if a.match(toks[i+k]) {
				ok = true
				break
			}
		}
		if !ok {
			return 0
		}
	}
	return len(p.parts)
}

// Set is a set of phrases, looked up by their first word.
type Set struct {
	byWord   map[string][]int // exact first word → phrases
	byStem   map[string][]int // first three letters of a first-word prefix → phrases
	byNumber []int            // phrases that start with a number
	others   []int            // phrases that start with any word, or a short prefix
	list     []Phrase
}

const stem = 3 // letters of a prefix that index it

// NewSet parses phrases into a set. It reports every phrase it cannot
// parse.
func NewSet(phrases []string) (*Set, error) {
	s := &Set{byWord: map[string][]int{}, byStem: map[string][]int{}}
	var errs []string
	for _, text := range phrases {
		p, err := ParsePhrase(text)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		i := len(s.list)
		s.list = append(s.list, p)
		// Index the phrase under each alternative of its first word.
		var keys, stems []string
		number, other := false, false
		for _, a := range p.parts[0] {
			switch {
			case a.number:
				number = true
			case a.any || a.prefix && len(a.word) < stem:
				other = true
			case a.prefix:
				stems = append(stems, a.word[:stem])
			default:
				keys = append(keys, a.word)
			}
		}
		if other {
			s.others = append(s.others, i)
			continue
		}
		for _, k := range unique(keys) {
			s.byWord[k] = append(s.byWord[k], i)
		}
		for _, k := range unique(stems) {
			s.byStem[k] = append(s.byStem[k], i)
		}
		if number {
			s.byNumber = append(s.byNumber, i)
		}
	}
	if len(errs) > 0 {
		return s, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return s, nil
}

// Len returns the number of phrases in the set.
func (s *Set) Len() int { return len(s.list) }

// Match is a phrase found in a run of tokens.
type Match struct {
	First, Last int // token indices, inclusive
	Phrase      *Phrase
}

// At returns the longest phrase that matches at toks[i], if any.
func (s *Set) At(toks []Token, i int) (Match, bool) {
	best, bestN := -1, 0
	try := func(idx int) {
		if n := s.list[idx].matchAt(toks, i); n > bestN || n == bestN && n > 0 && idx < best {
			best, bestN = idx, n
		}
	}
	t := toks[i]
	for _, idx := range s.byWord[t.Norm] {
		try(idx)
	}
	if len(t.Norm) >= stem {
		for _, idx := range s.byStem[t.Norm[:stem]] {
			try(idx)
		}
	}
	if t.Kind == Number {
		for _, idx := range s.byNumber {
			try(idx)
		}
	}
	for _, idx := range s.others {
		try(idx)
	}
	if best < 0 {
		return Match{}, false
	}
	return Match{First: i, Last: i + bestN - 1, Phrase: &s.list[best]}, true
}

// Find returns the phrases in toks, longest first at each place, without
// overlaps, in order.
func (s *Set) Find(toks []Token) []Match {
	var out []Match
	for i := 0; i < len(toks); i++ {
		if m, ok := s.At(toks, i); ok {
			out = append(out, m)
			i = m.Last
		}
	}
	return out
}

// unique drops repeated strings, keeping the order.
func unique(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
