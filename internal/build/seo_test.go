package build

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	htmllex "github.com/tdewolff/parse/v2/html"

	"github.com/tdewolff/parse/v2"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// ldNode is one node of a page's JSON-LD graph.
type ldNode map[string]any

func (n ldNode) str(key string) string { s, _ := n[key].(string); return s }

func (n ldNode) types() []string {
	switch t := n["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

// required lists, for each schema.org type pamphlet writes, the
// properties each node of that type must have: schema.org's and Google's
// required properties, and what DESIGN.md asks pamphlet to give.
var required = map[string][]string{
	"WebPage":        {"@id", "name", "url", "inLanguage", "isPartOf", "breadcrumb", "publisher"},
	"CollectionPage": {"@id", "name", "url", "inLanguage", "isPartOf", "breadcrumb", "publisher"},
	"AboutPage":      {"@id", "name", "url", "inLanguage", "isPartOf", "breadcrumb", "publisher", "description"},
	"FAQPage":        {"@id", "name", "url", "inLanguage", "isPartOf", "breadcrumb", "publisher", "mainEntity"},
	"MedicalWebPage": {"@id", "name", "description", "url", "inLanguage", "isPartOf", "breadcrumb", "publisher",
		"datePublished", "dateModified", "lastReviewed", "reviewedBy", "audience", "about", "citation"},
	"Organization":   {"@id", "name", "url"},
	"MedicalClinic":  {"@id", "name", "url"},
	"WebSite":        {"@id", "name", "url", "inLanguage", "publisher"},
	"NewsArticle":    {"headline", "url", "image", "datePublished", "dateModified", "author", "publisher"},
	"Event":          {"name", "url", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode", "organizer", "image"},
	"BreadcrumbList": {"@id", "itemListElement"},
}

var ldScript = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

// structuredData reads the page's JSON-LD: exactly one script element
// holding a schema.org @graph, and nothing in it that could end the
// element early or open a comment.
func structuredData(t *testing.T, name, page string) []ldNode {
	t.Helper()
	scripts := ldScript.FindAllStringSubmatch(page, -1)
	if len(scripts) != 1 {
		t.Errorf("%s: %d JSON-LD scripts, want 1", name, len(scripts))
		return nil
	}
	src := scripts[0][1]
	if strings.Contains(src, "<") {
		t.Errorf("%s: the JSON-LD holds a <: %s", name, src)
	}
	var doc struct {
		Context string   `json:"@context"`
		Graph   []ldNode `json:"@graph"`
	}
	dec := json.NewDecoder(strings.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Errorf("%s: the JSON-LD does not parse: %v\n%s", name, err, src)
		return nil
	}
	if doc.Context != "https://schema.org" || len(doc.Graph) == 0 {
		t.Errorf("%s: @context %q, %d nodes", name, doc.Context, len(doc.Graph))
	}
	return doc.Graph
}

// checkNodes checks each node's required properties, the breadcrumb
// trail's positions, and that the page's own node names the page.
func checkNodes(t *testing.T, name, permalink string, nodes []ldNode) {
	t.Helper()
	pages := 0
	for _, n := range nodes {
		for _, typ := range n.types() {
			props, ok := required[typ]
			if !ok {
				t.Errorf("%s: a node of type %s, which the test does not know", name, typ)
			}
			for _, p := range props {
				if v, ok := n[p]; !ok || v == "" || v == nil {
					t.Errorf("%s: %s has no %s: %v", name, typ, p, n)
				}
			}
			if slices.Contains([]string{"WebPage", "CollectionPage", "AboutPage", "FAQPage", "MedicalWebPage"}, typ) {
				pages++
				if n.str("url") != permalink || n.str("@id") != permalink {
					t.Errorf("%s: the page's node is at %s, want %s", name, n.str("url"), permalink)
				}
			}
			switch typ {
			case "BreadcrumbList":
				items, _ := n["itemListElement"].([]any)
				for i, it := range items {
					li, _ := it.(map[string]any)
					if li["@type"] != "ListItem" || li["position"] != float64(i+1) || li["name"] == "" || !strings.HasPrefix(fmt.Sprint(li["item"]), "https://") {
						t.Errorf("%s: breadcrumb %d is %v", name, i+1, li)
					}
				}
				if len(items) == 0 || items[len(items)-1].(map[string]any)["item"] != permalink {
					t.Errorf("%s: the breadcrumb trail does not end at the page: %v", name, items)
				}
			case "Event":
				// Google reads a price only with its currency, a free
				// event's 0 included.
				if o, _ := n["offers"].(map[string]any); o != nil && o["price"] != nil && o["priceCurrency"] == nil {
					t.Errorf("%s: an offer with a price and no priceCurrency: %v", name, o)
				}
			}
			// Every address is a PostalAddress, and every size of an image
			// a QuantitativeValue of pixels, as schema.org defines them.
			checkValues(t, name, map[string]any(n))
			switch typ {
			case "MedicalWebPage":
				person, _ := n["reviewedBy"].(map[string]any)
				if person["@type"] != "Person" || person["name"] == nil || person["hasCredential"] == nil {
					t.Errorf("%s: reviewedBy is %v, want a Person with name and credentials", name, person)
				}
			case "FAQPage":
				qs, _ := n["mainEntity"].([]any)
				for _, q := range qs {
					qm, _ := q.(map[string]any)
					a, _ := qm["acceptedAnswer"].(map[string]any)
					if qm["@type"] != "Question" || qm["name"] == "" || a["@type"] != "Answer" || a["text"] == "" {
						t.Errorf("%s: question %v", name, qm)
					}
				}
			}
		}
	}
	if pages != 1 {
		t.Errorf("%s: %d nodes for the page itself, want 1", name, pages)
	}
}

// checkValues checks the addresses and image sizes in a node's value:
// each address a PostalAddress, each width and height a
// QuantitativeValue in pixels.
func checkValues(t *testing.T, name string, v any) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if a, ok := m["address"]; ok {
		if am, _ := a.(map[string]any); am["@type"] != "PostalAddress" || am["streetAddress"] == nil {
			t.Errorf("%s: address %v is not a PostalAddress", name, a)
		}
	}
	for _, key := range []string{"width", "height"} {
		if x, ok := m[key]; ok {
			if q, _ := x.(map[string]any); q["@type"] != "QuantitativeValue" || q["unitCode"] != "E37" || q["value"] == nil {
				t.Errorf("%s: %s %v is not a QuantitativeValue of pixels", name, key, x)
			}
		}
	}
	for _, key := range []string{"location", "logo", "publisher", "organizer"} {
		checkValues(t, name, m[key])
	}
}

// visibleText returns the text a reader sees on a page: everything but
// tags, scripts and styles, with entities decoded and spaces collapsed.
func visibleText(page string) string {
	var b strings.Builder
	l := htmllex.NewLexer(parse.NewInputString(page))
	hidden := 0
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
		case htmllex.StartTagToken, htmllex.EndTagToken:
			tag := string(l.Text())
			if tag == "script" || tag == "style" || tag == "head" {
				if tt == htmllex.StartTagToken {
					hidden++
				} else {
					hidden--
				}
			}
			if blocks[tag] {
				b.WriteByte(' ')
			}
		case htmllex.TextToken:
			if hidden == 0 {
				b.Write(data)
			}
		}
	}
}

