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
	Kind        string // home, section, single, tags, tag or 404
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
