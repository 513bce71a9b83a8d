package view

import (
	"fmt"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Views are every view of a site: each published page's, joined by the
// lists, related pages and breadcrumbs other pages feed it; the site's;
// and those of the pages pamphlet makes to list others and the 404 page.
type Views struct {
	Pages     map[*content.Page]*layout.Page // of each published page
	Published []*check.Page                  // the published pages, in the site's order
	Site      *layout.Site                   // with the sections and the alerts in force
	Listings  []Listing                      // topic and audience pages
	NotFound  *layout.Page
}

// Make makes the views of the published pages of pages (the checked pages
// of s) as on the day today. site is the site's view without what the
// pages give it: the navigation's sections and the alerts in force.
func Make(s *content.Site, pages []check.Page, today time.Time, site layout.Site, relURL, absURL func(string) string) *Views {
	site.Sections, site.Alerts = nil, nil
	vs := &Views{Pages: map[*content.Page]*layout.Page{}, Site: &site}
	views := vs.Pages
	for i := range pages {
		pg := &pages[i]
		if !pg.Published() {
			continue
		}
		views[pg.Page] = Page(s.Config, pg, relURL, absURL)
		vs.Published = append(vs.Published, pg)
	}
	var sections []*content.Page
	for _, sec := range s.Pages {
		if sec.Kind == content.Section && !strings.Contains(sec.Dir, "/") && sec.Published() {
			sections = append(sections, sec)
		}
	}
	content.SortPages(sections) // by weight, so a site can order its navigation
	for _, sec := range sections {
		site.Sections = append(site.Sections, layout.Link{Title: views[sec].Title, URL: views[sec].URL})
	}
	lists := s.Lists()
	for _, cp := range vs.Published {
		pg, v := cp.Page, views[cp.Page]
		if pg.Kind != content.Single {
			for _, c := range lists[pg.Dir] {
				v.Pages = append(v.Pages, views[c])
			}
		}
		v.Breadcrumbs = Breadcrumbs(s, pg, views)
	}
	Related(s.Pages, views)
	TimeBoxed(s, today, &site, views, relURL)
	if home := views[s.PageByURL("/")]; home != nil {
		home.AZ = AZ(pages, views)
	}
	vs.Listings = append(Tags(s, views, relURL, absURL), Audiences(s, views, relURL, absURL)...)
	vs.NotFound = &layout.Page{
		Kind: "404", Title: layout.NotFoundTitle, Description: fmt.Sprintf(layout.NotFoundDescription, s.Config.Title),
		URL: relURL("/404.html"), Permalink: absURL("/404.html"), NoIndex: true,
	}
	return vs
}