// countTags counts the elements of a tag name in a page.
func countTags(page, tag string) int {
	l := htmllex.NewLexer(parse.NewInputString(page))
	n := 0
	for {
		tt, _ := l.Next()
		switch {
		case tt == htmllex.ErrorToken:
			return n
		case tt == htmllex.StartTagToken && string(l.Text()) == tag:
			n++
		}
	}
}

// blocks are the elements that separate words; the text of others, such
// as a link, runs on into the text around it.
var blocks = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "section": true, "nav": true, "header": true, "footer": true, "main": true,
	"article": true, "br": true, "td": true, "th": true, "tr": true, "dt": true, "dd": true, "blockquote": true,
	"title": true, "aside": true, "figcaption": true,
}

// checkAnswersVisible: each question an FAQPage marks up, and its whole
// answer, is text the page shows.
func checkAnswersVisible(t *testing.T, name, page string, nodes []ldNode) int {
	t.Helper()
	seen := visibleText(page)
	n := 0
	for _, node := range nodes {
		qs, _ := node["mainEntity"].([]any)
		for _, q := range qs {
			qm := q.(map[string]any)
			answer := visibleText(qm["acceptedAnswer"].(map[string]any)["text"].(string))
			if !strings.Contains(seen, qm["name"].(string)) || !strings.Contains(seen, answer) {
				t.Errorf("%s: the question %q or its answer %q is not shown on the page", name, qm["name"], answer)
			}
			n++
		}
	}
	return n
}

