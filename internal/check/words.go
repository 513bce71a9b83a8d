package check

import (
	"fmt"
	"maps"
	"slices"

	"github.com/pamphlet-health/pamphlet/internal/claims"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/plain"
	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// Words are the word lists the content rules use: the built-in lists with
// the additions and removals of the site's pamphlet.yaml.
type Words struct {
	Claims *claims.Detector
	Plain  *plain.List
}

// LoadWords builds the word lists for a site. A list name, phrase or
// removal that does not work is a config.value error at its line in
// pamphlet.yaml; the built-in list is used in its place.
func LoadWords(cfg *content.Config) (*Words, []finding.Finding) {
	var found []finding.Finding
	bad := func(key, format string, args ...any) {
		found = append(found, finding.Finding{Position: cfg.Keys[key], Rule: "config.value", Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	w := &Words{}

	lists := claims.Builtin()
	// One phrase at a time, so that an error points at its own line.
	for _, name := range slices.Sorted(maps.Keys(cfg.Claims)) {
		e := cfg.Claims[name]
		if err := lists.Edit(name, nil, nil); err != nil {
			bad("claims."+name, "claims: %v", err)
			continue
		}
		for i, r := range e.Remove {
			if err := lists.Edit(name, nil, []string{r}); err != nil {
				bad(fmt.Sprintf("claims.%s.remove.%d", name, i), "claims.%s: %v", name, err)
			}
		}
		for i, a := range e.Add {
			if err := lists.Edit(name, []string{a}, nil); err != nil {
				bad(fmt.Sprintf("claims.%s.add.%d", name, i), "claims.%s: %v", name, err)
			}
		}
	}
	det, err := claims.New(lists)
	if err != nil { // the built-in lists are tested to compile
		panic(err)
	}
	w.Claims = det

	entries := plain.Builtin()
	for i, r := range cfg.PlainLanguage.Remove {
		n := len(entries)
		entries = slices.DeleteFunc(entries, func(e plain.Entry) bool { return e.Term == r })
		if len(entries) == n {
			bad(fmt.Sprintf("plain_language.remove.%d", i), "plain_language.remove: %q is not in the built-in list; write the word as plain.txt has it, before its =", r)
		}
	}
	for _, term := range slices.Sorted(maps.Keys(cfg.PlainLanguage.Add)) {
		e := plain.Entry{Term: term, Instead: cfg.PlainLanguage.Add[term]}
		if _, err := prose.ParsePhrase(term); err != nil {
			bad("plain_language.add."+term, "plain_language.add: %v", err)
			continue
		}
		entries = append(entries, e)
	}
	list, err := plain.New(entries)
	if err != nil {
		panic(err)
	}
	w.Plain = list
	return w, found
}
