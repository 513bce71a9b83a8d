package layout

import "testing"

func TestReservedID(t *testing.T) {
	for id, want := range map[string]bool{
		"main": true, "faq": true, "sources": true, "review": true, "related": true, "topics": true, "home-news": true,
		"faq-1": true, "faq-12": true, "faq-": false, "faq-1a": false, "faq-1-section": false,
		"az-a": true, "az-é": true, "az-digits": true, "az-ab": false, "topic-flu": true, "topic-flu-2-q3": true,
		"sources-section": false, "using-a-spacer": false, "topical": false,
	} {
		if got := ReservedID(id); got != want {
			t.Errorf("ReservedID(%q) = %v, want %v", id, got, want)
		}
	}
	for _, id := range append(PageIDs(), FAQAnchor(0), LetterID("A", false), LetterID("", true), TopicID("flu", 1), TopicID("flu", 2), TopicQuestionID(TopicID("flu", 2), 0)) {
		if !ReservedID(id) {
			t.Errorf("%q, an ID the layouts give, is not reserved", id)
		}
	}
}
