package build

import (
	"cmp"
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
)

// asked is a published page that asks questions in its faq front matter.
type asked struct {
	page *check.Page
	view *layout.Page
}

// askers returns the published pages with questions that the FAQ hub
// gathers: every kind of page but patient stories, whose questions the
// checks refuse.
func (p *Project) askers(views map[*content.Page]*layout.Page) []asked {
	var out []asked
	for i := range p.Pages {
		pg := &p.Pages[i]
		if v := views[pg.Page]; v != nil && len(pg.Meta.FAQ) > 0 && pg.Section != content.StoriesSection {
			out = append(out, asked{page: pg, view: v})
		}
	}
	return out
}

// faqHub gathers every question of the site by topic for the FAQ hub:
// the page's about, or else its title. Topics are in alphabetical order,
// and within a topic the pages in site order and their questions in
// theirs. It also returns, for the hub's FAQPage data, the questions that
// no FAQ page marks up itself, so that each question is marked up once on
// the site.
func (p *Project) faqHub(from []asked, relURL, absURL func(string) string) ([]layout.Topic, []seo.Question, error) {
	byKey := map[string]*layout.Topic{}
	var marked []seo.Question
	for _, a := range from {
		name := cmp.Or(strings.TrimSpace(a.page.Meta.About), a.view.Title)
		key := strings.ToLower(name)
		t := byKey[key]
		if t == nil {
			t = &layout.Topic{Name: name}
			byKey[key] = t
		}
		for k, qa := range a.page.Meta.FAQ {
			anchor := "#" + check.FAQAnchor(k)
			answer, err := p.md.RenderString(qa.A, p.resolver(a.page.Page, relURL, a.view.URL))
			if err != nil {
				return nil, nil, err
			}
			t.Questions = append(t.Questions, layout.Question{
				Question: qa.Q, Answer: answer,
				Page: layout.Link{Title: a.view.Title, URL: a.view.URL + anchor},
			})
			if !check.IsFAQPage(a.page.Page) {
				q, err := p.markedQuestion(a.page.Page, qa, a.view.Permalink, absURL)
				if err != nil {
					return nil, nil, err
				}
				marked = append(marked, q)
			}
		}
	}
	var topics []layout.Topic
	ids := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		t := *byKey[key]
		t.ID = "topic-" + content.Slugify(t.Name)
		for n := 2; ids[t.ID]; n++ {
			t.ID = fmt.Sprintf("topic-%s-%d", content.Slugify(t.Name), n)
		}
		ids[t.ID] = true
		for i := range t.Questions {
			t.Questions[i].ID = fmt.Sprintf("%s-q%d", t.ID, i+1)
		}
		topics = append(topics, t)
	}
	return topics, marked, nil
}

// pageQuestions returns a FAQ page's questions as FAQPage data.
func (p *Project) pageQuestions(pg *check.Page, permalink string, absURL func(string) string) ([]seo.Question, error) {
	var out []seo.Question
	for _, qa := range pg.Meta.FAQ {
		q, err := p.markedQuestion(pg.Page, qa, permalink, absURL)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// markedQuestion is one question for FAQPage data: the whole question,
// and the whole answer as HTML with absolute links, as the page shows it.
func (p *Project) markedQuestion(from *content.Page, qa content.QA, permalink string, absURL func(string) string) (seo.Question, error) {
	answer, err := p.md.RenderString(qa.A, p.resolver(from, absURL, permalink))
	if err != nil {
		return seo.Question{}, err
	}
	return seo.Question{Type: "Question", Name: strings.TrimSpace(qa.Q),
		AcceptedAnswer: seo.Answer{Type: "Answer", Text: strings.TrimSpace(string(answer))}}, nil
}

// trustView is the trust page, "How we make our health information",
// from pamphlet.yaml's trust statement, its reviewer registry and its
// review policy.
func (p *Project) trustView(relURL, absURL func(string) string) (*layout.Page, error) {
	cfg := p.Site.Config
	home := p.Site.PageByURL("/")
	render := func(md string) (template.HTML, error) {
		if strings.TrimSpace(md) == "" {
			return "", nil
		}
		return p.md.RenderString(md, p.resolver(home, relURL, ""))
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
		Kind: "trust", Title: check.TrustTitle,
		Description: "Who publishes " + cfg.Title + ", how it is paid for, and how clinicians check its health information.",
		URL:         relURL(content.TrustURL), Permalink: absURL(content.TrustURL),
		Breadcrumbs: []layout.Link{{Title: "Home", URL: relURL("/")}},
		Trust:       tr,
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
