package layout

import (
	"fmt"
	"slices"
	"strings"
)

// The fixed IDs the built-in layouts give elements of a page, and the
// headings and words around them that code outside the templates needs.
// A heading in a page's text never takes one of these IDs (see
// ReservedID), so no page has two elements with one ID.
const (
	MainID         = "main"          // the page's main content, which the skip link leads to
	FAQID          = "faq"           // the heading over a page's questions
	SourcesID      = "sources"       // the heading over a page's sources
	ReviewID       = "review"        // the heading over a page's clinical review
	RelatedID      = "related"       // the heading over a page's related pages
	MediaContactID = "media-contact" // the heading over a news item's media contact
	TopicsID       = "topics"        // the heading over the FAQ hub's list of topics
	HomeAZID       = "home-az"       // the home page's A to Z
	HomeNewsID     = "home-news"     // the home page's latest news
	HomeEventsID   = "home-events"   // the home page's upcoming events
	HomeMoreID     = "home-more"     // the home page's list of sections
	UpcomingID     = "events-upcoming"
	PastID         = "events-past"
	SiteSearchID   = "site-search-q" // the search box at the top of every page

	// TopID is not an element's ID but the fragment that leads to the top
	// of any page, which a link may name.
	TopID = "top"

	// FAQHeading is the heading over a page's questions.
	FAQHeading = "Common questions"
)

// fixedIDs are the fixed IDs above, which a heading may not take.
var fixedIDs = []string{
	MainID, TopID, FAQID, SourcesID, ReviewID, RelatedID, MediaContactID, TopicsID,
	HomeAZID, HomeNewsID, HomeEventsID, HomeMoreID, UpcomingID, PastID, SiteSearchID,
}

// searchIDs are the IDs of the search page's form and results, which the
// search script (assets/js/search.js) finds them by.
var searchIDs = []string{
	"search-form", "search-q", "search-filters", "search-section", "search-audience", "search-topic",
	"search-live", "search-status", "search-results", "search-more", "search-browse",
}

// PageIDs returns the IDs that a link to any page may name: the element
// IDs the layout may give every single page, and the top.
func PageIDs() []string {
	return []string{MainID, TopID, FAQID, SourcesID, ReviewID, RelatedID, MediaContactID}
}

// FAQAnchor is the ID of the i-th question (from 0) of a page's faq.
func FAQAnchor(i int) string { return fmt.Sprintf("faq-%d", i+1) }

// LetterID is the ID of a letter of the home page's A to Z: az-a, az-b,
// and az-digits for topics that start with a digit.
func LetterID(letter string, digits bool) string {
	if digits {
		return "az-digits"
	}
	return "az-" + strings.ToLower(letter)
}

// TopicID is the ID of a topic of the FAQ hub, from the slug of its name;
// n counts the topics before it with the same slug (from 1).
func TopicID(slug string, n int) string {
	if n > 1 {
		return fmt.Sprintf("topic-%s-%d", slug, n)
	}
	return "topic-" + slug
}

// TopicQuestionID is the ID of the i-th question (from 0) of a hub topic.
func TopicQuestionID(topic string, i int) string { return fmt.Sprintf("%s-q%d", topic, i+1) }

// ReservedID reports whether a built-in layout may give an element of a
// page the ID: the fixed IDs, the search page's, the questions' (faq-1, faq-2, …), the A to
// Z's letters (az-a, az-digits) and the FAQ hub's topics and their
// questions (topic-…).
func ReservedID(id string) bool {
	if slices.Contains(fixedIDs, id) || slices.Contains(searchIDs, id) || strings.HasPrefix(id, "topic-") || id == "az-digits" {
		return true
	}
	if n, ok := strings.CutPrefix(id, "faq-"); ok {
		return n != "" && strings.Trim(n, "0123456789") == ""
	}
	if l, ok := strings.CutPrefix(id, "az-"); ok {
		return len([]rune(l)) == 1
	}
	return false
}
