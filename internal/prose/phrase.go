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
func ParsePhrase(s string) (Phrase, error) { return parsePhrase(s, nil) }

// parsePhrase parses a phrase pattern, folding each word written out (not
// prefixes) with fold when it is not nil.
func parsePhrase(s string, fold func(string) string) (Phrase, error) {
	p := Phrase{Text: s}
	for _, w := range strings.Fields(s) {
		var alts []atom
		for _, alt := range strings.Split(w, "|") {
			a, err := parseAtom(alt)
			if err != nil {
				return Phrase{}, fmt.Errorf("%q: %w", s, err)
			}
			if fold != nil && a.word != "" && !a.prefix {
				a.word = fold(a.word)
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

// Set is a set of phrases, looked up by their first word. The phrases may
// come from several lists (see NewSets), each found on its own.
type Set struct {
	byWord   map[string][]int // exact first word → phrases
	byStem   map[string][]int // first three letters of a first-word prefix → phrases
	byNumber []int            // phrases that start with a number
	others   []int            // phrases that start with any word, or a short prefix
	list     []Phrase
	tag      []int // the list of each phrase
	lists    int   // how many lists
}

const stem = 3 // letters of a prefix that index it

// NewSet parses phrases into a set. It reports every phrase it cannot
// parse.
func NewSet(phrases []string) (*Set, error) { return NewSetFold(phrases, nil) }

// NewSetFold parses phrases into a set whose words are folded with fold,
// such as Stem, before they are matched: find them in tokens whose Norm
// was folded the same way (see Fold). A prefix such as treat* is matched
// as written.
func NewSetFold(phrases []string, fold func(string) string) (*Set, error) {
	return NewSets([][]string{phrases}, fold)
}

// NewSets parses lists of phrases into one set, folded as NewSetFold
// folds them, so that FindEach finds the phrases of every list in one
// pass over the tokens. It reports every phrase it cannot parse.
func NewSets(lists [][]string, fold func(string) string) (*Set, error) {
	s := &Set{byWord: map[string][]int{}, byStem: map[string][]int{}, lists: len(lists)}
	var errs []string
	for l, phrases := range lists {
		for _, text := range phrases {
			if err := s.add(text, l, fold); err != nil {
				errs = append(errs, err.Error())
			}
		}
	}
	if len(errs) > 0 {
		return s, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return s, nil
}

// add parses a phrase of list l and indexes it.
func (s *Set) add(text string, l int, fold func(string) string) error {
	p, err := parsePhrase(text, fold)
	if err != nil {
		return err
	}
	i := len(s.list)
	s.list = append(s.list, p)
	s.tag = append(s.tag, l)
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
		return nil
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
	return nil
}

// Len returns the number of words the phrase matches.
func (p Phrase) Len() int { return len(p.parts) }

// FirstWords returns the words, as folded, the phrase may start with; a
// phrase that starts with a prefix, a number or any word has none.
func (p Phrase) FirstWords() []string { return p.Words(0) }

// Words returns the words, as folded, the phrase's k'th word may be: nil
// when it is a prefix or any word, and "#" for a number.
func (p Phrase) Words(k int) []string {
	var out []string
	for _, a := range p.parts[k] {
		switch {
		case a.prefix || a.any:
			return nil
		case a.number:
			out = append(out, "#")
		default:
			out = append(out, a.word)
		}
	}
	return out
}

// Phrase returns the i'th phrase of the set and the list it is of, for i
// from 0 to Len()-1.
func (s *Set) Phrase(i int) (*Phrase, int) { return &s.list[i], s.tag[i] }

// Len returns the number of phrases in the set.
func (s *Set) Len() int { return len(s.list) }

// Match is a phrase found in a run of tokens.
type Match struct {
	First, Last int // token indices, inclusive
	Phrase      *Phrase
	ID          int // the phrase's index in its set; see Set.Phrase
}

// At returns the longest phrase that matches at toks[i], if any.
func (s *Set) At(toks []Token, i int) (Match, bool) {
	best, bestN := -1, 0
	s.candidates(toks[i], func(idx int) {
		if n := s.list[idx].matchAt(toks, i); n > bestN || n == bestN && n > 0 && idx < best {
			best, bestN = idx, n
		}
	})
	if best < 0 {
		return Match{}, false
	}
	return Match{First: i, Last: i + bestN - 1, Phrase: &s.list[best], ID: best}, true
}

// Each calls f with the longest phrase of each list of the set that
// matches at toks[i], if any, and its list.
func (s *Set) Each(toks []Token, i int, f func(m Match, list int)) {
	var best, bestN [8]int // by list; sets with more lists use At
	if s.lists > len(best) {
		if m, ok := s.At(toks, i); ok {
			f(m, s.tag[m.ID])
		}
		return
	}
	s.candidates(toks[i], func(idx int) {
		l := s.tag[idx]
		if n := s.list[idx].matchAt(toks, i); n > bestN[l] || n == bestN[l] && n > 0 && idx < best[l]-1 {
			best[l], bestN[l] = idx+1, n
		}
	})
	for l := range s.lists {
		if bestN[l] > 0 {
			f(Match{First: i, Last: i + bestN[l] - 1, Phrase: &s.list[best[l]-1], ID: best[l] - 1}, l)
		}
	}
}

// candidates calls f with the index of each phrase that may match at t.
func (s *Set) candidates(t Token, f func(idx int)) {
	for _, idx := range s.byWord[t.Norm] {
		f(idx)
	}
	if len(t.Norm) >= stem {
		for _, idx := range s.byStem[t.Norm[:stem]] {
			f(idx)
		}
	}
	if t.Kind == Number {
		for _, idx := range s.byNumber {
			f(idx)
		}
	}
	for _, idx := range s.others {
		f(idx)
	}
}

// FindEach returns the phrases of each list of the set in toks, as Find
// returns them for a set of that list alone, in one pass.
func (s *Set) FindEach(toks []Token) [][]Match {
	out := make([][]Match, s.lists)
	next := make([]int, s.lists) // the first token each list may match at
	best := make([]int, s.lists) // the phrase each list matches longest at i, +1
	bestN := make([]int, s.lists)
	var touched []int
	for i, t := range toks {
		touched = touched[:0]
		try := func(idx int) {
			l := s.tag[idx]
			if i < next[l] {
				return
			}
			n := s.list[idx].matchAt(toks, i)
			if n == 0 {
				return
			}
			if best[l] == 0 {
				touched = append(touched, l)
			}
			if n > bestN[l] || n == bestN[l] && idx < best[l]-1 {
				best[l], bestN[l] = idx+1, n
			}
		}
		s.candidates(t, try)
		for _, l := range touched {
			out[l] = append(out[l], Match{First: i, Last: i + bestN[l] - 1, Phrase: &s.list[best[l]-1], ID: best[l] - 1})
			next[l] = i + bestN[l]
			best[l], bestN[l] = 0, 0
		}
	}
	return out
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

// Fold returns a copy of tokens with each word's Norm folded, such as by
// Stem, for a set made by NewSetFold.
func Fold(toks []Token, fold func(string) string) []Token {
	return FoldInto(make([]Token, len(toks)), toks, fold)
}

// FoldInto is Fold into dst, which must be as long as toks.
func FoldInto(dst, toks []Token, fold func(string) string) []Token {
	out := dst[:len(toks)]
	for i, t := range toks {
		if t.Kind == Word {
			t.Norm = fold(t.Norm)
		}
		out[i] = t
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
