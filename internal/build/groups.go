package build

import (
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// group is the pages of one tag or audience.
type group struct {
	slug, name string
	pages      []*content.Page
}

// grouped gathers the published pages into the groups keys names for
// each, by slug; a group takes its name from the first page that names it.
func (p *Project) grouped(views map[*content.Page]*layout.Page, keys func(m content.FrontMatter) []group) map[string]*group {
	out := map[string]*group{}
	for _, pg := range p.Site.Pages {
		if views[pg] == nil {
			continue
		}
		for _, k := range keys(pg.Meta) {
			if out[k.slug] == nil {
				out[k.slug] = &group{slug: k.slug, name: k.name}
			}
			out[k.slug].pages = append(out[k.slug].pages, pg)
		}
	}
	return out
}

// tagJobs makes the topic index and one page per tag, listing the
// published pages that carry it.
func (p *Project) tagJobs(set *layout.Set, views map[*content.Page]*layout.Page, relURL, absURL func(string) string) []job {
	byTag := p.grouped(views, func(m content.FrontMatter) (out []group) {
		for _, t := range m.Tags {
			out = append(out, group{slug: content.Slugify(t), name: t})
		}
		return out
	})
	site := p.Site.Config.Title
	return p.groupJobs(byTag, views, relURL, absURL, groupPages{
		base: content.TagsURL, index: set.Lookup("tags.html", "list.html"), page: set.Lookup("tag.html", "list.html"),
		kind: "tag", title: "Topics", description: "Every topic on " + site + ".",
		pageTitle: func(name string) string { return name },
		pageDesc:  func(name string) string { return "Pages about " + name + " on " + site + "." },
	})
}

// audienceJobs makes the audience index and one page per audience,
// listing the published pages written for it.
func (p *Project) audienceJobs(set *layout.Set, views map[*content.Page]*layout.Page, relURL, absURL func(string) string) []job {
	byAudience := p.grouped(views, func(m content.FrontMatter) (out []group) {
		for _, a := range m.Audience {
			out = append(out, group{slug: a, name: content.AudienceNames[a]})
		}
		return out
	})
	site := p.Site.Config.Title
	return p.groupJobs(byAudience, views, relURL, absURL, groupPages{
		base: content.AudiencesURL, index: set.Lookup("audiences.html", "tags.html"), page: set.Lookup("audience.html", "tag.html"),
		kind: "audience", title: "Who our pages are for", description: "Pages on " + site + " for each group of readers.",
		pageTitle: func(name string) string { return "For " + lowerFirst(name) },
		pageDesc:  func(name string) string { return "Pages on " + site + " written for " + lowerFirst(name) + "." },
	})
}

// lowerFirst lowers a name's first letter to use it within a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// groupPages describes an index page and its pages of groups.
type groupPages struct {
	base, index, page  string // the index's site path and both templates
	kind               string // the pages' kind; the index's is its plural
	title, description string // of the index
	pageTitle          func(name string) string
	pageDesc           func(name string) string
}

// groupJobs makes an index page and a page per group, in the order of
// their slugs, or nothing when there are no groups.
func (p *Project) groupJobs(groups map[string]*group, views map[*content.Page]*layout.Page, relURL, absURL func(string) string, g groupPages) []job {
	if len(groups) == 0 {
		return nil
	}
	home := layout.Link{Title: "Home", URL: relURL("/")}
	index := &layout.Page{
		Card: layout.Card{Kind: g.kind + "s", Title: g.title, Description: g.description, URL: relURL(g.base), Permalink: absURL(g.base)},
		Fed:  layout.Fed{Breadcrumbs: []layout.Link{home}},
	}
	jobs := []job{{out: outPath(g.base), template: g.index, view: index}}
	for _, slug := range slices.Sorted(maps.Keys(groups)) {
		gr := groups[slug]
		content.SortPages(gr.pages)
		u := g.base + slug + "/"
		v := &layout.Page{
			Card: layout.Card{Kind: g.kind, Title: g.pageTitle(gr.name), Description: g.pageDesc(gr.name), URL: relURL(u), Permalink: absURL(u)},
			Fed:  layout.Fed{Breadcrumbs: []layout.Link{home, {Title: g.title, URL: index.URL}}},
		}
		for _, pg := range gr.pages {
			v.Pages = append(v.Pages, views[pg])
		}
		index.Pages = append(index.Pages, v)
		jobs = append(jobs, job{out: path.Join(strings.TrimPrefix(g.base, "/"), slug, "index.html"), template: g.page, view: v})
	}
	return jobs
}