// headMeta returns the page's <meta> properties and names, and its
// canonical link.
func headMeta(page string) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`<meta (?:property|name)="?([^" >]+)"? content="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	if m := regexp.MustCompile(`<link rel="?canonical"? href="?([^" >]+)"?>`).FindStringSubmatch(page); m != nil {
		out["canonical"] = m[1]
	}
	if m := regexp.MustCompile(`<title>([^<]*)</title>`).FindStringSubmatch(page); m != nil {
		out["title"] = html.UnescapeString(m[1])
	}
	return out
}

// checkSite checks every HTML page of a built site: complete head
// metadata and valid JSON-LD, and on FAQ pages answers a reader can see.
// It returns the nodes of each page by file.
func checkSite(t *testing.T, files map[string]string, base string) map[string][]ldNode {
	t.Helper()
	all := map[string][]ldNode{}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range files {
			if strings.HasSuffix(k, ".html") && !yield(k) {
				return
			}
		}
	}) {
		page := files[name]
		meta := headMeta(page)
		if path.Base(name) == "404.html" { // /404.html, and each other language's /LANG/404.html
			if meta["robots"] != "noindex" || strings.Contains(page, "application/ld+json") {
				t.Errorf("%s: want noindex and no JSON-LD", name)
			}
			continue
		}
		if _, to, ok := strings.Cut(page, `<meta http-equiv="refresh" content="0; url=`); ok { // an alias's redirect page
			to, _, _ = strings.Cut(to, `"`)
			if meta["robots"] != "noindex" || strings.Contains(page, "application/ld+json") || meta["canonical"] != base+strings.TrimPrefix(to, "/") {
				t.Errorf("%s: a redirect page to %s with robots %q, canonical %q: want noindex, no JSON-LD and the page's canonical address", name, to, meta["robots"], meta["canonical"])
			}
			continue
		}
		permalink := base + strings.TrimSuffix(name, "index.html")
		for _, key := range []string{"title", "description", "canonical", "theme-color", "og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image", "og:image:alt", "twitter:card"} {
			if meta[key] == "" {
				t.Errorf("%s: no %s in the head", name, key)
			}
		}
		if meta["canonical"] != permalink || meta["og:url"] != permalink {
			t.Errorf("%s: canonical %q, og:url %q, want %s", name, meta["canonical"], meta["og:url"], permalink)
		}
		if !strings.HasPrefix(meta["og:image"], "https://") {
			t.Errorf("%s: og:image %q is not absolute", name, meta["og:image"])
		}
		nodes := structuredData(t, name, page)
		checkNodes(t, name, permalink, nodes)
		checkAnswersVisible(t, name, page, nodes)
		all[name] = nodes
	}
	return all
}

