package view

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

// Asks reports whether a published page's questions go into the FAQ hub:
// those of every kind of page but patient stories, whose questions the
// checks refuse.
func Asks(pg *check.Page) bool {
	return len(pg.Meta.FAQ) > 0 && pg.Section != content.StoriesSection
}

// Asked is a page's part of the FAQ hub, rendered with the page's own
// file.
type Asked struct {
	Page    *check.Page
	View    *layout.Page
	Answers []template.HTML // as the hub shows them: links to the page's own anchors lead back to it
	Marked  []seo.Question  // for the hub's FAQPage data; none for a FAQ page, which marks up its own
}

// FAQHub gathers every question of the site by topic for the FAQ hub:
// the page's about, or else its title. Topics are in alphabetical order,
// and within a topic the pages in site order and their questions in
// theirs. It also returns, for the hub's FAQPage data, the questions that
// no FAQ page marks up itself, so that each question is marked up once on
// the site.
func FAQHub(parts []*Asked) ([]layout.Topic, []seo.Question) {
	byKey := map[string]*layout.Topic{}
	var marked []seo.Question
	for _, a := range parts {
		name := cmp.Or(strings.TrimSpace(a.Page.Meta.About), a.View.Title)
		key := strings.ToLower(name)
		t := byKey[key]
		if t == nil {
			t = &layout.Topic{Name: name}
			byKey[key] = t
		}
		for k, qa := range a.Page.Meta.FAQ {
			t.Questions = append(t.Questions, layout.Question{
				Question: qa.Q, Answer: a.Answers[k],
				Page: layout.Link{Title: a.View.Title, URL: a.View.URL + "#" + layout.FAQAnchor(k)},
			})
		}
		marked = append(marked, a.Marked...)
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
