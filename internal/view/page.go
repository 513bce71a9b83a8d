package view

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
)

// Address writes an address from pamphlet.yaml or front matter for a
// page: a site path (starting with /) through toURL, which gives it the
// base path (relURL) or the whole address (absURL); a web address as it
// is.
func Address(u string, toURL func(string) string) string {
	if strings.HasPrefix(u, "/") {
		return toURL(u)
	}
	return u
}

// Trail is a page's breadcrumb trail as absolute addresses, from the home
// page to the page itself, for its JSON-LD.
func Trail(cfg *content.Config, v *layout.Page) []seo.Crumb {
	abs := func(u string) string { return cfg.BaseURL + strings.TrimPrefix(u, cfg.BasePath()) }
	var out []seo.Crumb
	for _, c := range v.Breadcrumbs {
		out = append(out, seo.Crumb{Name: c.Title, URL: abs(c.URL)})
	}
	name := v.Title
	if v.Kind == "home" {
		name = layout.HomeTitle
	}
	return append(out, seo.Crumb{Name: name, URL: v.Permalink})
}

// Page builds a page's view without its body or the lists other pages
// feed it.
func Page(cfg *content.Config, cp *check.Page, relURL, absURL func(string) string) *layout.Page {
	pg := cp.Page
	m := pg.Meta
	v := &layout.Page{
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
	}
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
		v.Description = cmp.Or(cfg.Description, v.Title+" from "+cfg.Title)
	}
	for _, t := range m.Tags {
		v.Tags = append(v.Tags, layout.Link{Title: t, URL: relURL(cfg.Prefix(cp.Lang) + TagURL(t))})
	}
	for _, a := range m.Audience {
		v.Audiences = append(v.Audiences, layout.Link{Title: content.AudienceNames[a], URL: relURL(cfg.Prefix(cp.Lang) + AudienceURL(a))})
	}
	if pg.Kind == content.Single {
		v.Contents = Contents(cp.Doc, len(m.FAQ) > 0)
	}
	for _, s := range m.Sources {
		v.Sources = append(v.Sources, layout.Source{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: s.Date.Time})
	}
	return v
}

// Breadcrumbs is the way to a page from the home page, through the list
// pages of its folders.
func Breadcrumbs(s *content.Site, pg *content.Page, views map[*content.Page]*layout.Page) []layout.Link {
	if pg.Kind == content.Home {
		return nil
	}
	var crumbs []layout.Link
	dir := pg.Dir
	if pg.Kind == content.Section {
		dir = content.ParentDir(dir)
	}
	for {
		if list := s.PageByURL(s.DirURL(pg.Lang, dir)); list != nil && views[list] != nil {
			title := views[list].Title
			if list.Kind == content.Home {
				title = layout.HomeTitle
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

// TagURL is the site path of a tag's page.
func TagURL(tag string) string { return content.TagsURL + content.Slugify(tag) + "/" }

// AudienceURL is the site path of an audience's page.
func AudienceURL(audience string) string { return content.AudiencesURL + audience + "/" }
