package claims

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// This file lets the promise model read a word by its class as well as
// itself, by the word WordNet files it under: "heals" and "fixes" are
// both ways to "better", "melts" a way to "dissolve", "instant" and
// "immediate" ways of "fast", so that a promise in words the development
// set never uses weighs as one in words it does.
// The classes come from WordNet 3.0 (Princeton University; its licence
// heads wordclasses.txt), for the words of the development set, the lists
// and the corpus of real pages; TestWordClasses writes the file.

//go:embed wordclasses.txt
var wordClassesText string

// wordClasses returns the class of each word stem that has one (see
// wordclasses.txt), read once.
var wordClasses = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(wordClassesText, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if stem, class, ok := strings.Cut(line, " "); ok {
			m[stem] = class
		}
	}
	return m
})

// setWordClasses finds the class of each word the promise model weighs
// by its stem (one not of a promise's words, nor a health word weighed by
// its kind; see classify): wclasses, and their numbers in the detector's
// vocabulary, wcids (-1 for a class the model does not weigh).
func (a *analysis) setWordClasses() {
	wc := wordClasses()
	a.wclasses, a.wcids = nil, nil
	for i, t := range a.stems {
		if a.promised[i] || a.classes[i] != "" || t.Kind != prose.Word {
			continue
		}
		c, ok := wc[t.Norm]
		if !ok {
			continue
		}
		if a.wclasses == nil {
			a.wclasses, a.wcids = make([]string, len(a.stems)), make([]int32, len(a.stems))
		}
		id, ok := a.d.vocab[c]
		if !ok {
			id = -1
		}
		a.wclasses[i], a.wcids[i] = c, id
	}
}

// addWordClasses adds the names of the features of the words' classes
// (see setWordClasses): each class ("w=^dissolve"), and each two classes
// of words side by side ("b=^better_^body-part").
func (a *analysis) addWordClasses(add func(string)) {
	for i, c := range a.wclasses {
		if c == "" {
			continue
		}
		add("w=" + c)
		if i > 0 && a.wclasses[i-1] != "" {
			add("b=" + a.wclasses[i-1] + "_" + c)
		}
	}
}
