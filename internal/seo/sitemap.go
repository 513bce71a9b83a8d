package seo

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
)

// SitemapNS is the namespace of sitemaps and sitemap indexes.
const SitemapNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

// MaxSitemapURLs is how many addresses one sitemap file may list.
const MaxSitemapURLs = 50000

// SitemapURL is one page of a sitemap: its absolute address and when it
// last changed in a way readers would notice ("" when unknown).
type SitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
	// Alternates are the page's versions in every language, itself among
	// them, as Google reads them from a sitemap.
	Alternates []Alternate `xml:"xhtml:link,omitempty"`
}

// Alternate is one language's version of a page.
type Alternate struct {
	Rel      string `xml:"rel,attr"` // "alternate"
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// XHTMLNS is the namespace of a sitemap's alternates.
const XHTMLNS = "http://www.w3.org/1999/xhtml"

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"` // when any page has alternates
	URLs    []SitemapURL `xml:"url"`
}

// newURLSet returns the sitemap of urls.
func newURLSet(urls []SitemapURL) urlset {
	set := urlset{NS: SitemapNS, URLs: urls}
	for _, u := range urls {
		if len(u.Alternates) > 0 {
			set.XHTML = XHTMLNS
		}
	}
	return set
}

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []SitemapURL `xml:"sitemap"`
}

// Sitemaps returns the sitemap files for urls, by slash path relative to
// the site: sitemap.xml alone when the urls fit in one file, or else
// sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml, ... each
// holding at most MaxSitemapURLs. base is the site's absolute address,
// ending in a slash.
func Sitemaps(base string, urls []SitemapURL) (map[string][]byte, error) {
	if len(urls) <= MaxSitemapURLs {
		data, err := marshalXML(newURLSet(urls))
		if err != nil {
			return nil, err
		}
		return map[string][]byte{"sitemap.xml": data}, nil
	}
	files := map[string][]byte{}
	index := sitemapIndex{NS: SitemapNS}
	for i := 0; i*MaxSitemapURLs < len(urls); i++ {
		part := urls[i*MaxSitemapURLs : min((i+1)*MaxSitemapURLs, len(urls))]
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		data, err := marshalXML(newURLSet(part))
		if err != nil {
			return nil, err
		}
		files[name] = data
		last := ""
		for _, u := range part {
			last = max(last, u.LastMod)
		}
		index.Sitemaps = append(index.Sitemaps, SitemapURL{Loc: base + name, LastMod: last})
	}
	data, err := marshalXML(index)
	if err != nil {
		return nil, err
	}
	files["sitemap.xml"] = data
	return files, nil
}

// Robots returns a robots.txt that lets every crawler read the whole site
// and names its sitemap.
func Robots(sitemapURL string) []byte {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n\nSitemap: ")
	b.WriteString(sitemapURL)
	b.WriteString("\n")
	return []byte(b.String())
}

// marshalXML writes v as an indented XML document with its declaration.
func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteString("\n")
	return buf.Bytes(), nil
}
