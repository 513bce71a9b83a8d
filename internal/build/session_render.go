package build

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/gohugoio/hashstructure"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// renderPages renders again the pages read again, when nothing other
// pages show of them changed: every other file stays as it was.
func (s *Session) renderPages(ctx context.Context, p *Project, checked []string) (*Preview, error) {
	again := make(map[string]bool, len(checked))
	for _, f := range checked {
		again[f] = true
	}
	todo := make([]check.Page, 0, len(checked))
	for _, pg := range p.Pages {
		if again[pg.File] {
			todo = append(todo, pg)
		}
	}
	found := byFile(check.BrokenLinks(&check.Input{Site: p.Site, Pages: todo, All: p.Pages, Today: s.opts.Today, Words: s.words}))
	for _, pg := range todo {
		s.links[pg.File] = found[pg.File]
	}
	s.findings(p)

	// The renderer's views now belong to the new project's pages.
	r := s.r
	byURL := make(map[string]*layout.Page, len(r.views))
	for pg, v := range r.views {
		byURL[pg.URL] = v
	}
	r.p = p
	r.views = make(map[*content.Page]*layout.Page, len(byURL))
	index := make(map[string]int, len(p.Pages))
	for i := range p.Pages {
		pg := &p.Pages[i]
		index[pg.URL] = i
		if v := byURL[pg.URL]; v != nil {
			r.views[pg.Page] = v
		}
	}
	var which []int
	for i := range r.jobs {
		j := &r.jobs[i]
		if j.page == nil {
			continue
		}
		j.page = &p.Pages[index[j.page.URL]]
		if again[j.page.File] {
			r.refresh(j)
			which = append(which, i)
		}
	}
	rendered, err := r.render(ctx, which)
	if err != nil {
		return nil, err
	}
	banners := p.banners()
	for _, i := range which {
		j := r.jobs[i]
		s.files[j.out] = layout.WithFindings(rendered[i], banners[j.page.URL])
		s.keys[j.out] = 0 // rendered outside a key: render it again at the next whole-site update
	}
	return &Preview{Files: maps.Clone(s.files), Findings: p.Findings, Pages: len(r.jobs), Rendered: len(which), BasePath: p.Site.Config.BasePath()}, nil
}

// byFile groups findings by file.
func byFile(fs []finding.Finding) map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, f := range fs {
		out[f.File] = append(out[f.File], f)
	}
	return out
}

// refresh makes a page's view again from its page as read again, keeping
// what its view shows of other pages, and puts it in place of the old one,
// which other pages' views point at.
func (r *renderer) refresh(j *job) {
	v := view.Page(r.p.Site.Config, j.page, r.relURL, r.absURL)
	old := j.view
	v.Pages, v.Breadcrumbs, v.Related = old.Pages, old.Breadcrumbs, old.Related
	v.News, v.Events, v.Past, v.AZ, v.Topics = old.News, old.Events, old.Past, old.AZ, old.Topics
	v.Event, v.Alert, v.Consent = old.Event, old.Alert, old.Consent
	*old = *v
}

// renderSite checks the site across its pages, makes every view again,
// and renders the HTML files whose inputs changed: all of them when the
// templates, assets or settings changed (again).
func (s *Session) renderSite(ctx context.Context, p *Project, again, static bool) (*Preview, error) {
	in := &check.Input{Site: p.Site, Pages: p.Pages, Today: s.opts.Today, Words: s.words}
	s.links = byFile(check.BrokenLinks(in))
	s.sitewide = check.RunSitewide(in)
	s.findings(p)

	r := s.r
	if r == nil || again || static {
		var err error
		if r, err = p.newRenderer(); err != nil {
			return nil, err
		}
	}
	if s.r == nil || again {
		s.keys = map[string]uint64{} // the templates changed
	}
	r.p = p
	r.plan()
	s.shadowed = r.shadowed()
	banners := p.banners()
	keys, err := s.jobKeys(ctx, r, banners)
	if err != nil {
		return nil, err
	}
	var which []int
	for i, j := range r.jobs {
		if k, ok := s.keys[j.out]; !ok || k != keys[i] || s.files[j.out] == nil {
			which = append(which, i)
		}
	}
	rendered, err := r.render(ctx, which)
	if err != nil {
		return nil, err
	}
	files := maps.Clone(r.static)
	keep := map[string]uint64{}
	for i, j := range r.jobs {
		keep[j.out] = keys[i]
		if rendered[i] == nil {
			files[j.out] = s.files[j.out]
			continue
		}
		var shown []finding.Finding
		if j.page != nil {
			shown = banners[j.page.URL]
		}
		files[j.out] = layout.WithFindings(rendered[i], shown)
	}
	if err := r.extras(files); err != nil {
		return nil, err
	}
	s.r, s.keys, s.files = r, keep, files
	s.summary = make(map[string]uint64, len(p.Pages))
	for _, pg := range p.Pages {
		if e := s.pages[pg.File]; pg.File != "" && e != nil {
			s.summary[pg.URL] = e.summary
		}
	}
	return &Preview{Files: maps.Clone(files), Findings: p.Findings, Pages: len(r.jobs), Rendered: len(which), BasePath: p.Site.Config.BasePath()}, nil
}

