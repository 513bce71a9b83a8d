package claims

import (
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var (
	pastTense   = map[string]bool{"was": true, "were": true, "had": true, "did": true, "went": true, "came": true, "felt": true, "got": true, "took": true, "began": true, "spent": true, "told": true, "made": true, "became": true, "found": true, "knew": true, "thought": true, "saw": true, "left": true, "ran": true, "wrote": true, "gave": true, "lost": true, "met": true, "won": true, "kept": true}
	reported    = map[string]bool{"said": true, "says": true, "told": true, "explained": true, "added": true, "writes": true, "wrote": true, "recalls": true, "remembers": true, "according": true}
	firstPerson = map[string]bool{"i": true, "i'm": true, "i've": true, "i'd": true, "i'll": true, "my": true, "me": true, "myself": true}
	modals      = map[string]bool{"can": true, "may": true, "might": true, "could": true, "will": true, "should": true, "must": true, "would": true, "can't": true, "won't": true, "cannot": true}
	negations   = map[string]bool{"not": true, "no": true, "never": true, "don't": true, "doesn't": true, "isn't": true, "aren't": true, "won't": true, "can't": true, "cannot": true, "didn't": true, "without": true, "nothing": true}
)

// featurize works out the features from the signals found.
func (a *analysis) featurize() {
	if len(a.toks) == 0 {
		return
	}
	all := prose.Match{First: 0, Last: len(a.toks) - 1}
	for _, h := range a.health {
		a.set("health", h.Match)
		switch h.kind {
		case "conditions", "terms":
			a.set("condition", h.Match)
		case "body":
			a.set("body", h.Match)
		case "medicines":
			a.set("medicine", h.Match)
		case "treatments":
			a.set("treatment", h.Match)
		case "tests":
			a.set("test", h.Match)
		case "lifestyle":
			a.set("lifestyle", h.Match)
		default:
			a.set("topic", h.Match)
		}
	}
	if len(a.health) >= 2 {
		a.set("health-2", a.health[1].Match)
	}
	// A health word that opens the sentence is what it is about: "Honey
	// soothes a cough", "Untreated, gum disease can end with teeth
	// falling out".
	for _, h := range a.health {
		if h.First > 3 {
			break
		}
		a.set("health-first", h.Match)
		for _, list := range []string{"claims", "effects", "weak-effects", "risks", "safety", "outcomes", "weak-outcomes", "comparisons", "screening", "schedules"} {
			for _, m := range a.found[list] {
				if m.First > h.Last {
					a.set("health-first+said", span(h.Match, m))
				}
			}
		}
	}
	for _, h := range a.named {
		if h.named {
			a.set("named-health", h.Match)
		} else {
			a.set("who-health", h.Match)
		}
	}
	first := false
	for _, t := range a.toks {
		if firstPerson[t.Norm] {
			first = true
		}
	}
	for _, sg := range signals {
		for _, m := range a.found[sg.list] {
			a.set(sg.feature, m)
			if sg.agent && a.byAgent(m) {
				a.set(sg.feature+"-by-agent", m)
				continue
			}
			if h, ok := a.near(m, sg.near, false, sg.kinds...); ok {
				a.set(sg.feature+"+health", h)
			}
			if h, ok := a.near(m, sg.near, true, sg.kinds...); ok && sg.after {
				a.set(sg.feature+">health", h)
			}
			if first && (sg.list == "effects" || sg.list == "outcomes") {
				a.set("effect+first-person", m)
			}
		}
	}
	for _, m := range a.found["dosing"] {
		if m.First == 0 {
			a.set("dose-first", m)
		}
		for i := max(0, m.First-4); i <= min(len(a.toks)-1, m.Last+4); i++ {
			if a.toks[i].Kind == prose.Number {
				a.set("dose+number", m)
			}
		}
		for _, s := range a.found["schedules"] {
			if s.First > m.Last && s.First-m.Last <= 10 || s.Last < m.First && m.First-s.Last <= 4 {
				a.set("dose+schedule", span(m, s))
			}
		}
	}
	for _, m := range append(a.found["outcomes"], a.found["weak-outcomes"]...) {
		for i := m.Last + 1; i <= min(len(a.toks)-1, m.Last+5); i++ {
			if a.toks[i].Kind == prose.Number {
				a.set("outcome+time", m)
			}
		}
	}
	for _, m := range a.found["statistics"] {
		a.set("statistic", m)
		if len(a.health) > 0 {
			a.set("statistic+health", m)
		}
	}
	for _, m := range a.found["agents"] {
		a.set("agent", m)
		if m.First == 0 || m.First == 1 && a.toks[0].Norm == "the" {
			a.set("agent-first", m)
		}
	}
	if n := len(a.found["services"]); n > 0 {
		a.set("service", a.found["services"][0])
		if n > 1 {
			a.set("service-2", a.found["services"][1])
		}
		if a.found["services"][0].First == 0 {
			a.set("service-first", a.found["services"][0])
		}
	}
	if n := len(a.found["logistics"]); n > 0 {
		a.set("logistics", a.found["logistics"][0])
		if n > 1 {
			a.set("logistics-2", a.found["logistics"][1])
		}
	}
	names, past := 0, 0
	for i, t := range a.toks {
		if pastTense[t.Norm] || len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ed") && !modals[t.Norm] {
			past++
			if past == 1 {
				a.set("past", prose.Match{First: i, Last: i})
			} else if past == 2 {
				a.set("past-2", prose.Match{First: i, Last: i})
			}
		}
		if t.Capital && strings.HasSuffix(t.Norm, "'s") && len(t.Norm) > 3 {
			a.set("name's", prose.Match{First: i, Last: i})
		}
		if reported[t.Norm] {
			a.set("said", prose.Match{First: i, Last: i})
		}
		m := prose.Match{First: i, Last: i}
		switch {
		case firstPerson[t.Norm]:
			a.set("first-person", m)
		case t.Norm == "you" || t.Norm == "your" || t.Norm == "you're":
			a.set("you", m)
		case modals[t.Norm]:
			a.set("modal", m)
		case t.Kind == prose.Number:
			a.set("number", m)
		}
		if negations[t.Norm] {
			a.set("negation", m)
		}
		if i > 0 && t.Kind == prose.Word && capitalized(a.toks, i) {
			names++
		}
	}
	if names >= 2 {
		a.set("names-2", all)
	}
	// A person telling what happened, crediting nothing with it.
	if a.isOn("first-person") && a.isOn("past") && !a.isOn("credit") && !a.isOn("effect") {
		a.set("narrative", all)
	}
	// A sentence that opens with a person's name tells of that person:
	// "Priya's twins were diagnosed at three".
	if t := a.toks[0]; t.Capital && t.Kind == prose.Word && !starters[strings.TrimSuffix(t.Norm, "'s")] && !a.inList(0) {
		a.set("name-first", prose.Match{First: 0, Last: 0})
		if a.isOn("past") && !a.isOn("credit") {
			a.set("name-narrative", all)
		}
	}
	// What staff will do at an appointment: "the nurse will weigh your baby".
	for _, g := range a.found["agents"] {
		for j := g.Last + 1; j <= min(len(a.toks)-1, g.Last+2); j++ {
			if a.toks[j].Norm == "will" || a.toks[j].Norm == "may" || a.toks[j].Norm == "can" {
				a.set("agent-will", g)
			}
		}
	}
	if len(a.toks) < 6 {
		a.set("short", all)
	}
	a.told()
}

