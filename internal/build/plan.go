package build

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// plan makes the view of every published page, with the lists, related
// pages and breadcrumbs that join them, and the HTML files to render:
// the pages, the tag and audience pages, the trust page and the 404 page.
func (r *renderer) plan() {
	p, relURL, absURL := r.p, r.relURL, r.absURL
	site := *r.site // the navigation and the alerts depend on the pages
	r.site = &site
	site.Sections, site.Alerts = nil, nil
	views := map[*content.Page]*layout.Page{}
	var jobs []job
	for i := range p.Pages {
		pg := &p.Pages[i]
		if !pg.Published() {
			continue
		}
		v := view.Page(p.Site.Config, pg, relURL, absURL)
		views[pg.Page] = v
		name := p.templateFor(r.set, pg.Page)
		jobs = append(jobs, job{out: outPath(pg.URL), template: name, view: v, page: pg})
	}
	var sections []*content.Page
	for _, s := range p.Site.Pages {
		if s.Kind == content.Section && !strings.Contains(s.Dir, "/") && s.Published() {
			sections = append(sections, s)
		}
	}
	content.SortPages(sections) // by weight, so a site can order its navigation
	for _, s := range sections {
		site.Sections = append(site.Sections, layout.Link{Title: views[s].Title, URL: views[s].URL})
	}
	lists := p.Site.Lists()
	for _, j := range jobs {
		pg := j.page.Page
		if pg.Kind != content.Single {
			for _, c := range lists[pg.Dir] {
				j.view.Pages = append(j.view.Pages, views[c])
			}
		}
		j.view.Breadcrumbs = view.Breadcrumbs(p.Site, pg, views)
	}
	view.Related(p.Site.Pages, views)
	view.TimeBoxed(p.Site, p.Options.Today, &site, views)
	if home := views[p.Site.PageByURL("/")]; home != nil {
		home.AZ = view.AZ(p.Pages, views)
	}
	for _, l := range slices.Concat(view.Tags(p.Site, views, relURL, absURL), view.Audiences(p.Site, views, relURL, absURL)) {
		jobs = append(jobs, job{out: l.Out, template: r.set.Lookup(listingTemplates[l.View.Kind]...), view: l.View})
	}
	jobs = append(jobs, job{out: outPath(content.TrustURL), template: r.set.Lookup("trust.html", "single.html"), view: r.trust})
	jobs = append(jobs, job{out: "404.html", template: "404.html", view: &layout.Page{Card: layout.Card{
		Kind: "404", Title: layout.NotFoundTitle, Description: fmt.Sprintf(layout.NotFoundDescription, p.Site.Config.Title),
		URL: relURL("/404.html"), Permalink: absURL("/404.html"), NoIndex: true,
	}}})
	r.hub = -1 // the FAQ hub's JSON-LD waits for every page's questions
	for i, j := range jobs {
		if j.page != nil && j.page.Kind == content.Section && j.page.URL == content.FAQURL {
			r.hub = i
		}
	}
	r.views, r.jobs = views, jobs
}

// listingTemplates are the templates of the pages that list others, by
// their kind: each kind's own, else the one before it.
var listingTemplates = map[string][]string{
	"tags": {"tags.html", "list.html"}, "tag": {"tag.html", "list.html"},
	"audiences": {"audiences.html", "tags.html"}, "audience": {"audience.html", "tag.html"},
}

// buffers hold pages as templates write them, reused from page to page so
// that each does not grow its own from nothing.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// siteFor returns the site view with the navigation marking the section
// of the page being rendered.
func siteFor(site *layout.Site, v *layout.Page) *layout.Site {
	s := *site
	s.Sections = slices.Clone(site.Sections)
	for i := range s.Sections {
		s.Sections[i].Current = v.Section != "" && strings.HasSuffix(s.Sections[i].URL, "/"+v.Section+"/")
	}
	return &s
}

// outPath returns the HTML file a site path is written to.
func outPath(url string) string {
	return path.Join(strings.TrimPrefix(url, "/"), "index.html")
}

// templateFor picks the page's template: the section's own, then the
// kind's.
func (p *Project) templateFor(set *layout.Set, pg *content.Page) string {
	switch pg.Kind {
	case content.Home:
		return set.Lookup("home.html", "list.html")
	case content.Section:
		return set.Lookup(pg.Section+"/list.html", "list.html")
	}
	return set.Lookup(pg.Section+"/single.html", "single.html")
}
