package build

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// Address is a site path that a build publishes, and what is there.
type Address struct {
	Path string // such as /articles/flu/, /leaflets/flu.html, /articles/img/chart.png or /feed.xml
	// Page is the page at the address, or the page an alias there leads
	// to; nil for a file that is not a page, or a page pamphlet makes
	// from pamphlet.yaml (the trust page, the search page, the 404 page).
	Page  *content.Page
	Alias bool   // a redirect page, written for an alias of Page
	File  string // the file of content/ or assets/ at the address; "" for a page
}

// Addresses lists the site paths a build of the project publishes, sorted,
// without rendering a page: each page and each alias's redirect page, the
// trust, accessibility, search and 404 pages, each file of content/ and
// assets/ (but not the stylesheets and scripts whose names change with
// their bytes), each event's calendar file, the feeds, the sitemap and
// robots.txt. Not the topic and audience pages, which come and go with
// the tags and audiences pages have, nor the search index's files. Call
// it on a loaded project, after Withhold and Schedule when a build
// would call them: pages left out have no address.
func (p *Project) Addresses() ([]Address, error) {
	r, err := p.newRenderer()
	if err != nil {
		return nil, err
	}
	r.plan()
	byPath := map[string]Address{}
	for _, j := range r.jobs {
		if j.view.Kind == "tag" || j.view.Kind == "tags" || j.view.Kind == "audience" || j.view.Kind == "audiences" || j.view.Kind == "redirect" {
			continue
		}
		a := Address{Path: "/" + strings.TrimSuffix(j.out, "index.html")}
		if j.page != nil {
			a.Page = j.page.Page
		}
		byPath[a.Path] = a
	}
	for _, al := range p.Site.Aliases {
		if r.views[al.Page] != nil && al.Page.Published() {
			u := "/" + strings.TrimSuffix(al.Out, "index.html")
			byPath[u] = Address{Path: u, Page: al.Page, Alias: true}
		}
	}
	for name := range r.static {
		u := "/" + name
		if src, ok := p.Site.Static[u]; ok { // not a fingerprinted name
			if _, page := byPath[u]; !page {
				byPath[u] = Address{Path: u, File: src}
			}
		}
	}
	for name := range p.calendars(r.views) {
		byPath["/"+name] = Address{Path: "/" + name}
	}
	for _, lang := range p.Site.Config.Langs() {
		if p.hasFeed(lang) {
			byPath[p.feedPath(lang)] = Address{Path: p.feedPath(lang)}
		}
	}
	for _, name := range []string{SitemapFile, RobotsFile} {
		if _, ok := byPath["/"+name]; !ok {
			byPath["/"+name] = Address{Path: "/" + name}
		}
	}
	out := slices.Collect(maps.Values(byPath))
	slices.SortFunc(out, func(a, b Address) int { return cmp.Compare(a.Path, b.Path) })
	return out, nil
}
