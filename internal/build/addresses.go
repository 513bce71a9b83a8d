package build

import (
	"cmp"
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// Address is a site path that a build publishes, and what is there.
type Address struct {
	Path string // such as /articles/flu/, /leaflets/flu.html, /articles/img/chart.png or /feed.xml
	Kind AddressKind
	// Page is the page at the address, the page an alias there leads
	// to, or the event whose calendar file it is; nil otherwise.
	Page *content.Page
	File string // the file of content/ or assets/ at the address, for a FileAddress
}

// AddressKind says what an Address is.
type AddressKind int

// The kinds of address.
const (
	PageAddress     AddressKind = iota // a page of content/, or a list page made for a folder
	AliasAddress                       // the redirect page of an alias of Page
	FileAddress                        // a file of content/ or assets/
	CalendarAddress                    // the calendar file of the event Page
	BuiltAddress                       // what pamphlet makes of pamphlet.yaml and the whole site: the trust, accessibility, search and 404 pages, the feeds, the sitemap, robots.txt
)

// LoadUnchecked reads the site and parses every page as Load does, but
// runs no check: enough to list what a build would publish (Addresses),
// not to say whether it may, and so faster. Its Findings are only those
// about pamphlet.yaml and the files.
func LoadUnchecked(ctx context.Context, opts Options) (*Project, error) {
	p, err := Read(opts)
	if err != nil {
		return nil, err
	}
	if err := p.parse(ctx, false); err != nil {
		return nil, err
	}
	return p, nil
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
		a := Address{Path: "/" + strings.TrimSuffix(j.out, "index.html"), Kind: BuiltAddress}
		if j.page != nil {
			a.Page, a.Kind = j.page.Page, PageAddress
		}
		byPath[a.Path] = a
	}
	for _, al := range p.Site.Aliases {
		if r.views[al.Page] != nil && al.Page.Published() {
			u := "/" + strings.TrimSuffix(al.Out, "index.html")
			byPath[u] = Address{Path: u, Kind: AliasAddress, Page: al.Page}
		}
	}
	for name := range r.static {
		u := "/" + name
		if src, ok := p.Site.Static[u]; ok { // not a fingerprinted name
			if _, page := byPath[u]; !page {
				byPath[u] = Address{Path: u, Kind: FileAddress, File: src}
			}
		}
	}
	for pg, v := range r.views {
		if v.Event != nil && v.Event.Calendar != "" {
			u := "/" + view.CalendarFile(pg)
			byPath[u] = Address{Path: u, Kind: CalendarAddress, Page: pg}
		}
	}
	for _, lang := range p.Site.Config.Langs() {
		if p.hasFeed(lang) {
			byPath[p.feedPath(lang)] = Address{Path: p.feedPath(lang), Kind: BuiltAddress}
		}
	}
	for _, name := range []string{SitemapFile, RobotsFile} {
		if _, ok := byPath["/"+name]; !ok {
			byPath["/"+name] = Address{Path: "/" + name, Kind: BuiltAddress}
		}
	}
	out := slices.Collect(maps.Values(byPath))
	slices.SortFunc(out, func(a, b Address) int { return cmp.Compare(a.Path, b.Path) })
	return out, nil
}
