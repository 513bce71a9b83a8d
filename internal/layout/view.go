package layout

import (
	"html/template"
	"time"
)

// Data is what every template gets: the site and the page being rendered.
type Data struct {
	Site *Site
	Page *Page
}

// Site is the site-wide part of a page's view.
type Site struct {
	Title        string
	Description  string
	Language     string
	BaseURL      string // absolute, ends in /
	Organization Organization
	Menu         []Link
	Sections     []Link // the top-level sections, for navigation
	Today        time.Time

	Image       Image  // shown when a page is shared
	TwitterCard string // summary_large_image, or summary for a small image
	Twitter     string // the site's account, such as @RiversideHealth; may be ""
	ThemeColor  string // such as #0b4f8a
	Locale      string // og:locale, such as en_GB; "" when the language names no region
	FeedURL     string // the RSS feed of news and alerts; "" when there is none
	TrustURL    string // the page "How we make our health information"
	TrustTitle  string
	Disclaimer  template.HTML // that the information complements care and does not replace it, rendered
}

// Image is a picture at an absolute address, with its size in pixels when
// known (0 otherwise) and its media type.
type Image struct {
	URL           string
	Alt           string
	Width, Height int
	Type          string // such as image/png; "" when unknown
}

// Organization is who publishes the site.
type Organization struct {
	Name, URL, Logo, Phone, Email, Address, EmergencyNumber string
}

// Link is a titled address; Current marks the page being rendered.
type Link struct {
	Title   string
	URL     string
	Current bool
}

// Page is one page's view. URLs already carry the site's base path.
type Page struct {
	Kind        string // home, section, single, tags, tag, trust or 404
	Section     string
	Title       string
	Description string
	URL         string // such as /articles/flu/
	Permalink   string // absolute
	Date        time.Time
	Updated     time.Time
	Body        template.HTML
	Tags        []Link
	Audience    []string
	About       string
	Clinical    bool
	Review      *Review // a sign-off that holds; nil when there is none
	Sources     []Source
	FAQ         []QA
	Pages       []*Page // for lists: the pages listed
	Breadcrumbs []Link  // from the home page to the parent of this page

	// JSONLD is the page's schema.org data, already safe to place inside
	// a <script type="application/ld+json"> element; "" for none.
	JSONLD template.JS
	// NoIndex asks search engines to leave the page out (the 404 page).
	NoIndex bool
	// Topics are the FAQ hub's questions, gathered from every page.
	Topics []Topic
	// Trust is the trust page's statement; nil on other pages.
	Trust *Trust
}

// Topic is one topic of the FAQ hub with its questions.
type Topic struct {
	ID        string // anchor of the topic's heading
	Name      string
	Questions []Question
}

// Question is a question of the FAQ hub, with its answer and the page it
// comes from.
type Question struct {
	ID       string // anchor of the question on the hub
	Question string
	Answer   template.HTML
	Page     Link // the page that asks it, its URL pointing at the question
}

// Trust is the statement of the trust page: each part is rendered
// Markdown, "" when pamphlet.yaml leaves it out.
type Trust struct {
	Publisher, Funding, Advertising, Process, Review, Feedback, Disclaimer template.HTML
	Reviewers                                                              []Reviewer // the clinical reviewers who sign pages off
	Interval                                                               string     // the usual time between reviews, such as "12 months"
	Signatures                                                             bool       // every sign-off must carry an SSH signature
}

// Reviewer is a clinician who may sign pages off.
type Reviewer struct {
	Name, Credentials, Role string
}

// Review is a page's clinical sign-off as readers see it.
type Review struct {
	Reviewer    string // the reviewer's name
	Credentials string
	Role        string
	Date        time.Time // when the page was last reviewed
	Next        time.Time // when the next review is due
	Signed      bool      // the sign-off carries a verified SSH signature
}

// Source is evidence behind a page.
type Source struct {
	Title, Publisher, URL string
	Date                  time.Time
}

// QA is a question with its rendered answer and the anchor ID it has.
type QA struct {
	ID       string
	Question string
	Answer   template.HTML
}
