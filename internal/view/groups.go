package view

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Listing is a page that pamphlet makes to list others: the index of
// topics or audiences, or the page of one. Its View's Kind (tags, tag,
// audiences, audience) says which template renders it.
type Listing struct {
	Out  string // the HTML file, such as tags/flu/index.html
	View *layout.Page
	Lang string // the language of the pages it lists
}

// group is the pages of one tag or audience.
type group struct {
	slug, name string
	pages      []*content.Page
}

// grouped gathers the published pages (those in views) into the groups
// keys names for each, by slug; a group takes its name from the first page
// that names it.
func grouped(s *content.Site, views map[*content.Page]*layout.Page, keys func(m content.FrontMatter) []group) map[string]*group {
	out := map[string]*group{}
	for _, pg := range s.Pages {
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

// Tags makes the topic index and one page per tag, listing the published
// pages that carry it, in the words w of the pages' language.
func Tags(s *content.Site, views map[*content.Page]*layout.Page, w *layout.Words, relURL, absURL func(string) string) []Listing {
	byTag := grouped(s, views, func(m content.FrontMatter) (out []group) {
		for _, t := range m.Tags {
			out = append(out, group{slug: content.Slugify(t), name: t})
		}
		return out
	})
	site := s.Config.Title
	return listings(byTag, views, relURL, absURL, groupPages{
		base: s.URL(content.TagsURL), home: s.URL("/"), homeTitle: w.Say("nav.home"), lang: cmp.Or(s.Lang, s.Config.Language), kind: "tag",
		title: w.Say("topics.title"), description: w.Say("topics.description", "site", site),
		pageTitle: func(name string) string { return name },
		pageDesc:  func(name string) string { return w.Say("topics.page-description", "site", site, "topic", name) },
	})
}

// Audiences makes the audience index and one page per audience, listing
// the published pages written for it, in the words w of the pages'
// language.
func Audiences(s *content.Site, views map[*content.Page]*layout.Page, w *layout.Words, relURL, absURL func(string) string) []Listing {
	byAudience := grouped(s, views, func(m content.FrontMatter) (out []group) {
		for _, a := range m.Audience {
			out = append(out, group{slug: a, name: AudienceName(a, w)})
		}
		return out
	})
	site := s.Config.Title
	return listings(byAudience, views, relURL, absURL, groupPages{
		base: s.URL(content.AudiencesURL), home: s.URL("/"), homeTitle: w.Say("nav.home"), lang: cmp.Or(s.Lang, s.Config.Language), kind: "audience",
		title: w.Say("audiences.title"), description: w.Say("audiences.description", "site", site),
		pageTitle: func(name string) string { return w.Say("audiences.page-title", "audience", lowerFirst(name)) },
		pageDesc: func(name string) string {
			return w.Say("audiences.page-description", "site", site, "audience", lowerFirst(name))
		},
	})
}

// lowerFirst lowers a name's first letter to use it within a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// groupPages describes an index page and its pages of groups.
type groupPages struct {
	base               string // the index's site path
	home               string // the site path of the home page of its language
	homeTitle          string // the home page's name in trails
	lang               string // its language
	kind               string // the pages' kind; the index's is its plural
	title, description string // of the index
	pageTitle          func(name string) string
	pageDesc           func(name string) string
}

// listings makes an index page and a page per group, in the order of
// their slugs, or nothing when there are no groups.
func listings(groups map[string]*group, views map[*content.Page]*layout.Page, relURL, absURL func(string) string, g groupPages) []Listing {
	if len(groups) == 0 {
		return nil
	}
	home := layout.Link{Title: g.homeTitle, URL: relURL(g.home)}
	index := &layout.Page{
		Kind: g.kind + "s", Title: g.title, Description: g.description, URL: relURL(g.base), Permalink: absURL(g.base),
		Breadcrumbs: []layout.Link{home},
	}
	out := []Listing{{Out: path.Join(strings.TrimPrefix(g.base, "/"), "index.html"), View: index, Lang: g.lang}}
	for _, slug := range slices.Sorted(maps.Keys(groups)) {
		gr := groups[slug]
		content.SortPages(gr.pages)
		u := g.base + slug + "/"
		v := &layout.Page{
			Kind: g.kind, Title: g.pageTitle(gr.name), Description: g.pageDesc(gr.name), URL: relURL(u), Permalink: absURL(u),
			Breadcrumbs: []layout.Link{home, {Title: g.title, URL: index.URL}},
		}
		for _, pg := range gr.pages {
			v.Pages = append(v.Pages, views[pg])
		}
		index.Pages = append(index.Pages, v)
		out = append(out, Listing{Out: path.Join(strings.TrimPrefix(g.base, "/"), slug, "index.html"), View: v, Lang: g.lang})
	}
	return out
}