// cardOnly hashes a page's view by its card: the fields that layout.Page
// does not tag card:"-".
var cardOnly = &hashstructure.HashOptions{TagName: layout.CardTag}

// jobKeys hashes what each HTML file is made from: its template, its view
// with the pages it shows as they show in lists, the site's view, the
// page's file and where its links lead, and its findings.
func (s *Session) jobKeys(ctx context.Context, r *renderer, banners map[string][]finding.Finding) ([]uint64, error) {
	// A page shown in another's view counts by its Card alone.
	cards := make(map[*layout.Page]uint64, len(r.views)+len(r.jobs))
	for _, j := range r.jobs {
		cards[j.view] = 0
	}
	for _, v := range r.views {
		cards[v] = 0
	}
	views := slices.Collect(maps.Keys(cards))
	hashes := make([]uint64, len(views))
	err := parallel.For(ctx, len(views), s.opts.Workers, func(i int) error {
		var err error
		hashes[i], err = hashstructure.Hash(views[i], cardOnly)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, v := range views {
		cards[v] = hashes[i]
	}
	pageType := reflect.TypeFor[layout.Page]()
	opts := &hashstructure.HashOptions{UnwrapFunc: func(v reflect.Value) (reflect.Value, error) {
		if v.Type() == pageType && v.CanAddr() {
			return reflect.ValueOf(cards[v.Addr().Interface().(*layout.Page)]), nil
		}
		return v, nil
	}}
	site, err := hashstructure.Hash(*r.site, opts)
	if err != nil {
		return nil, err
	}
	// The FAQ hub shows every page's questions.
	var asked []uint64
	for _, j := range r.jobs {
		if j.page != nil && j.page.Doc != nil && view.Asks(j.page) {
			asked = append(asked, s.pages[j.page.File].key)
		}
	}
	keys := make([]uint64, len(r.jobs))
	err = parallel.For(ctx, len(r.jobs), s.opts.Workers, func(i int) error {
		j := r.jobs[i]
		k := struct {
			Template string
			View     layout.Page
			Site     uint64
			Source   uint64
			Links    []string
			Findings []finding.Finding
			Asked    []uint64
		}{Template: j.template, View: *j.view, Site: site}
		if j.page != nil {
			if e := s.pages[j.page.File]; j.page.File != "" && e != nil {
				k.Source = e.key
			}
			k.Links = r.p.targets(j.page)
			k.Findings = banners[j.page.URL]
		}
		if i == r.hub {
			k.Asked = asked
		}
		var err error
		keys[i], err = hashstructure.Hash(k, opts)
		return err
	})
	return keys, err
}

// targets lists where the links of a page's body and answers lead, as
// the page shows them: its resolver's answers.
func (p *Project) targets(pg *check.Page) []string {
	resolve := p.resolver(pg.Page, func(u string) string { return u }, "")
	var out []string
	for _, d := range append([]*markdown.Document{pg.Doc}, pg.Answers...) {
		if d == nil {
			continue
		}
		for _, l := range d.Links {
			u, ok := resolve(l.Dest)
			out = append(out, fmt.Sprint(ok, " ", u))
		}
	}
	return out
}

// banners returns the findings each page's preview shows, by the page's
// site path: its own, and on the home page those of pamphlet.yaml.
func (p *Project) banners() map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, f := range p.Findings {
		switch pg := p.Site.PageByFile(f.File); {
		case pg != nil:
			out[pg.URL] = append(out[pg.URL], f)
		case f.File == content.ConfigFile:
			out["/"] = append(out["/"], f)
		}
	}
	return out
}
