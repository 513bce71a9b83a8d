// Package seo holds what search engines and feed readers read from a
// built site, as typed values: schema.org JSON-LD, the sitemap and the RSS
// feed. It knows nothing of pages or templates; the build fills the values
// in and this package writes them out, safely and byte for byte the same
// each time.
package seo

import (
	"bytes"
	"encoding/json"
	"reflect"
	"time"
)

// Context is the JSON-LD context every graph uses.
const Context = "https://schema.org"

// Date returns t as a schema.org Date (2026-11-21), or as a DateTime in
// RFC 3339 when withTime is set; "" for the zero time, which the JSON
// leaves out.
func Date(t time.Time, withTime bool) string {
	switch {
	case t.IsZero():
		return ""
	case withTime:
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

// Ref points at a node by its @id, such as the site's organization.
type Ref struct {
	ID string `json:"@id"`
}

// Organization is who publishes the site. Type is Organization or one of
// its schema.org subtypes, such as MedicalOrganization.
type Organization struct {
	Type      string         `json:"@type"`
	ID        string         `json:"@id,omitempty"`
	Name      string         `json:"name"`
	URL       string         `json:"url,omitempty"`
	Logo      *ImageObject   `json:"logo,omitempty"`
	Telephone string         `json:"telephone,omitempty"`
	Email     string         `json:"email,omitempty"`
	Address   *PostalAddress `json:"address,omitempty"`
}

// PostalAddress is a mailing address. An address written as one line of
// text is its StreetAddress alone.
type PostalAddress struct {
	Type            string `json:"@type"` // PostalAddress
	StreetAddress   string `json:"streetAddress,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"`
	AddressRegion   string `json:"addressRegion,omitempty"`
	PostalCode      string `json:"postalCode,omitempty"`
	AddressCountry  string `json:"addressCountry,omitempty"`
}

// ImageObject is an image with its size in pixels when known.
type ImageObject struct {
	Type   string             `json:"@type"` // ImageObject
	URL    string             `json:"url"`
	Width  *QuantitativeValue `json:"width,omitempty"`
	Height *QuantitativeValue `json:"height,omitempty"`
}

// QuantitativeValue is a measurement: a number and its unit, as a UN/CEFACT
// common code. schema.org gives an ImageObject's width and height as a
// Distance or a QuantitativeValue, not a bare number.
type QuantitativeValue struct {
	Type     string `json:"@type"` // QuantitativeValue
	Value    int    `json:"value"`
	UnitCode string `json:"unitCode"` // E37, the pixel
}

// Pixels returns n pixels as a QuantitativeValue, or nil for 0 (not
// known), which the JSON leaves out.
func Pixels(n int) *QuantitativeValue {
	if n <= 0 {
		return nil
	}
	return &QuantitativeValue{Type: "QuantitativeValue", Value: n, UnitCode: "E37"}
}

// WebSite is the site itself, on the home page.
type WebSite struct {
	Type        string `json:"@type"` // WebSite
	ID          string `json:"@id"`
	Name        string `json:"name"`
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
	InLanguage  string `json:"inLanguage"`
	Publisher   *Ref   `json:"publisher,omitempty"`
}

// WebPage is a page of the site. Type is WebPage or a subtype:
// MedicalWebPage for clinical pages, FAQPage for pages whose main content
// is questions and answers, CollectionPage for lists, AboutPage for the
// trust page. The clinical properties (LastReviewed, ReviewedBy, Audience,
// About, Citation) belong to every WebPage in schema.org.
type WebPage struct {
	Type          string         `json:"@type"`
	ID            string         `json:"@id"`
	Name          string         `json:"name"`
	Description   string         `json:"description,omitempty"`
	URL           string         `json:"url"`
	InLanguage    string         `json:"inLanguage"`
	IsPartOf      *Ref           `json:"isPartOf,omitempty"`
	Breadcrumb    *Ref           `json:"breadcrumb,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	DateModified  string         `json:"dateModified,omitempty"`
	LastReviewed  string         `json:"lastReviewed,omitempty"`
	ReviewedBy    *Person        `json:"reviewedBy,omitempty"`
	Audience      []Audience     `json:"audience,omitempty"`
	About         *Thing         `json:"about,omitempty"`
	Keywords      string         `json:"keywords,omitempty"`
	Citation      []CreativeWork `json:"citation,omitempty"`
	Publisher     *Organization  `json:"publisher,omitempty"`
	MainEntity    []Question     `json:"mainEntity,omitempty"`
}

// Person is a named person, such as a page's clinical reviewer.
type Person struct {
	Type            string      `json:"@type"` // Person
	Name            string      `json:"name"`
	HonorificSuffix string      `json:"honorificSuffix,omitempty"` // such as MD
	JobTitle        string      `json:"jobTitle,omitempty"`
	HasCredential   *Credential `json:"hasCredential,omitempty"`
}

// Credential is a qualification a person holds, such as MD or RN.
type Credential struct {
	Type string `json:"@type"` // EducationalOccupationalCredential
	Name string `json:"name"`
}

// Audience is who a page is written for. Type is MedicalAudience for
// patients and clinicians, PeopleAudience for the others.
type Audience struct {
	Type         string `json:"@type"`
	AudienceType string `json:"audienceType"`
}

// Thing is a named topic, such as the condition a page is about.
type Thing struct {
	Type string `json:"@type"` // Thing
	Name string `json:"name"`
}

// CreativeWork is a source a page cites.
type CreativeWork struct {
	Type          string        `json:"@type"` // CreativeWork
	Name          string        `json:"name"`
	URL           string        `json:"url,omitempty"`
	Publisher     *Organization `json:"publisher,omitempty"`
	DatePublished string        `json:"datePublished,omitempty"`
}

// Question is one question of an FAQPage with its one accepted answer.
type Question struct {
	Type           string `json:"@type"` // Question
	Name           string `json:"name"`  // the whole question
	AcceptedAnswer Answer `json:"acceptedAnswer"`
}

// Answer is the answer to a Question: the whole answer as HTML, with
// absolute links.
type Answer struct {
	Type string `json:"@type"` // Answer
	Text string `json:"text"`
}

// NewsArticle is a news item or press release.
type NewsArticle struct {
	Type             string        `json:"@type"` // NewsArticle
	ID               string        `json:"@id"`
	Headline         string        `json:"headline"`
	Description      string        `json:"description,omitempty"`
	URL              string        `json:"url"`
	MainEntityOfPage string        `json:"mainEntityOfPage"`
	InLanguage       string        `json:"inLanguage"`
	Image            []string      `json:"image,omitempty"`
	DatePublished    string        `json:"datePublished,omitempty"`
	DateModified     string        `json:"dateModified,omitempty"`
	Author           *Organization `json:"author,omitempty"`
	Publisher        *Organization `json:"publisher,omitempty"`
	Keywords         string        `json:"keywords,omitempty"`
}

// Event is a health fair, screening or class.
type Event struct {
	Type                string        `json:"@type"` // Event
	ID                  string        `json:"@id"`
	Name                string        `json:"name"`
	Description         string        `json:"description,omitempty"`
	URL                 string        `json:"url"`
	InLanguage          string        `json:"inLanguage"`
	Image               []string      `json:"image,omitempty"`
	StartDate           string        `json:"startDate"`
	EndDate             string        `json:"endDate,omitempty"`
	EventStatus         string        `json:"eventStatus"`
	EventAttendanceMode string        `json:"eventAttendanceMode"`
	Location            *Place        `json:"location,omitempty"`
	Organizer           *Organization `json:"organizer,omitempty"`
	Offers              *Offer        `json:"offers,omitempty"`
	IsAccessibleForFree *bool         `json:"isAccessibleForFree,omitempty"`
}

// Place is where an event happens.
type Place struct {
	Type    string         `json:"@type"` // Place
	Name    string         `json:"name,omitempty"`
	Address *PostalAddress `json:"address,omitempty"`
	URL     string         `json:"url,omitempty"`
}

// Offer is how to attend an event: where to register and what it costs.
// Price is a decimal number as text ("0", "15.00"); both it and
// PriceCurrency are left out when the cost cannot be read as an amount.
type Offer struct {
	Type          string `json:"@type"` // Offer
	URL           string `json:"url,omitempty"`
	Price         string `json:"price,omitempty"`
	PriceCurrency string `json:"priceCurrency,omitempty"`
	Description   string `json:"description,omitempty"`
	Availability  string `json:"availability,omitempty"`
	ValidFrom     string `json:"validFrom,omitempty"`
}

// BreadcrumbList is the trail from the home page to a page, the page
// itself last.
type BreadcrumbList struct {
	Type            string     `json:"@type"` // BreadcrumbList
	ID              string     `json:"@id"`
	ItemListElement []ListItem `json:"itemListElement"`
}

// ListItem is one step of a BreadcrumbList; Position counts from 1.
type ListItem struct {
	Type     string `json:"@type"` // ListItem
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// Crumb is a titled absolute address, for Breadcrumbs.
type Crumb struct {
	Name, URL string
}

// Breadcrumbs returns the BreadcrumbList of a trail of pages, given from
// the home page to the page itself. id is the list's @id.
func Breadcrumbs(id string, trail []Crumb) *BreadcrumbList {
	b := &BreadcrumbList{Type: "BreadcrumbList", ID: id, ItemListElement: []ListItem{}}
	for i, c := range trail {
		b.ItemListElement = append(b.ItemListElement, ListItem{Type: "ListItem", Position: i + 1, Name: c.Name, Item: c.URL})
	}
	return b
}

// graph is a JSON-LD document holding several nodes.
type graph struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

// JSONLD writes nodes (pointers to the types of this package; nil ones
// are skipped) as one JSON-LD document with an @graph. The result is safe
// to place as it is inside a <script type="application/ld+json"> element:
// <, > and & are written as \u escapes, so no text can end the element or
// open a comment, and U+2028 and U+2029 are escaped too.
func JSONLD(nodes ...any) ([]byte, error) {
	g := graph{Context: Context}
	for _, n := range nodes {
		if !isNil(n) {
			g.Graph = append(g.Graph, n)
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(g); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// isNil reports whether n is nil or a nil pointer.
func isNil(n any) bool {
	v := reflect.ValueOf(n)
	return !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil()
}
