package view

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Trust is the trust page, "How we make our health information", of a
// language of the site: from pamphlet.yaml's trust statement in that
// language (see content.Trust.In), its reviewer registry and its review
// policy, in the language's words w, at the language's address.
func Trust(cfg *content.Config, lang string, markdown func(md string) (template.HTML, error), w *layout.Words, relURL, absURL func(string) string) (*layout.Page, error) {
	render := func(md string) (template.HTML, error) {
		if strings.TrimSpace(md) == "" {
			return "", nil
		}
		return markdown(md)
	}
	t, _ := cfg.Trust.In(lang, cfg.Language)
	prefix := cfg.Prefix(lang)
	tr := &layout.Trust{
		Interval:   periodWords(cfg.Review.Interval, w),
		Signatures: cfg.Review.RequireSignatures,
	}
	for _, part := range []struct {
		dst *template.HTML
		src string
	}{
		{&tr.Publisher, t.Publisher}, {&tr.Funding, t.Funding}, {&tr.Advertising, t.Advertising},
		{&tr.Process, t.Process}, {&tr.Review, t.Review}, {&tr.Feedback, t.Feedback},
		{&tr.Disclaimer, disclaimer(t.Disclaimer, w)},
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
		Kind: "trust", Title: w.Say("trust.title"),
		Description: w.Say("trust.description", "site", cfg.Title),
		URL:         relURL(prefix + content.TrustURL), Permalink: absURL(prefix + content.TrustURL),
		Updated:     cfg.Trust.Updated.Time,
		Trust:       tr,
		Breadcrumbs: []layout.Link{{Title: w.Say("nav.home"), URL: relURL(prefix + "/")}},
	}, nil
}

// periodWords writes a period as readers say it, in the words w: "12
// months", "1 year".
func periodWords(p content.Period, w *layout.Words) string {
	n := strconv.Itoa(p.N)
	switch {
	case p.Unit == "d" && p.N == 1:
		return w.Say("period.day", "n", n)
	case p.Unit == "d":
		return w.Say("period.days", "n", n)
	case p.Unit == "w" && p.N == 1:
		return w.Say("period.week", "n", n)
	case p.Unit == "w":
		return w.Say("period.weeks", "n", n)
	case p.Unit == "mo" && p.N == 1:
		return w.Say("period.month", "n", n)
	case p.Unit == "mo":
		return w.Say("period.months", "n", n)
	case p.N == 1:
		return w.Say("period.year", "n", n)
	}
	return w.Say("period.years", "n", n)
}

// disclaimer is the site's disclaimer, or, where the site wrote none of
// its own, the theme's in the page's language.
func disclaimer(own string, w *layout.Words) string {
	if own == "" || own == content.DefaultDisclaimer {
		return w.Say("trust.disclaimer-text")
	}
	return own
}
