// Package plain holds pamphlet's plain-language word list: medical and
// bureaucratic words, each with the everyday words to use instead. The
// list is data (plain.txt, embedded); a site may add and remove entries.
package plain

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

//go:embed plain.txt
var builtin string

// Entry is a word or phrase (in prose's phrase syntax) and what to say
// instead.
type Entry struct {
	Term, Instead string
}

// Builtin returns the entries that ship with pamphlet.
func Builtin() []Entry {
	es, err := Parse(builtin)
	if err != nil {
		panic("plain.txt: " + err.Error()) // a test keeps it parseable
	}
	return es
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
	instead map[string]string // phrase text → what to say instead
}

// New compiles entries into a list; a later entry for the same term wins.
func New(entries []Entry) (*List, error) {
	l := &List{instead: map[string]string{}}
	var terms []string
	for _, e := range entries {
		if _, ok := l.instead[e.Term]; !ok {
			terms = append(terms, e.Term)
		}
		l.instead[e.Term] = e.Instead
	}
	set, err := prose.NewSet(terms)
	if err != nil {
		return nil, err
	}
	l.set = set
	return l, nil
}

// Len returns the number of entries.
func (l *List) Len() int { return l.set.Len() }

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
	for _, m := range l.set.Find(toks) {
		out = append(out, Match{Span: prose.Span{Start: toks[m.First].Start, End: toks[m.Last].End}, Instead: l.instead[m.Phrase.Text]})
	}
	return out
}