// signPages writes a valid sign-off by reviewer into each page file.
func signPages(t *testing.T, dir, reviewer string, files ...string) {
	t.Helper()
	site, err := Read(Options{Source: dir, Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pg, found := content.ParsePage(f, src)
		if len(found) > 0 {
			t.Fatalf("%s: %v", f, found)
		}
		fp, _ := review.Fingerprint(site.Parsed(site.Site.PageByFile(f)), site.Files())
		out, err := review.SetBlock(pg, &content.Review{
			Reviewer: reviewer, Date: content.Date{Time: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
			Next: content.Date{Time: time.Date(2027, 11, 1, 0, 0, 0, 0, time.UTC)}, Fingerprint: fp,
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// buildSEOSite builds testdata/seo.txtar, minified or not.
func buildSEOSite(t *testing.T, minify bool) (map[string]string, *Result) {
	t.Helper()
	a, err := txtar.ParseFile("testdata/seo.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, a)
	signPages(t, dir, "sam-reyes", "content/articles/flu.md", "content/articles/script.md", "content/faq/colds.md")
	dest := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme, NoMinify: !minify, Withhold: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused {
		t.Fatalf("refused: %v %v", res.Blocking, res.Findings)
	}
	want := []string{"content/articles/unsigned.md", "content/news/withheld.md"}
	if !slices.Equal(res.Withheld, want) {
		t.Errorf("withheld %v, want %v (findings %v)", res.Withheld, want, res.Findings)
	}
	return tree(t, dest), res
}

const seoBase = "https://example.github.io/clinic/"

// TestSEO builds a site with every kind of page and checks its metadata,
// JSON-LD, FAQ hub, sitemap, robots.txt and feed, minified and not.
func TestSEO(t *testing.T) {
	for _, minify := range []bool{false, true} {
		t.Run(fmt.Sprintf("minify=%v", minify), func(t *testing.T) {
			files, _ := buildSEOSite(t, minify)
			nodes := checkSite(t, files, seoBase)

			typesOf := func(name string) []string {
				var out []string
				for _, n := range nodes[name] {
					out = append(out, n.types()...)
				}
				slices.Sort(out)
				return out
			}
			for name, want := range map[string]string{
				"index.html":                                    "BreadcrumbList MedicalClinic WebPage WebSite",
				"articles/flu/index.html":                       "BreadcrumbList MedicalWebPage",
				"about/index.html":                              "BreadcrumbList WebPage",
				"articles/index.html":                           "BreadcrumbList CollectionPage",
				"faq/index.html":                                "BreadcrumbList FAQPage",
				"faq/colds/index.html":                          "BreadcrumbList FAQPage",
				"news/hours/index.html":                         "BreadcrumbList NewsArticle WebPage",
				"events/fair/index.html":                        "BreadcrumbList Event WebPage",
				"tags/flu/index.html":                           "BreadcrumbList CollectionPage",
				"how-we-make-our-health-information/index.html": "AboutPage BreadcrumbList",
			} {
				if got := strings.Join(typesOf(name), " "); got != want {
					t.Errorf("%s: types %s, want %s", name, got, want)
				}
			}

			// The clinical page's data, property by property.
			flu := find(nodes["articles/flu/index.html"], "MedicalWebPage")
			for key, want := range map[string]string{
				"name": "Flu", "inLanguage": "en-GB", "datePublished": "2026-10-01", "dateModified": "2026-11-02",
				"lastReviewed": "2026-11-01", "keywords": "flu, winter",
				"reviewedBy": `{"@type":"Person","hasCredential":{"@type":"EducationalOccupationalCredential","name":"RN"},"honorificSuffix":"RN","jobTitle":"Practice nurse","name":"Sam Reyes"}`,
				"audience":   `[{"@type":"MedicalAudience","audienceType":"Patient"},{"@type":"PeopleAudience","audienceType":"Older adults"}]`,
				"about":      `{"@type":"Thing","name":"Influenza"}`,
				"citation":   `[{"@type":"CreativeWork","datePublished":"2025-05-01","name":"Flu guideline","publisher":{"@type":"Organization","name":"A health body"},"url":"https://example.org/flu"}]`,
				"publisher":  `{"@id":"https://example.github.io/clinic/#organization","@type":"MedicalClinic","logo":{"@type":"ImageObject","url":"https://example.org/logo.png"},"name":"Test Clinic","url":"https://example.github.io/clinic/"}`,
			} {
				got := compact(flu[key])
				if s, ok := flu[key].(string); ok {
					got = s
				}
				if got != want {
					t.Errorf("flu %s = %s, want %s", key, got, want)
				}
			}

			// A title that tries to end the script element is data, not markup.
			script := find(nodes["articles/script/index.html"], "MedicalWebPage")
			if script.str("name") != "Flu </script><script>alert(1)</script> <!-- x" {
				t.Errorf("script page name = %q", script.str("name"))
			}
			// It has as many script elements as a page with a plain title.
			if n, want := countTags(files["articles/script/index.html"], "script"), countTags(files["articles/flu/index.html"], "script"); n != want {
				t.Errorf("the script page has %d script elements, want %d", n, want)
			}

			// Every question is marked up once on the site: the FAQ page
			// its own, the hub the article's; drafts and withheld pages
			// nowhere.
			hubQ := questions(find(nodes["faq/index.html"], "FAQPage"))
			if want := []string{"How long does flu last?", "Should I stay at home?"}; !slices.Equal(hubQ, want) {
				t.Errorf("the hub marks up %q, want %q", hubQ, want)
			}
			coldQ := questions(find(nodes["faq/colds/index.html"], "FAQPage"))
			if want := []string{"How long does a cold last?", "When should I see a doctor?"}; !slices.Equal(coldQ, want) {
				t.Errorf("the FAQ page marks up %q, want %q", coldQ, want)
			}
			answer := find(nodes["faq/index.html"], "FAQPage")["mainEntity"].([]any)[0].(map[string]any)["acceptedAnswer"].(map[string]any)["text"].(string)
			for _, want := range []string{`href="https://example.github.io/clinic/articles/flu/#symptoms"`, `href="https://example.github.io/clinic/faq/colds/"`} {
				if !strings.Contains(answer, want) {
					t.Errorf("the hub's marked-up answer has no absolute link %s: %s", want, answer)
				}
			}

			// The hub lists every published question by topic, each linked
			// to its page, in the page a reader sees.
			hub := visibleText(files["faq/index.html"])
			for _, want := range []string{"Your questions answered", "Questions from every page of the site.",
				"Colds How long does a cold last? Most colds get better within 7 to 10 days. From Questions about colds",
				"Influenza How long does flu last?", "Should I stay at home? Yes, stay at home while you have a fever. From Flu"} {
				if !strings.Contains(hub, want) {
					t.Errorf("the hub does not show %q:\n%s", want, hub)
				}
			}
			for _, link := range []string{`href="/clinic/faq/colds/#faq-2"`, `href="/clinic/articles/flu/#faq-1"`, `href="/clinic/articles/flu/#symptoms"`} {
				if !strings.Contains(files["faq/index.html"], link) {
					t.Errorf("the hub has no link %s", link)
				}
			}
			for name, f := range files {
				for _, hidden := range []string{"draft question", "unsigned question", "A news item the checks refuse"} {
					if strings.Contains(f, hidden) {
						t.Errorf("%s shows %q", name, hidden)
					}
				}
			}

			// Events and news.
			fair := find(nodes["events/fair/index.html"], "Event")
			for key, want := range map[string]string{
				"startDate": `"2026-12-05T10:00:00-05:00"`, "endDate": `"2026-12-05T14:00:00-05:00"`,
				"location":            `{"@type":"Place","address":{"@type":"PostalAddress","addressCountry":"US","addressLocality":"Riverside","addressRegion":"NY","postalCode":"10001","streetAddress":"12 Mill Lane"},"name":"Riverside Hall"}`,
				"offers":              `{"@type":"Offer","availability":"https://schema.org/InStock","price":"0","priceCurrency":"GBP","url":"https://example.org/book"}`,
				"isAccessibleForFree": "true",
			} {
				if got := compact(fair[key]); got != want {
					t.Errorf("fair %s = %s, want %s", key, got, want)
				}
			}
			class := find(nodes["events/class/index.html"], "Event")
			if got := compact(class["location"]) + compact(class["offers"]) + class.str("eventAttendanceMode"); got != `{"@type":"VirtualLocation","url":"https://meet.example.org/cooking"}{"@type":"Offer","availability":"https://schema.org/InStock","price":"7.50","priceCurrency":"GBP","url":"https://example.github.io/clinic/events/class/"}https://schema.org/OnlineEventAttendanceMode` {
				t.Errorf("class: %s", got)
			}
			// An event without ends lasts view.DefaultEventLength.
			talk := find(nodes["events/talk/index.html"], "Event")
			if got := talk.str("endDate") + " " + compact(talk["location"]); got != `2026-12-12T19:00:00-05:00 {"@type":"Place","address":{"@type":"PostalAddress","streetAddress":"40 Market Street, Riverside"},"name":"Riverside Library"}` {
				t.Errorf("talk: %s", got)
			}
			home := find(nodes["index.html"], "MedicalClinic")
			if got := compact(home["address"]); got != `{"@type":"PostalAddress","addressCountry":"GB","addressLocality":"Testtown","postalCode":"TT1 1AA","streetAddress":"1 High Street"}` {
				t.Errorf("the organization's address: %s", got)
			}
			// Its calendar file ends an hour after the start, and says who
			// organizes it, which version it is and when it last changed.
			ics := strings.ReplaceAll(files["events/talk/talk.ics"], "\r\n ", "")
			for _, want := range []string{"\r\nDTSTART:20261212T230000Z\r\nDTEND:20261213T000000Z\r\n", "\r\nSEQUENCE:3\r\n",
				"\r\nLAST-MODIFIED:20261104T000000Z\r\n", "\r\nORGANIZER;CN=Test Clinic:mailto:hello@clinic.example\r\n"} {
				if !strings.Contains(ics, want) {
					t.Errorf("talk.ics has no %q:\n%s", want, ics)
				}
			}
			if fair := files["events/fair/fair.ics"]; !strings.Contains(fair, "\r\nDTEND:20261205T190000Z\r\n") || !strings.Contains(fair, "\r\nSEQUENCE:0\r\n") {
				t.Errorf("fair.ics:\n%s", fair)
			}
			hours := find(nodes["news/hours/index.html"], "NewsArticle")
			if hours.str("headline") != "Longer opening hours on Tuesdays" || compact(hours["image"]) != `["https://example.github.io/clinic/images/share.png"]` {
				t.Errorf("news: %v", hours)
			}

			// The head of a page shared on social media.
			meta := headMeta(files["articles/flu/index.html"])
			for key, want := range map[string]string{
				"og:type": "article", "og:locale": "en_GB", "og:image": seoBase + "images/share.png", "og:image:width": "1200",
				"og:image:height": "630", "og:image:type": "image/png", "og:image:alt": "The test clinic's leaflet picture",
				"twitter:card": "summary_large_image", "twitter:site": "@testclinic", "theme-color": "#0b4f8a",
				"article:published_time": "2026-10-01", "article:modified_time": "2026-11-02",
			} {
				if meta[key] != want {
					t.Errorf("flu head %s = %q, want %q", key, meta[key], want)
				}
			}
			if headMeta(files["index.html"])["og:type"] != "website" {
				t.Errorf("the home page's og:type is not website")
			}

			// The trust page, linked from every page.
			trust := visibleText(files["how-we-make-our-health-information/index.html"])
			if got := find(nodes["how-we-make-our-health-information/index.html"], "AboutPage").str("dateModified"); got != "2026-10-15" {
				t.Errorf("the trust page's dateModified is %q, want trust.updated", got)
			}
			for _, want := range []string{"How we make our health information", "Updated 15 October 2026", "Who publishes this information The test clinic, a made-up clinic for the tests.",
				"How we are funded Public grants. See about us.", "Advertising None.", "How we write our information Written from sources.",
				"How clinicians check it Checked by a clinician.", "The next review is usually 12 months after the last one.",
				"Our clinical reviewers Sam Reyes, RN (Practice nurse)", "Tell us what you think Write to us.",
				"This information does not replace your care This information complements the care"} {
				if !strings.Contains(trust, want) {
					t.Errorf("the trust page does not say %q:\n%s", want, trust)
				}
			}
			if strings.Contains(trust, "Comms team") {
				t.Errorf("the trust page lists a reviewer who is not a clinician")
			}
			if !strings.Contains(files["how-we-make-our-health-information/index.html"], `href="/clinic/about/"`) {
				t.Errorf("the trust statement's link to about.md is not resolved")
			}
			for name, f := range files {
				if strings.HasSuffix(name, ".html") && !strings.Contains(f, `href="/clinic/how-we-make-our-health-information/"`) {
					t.Errorf("%s does not link the trust page", name)
				}
			}

			checkSitemap(t, files, nodes)
			checkFeed(t, files)
			if got := files["robots.txt"]; got != "User-agent: *\nAllow: /\n\nSitemap: "+seoBase+"sitemap.xml\n" {
				t.Errorf("robots.txt:\n%s", got)
			}
		})
	}
}

// checkSitemap: the sitemap lists every page with JSON-LD (all pages but
// 404.html), each with the later of its updated and review dates.
func checkSitemap(t *testing.T, files map[string]string, nodes map[string][]ldNode) {
	t.Helper()
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(files["sitemap.xml"]), &sm); err != nil {
		t.Fatalf("sitemap.xml: %v\n%s", err, files["sitemap.xml"])
	}
	lastmod := map[string]string{}
	for _, u := range sm.URLs {
		lastmod[u.Loc] = u.LastMod
		if u.LastMod != "" {
			if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
				t.Errorf("sitemap: %s has lastmod %q", u.Loc, u.LastMod)
			}
		}
	}
	var want []string
	for name := range nodes {
		want = append(want, seoBase+strings.TrimSuffix(name, "index.html"))
	}
	var got []string
	for _, u := range sm.URLs {
		got = append(got, u.Loc)
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("sitemap lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for loc, want := range map[string]string{
		seoBase + "articles/flu/":                       "2026-11-02", // updated, after the review of 2026-11-01
		seoBase + "faq/colds/":                          "2026-11-01", // reviewed after its date
		seoBase + "news/hours/":                         "2026-11-10",
		seoBase + "articles/":                           "2026-11-02", // its newest page
		seoBase + "":                                    "2026-11-21", // the newest page of the site (an alert's date)
		seoBase + "tags/winter/":                        "2026-11-02",
		seoBase + "how-we-make-our-health-information/": "2026-10-15", // trust.updated
	} {
		if lastmod[loc] != want {
			t.Errorf("sitemap: %s lastmod %q, want %q", loc, lastmod[loc], want)
		}
	}
}

// checkFeed: the RSS feed parses, and holds the news and the active alert,
// newest first, and nothing withheld, ended or still to come.
func checkFeed(t *testing.T, files map[string]string) {
	t.Helper()
	var feed struct {
		Version string `xml:"version,attr"`
		Channel struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
			Items       []struct {
				Title   string `xml:"title"`
				Link    string `xml:"link"`
				GUID    string `xml:"guid"`
				PubDate string `xml:"pubDate"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal([]byte(files["feed.xml"]), &feed); err != nil {
		t.Fatalf("feed.xml: %v", err)
	}
	if feed.Version != "2.0" || feed.Channel.Title != "Test Clinic" || feed.Channel.Description == "" {
		t.Errorf("feed channel: %+v", feed)
	}
	var got []string
	for _, it := range feed.Channel.Items {
		if it.GUID != it.Link {
			t.Errorf("feed item %s: guid %s", it.Link, it.GUID)
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("feed item %s: pubDate %q", it.Link, it.PubDate)
		}
		got = append(got, it.Title+" <"+strings.TrimPrefix(it.Link, seoBase)+">")
	}
	want := []string{
		"Alert: Clinic closed on Monday morning <alerts/closure/>",
		"Longer opening hours on Tuesdays <news/hours/>",
		"New car park opens <news/old/>",
	}
	if !slices.Equal(got, want) {
		t.Errorf("feed items\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func find(nodes []ldNode, typ string) ldNode {
	for _, n := range nodes {
		if slices.Contains(n.types(), typ) {
			return n
		}
	}
	return ldNode{}
}

func questions(n ldNode) []string {
	var out []string
	qs, _ := n["mainEntity"].([]any)
	for _, q := range qs {
		out = append(out, q.(map[string]any)["name"].(string))
	}
	return out
}

// compact writes a decoded JSON value back with sorted keys.
func compact(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return strings.TrimSpace(b.String())
}

// TestExampleSiteMetadata: every page of the example site carries complete
// head metadata and valid JSON-LD, the hub shows every question of the
// site, and the sitemap and feed parse.
func TestExampleSiteMetadata(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), Options{Source: exampleSite(t), Dest: dest, Today: today, Theme: pamphlet.Theme})
	if err != nil || res.Refused {
		t.Fatalf("build: %v %v", err, res)
	}
	files := tree(t, dest)
	nodes := checkSite(t, files, "https://health.example.org/")
	// Every <title> shows whole in search results: the site's name is
	// left out where it would make one too long, and seo.title warns of
	// a page title too long alone (the example site has none).
	for name, f := range files {
		if title := headMeta(f)["title"]; strings.HasSuffix(name, ".html") && utf8.RuneCountInString(title) > layout.MaxTitle {
			t.Errorf("%s: the <title> %q is longer than %d characters", name, title, layout.MaxTitle)
		}
	}
	if got, want := headMeta(files["stories/talking-about-sleep/index.html"])["title"], "A young person's story: talking to the nurse about sleep"; got != want {
		t.Errorf("a long title's <title> is %q, want %q, without the site's name", got, want)
	}
	// The example site's templates and styles are the theme's own, so
	// its accessibility statement claims the theme's tests for it.
	if a := visibleText(files["accessibility/index.html"]); !strings.Contains(a, "tested to WCAG 2.2 level AA") || strings.Contains(a, "changes parts of that design") {
		t.Errorf("the example site's accessibility statement:\n%s", a)
	}
	if got, want := headMeta(files["articles/flu-vaccine/index.html"])["title"], "The yearly flu vaccine | Riverside Community Health"; got != want {
		t.Errorf("a short title's <title> is %q, want %q", got, want)
	}
	p, err := Load(context.Background(), Options{Source: exampleSite(t), Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	// Each language's hub shows every question of its language's pages.
	asked := 0
	for _, pg := range p.Pages {
		hub := visibleText(files[strings.TrimPrefix(p.Site.Config.Prefix(pg.Lang)+"/faq/index.html", "/")])
		for _, qa := range pg.Meta.FAQ {
			asked++
			if !strings.Contains(hub, html.UnescapeString(qa.Q)) {
				t.Errorf("the FAQ hub of %s does not show %q from %s", pg.Lang, qa.Q, pg.File)
			}
		}
	}
	marked := 0
	for name, n := range nodes {
		if name == "faq/index.html" || name == "es/faq/index.html" {
			marked += len(questions(find(n, "FAQPage")))
			continue
		}
		if strings.HasPrefix(name, "faq/") || strings.HasPrefix(name, "es/faq/") {
			marked += len(questions(find(n, "FAQPage")))
		}
	}
	if asked == 0 || marked != asked {
		t.Errorf("%d questions on the site, %d marked up", asked, marked)
	}
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(files["sitemap.xml"]), &sm); err != nil || len(sm.URLs) != len(nodes) {
		t.Errorf("sitemap: %v, %d addresses for %d pages", err, len(sm.URLs), len(nodes))
	}
	var feed struct {
		Items []struct {
			Title string `xml:"title"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(files["feed.xml"]), &feed); err != nil || len(feed.Items) == 0 {
		t.Errorf("feed: %v, %d items", err, len(feed.Items))
	}
}
