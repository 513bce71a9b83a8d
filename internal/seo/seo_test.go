package seo

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestJSONLDSafeInScript: text that would end a script element or open
// an HTML comment comes out as \u escapes, and the JSON still reads back
// to the same text.
func TestJSONLDSafeInScript(t *testing.T) {
	title := "Flu </script><script>alert(1)</script> <!-- & \u2028 -->"
	data, err := JSONLD(&WebPage{Type: "WebPage", ID: "https://h.example/", Name: title, URL: "https://h.example/", InLanguage: "en"}, (*Event)(nil), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028"} {
		if strings.Contains(string(data), bad) {
			t.Errorf("JSON-LD holds %q: %s", bad, data)
		}
	}
	var back struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Context != Context || len(back.Graph) != 1 || back.Graph[0]["name"] != title {
		t.Errorf("read back %+v", back)
	}
}

func TestDate(t *testing.T) {
	at := time.Date(2026, 12, 24, 17, 0, 0, 0, time.FixedZone("", -5*3600))
	for _, tt := range []struct {
		t        time.Time
		withTime bool
		want     string
	}{
		{time.Time{}, false, ""},
		{at, false, "2026-12-24"},
		{at, true, "2026-12-24T17:00:00-05:00"},
	} {
		if got := Date(tt.t, tt.withTime); got != tt.want {
			t.Errorf("Date(%v, %v) = %q, want %q", tt.t, tt.withTime, got, tt.want)
		}
	}
}

func TestBreadcrumbs(t *testing.T) {
	b := Breadcrumbs("https://h.example/a/#breadcrumb", []Crumb{{"Home", "https://h.example/"}, {"A", "https://h.example/a/"}})
	if len(b.ItemListElement) != 2 || b.ItemListElement[1].Position != 2 || b.ItemListElement[1].Item != "https://h.example/a/" {
		t.Errorf("got %+v", b)
	}
}

// TestSitemaps: one file up to 50,000 addresses; an index over parts
// beyond that, each part holding its own newest lastmod.
func TestSitemaps(t *testing.T) {
	type urlset struct {
		XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []SitemapURL `xml:"url"`
	}
	type index struct {
		XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []SitemapURL `xml:"sitemap"`
	}
	small := []SitemapURL{{Loc: "https://h.example/", LastMod: "2026-11-01"}, {Loc: "https://h.example/a/"}}
	files, err := Sitemaps("https://h.example/", small)
	if err != nil {
		t.Fatal(err)
	}
	var one urlset
	if err := xml.Unmarshal(files["sitemap.xml"], &one); err != nil || len(files) != 1 {
		t.Fatalf("%v, %d files", err, len(files))
	}
	if len(one.URLs) != 2 || !reflect.DeepEqual(one.URLs[0], small[0]) || !strings.Contains(string(files["sitemap.xml"]), "<url>\n    <loc>https://h.example/a/</loc>\n  </url>") {
		t.Errorf("sitemap:\n%s", files["sitemap.xml"])
	}

	var many []SitemapURL
	for i := range MaxSitemapURLs + 2 {
		many = append(many, SitemapURL{Loc: fmt.Sprintf("https://h.example/p%d/", i), LastMod: fmt.Sprintf("2026-01-%02d", 1+i%28)})
	}
	files, err = Sitemaps("https://h.example/", many)
	if err != nil {
		t.Fatal(err)
	}
	var idx index
	if err := xml.Unmarshal(files["sitemap.xml"], &idx); err != nil {
		t.Fatal(err)
	}
	want := []SitemapURL{{Loc: "https://h.example/sitemap-1.xml", LastMod: "2026-01-28"}, {Loc: "https://h.example/sitemap-2.xml", LastMod: "2026-01-22"}}
	if fmt.Sprint(idx.Sitemaps) != fmt.Sprint(want) || len(files) != 3 {
		t.Errorf("index %v (%d files), want %v", idx.Sitemaps, len(files), want)
	}
	var part urlset
	if err := xml.Unmarshal(files["sitemap-2.xml"], &part); err != nil || len(part.URLs) != 2 {
		t.Errorf("part 2: %v, %d addresses", err, len(part.URLs))
	}
}

