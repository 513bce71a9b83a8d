package build

import (
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/seo"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// hubPart renders a page's questions for the FAQ hub, each answer's
// images with what pictures gives them (nil for nothing).
func (p *Project) hubPart(pg *check.Page, v *layout.Page, relURL, absURL func(string) string, pictures func(*markdown.Document) markdown.Pictures) (*view.Asked, error) {
	a := &view.Asked{Page: pg, View: v}
	for _, qa := range pg.Meta.FAQ {
		doc := p.md.Parse([]byte(qa.A))
		var pics markdown.Pictures
		if pictures != nil {
			pics = pictures(doc)
		}
		answer, err := p.md.RenderWith(doc, p.resolver(pg.Page, relURL, v.URL), pics)
		if err != nil {
			return nil, err
		}
		a.Answers = append(a.Answers, answer)
	}
	if !check.IsFAQPage(pg.Page) {
		var err error
		if a.Marked, err = p.pageQuestions(pg, v.Permalink, absURL); err != nil {
			return nil, err
		}
	}
	return a, nil
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
