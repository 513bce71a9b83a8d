package claims

import (
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file reads a sentence as a sequence of word classes: each health
// word (or phrase) stands as its kind, each phrase of what is said of
// health as its list, who does something as an agent, and every other
// word as the model weighs it (its stem, "#" for a number). The claim
// model weighs each two neighbours of that sequence of which one is a
// class ("MEDICINE_EFFECT", "EFFECT_a", "of_CONDITION", "AGENT_will"),
// so that what it learns of one condition or medicine holds for the
// others: the shape of a claim rather than its words.

// classLists are the lists whose phrases stand as their class in the
// sequence, each with its class, in the order they take a word (after
// health words).
var classLists = []struct{ list, class string }{
	{"effects", "EFFECT"}, {"weak-effects", "WEFFECT"}, {"risks", "RISK"}, {"weak-risks", "WRISK"},
	{"dosing", "DOSE"}, {"schedules", "SCHEDULE"}, {"safety", "SAFETY"}, {"weak-safety", "WSAFETY"},
	{"outcomes", "OUTCOME"}, {"weak-outcomes", "WOUTCOME"}, {"comparisons", "COMPARE"}, {"weak-comparisons", "WCOMPARE"},
	{"screening", "SCREEN"}, {"weak-screening", "WSCREEN"}, {"statistics", "STAT"}, {"credits", "CREDIT"},
	{"agents", "AGENT"}, {"services", "SERVICE"}, {"logistics", "LOGISTICS"}, {"hedges", "HEDGE"}, {"negations", "NOT"},
}

// healthClass is the class of a health word of each kind.
var healthClass = map[string]string{
	"conditions": "CONDITION", "terms": "CONDITION", "body": "BODY", "medicines": "MEDICINE", "treatments": "TREATMENT",
	"tests": "TEST", "lifestyle": "LIFESTYLE", "topics": "TOPIC",
}

// classed is one element of the sequence: a class or a word.
type classed struct {
	name  string
	class bool
	at    int // the token of a word
}

// sequence returns the sentence as its sequence of classes and words:
// health words take their tokens first ("NAMED" for one in a name,
// "WHO" for one that says who), then the phrases of classLists in order,
// each only where no other has taken a token.
func (a *analysis) sequence() []classed {
	n := len(a.toks)
	at := make([]int, n) // for each token, 1 + the index in spans of the element it starts, -1 for one it is inside, 0 for a word
	var spans []classed
	take := func(first, last int, name string) {
		for i := first; i <= last; i++ {
			if at[i] != 0 {
				return
			}
		}
		for i := first; i <= last; i++ {
			at[i] = -1
		}
		at[first] = len(spans) + 1
		spans = append(spans, classed{name, true, first})
	}
	for _, h := range a.health {
		take(h.First, h.Last, healthClass[h.kind])
	}
	for _, h := range a.named {
		c := "NAMED"
		if h.who {
			c = "WHO"
		}
		take(h.First, h.Last, c)
	}
	for _, cl := range classLists {
		for _, m := range a.found[cl.list] {
			take(m.First, m.Last, cl.class)
		}
	}
	seq := make([]classed, 0, n)
	for i := range n {
		switch {
		case at[i] > 0:
			seq = append(seq, spans[at[i]-1])
		case at[i] == 0 && extraClasses:
			seq = append(seq, a.wordClass(i))
		case at[i] == 0:
			seq = append(seq, classed{a.word(i), false, i})
		}
	}
	return seq
}

// sequenceNames returns the names of the features of the sequence, as
// training reads them: "s=" and each two neighbours of which one is a
// class.
func (a *analysis) sequenceNames() []string {
	seq := a.sequence()
	var out []string
	for i := 1; i < len(seq); i++ {
		if seq[i-1].class || seq[i].class {
			out = append(out, "s="+seq[i-1].name+"_"+seq[i].name)
		}
	}
	{
		var cs []string
		for _, e := range seq {
			if e.class && !slices.Contains(cs, e.name) {
				cs = append(cs, e.name)
			}
		}
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				out = append(out, "c="+cs[i]+"<"+cs[j])
			}
		}
	}
	return out
}

// classNames returns the names of the classes of the sequence.
func classNames() []string {
	names := []string{"NAMED", "WHO", "I", "YOU", "NAME", "PAST", "ASK"}
	for _, c := range classLists {
		names = append(names, c.class)
	}
	for _, c := range healthClass {
		if !slices.Contains(names, c) {
			names = append(names, c)
		}
	}
	slices.Sort(names)
	return names
}

// questionWords open a question, or a sentence that says what a page
// answers ("Who should get a flu vaccine, and where"); one that opens the
// sentence stands as the class ASK.
var questionWords = map[string]bool{"who": true, "what": true, "when": true, "where": true, "why": true, "how": true, "which": true, "whether": true}

// wordClass returns the element of a word no list has taken: a class
// for who speaks or is spoken of (first person, second person, a name)
// and for a verb in the past, else the word.
func (a *analysis) wordClass(i int) classed {
	t := a.toks[i]
	switch {
	case i == 0 && questionWords[t.Norm]:
		return classed{"ASK", true, i}
	case firstPerson[t.Norm]:
		return classed{"I", true, i}
	case t.Norm == "you" || t.Norm == "your" || t.Norm == "you're" || t.Norm == "yourself":
		return classed{"YOU", true, i}
	case i > 0 && t.Kind == prose.Word && capitalized(a.toks, i):
		return classed{"NAME", true, i}
	case pastTense[t.Norm] || len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ed"):
		return classed{"PAST", true, i}
	}
	return classed{a.word(i), false, i}
}

var extraClasses = true