func TestRobots(t *testing.T) {
	want := "User-agent: *\nAllow: /\n\nSitemap: https://h.example/sitemap.xml\n"
	if got := string(Robots("https://h.example/sitemap.xml")); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestRSS: the feed parses as RSS 2.0 with the elements readers need, and
// its text is escaped.
func TestRSS(t *testing.T) {
	day := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	f := Feed{
		Title: "Clinic & Co", Link: "https://h.example/", Self: "https://h.example/feed.xml",
		Description: "News", Language: "en",
		Items: []Item{
			{Title: "Open <late>", Link: "https://h.example/news/late/", Description: "Later hours.", Published: day, Categories: []string{"hours"}},
			{Title: "Undated", Link: "https://h.example/news/undated/"},
		},
	}
	data, err := f.RSS()
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			// before Link: a field without a namespace takes atom:link too
			AtomLink struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"http://www.w3.org/2005/Atom link"`
			Title         string `xml:"title"`
			Link          string `xml:"link"`
			Description   string `xml:"description"`
			Language      string `xml:"language"`
			LastBuildDate string `xml:"lastBuildDate"`
			Items         []struct {
				Title       string `xml:"title"`
				Link        string `xml:"link"`
				Description string `xml:"description"`
				PubDate     string `xml:"pubDate"`
				GUID        struct {
					Value       string `xml:",chardata"`
					IsPermaLink string `xml:"isPermaLink,attr"`
				} `xml:"guid"`
				Categories []string `xml:"category"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	c := got.Channel
	if got.Version != "2.0" || c.Title != "Clinic & Co" || c.Link != f.Link || c.Description != "News" ||
		c.AtomLink.Href != f.Self || c.AtomLink.Rel != "self" || c.LastBuildDate != "Mon, 02 Nov 2026 09:30:00 +0000" {
		t.Errorf("channel %+v", c)
	}
	if len(c.Items) != 2 {
		t.Fatalf("%d items", len(c.Items))
	}
	it := c.Items[0]
	if it.Title != "Open <late>" || it.Link != f.Items[0].Link || it.GUID.Value != it.Link || it.GUID.IsPermaLink != "true" ||
		it.PubDate != "Mon, 02 Nov 2026 09:30:00 +0000" || len(it.Categories) != 1 {
		t.Errorf("item %+v", it)
	}
	if c.Items[1].PubDate != "" || strings.Contains(string(data), "<late>") {
		t.Errorf("feed:\n%s", data)
	}
}

// TestSitemapAlternates: a page's versions in other languages are
// xhtml:link alternates, and the namespace is declared only when some
// page has them.
func TestSitemapAlternates(t *testing.T) {
	urls := []SitemapURL{{Loc: "https://h.example/a/", Alternates: []Alternate{
		{Rel: "alternate", HrefLang: "en", Href: "https://h.example/a/"},
		{Rel: "alternate", HrefLang: "es", Href: "https://h.example/es/a/"},
	}}}
	files, err := Sitemaps("https://h.example/", urls)
	if err != nil {
		t.Fatal(err)
	}
	got := string(files["sitemap.xml"])
	for _, want := range []string{`xmlns:xhtml="http://www.w3.org/1999/xhtml"`, `<xhtml:link rel="alternate" hreflang="es" href="https://h.example/es/a/"></xhtml:link>`} {
		if !strings.Contains(got, want) {
			t.Errorf("sitemap without %s:\n%s", want, got)
		}
	}
	files, _ = Sitemaps("https://h.example/", []SitemapURL{{Loc: "https://h.example/a/"}})
	if strings.Contains(string(files["sitemap.xml"]), "xhtml") {
		t.Errorf("a sitemap with no alternates declares xhtml:\n%s", files["sitemap.xml"])
	}
}
