package main

import (
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func TestFirstFindings(t *testing.T) {
	at := func(file string, line int, sev finding.Severity, rule string) finding.Finding {
		return finding.Finding{Position: finding.Position{File: file, Line: line, Col: 1}, Severity: sev, Rule: rule}
	}
	var (
		e1 = at("content/a.md", 4, finding.Error, "seo.description")
		e2 = at("content/b.md", 2, finding.Error, "review.missing")
		e3 = at("content/c d.md", 7, finding.Error, "links.broken")
		e4 = at("content/e.md", 1, finding.Error, "a11y.h1")
		w1 = at("content/a.md", 9, finding.Warning, "a11y.heading-order")
		s1 = at("content/a.md", 3, finding.Suggestion, "plain.word")
	)
	for _, tc := range []struct {
		name string
		in   []finding.Finding
		want string
	}{
		{"none", nil, ""},
		{"suggestions only", []finding.Finding{s1}, ""},
		{"warnings when no errors", []finding.Finding{w1, s1}, ": content/a.md:9:1 (a11y.heading-order)"},
		{"errors before warnings", []finding.Finding{w1, e1, e2}, ": content/a.md:4:1 (seo.description), content/b.md:2:1 (review.missing)"},
		{"the first three", []finding.Finding{e1, e2, e3, e4, w1}, ": content/a.md:4:1 (seo.description), content/b.md:2:1 (review.missing), content/c d.md:7:1 (links.broken) and 1 more"},
	} {
		if got := firstFindings(tc.in, 3); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
