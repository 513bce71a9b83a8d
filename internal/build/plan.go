package build

import (
	"bytes"
	"cmp"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
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
		v := p.view(pg, relURL, absURL)
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
		j.view.Breadcrumbs = p.breadcrumbs(pg, views)
	}
	setRelated(p.Site.Pages, views)
	p.timeBoxed(&site, views)
	if home := views[p.Site.PageByURL("/")]; home != nil {
		home.AZ = azTopics(p.Pages, views)
	}
	jobs = append(jobs, p.tagJobs(r.set, views, relURL, absURL)...)
	jobs = append(jobs, p.audienceJobs(r.set, views, relURL, absURL)...)
	jobs = append(jobs, job{out: outPath(content.TrustURL), template: r.set.Lookup("trust.html", "single.html"), view: r.trust})
	jobs = append(jobs, job{out: "404.html", template: "404.html", view: &layout.Page{Card: layout.Card{
		Kind: "404", Title: "Page not found", Description: "The page you asked for is not on " + p.Site.Config.Title + ".",
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

// trail is a page's breadcrumb trail as absolute addresses, from the home
// page to the page itself.
func (p *Project) trail(v *layout.Page) []seo.Crumb {
	cfg := p.Site.Config
	abs := func(u string) string { return cfg.BaseURL + strings.TrimPrefix(u, cfg.BasePath()) }
	var out []seo.Crumb
	for _, c := range v.Breadcrumbs {
		out = append(out, seo.Crumb{Name: c.Title, URL: abs(c.URL)})
	}
	name := v.Title
	if v.Kind == "home" {
		name = "Home"
	}
	return append(out, seo.Crumb{Name: name, URL: v.Permalink})
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

// view builds a page's view without its body.
func (p *Project) view(cp *check.Page, relURL, absURL func(string) string) *layout.Page {
	pg := cp.Page
	m := pg.Meta
	v := &layout.Page{Card: layout.Card{
		Kind:        pg.Kind.String(),
		Section:     pg.Section,
		Title:       m.Title,
		Description: m.Description,
		URL:         relURL(pg.URL),
		Permalink:   absURL(pg.URL),
		Date:        m.Date.Time,
		Updated:     m.Updated.Time,
		Audience:    m.Audience,
		About:       m.About,
		Clinical:    cp.Review.Clinical,
	}}
	if st := cp.Review; st.Valid && st.Reviewer != nil {
		v.Review = &layout.Review{
			Reviewer: st.Reviewer.Name, Credentials: st.Reviewer.Credentials, Role: st.Reviewer.Role,
			Date: st.Review.Date.Time, Next: st.Next, Signed: st.Signed,
		}
	}
	if v.Title == "" {
		v.Title = content.Humanize(path.Base(pg.Dir))
	}
	if v.Description == "" {
		v.Description = cmp.Or(p.Site.Config.Description, v.Title+" from "+p.Site.Config.Title)
	}
	for _, t := range m.Tags {
		v.Tags = append(v.Tags, layout.Link{Title: t, URL: relURL(tagURL(t))})
	}
	for _, a := range m.Audience {
		v.Audiences = append(v.Audiences, layout.Link{Title: content.AudienceNames[a], URL: relURL(audienceURL(a))})
	}
	if pg.Kind == content.Single {
		v.Contents = contents(cp.Doc, len(m.FAQ) > 0)
	}
	for _, s := range m.Sources {
		v.Sources = append(v.Sources, layout.Source{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: s.Date.Time})
	}
	return v
}

func (p *Project) breadcrumbs(pg *content.Page, views map[*content.Page]*layout.Page) []layout.Link {
	if pg.Kind == content.Home {
		return nil
	}
	var crumbs []layout.Link
	dir := pg.Dir
	if pg.Kind == content.Section {
		dir = content.ParentDir(dir)
	}
	for {
		u := "/" + dir + "/"
		if dir == "" {
			u = "/"
		}
		if list := p.Site.PageByURL(u); list != nil && views[list] != nil {
			title := views[list].Title
			if list.Kind == content.Home {
				title = "Home"
			}
			crumbs = append(crumbs, layout.Link{Title: title, URL: views[list].URL})
		}
		if dir == "" {
			break
		}
		dir = content.ParentDir(dir)
	}
	slices.Reverse(crumbs)
	return crumbs
}
