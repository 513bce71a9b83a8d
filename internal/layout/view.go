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
	HomeURL      string // the home page of the language
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
	// LanguagesLabel names the links to a page's versions in other
	// languages, in the site language's words (the word nav.languages).
	LanguagesLabel string
	TrustURL       string // the page "How we make our health information"
	SearchURL      string // the search page of the language, its index in index/ below it; "" when the site has no search
	TrustTitle     string // its title, in the site language's words
	// AccessibilityURL is the accessibility statement's page, "" when
	// the site has none; AccessibilityTitle its title, in the site
	// language's words.
	AccessibilityURL, AccessibilityTitle string
	Disclaimer                           template.HTML // that the information complements care and does not replace it, rendered

	// MediaContact is who journalists should contact about news; nil
	// when pamphlet.yaml names nobody.
	MediaContact *Contact

	// Alerts are the service alerts active on the build date, most
	// severe first, then newest.
	Alerts []*Page
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

// Contact is a person or office to get in touch with.
type Contact struct {
	Name, Email, Phone string
}

// Link is a titled address; Current marks the page being rendered.
type Link struct {
	Title   string
	URL     string
	Current bool
}

// Page is one page's view. URLs already carry the site's base path. Its
// fields come in three parts, by where they come from, and the preview
// knows what to render again from these parts alone. The first part is
// the page's card: what other pages show of it, so that when it changes
// the pages that list it are rendered again. The fields of the other two
// parts are tagged card:"-": what only the page itself shows (its own
// text and the site's settings make it), and what other pages feed it.
// (One flat struct, not three embedded ones, because templates look
// promoted fields up far more slowly.)
type Page struct {
	// The card.
	Kind    string // home, section, single, tags, tag, audiences, audience, trust, accessibility or 404
	Section string
	Title   string
	// Description is the page's own, or else the site's, or else made of
	// its title in the theme's words of its language.
	Description string `join:"make"`
	URL         string // such as /articles/flu/
	Permalink   string // absolute
	Date        time.Time
	Updated     time.Time
	Tags        []Link
	Audience    []string
	About       string
	Clinical    bool
	Review      *Review // a sign-off that holds; nil when there is none
	Sources     []Source
	// NoIndex asks search engines to leave the page out (the 404 page).
	NoIndex bool
	// Audiences are the pages for each of the page's audiences, named
	// in the theme's words of its language.
	Audiences []Link `join:"make"`
	// Event is when and where an event takes place; nil on other pages.
	Event *Event `join:"make"`
	// Alert is an alert's severity and time span; nil on other pages.
	Alert *Alert `join:"make"`
	// Consent is the date a story's teller agreed to its publication;
	// zero on other pages.
	Consent time.Time `join:"make"`

	// What only the page itself shows.
	Body template.HTML `card:"-"`
	FAQ  []QA          `card:"-"`
	// JSONLD is the page's schema.org data, already safe to place inside
	// a <script type="application/ld+json"> element; "" for none.
	JSONLD template.JS `card:"-"`
	// Trust is the trust page's statement; nil on other pages.
	Trust *Trust `card:"-"`
	// Accessibility is the accessibility statement's; nil on other pages.
	Accessibility *Accessibility `card:"-"`
	// Scheduled is the date of a page whose date is after the build date,
	// which only the preview shows (with a banner); zero on other pages.
	Scheduled time.Time `card:"-"`
	// Contents are the sections of a long page, for a contents list; nil
	// on a page with fewer than three. Like Body, they are made from the
	// page's text when it is rendered.
	Contents []Link `card:"-"`
	// Image is the page's own sharing image (image: in its front
	// matter), which Open Graph and Twitter cards show in place of the
	// site's; nil for none. TwitterCard is then the card it makes.
	Image       *Image `card:"-"`
	TwitterCard string `card:"-"`

	// What other pages feed it: the lists it shows and the way to it from
	// the home page.
	Pages       []*Page `card:"-" join:"make"` // for lists: the pages listed
	Breadcrumbs []Link  `card:"-" join:"make"` // from the home page to the parent of this page
	// Topics are the FAQ hub's questions, gathered from every page.
	Topics []Topic `card:"-" join:"make"`
	// Related are other pages on the same topics, closest first.
	Related []*Page `card:"-" join:"make"`
	// News, Events and Past fill the home page and the events list: the
	// newest news, the upcoming events (soonest first) and the events
	// that have ended (latest first).
	News, Events, Past []*Page `card:"-" join:"make"`
	// AZ is the home page's A to Z of health topics.
	AZ []Letter `card:"-" join:"make"`
	// Translations are the page's versions in every language, itself
	// among them, for the "this page in" links and the alternates; nil
	// for a page in one language only.
	Translations []Translation `card:"-" join:"make"`
}

// Translation is one language's version of a page.
type Translation struct {
	Lang      string // a language tag, such as es
	Name      string // the language's name in itself, such as Español
	URL       string
	Permalink string // absolute, for hreflang alternates
	Current   bool   // the version being shown
}

// CardTag is the struct tag that marks the fields of Page outside its
// card; hashing a Page with it as the tag name to ignore by (see
// hashstructure's TagName) hashes the card alone.
const CardTag = "card"

// JoinTag is the struct tag (join:"make") that marks the fields of Page
// that are filled in when the pages' views are joined (by internal/view's
// Make: the lists, the way from the home page, the other languages, what
// the build date makes of an event or alert, what the page says in the
// theme's words of its language; and the FAQ hub's questions), rather
// than from the page alone. A view made again from its page alone keeps
// them.
const JoinTag = "join"

// Letter is one letter of the A to Z of health topics.
type Letter struct {
	Letter string
	ID     string // anchor of the letter's heading
	Topics []AZTopic
}

// AZTopic is a health topic with the pages about it.
type AZTopic struct {
	Name  string
	Pages []Link
}

// Event is when and where an event takes place, and how to join it.
type Event struct {
	Starts, Ends time.Time // Ends may be zero
	HasTime      bool      // the times of day are known
	When         string    // for readers, such as "Saturday 5 December 2026, 10am to 2pm (UTC−5)"
	Location     *Location // nil when the front matter gives none
	Registration string    // a web address, or ""
	Cost         string
	Past         bool   // over by the build date
	Calendar     string // the address of its iCalendar file, for "Add to calendar"
}

// Location is where an event takes place.
type Location struct {
	Name, Address, URL string
}

// Alert is a service alert's severity and time span.
type Alert struct {
	Severity     string // info, warning or urgent
	Label        string // the severity for readers: "Information", "Warning" or "Urgent"
	Starts, Ends time.Time
	When         string // such as "From Thursday 24 December 2026, 5pm until Saturday 26 December 2026, 8am (UTC−5)"
	Until        string // such as "Until Saturday 26 December 2026, 8am (UTC−5)"; "" with no end
	Active       bool   // in force on the build date
	Status       string // "In force now", "Planned" or "Ended"
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

// Accessibility is the accessibility statement of the accessibility
// page: the parts pamphlet.yaml writes, rendered Markdown, and what the
// theme adds.
type Accessibility struct {
	Organization         string // who runs the site
	Contact, Enforcement template.HTML
	TestedBy             template.HTML   // who tested the site and how; "" when not said
	Limitations          []template.HTML // the known problems; none when the site fully meets the standard
	Tested, Reviewed     time.Time       // the last test, and the last review of the statement
	// Custom reports that the site has its own templates or styles,
	// which the theme's accessibility tests do not cover.
	Custom bool
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
