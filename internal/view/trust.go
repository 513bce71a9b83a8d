package view

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Trust is the trust page, "How we make our health information",
// from pamphlet.yaml's trust statement, its reviewer registry and its
// review policy.
func Trust(cfg *content.Config, markdown func(md string) (template.HTML, error), relURL, absURL func(string) string) (*layout.Page, error) {
	render := func(md string) (template.HTML, error) {
		if strings.TrimSpace(md) == "" {
			return "", nil
		}
		return markdown(md)
	}
	t := cfg.Trust
	tr := &layout.Trust{
		Interval:   periodWords(cfg.Review.Interval),
		Signatures: cfg.Review.RequireSignatures,
	}
	for _, part := range []struct {
		dst *template.HTML
		src string
	}{
		{&tr.Publisher, t.Publisher}, {&tr.Funding, t.Funding}, {&tr.Advertising, t.Advertising},
		{&tr.Process, t.Process}, {&tr.Review, t.Review}, {&tr.Feedback, t.Feedback},
		{&tr.Disclaimer, cmp.Or(t.Disclaimer, content.DefaultDisclaimer)},
	} {
		html, err := render(part.src)
		if err != nil {
			return nil, fmt.Errorf("%s trust: %w", content.ConfigFile, err)
		}
		*part.dst = html
	}
	for _, id := range slices.Sorted(maps.Keys(cfg.Reviewers)) {
		if r := cfg.Reviewers[id]; r.Clinical {
			tr.Reviewers = append(tr.Reviewers, layout.Reviewer{Name: r.Name, Credentials: r.Credentials, Role: r.Role})
		}
	}
	slices.SortStableFunc(tr.Reviewers, func(a, b layout.Reviewer) int { return cmp.Compare(a.Name, b.Name) })
	return &layout.Page{
		Kind: "trust", Title: layout.TrustTitle,
		Description: "Who publishes " + cfg.Title + ", how it is paid for, and how clinicians check its health information.",
		URL:         relURL(content.TrustURL), Permalink: absURL(content.TrustURL),
		Trust:       tr,
		Breadcrumbs: []layout.Link{{Title: layout.HomeTitle, URL: relURL("/")}},
	}, nil
}

// periodWords writes a period as readers say it: "12 months", "1 year".
func periodWords(p content.Period) string {
	unit := map[string]string{"d": "day", "w": "week", "mo": "month", "y": "year"}[p.Unit]
	if p.N != 1 {
		unit += "s"
	}
	return fmt.Sprintf("%d %s", p.N, unit)
}
