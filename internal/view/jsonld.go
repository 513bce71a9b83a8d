package view

import (
	"bytes"
	"cmp"
	"html/template"
	"image"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
)

// Graph is the site-wide part of every page's JSON-LD: the organization
// and the website.
type Graph struct {
	org      *seo.Organization // in full on the home page; as publisher elsewhere
	website  *seo.WebSite
	image    layout.Image
	lang     string
	currency string // of a free event's offer
	absURL   func(string) string
}

// imageTypes are the media types of the image files a page may be shared
// with.
var imageTypes = map[string]string{".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}

// siteImage resolves an image pamphlet.yaml names, a site path or an
// absolute URL, to its absolute URL, with its size in pixels when the
// site holds the file (0, 0 otherwise). files is the output rendered so
// far, which holds the site's images.
func siteImage(ref string, files map[string][]byte, absURL func(string) string) (url string, width, height int) {
	if strings.Contains(ref, "://") {
		return ref, 0, 0
	}
	if c, _, err := image.DecodeConfig(bytes.NewReader(files[strings.TrimPrefix(ref, "/")])); err == nil {
		width, height = c.Width, c.Height
	}
	return absURL(ref), width, height
}

// ShareImage returns the image shown when a page is shared.
func ShareImage(cfg *content.Config, files map[string][]byte, absURL func(string) string) layout.Image {
	img := layout.Image{Alt: cmp.Or(cfg.Social.ImageAlt, cfg.Title), Type: imageTypes[strings.ToLower(path.Ext(cfg.Social.Image))]}
	img.URL, img.Width, img.Height = siteImage(cfg.Social.Image, files, absURL)
	return img
}

// PageImage returns a page's own sharing image, at an absolute URL, of a
// file whose size the caller read (0, 0 when it could not).
func PageImage(url, alt string, width, height int) layout.Image {
	return layout.Image{URL: url, Alt: alt, Width: width, Height: height, Type: imageTypes[strings.ToLower(path.Ext(url))]}
}

// TwitterCard is the card a page shares as: a large image when the image
// is big enough for one (at least 300 by 157 pixels), a summary otherwise.
func TwitterCard(img layout.Image) string {
	if img.Width >= 300 && img.Height >= 157 {
		return "summary_large_image"
	}
	return "summary"
}

// OGLocale returns the og:locale of a language tag such as en-GB (en_GB),
// or "" for a tag without a region.
func OGLocale(lang string) string {
	l, region, ok := strings.Cut(lang, "-")
	if !ok || len(region) != 2 {
		return ""
	}
	return strings.ToLower(l) + "_" + strings.ToUpper(region)
}

// NewGraph builds the organization and website nodes.
func NewGraph(cfg *content.Config, img layout.Image, files map[string][]byte, absURL func(string) string) *Graph {
	o := cfg.Organization
	org := &seo.Organization{
		Type: cmp.Or(o.Type, "Organization"), ID: cfg.BaseURL + "#organization",
		Name: cmp.Or(o.Name, cfg.Title), URL: cmp.Or(Address(o.URL, absURL), cfg.BaseURL),
		Telephone: o.Phone, Email: o.Email, Address: postalAddress(o.Address),
	}
	if o.Logo != "" {
		var w, h int
		org.Logo = &seo.ImageObject{Type: "ImageObject"}
		org.Logo.URL, w, h = siteImage(o.Logo, files, absURL)
		org.Logo.Width, org.Logo.Height = seo.Pixels(w), seo.Pixels(h)
	}
	return &Graph{
		org: org,
		website: &seo.WebSite{Type: "WebSite", ID: cfg.BaseURL + "#website", Name: cfg.Title, URL: cfg.BaseURL,
			Description: cfg.Description, InLanguage: cfg.Language, Publisher: &seo.Ref{ID: org.ID}},
		image:    img,
		lang:     cfg.Language,
		currency: cmp.Or(cfg.Organization.Currency, content.DefaultCurrency),
		absURL:   absURL,
	}
}

// postalAddress is an address of pamphlet.yaml or front matter as a
// schema.org PostalAddress, or nil when none is given. An address written
// as one line is its streetAddress.
func postalAddress(a content.Address) *seo.PostalAddress {
	if a.IsZero() {
		return nil
	}
	if a.Text != "" {
		return &seo.PostalAddress{Type: "PostalAddress", StreetAddress: a.String()}
	}
	return &seo.PostalAddress{Type: "PostalAddress", StreetAddress: strings.TrimSpace(a.Street), AddressLocality: strings.TrimSpace(a.Locality),
		AddressRegion: strings.TrimSpace(a.Region), PostalCode: strings.TrimSpace(a.PostalCode), AddressCountry: strings.TrimSpace(a.Country)}
}

// imageOf is the URL of the image a page is shared with: its own, or
// the site's.
func (sd *Graph) imageOf(v *layout.Page) string {
	if v.Image != nil {
		return v.Image.URL
	}
	return sd.image.URL
}

// publisher is the organization as a page's publisher: enough to stand on
// its own, since each page is read alone.
func (sd *Graph) publisher() *seo.Organization {
	return &seo.Organization{Type: sd.org.Type, ID: sd.org.ID, Name: sd.org.Name, URL: sd.org.URL, Logo: sd.org.Logo}
}

// audienceType is a front matter audience as a schema.org audience:
// patients and clinicians are medical audiences, and the others are
// people named as the audience pages name them.
func audienceType(a string) seo.Audience {
	switch a {
	case "patients":
		return seo.Audience{Type: "MedicalAudience", AudienceType: "Patient"}
	case "clinicians":
		return seo.Audience{Type: "MedicalAudience", AudienceType: "Clinician"}
	}
	return seo.Audience{Type: "PeopleAudience", AudienceType: content.AudienceNames[a]}
}

// PageData is what one page's JSON-LD is made from.
type PageData struct {
	View  *layout.Page
	Page  *check.Page    // nil for pages pamphlet makes (tags, trust, a hub without a file)
	Trail []seo.Crumb    // from the home page to this page, absolute
	FAQ   []seo.Question // the questions this page marks up, when its main content is questions
	Lang  string         // the language of the page, such as the pages of a topic; "" for the site's default
}

// language is the language of a page's JSON-LD: the page's own, or the
// site's for the pages pamphlet makes.
func (sd *Graph) language(pg *check.Page) string {
	if pg != nil && pg.Lang != "" {
		return pg.Lang
	}
	return sd.lang
}

// SetJSONLD sets the page view's schema.org graph, safe inside a script
// element.
func (sd *Graph) SetJSONLD(d PageData) error {
	v := d.View
	crumbs := seo.Breadcrumbs(v.Permalink+"#breadcrumb", d.Trail)
	web := &seo.WebPage{
		Type: "WebPage", ID: v.Permalink, Name: v.Title, Description: v.Description, URL: v.Permalink,
		InLanguage: cmp.Or(d.Lang, sd.language(d.Page)), IsPartOf: &seo.Ref{ID: sd.website.ID}, Breadcrumb: &seo.Ref{ID: crumbs.ID},
		Publisher: sd.publisher(),
	}
	nodes := []any{web, crumbs}
	switch v.Kind {
	case "home":
		nodes = append(nodes, sd.org, sd.website)
	case "section", "tags", "tag", "audiences", "audience":
		web.Type = "CollectionPage"
	case "trust":
		web.Type = "AboutPage"
	}
	if len(d.FAQ) > 0 {
		web.Type = "FAQPage"
		web.MainEntity = d.FAQ
	}
	if (d.Page == nil || d.Page.File == "") && !v.Updated.IsZero() {
		web.DateModified = seo.Date(v.Updated, false) // a page made from pamphlet.yaml, dated there
	}
	if d.Page != nil && d.Page.File != "" {
		pg := d.Page
		m := pg.Meta
		web.DatePublished = seo.Date(m.Date.Time, m.Date.HasTime)
		web.DateModified = seo.Date(cmp.Or(m.Updated, m.Date).Time, cmp.Or(m.Updated, m.Date).HasTime)
		web.Keywords = strings.Join(m.Tags, ", ")
		if m.About != "" {
			web.About = &seo.Thing{Type: "Thing", Name: m.About}
		}
		for _, s := range m.Sources {
			c := seo.CreativeWork{Type: "CreativeWork", Name: s.Title, URL: s.URL, DatePublished: seo.Date(s.Date.Time, s.Date.HasTime)}
			if s.Publisher != "" {
				c.Publisher = &seo.Organization{Type: "Organization", Name: s.Publisher}
			}
			web.Citation = append(web.Citation, c)
		}
		audience := m.Audience
		if len(audience) == 0 && pg.Review.Clinical {
			audience = []string{"patients"}
		}
		for _, a := range audience {
			web.Audience = append(web.Audience, audienceType(a))
		}
		if pg.Review.Clinical && web.Type == "WebPage" {
			web.Type = "MedicalWebPage"
		}
		if r := v.Review; r != nil {
			web.LastReviewed = seo.Date(r.Date, false)
			person := &seo.Person{Type: "Person", Name: r.Reviewer, HonorificSuffix: r.Credentials, JobTitle: r.Role}
			if r.Credentials != "" {
				person.HasCredential = &seo.Credential{Type: "EducationalOccupationalCredential", Name: r.Credentials}
			}
			web.ReviewedBy = person
		}
		if pg.Kind == content.Single {
			switch {
			case pg.Section == content.NewsSection:
				nodes = append(nodes, sd.newsArticle(pg, v))
			case pg.Section == content.EventsSection && !m.Starts.IsZero():
				nodes = append(nodes, sd.event(pg, v))
			}
		}
	}
	data, err := seo.JSONLD(nodes...)
	if err != nil {
		return err
	}
	v.JSONLD = template.JS(data) //nolint:gosec // seo.JSONLD escapes <, > and & so the data cannot leave the script element
	return nil
}

// newsArticle is a news item's NewsArticle.
func (sd *Graph) newsArticle(pg *check.Page, v *layout.Page) *seo.NewsArticle {
	m := pg.Meta
	modified := cmp.Or(m.Updated, m.Date)
	return &seo.NewsArticle{
		Type: "NewsArticle", ID: v.Permalink + "#article", Headline: v.Title, Description: v.Description,
		URL: v.Permalink, MainEntityOfPage: v.Permalink, InLanguage: sd.language(pg), Image: []string{sd.imageOf(v)},
		DatePublished: seo.Date(m.Date.Time, m.Date.HasTime), DateModified: seo.Date(modified.Time, modified.HasTime),
		Author: sd.publisher(), Publisher: sd.publisher(), Keywords: strings.Join(m.Tags, ", "),
	}
}

// event is an event page's Event.
func (sd *Graph) event(pg *check.Page, v *layout.Page) *seo.Event {
	m := pg.Meta
	e := &seo.Event{
		Type: "Event", ID: v.Permalink + "#event", Name: v.Title, Description: v.Description, URL: v.Permalink,
		InLanguage: sd.language(pg), Image: []string{sd.imageOf(v)},
		StartDate: seo.Date(m.Starts.Time, m.Starts.HasTime), EndDate: seo.Date(EventEnd(m).Time, EventEnd(m).HasTime),
		EventStatus: "https://schema.org/EventScheduled", EventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
		Organizer: sd.publisher(),
	}
	if l := m.Location; l != nil {
		if l.Name == "" && l.Address.IsZero() && l.URL != "" {
			e.EventAttendanceMode = "https://schema.org/OnlineEventAttendanceMode"
			e.Location = &seo.Place{Type: "VirtualLocation", URL: Address(l.URL, sd.absURL)}
		} else {
			e.Location = &seo.Place{Type: "Place", Name: l.Name, Address: postalAddress(l.Address), URL: Address(l.URL, sd.absURL)}
		}
	}
	price, currency, free := parseCost(m.Cost)
	if free && currency == "" {
		currency = sd.currency // a price of 0 needs a currency too
	}
	if m.Registration != "" || m.Cost != "" {
		e.Offers = &seo.Offer{Type: "Offer", URL: cmp.Or(m.Registration, v.Permalink), Price: price, PriceCurrency: currency,
			Availability: "https://schema.org/InStock"}
		if price == "" {
			e.Offers.Description = m.Cost
		}
	}
	if free {
		t := true
		e.IsAccessibleForFree = &t
	}
	return e
}

// currencySymbols are the currency signs parseCost reads, longest first;
// "$" is read as US dollars (write "15 CAD" for others).
var currencySymbols = []struct{ sign, code string }{
	{"US$", "USD"}, {"$", "USD"}, {"£", "GBP"}, {"€", "EUR"}, {"¥", "JPY"}, {"₹", "INR"},
}

// parseCost reads an event's cost, such as "Free", "$15", "£7.50" or
// "20 CAD", as a price and an ISO 4217 currency, and says whether it is
// free. It returns "", "" for a cost it cannot read as one amount, such
// as "Pay what you can".
func parseCost(s string) (price, currency string, free bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "free") || strings.EqualFold(s, "free of charge") {
		return "0", "", true
	}
	amount, code := "", ""
	for _, c := range currencySymbols {
		if rest, ok := strings.CutPrefix(s, c.sign); ok {
			amount, code = strings.TrimSpace(rest), c.code
			break
		}
	}
	if fields := strings.Fields(s); code == "" && len(fields) == 2 {
		for i, f := range fields {
			if len(f) == 3 && strings.IndexFunc(f, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
				code, amount = f, fields[1-i]
			}
		}
	}
	n, err := strconv.ParseFloat(amount, 64)
	if code == "" || err != nil || n < 0 {
		return "", "", false
	}
	return amount, code, n == 0
}

// LastChanged is when a page last changed for readers: the latest of its
// date, its updated date and its review date.
func LastChanged(pg *check.Page) time.Time {
	var t time.Time
	for _, d := range []time.Time{pg.Meta.Date.Time, pg.Meta.Updated.Time} {
		if d.After(t) {
			t = d
		}
	}
	if pg.Review.Valid && pg.Review.Review != nil && pg.Review.Review.Date.After(t) {
		t = pg.Review.Review.Date.Time
	}
	return t
}
