package build

import (
	"bytes"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/search"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// plan has internal/view make the view of every published page, with the
// lists, related pages and breadcrumbs that join them, and lists the HTML
// files to render: the pages, the tag and audience pages, the trust page,
// the accessibility statement, the 404 page and the redirect page of
// each alias, each with its template.
func (r *Renderer) plan() {
	p := r.p
	vs := view.Make(p.Site, p.Pages, p.Options.Today, *r.site, r.words, r.relURL, r.absURL)
	var jobs []job
	for _, pg := range vs.Published {
		jobs = append(jobs, job{out: outPath(pg.URL), template: p.templateFor(r.set, pg.Page), view: vs.Pages[pg.Page], site: vs.Sites[pg.Lang], page: pg})
	}
	for _, l := range vs.Listings {
		jobs = append(jobs, job{out: l.Out, template: r.set.Lookup(listingTemplates[l.View.Kind]...), view: l.View, site: vs.Sites[l.Lang]})
	}
	for _, lang := range p.Site.Config.Langs() {
		prefix := p.Site.Config.Prefix(lang)
		site := vs.Sites[lang]
		site.TrustURL, site.Disclaimer = r.relURL(prefix+content.TrustURL), r.trusts[lang].Trust.Disclaimer
		site.HomeURL = r.relURL(prefix + "/")
		jobs = append(jobs, job{out: outPath(prefix + content.TrustURL), template: r.set.Lookup("trust.html", "single.html"), view: r.trusts[lang], site: site})
		if a := r.accessibility[lang]; a != nil {
			jobs = append(jobs, job{out: outPath(prefix + content.AccessibilityURL), template: r.set.Lookup("accessibility.html", "single.html"), view: a, site: site})
		}
		jobs = append(jobs, job{out: strings.TrimPrefix(prefix+"/404.html", "/"), template: "404.html", view: vs.NotFounds[lang], site: site})
	}
	jobs = r.searchJobs(jobs, vs.Sites)
	jobs = r.redirectJobs(jobs, vs.Pages, vs.Sites)
	r.entries = nil
	if r.analyzers != nil {
		r.entries = make([]*search.Entry, len(jobs))
	}
	r.hubs = nil // a FAQ hub's JSON-LD waits for every page's questions
	for i, j := range jobs {
		if j.page != nil && j.page.Kind == content.Section && j.page.URL == p.Site.Config.Prefix(j.page.Lang)+content.FAQURL {
			r.hubs = append(r.hubs, i)
		}
	}
	for lang, site := range vs.Sites {
		site.FeedURL = ""
		if p.hasFeed(lang) {
			site.FeedURL = r.relURL(p.feedPath(lang))
		}
	}
	r.site, r.views, r.published, r.jobs = vs.Site, vs.Pages, vs.Published, jobs
}

// refreshAZ makes each home page's A to Z of health topics again, from
// what the review gate found of each page (see view.AZ), for a plan made
// before the pages were judged.
func (r *Renderer) refreshAZ() {
	for _, lang := range r.p.Site.Config.Langs() {
		home := r.views[r.p.Site.Language(lang).Home()]
		if home == nil {
			continue
		}
		var pages []*check.Page
		for _, pg := range r.published {
			if pg.Lang == lang {
				pages = append(pages, pg)
			}
		}
		home.AZ = view.AZ(pages, r.views)
	}
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
