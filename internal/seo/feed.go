package seo

import (
	"encoding/xml"
	"time"
)

// Feed is an RSS 2.0 channel, such as the site's news and alerts.
type Feed struct {
	Title       string
	Link        string // the site's home page, absolute
	Self        string // the feed's own absolute address
	Description string
	Language    string
	Items       []Item // newest first
}

// Item is one entry of a feed.
type Item struct {
	Title       string
	Link        string // absolute; also the item's guid
	Description string
	Published   time.Time
	Categories  []string
}

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Atom    string   `xml:"xmlns:atom,attr"`
	Channel channel  `xml:"channel"`
}

type channel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language,omitempty"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Generator     string    `xml:"generator"`
	AtomLink      atomLink  `xml:"atom:link"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        guid     `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description,omitempty"`
	Categories  []string `xml:"category"`
}

type guid struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

// RSS writes the feed as an RSS 2.0 document. Its lastBuildDate is the
// newest item's date, not the clock, so the same feed gives the same bytes.
func (f Feed) RSS() ([]byte, error) {
	c := channel{
		Title: f.Title, Link: f.Link, Description: f.Description, Language: f.Language,
		Generator: "pamphlet",
		AtomLink:  atomLink{Href: f.Self, Rel: "self", Type: "application/rss+xml"},
	}
	var newest time.Time
	for _, it := range f.Items {
		item := rssItem{
			Title: it.Title, Link: it.Link, GUID: guid{Value: it.Link, IsPermaLink: true},
			Description: it.Description, Categories: it.Categories,
		}
		if !it.Published.IsZero() {
			item.PubDate = it.Published.Format(time.RFC1123Z)
			if it.Published.After(newest) {
				newest = it.Published
			}
		}
		c.Items = append(c.Items, item)
	}
	if !newest.IsZero() {
		c.LastBuildDate = newest.Format(time.RFC1123Z)
	}
	return marshalXML(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: c})
}
