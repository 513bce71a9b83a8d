package preview

import (
	"maps"
	"slices"

	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// This file holds the checks a session runs again after an edit, and how
// it gathers the findings of the whole site from those it keeps.

// imageFindings finds what is wrong with the images the pages read again
// show, or with allImages those every page shows, and adds what each
// page's images have to the project's findings.
func (s *Session) imageFindings(p *build.Project, checked []string, allImages bool) {
	if allImages {
		found := byFile(p.PageImageFindings(p.Pages))
		for f, e := range s.pages {
			e.images = found[f]
			delete(found, f)
		}
		s.otherImages = slices.Concat(slices.Collect(maps.Values(found))...)
	} else {
		again := make([]check.Page, len(checked))
		for i, f := range checked {
			again[i] = s.pages[f].parsed
		}
		found := byFile(p.PageImageFindings(again))
		for _, f := range checked {
			s.pages[f].images = found[f]
		}
	}
	p.Findings = append(p.Findings, s.otherImages...)
	for _, pg := range p.Pages {
		if e := s.pages[pg.File]; pg.File != "" && e != nil {
			p.Findings = append(p.Findings, e.images...)
		}
	}
}

// checkLocal runs the local rules over the pages not checked under the
// local rules' present key.
func (s *Session) checkLocal(p *build.Project) {
	var todo []check.Page
	for i := range p.Pages {
		if e := s.pages[p.Pages[i].File]; p.Pages[i].File != "" && e != nil && e.localKey != s.local {
			todo = append(todo, p.Pages[i])
		}
	}
	if len(todo) == 0 {
		return
	}
	in := &check.Input{Site: p.Site, Pages: todo, All: p.Pages, Today: s.opts.Today, Words: s.set.Words}
	found := byFile(check.RunLocal(in))
	for _, pg := range todo {
		e := s.pages[pg.File]
		e.local, e.localKey = found[pg.File], s.local
	}
}

// findings gathers the findings of the whole site and applies the
// pamphlet-ignore comments.
func (s *Session) findings(p *build.Project) {
	all := slices.Clone(p.Findings)
	all = append(all, s.sitewide...)
	var commented []check.Page // Silence reads the comments of the pages that have any
	for i := range p.Pages {
		file := p.Pages[i].File
		if e := s.pages[file]; file != "" && e != nil {
			all = append(all, e.found...)
			all = append(all, e.local...)
			all = append(all, s.links[file]...)
			if e.ignores {
				commented = append(commented, p.Pages[i])
			}
		}
	}
	in := &check.Input{Site: p.Site, Pages: commented, Today: s.opts.Today, Words: s.set.Words}
	kept, silenced := check.Silence(in, all)
	p.Findings, p.Silenced = finding.Sort(kept), finding.Sort(silenced)
}
