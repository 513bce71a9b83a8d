package claims

import "github.com/pamphlet-health/pamphlet/internal/prose"

// This file lets the promise model read a health word by its kind rather
// than as itself: "cures arthritis for good" and "cures psoriasis for
// good" weigh alike, as "cures @CONDITION for good", so that a promise
// about a condition, a body part or a medicine the development set never
// names reads as one about those it does. The kinds come from the health
// lists, which a site edits in pamphlet.yaml.

// saidLists are the lists of what a sentence says, and how: a health word
// that is part of a phrase of one ("heart" in "heart healthy", "cold" in
// "cold turkey") keeps its stem.
var saidLists = []string{"prohibited", "promise-absolutes", "promise-speed", "promise-proof", "promise-secrets", "promise-nature",
	"promise-cleanse", "promise-slimming", "promise-hype", "honest-terms", "negations", "promise-reports", "hedges",
	"promise-outcomes", "effects", "outcomes", "claims", "credits", "weak-effects", "weak-outcomes", "safety", "risks",
	"promise-harms", "promise-again", "promise-all", "promise-common", "promise-times", "promise-weights", "promise-people",
	"promise-experts", "promise-withheld", "promise-endorsed", "promise-selling", "agents", "services"}

// healthClasses are the words the promise model weighs a health word as,
// by its list; one its ending tells (see Detector.ending) is a condition,
// and one in a name or saying who ("the asthma clinic", "people with
// asthma") is @NAMED.
var healthClasses = map[string]string{"conditions": "@CONDITION", "terms": "@CONDITION", "body": "@BODY", "medicines": "@MEDICINE",
	"treatments": "@TREATMENT", "tests": "@TEST", "lifestyle": "@LIFESTYLE", "topics": "@TOPIC"}

// classify returns, for each word of the sentence, the word the promise
// model weighs in its place: the class of a health word that is not part
// of a phrase of saidLists, or "" for a word weighed by its stem.
func (a *analysis) classify() []string {
	said := make([]bool, len(a.toks))
	for _, list := range saidLists {
		for _, m := range a.found[list] {
			for i := m.First; i <= m.Last; i++ {
				said[i] = true
			}
		}
	}
	cls := make([]string, len(a.toks))
	mark := func(m prose.Match, c string) {
		for i := m.First; i <= m.Last; i++ {
			if !said[i] && cls[i] == "" {
				cls[i] = c
			}
		}
	}
	for _, h := range a.health {
		c := healthClasses[h.kind]
		if c == "" {
			c = "@CONDITION"
		}
		mark(h.Match, c)
	}
	for _, h := range a.named {
		mark(h.Match, "@NAMED")
	}
	return cls
}

// promiseWord returns the word at i as the promise model weighs it: its
// class (see classify) or its stem (see analysis.word).
func (a *analysis) promiseWord(i int) string {
	if a.classes != nil && a.classes[i] != "" {
		return a.classes[i]
	}
	return a.word(i)
}

// addressWords address the reader, or speak for a seller: with an effect
// or an outcome anywhere in the sentence, they let it be weighed for a
// promise (see Detector.mayPromise): "Your joints will thank you: it
// rebuilds cartilage", "We clear acne where creams failed". Stems and
// words as written.
var addressWords = map[string]bool{"you": true, "your": true, "you'll": true, "youll": true, "you're": true, "you'r": true,
	"yourself": true, "yours": true, "we": true, "us": true}
