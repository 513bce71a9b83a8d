package preview

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// renderPages renders again the pages read again, when nothing other
// pages show of them changed: every other file stays as it was.
func (s *Session) renderPages(ctx context.Context, p *build.Project, checked []string) (*Preview, error) {
	again := make(map[string]bool, len(checked))
	for _, f := range checked {
		again[f] = true
	}
	todo := make([]check.Page, 0, len(checked))
	for i := range p.Pages {
		if again[p.Pages[i].File] {
			todo = append(todo, p.Pages[i])
		}
	}
	found := byFile(check.BrokenLinks(&check.Input{Site: p.Site, Pages: todo, All: p.Pages, Today: s.opts.Today, Words: s.set.Words}))
	for _, pg := range todo {
		s.links[pg.File] = found[pg.File]
	}
	s.findings(p)

	which := s.r.Rebind(p, again)
	rendered, err := s.r.Render(ctx, which)
	if err != nil {
		return nil, err
	}
	var changed []string
	for name, data := range s.r.ImageCopies() {
		if _, taken := s.files[name]; !taken {
			s.files[name] = data // of an image the edit added
			changed = append(changed, name)
		}
	}
	banners := p.Banners()
	for _, i := range which {
		out := s.r.Out(i)
		s.files[out] = layout.WithFindings(rendered[i], banners[s.r.Page(i).URL])
		s.keys[out] = 0 // rendered outside a key: render it again at the next whole-site update
		changed = append(changed, out)
	}
	slices.Sort(changed)
	// The search index holds every page's words: Finish makes it again.
	s.stale = true
	return &Preview{Files: maps.Clone(s.files), Changed: changed, Findings: p.Findings, Pages: s.r.Jobs(), Rendered: len(which), BasePath: p.Site.Config.BasePath()}, nil
}

// searchIndex makes the search index again from each page as last
// rendered, in place of the one files holds.
func (s *Session) searchIndex() error {
	index, dirs, err := s.r.SearchFiles()
	if err != nil {
		return err
	}
	for name := range s.files {
		if slices.ContainsFunc(dirs, func(d string) bool { return strings.HasPrefix(name, d) }) {
			delete(s.files, name)
		}
	}
	maps.Copy(s.files, index)
	return nil
}

// byFile groups findings by file.
func byFile(fs []finding.Finding) map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, f := range fs {
		out[f.File] = append(out[f.File], f)
	}
	return out
}

// renderSite checks the site across its pages, makes every view again,
// and renders the HTML files whose inputs changed: all of them when the
// templates, assets or settings changed (again).
func (s *Session) renderSite(ctx context.Context, p *build.Project, again, static bool) (*Preview, error) {
	in := &check.Input{Site: p.Site, Pages: p.Pages, Today: s.opts.Today, Words: s.set.Words}
	s.links = byFile(check.BrokenLinks(in))
	s.sitewide = check.RunSitewide(in)
	s.findings(p)

	r := s.r
	if r == nil || again || static {
		var err error
		if r, err = p.NewRenderer(); err != nil {
			return nil, err
		}
	}
	if s.r == nil || again {
		s.keys = map[string]uint64{} // the templates changed
	}
	var entries build.SearchEntries // of the pages as last indexed
	if s.r != nil && !again {
		entries = s.r.Entries()
	}
	s.shadowed = r.Plan(p)
	banners := p.Banners()
	keys, err := r.Keys(ctx, func(file string) uint64 {
		if e := s.pages[file]; e != nil {
			return e.key
		}
		return 0
	}, banners)
	if err != nil {
		return nil, err
	}
	var which, same []int
	for i := range r.Jobs() {
		if k, ok := s.keys[r.Out(i)]; !ok || k != keys[i] || s.files[r.Out(i)] == nil {
			which = append(which, i)
		} else {
			same = append(same, i)
		}
	}
	r.KeepEntries(entries, same)
	rendered, err := r.Render(ctx, which)
	if err != nil {
		return nil, err
	}
	files, err := r.Files()
	if err != nil {
		return nil, err
	}
	keep := map[string]uint64{}
	for i := range r.Jobs() {
		out := r.Out(i)
		keep[out] = keys[i]
		if rendered[i] == nil {
			files[out] = s.files[out]
			continue
		}
		var shown []finding.Finding
		if pg := r.Page(i); pg != nil {
			shown = banners[pg.URL]
		}
		files[out] = layout.WithFindings(rendered[i], shown)
	}
	s.r, s.keys, s.files, s.stale = r, keep, files, false
	s.summary = make(map[string]uint64, len(p.Pages))
	for _, pg := range p.Pages {
		if e := s.pages[pg.File]; pg.File != "" && e != nil {
			s.summary[pg.URL] = e.summary
		}
	}
	return &Preview{Files: maps.Clone(files), Findings: p.Findings, Pages: r.Jobs(), Rendered: len(which), BasePath: p.Site.Config.BasePath()}, nil
}