// treatmentKinds are the kinds of health word that name what is done
// for health, and stateKinds those that name what a person has.
var (
	treatmentKinds = []string{"medicines", "treatments", "lifestyle"}
	stateKinds     = []string{"conditions", "body", "terms"}
)

// changeLists are the lists of what changes health, or credits a cause
// with a change.
var changeLists = []string{"effects", "weak-effects", "outcomes", "weak-outcomes", "credits"}

// told sets the features of a person telling of their health with
// nothing changing it: "told-dose", what they take or use and when ("I
// take eleven tablets a day now", "Rachel has used a ventilator at night
// since she was six"), and "state-told", their state with nothing done
// for it ("My throat was so sore", "Grandad Bill had shingles down his
// left side"), as patients' stories tell of symptoms and care, where a
// testimonial tells of a treatment and what it changed.
func (a *analysis) told() {
	if !(a.isOn("first-person") || a.isOn("name-first") || a.isOn("name's")) {
		return
	}
	for _, l := range changeLists {
		if len(a.found[l]) > 0 {
			return
		}
	}
	for _, f := range []string{"dose", "schedule"} {
		if i := denseIndex[f]; a.on[i] {
			a.set("told-dose", a.why[i])
			break
		}
	}
	var state *healthWord
	for i, h := range a.health {
		switch {
		case contains(treatmentKinds, h.kind):
			return
		case state == nil && contains(stateKinds, h.kind):
			state = &a.health[i]
		}
	}
	if state != nil {
		a.set("state-told", state.Match)
	}
}
