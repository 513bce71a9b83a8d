package build

import (
	"cmp"
	"html/template"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
)

// asks reports whether a published page's questions go into the FAQ hub:
// those of every kind of page but patient stories, whose questions the
// checks refuse.
func asks(pg *check.Page) bool {
	return len(pg.Meta.FAQ) > 0 && pg.Section != content.StoriesSection
}

// asked is a page's part of the FAQ hub, rendered with the page's own job.
type asked struct {
	page    *check.Page
	view    *layout.Page
	answers []template.HTML // as the hub shows them: links to the page's own anchors lead back to it
	marked  []seo.Question  // for the hub's FAQPage data; none for a FAQ page, which marks up its own
}

// hubPart renders a page's questions for the FAQ hub.
func (p *Project) hubPart(pg *check.Page, v *layout.Page, relURL, absURL func(string) string) (*asked, error) {
	a := &asked{page: pg, view: v}
	for _, qa := range pg.Meta.FAQ {
		answer, err := p.md.RenderString(qa.A, p.resolver(pg.Page, relURL, v.URL))
		if err != nil {
			return nil, err
		}
		a.answers = append(a.answers, answer)
	}
	if !check.IsFAQPage(pg.Page) {
		var err error
		if a.marked, err = p.pageQuestions(pg, v.Permalink, absURL); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// faqHub gathers every question of the site by topic for the FAQ hub:
// the page's about, or else its title. Topics are in alphabetical order,
// and within a topic the pages in site order and their questions in
// theirs. It also returns, for the hub's FAQPage data, the questions that
// no FAQ page marks up itself, so that each question is marked up once on
// the site.
func faqHub(parts []*asked) ([]layout.Topic, []seo.Question) {
	byKey := map[string]*layout.Topic{}
	var marked []seo.Question
	for _, a := range parts {
		name := cmp.Or(strings.TrimSpace(a.page.Meta.About), a.view.Title)
		key := strings.ToLower(name)
		t := byKey[key]
		if t == nil {
			t = &layout.Topic{Name: name}
			byKey[key] = t
		}
		for k, qa := range a.page.Meta.FAQ {
			t.Questions = append(t.Questions, layout.Question{
				Question: qa.Q, Answer: a.answers[k],
				Page: layout.Link{Title: a.view.Title, URL: a.view.URL + "#" + layout.FAQAnchor(k)},
			})
		}
		marked = append(marked, a.marked...)
	}
	var topics []layout.Topic
	ids := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		t := *byKey[key]
		t.ID = layout.TopicID(content.Slugify(t.Name), 1)
		for n := 2; ids[t.ID]; n++ {
			t.ID = layout.TopicID(content.Slugify(t.Name), n)
		}
		ids[t.ID] = true
		for i := range t.Questions {
			t.Questions[i].ID = layout.TopicQuestionID(t.ID, i)
		}
		topics = append(topics, t)
	}
	return topics, marked
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
