// Package plain holds pamphlet's plain-language word lists: medical and
// bureaucratic words, each with the everyday words to use instead, one
// list a language. The lists are data (plain.txt for English,
// plain.es.txt for Spanish, embedded); a site may add and remove entries,
// and give a language that has no list one of its own.
package plain

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var (
	//go:embed plain.txt
	builtinEN string
	//go:embed plain.es.txt
	builtinES string
)

// Entry is a word or phrase (in prose's phrase syntax) and what to say
// instead.
type Entry struct {
	Term, Instead string
}

// Builtin returns the English entries that ship with pamphlet.
func Builtin() []Entry {
	es, _ := BuiltinIn("en")
	return es
}

// BuiltinIn returns the entries that ship with pamphlet for a language,
// by its tag's first part in any case (en-GB is English, es-MX Spanish),
// and false for a language with no built-in list.
func BuiltinIn(lang string) ([]Entry, bool) {
	var text, name string
	switch primary(lang) {
	case "en":
		text, name = builtinEN, "plain.txt"
	case "es":
		text, name = builtinES, "plain.es.txt"
	default:
		return nil, false
	}
	es, err := Parse(text)
	if err != nil {
		panic(name + ": " + err.Error()) // a test keeps them parseable
	}
	return es, true
}

// primary returns the first part of a language tag, in lower case.
func primary(lang string) string {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return p
}

// Parse reads entries in the format of plain.txt: "term = instead" lines,
// with lines starting "#" as comments.
func Parse(text string) ([]Entry, error) {
	var out []Entry
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		term, instead, ok := strings.Cut(line, " = ")
		if !ok || strings.TrimSpace(term) == "" || strings.TrimSpace(instead) == "" {
			return nil, fmt.Errorf("line %d: want \"term = what to say instead\"", i+1)
		}
		out = append(out, Entry{strings.TrimSpace(term), strings.TrimSpace(instead)})
	}
	return out, nil
}

// List finds the words of a word list in text. It is safe for concurrent
// use.
type List struct {
	set     *prose.Set
	instead map[string]string   // phrase text, folded → what to say instead
	fold    func(string) string // of the words of terms and text; nil for none
	entries []Entry             // as given, the later of two for one term left out
}

// New compiles entries into a list that matches words as they are
// written, in any case, as English needs; a later entry for the same term
// wins.
func New(entries []Entry) (*List, error) { return NewIn("en", entries) }

// NewIn compiles entries into a list for a language, by its tag, as New
// does. A Spanish list matches words with or without their acute accents
// and diaereses, written on the letter or as combining marks ("cefalea",
// "hipertension" for "hipertensión"), since writers leave them off; ñ
// stays a letter of its own.
func NewIn(lang string, entries []Entry) (*List, error) {
	l := &List{instead: map[string]string{}}
	if primary(lang) == "es" {
		l.fold = foldAccents
	}
	var terms []string
	for _, e := range entries {
		term := e.Term
		if l.fold != nil {
			term = l.fold(term)
		}
		if _, ok := l.instead[term]; !ok {
			terms = append(terms, term)
		}
		l.instead[term] = e.Instead
	}
	set, err := prose.NewSet(terms)
	if err != nil {
		return nil, err
	}
	l.set = set
	for _, term := range terms {
		l.entries = append(l.entries, Entry{Term: term, Instead: l.instead[term]})
	}
	return l, nil
}

// Len returns the number of entries.
func (l *List) Len() int { return l.set.Len() }

// Entries returns the list's entries in the order given, one for each
// term (the later's words for a term given twice), with the terms folded
// as the list matches them.
func (l *List) Entries() []Entry { return l.entries }

// Match is a word of the list found in a text.
type Match struct {
	prose.Span
	Instead string
}

// Find returns the words of the list in text, in order.
func (l *List) Find(text string) []Match { return l.FindIn(prose.Tokens(text)) }

// FindIn is Find for a text already split into tokens; the spans are in
// the text the tokens came from.
func (l *List) FindIn(toks []prose.Token) []Match {
	var out []Match
	if l.fold != nil {
		toks = prose.Fold(toks, l.fold) // the spans stay those of the text
	}
	for _, m := range l.set.Find(toks) {
		out = append(out, Match{Span: prose.Span{Start: toks[m.First].Start, End: toks[m.Last].End}, Instead: l.instead[m.Phrase.Text]})
	}
	return out
}

// foldAccents takes the acute and grave accents and the diaereses off the
// vowels of a word or phrase in lower case, and drops them written as
// combining marks: "hipertensión" and "hipertensio\u0301n" are
// "hipertension". Other letters, ñ among them, stay.
func foldAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case 'á', 'à', 'ä', 'Á', 'À', 'Ä':
			r = 'a'
		case 'é', 'è', 'ë', 'É', 'È', 'Ë':
			r = 'e'
		case 'í', 'ì', 'ï', 'Í', 'Ì', 'Ï':
			r = 'i'
		case 'ó', 'ò', 'ö', 'Ó', 'Ò', 'Ö':
			r = 'o'
		case 'ú', 'ù', 'ü', 'Ú', 'Ù', 'Ü':
			r = 'u'
		case '\u0300', '\u0301', '\u0308': // combining grave, acute, diaeresis
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
