package check

import (
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// IsFAQPage reports whether a page is a question-and-answer page: a single
// page in content/faq/.
func IsFAQPage(p *content.Page) bool {
	return p.Kind == content.Single && p.Section == content.FAQSection
}

// FAQQuestions reports pages in content/faq/ with no questions in their
// faq front matter (faq.questions, warning): a question-and-answer page
// lists its questions there, so that they show on the page, in the FAQ hub
// and in the page's FAQPage data for search engines. Stories with a faq
// are reported too (error): a patient's story is not an answer to a
// health question.
func FAQQuestions(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) {
			continue
		}
		switch {
		case IsFAQPage(p.Page) && len(p.Meta.FAQ) == 0:
			out = append(out, warningAt(p.KeyPos("faq"), "faq.questions",
				"this page is in content/faq/ but has no questions; list them under faq: with q: and a: for each"))
		case p.Section == content.StoriesSection && len(p.Meta.FAQ) > 0:
			out = append(out, errorAt(p.KeyPos("faq"), "faq.questions",
				"a patient story cannot carry questions and answers: one person's experience is not a health answer; move them to a page in content/faq/"))
		}
	}
	return out
}
