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
// page to the page itself, for its JSON-LD, in the words w of the page's
// language.
func Trail(cfg *content.Config, v *layout.Page, w *layout.Words) []seo.Crumb {
	abs := func(u string) string { return cfg.BaseURL + strings.TrimPrefix(u, cfg.BasePath()) }
	var out []seo.Crumb
	for _, c := range v.Breadcrumbs {
		out = append(out, seo.Crumb{Name: c.Title, URL: abs(c.URL)})
	}
	name := v.Title
	if v.Kind == "home" {
		name = w.Say("nav.home")
	}
	return append(out, seo.Crumb{Name: name, URL: v.Permalink})
}

// Page builds a page's view without its body, its contents, what it says
// in the theme's words (see Say) or the lists other pages feed it.
func Page(cfg *content.Config, cp *check.Page, relURL, absURL func(string) string) *layout.Page {
	pg := cp.Page
	m := pg.Meta
	v := &layout.Page{
		Kind:      pg.Kind.String(),
		Section:   pg.Section,
		Title:     m.Title,
		URL:       relURL(pg.URL),
		Permalink: absURL(pg.URL),
		Date:      m.Date.Time,
		Updated:   m.Updated.Time,
		Audience:  m.Audience,
		About:     m.About,
	}
	SetReview(v, cp)
	if v.Title == "" {
		v.Title = content.Humanize(path.Base(pg.Dir))
	}
	for _, t := range m.Tags {
		v.Tags = append(v.Tags, layout.Link{Title: t, URL: relURL(cfg.Prefix(cp.Lang) + TagURL(t))})
	}
	for _, s := range m.Sources {
		v.Sources = append(v.Sources, layout.Source{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Date: s.Date.Time})
	}
	return v
}

// SetReview sets what a page's view shows of its review, from the review
// gate's judgement of the page: whether it is clinical, and its sign-off
// when it holds.
func SetReview(v *layout.Page, cp *check.Page) {
	v.Clinical, v.Review = cp.Review.Clinical, nil
	if st := cp.Review; st.Valid && st.Reviewer != nil {
		v.Review = &layout.Review{
			Reviewer: st.Reviewer.Name, Credentials: st.Reviewer.Credentials, Role: st.Reviewer.Role,
			Date: st.Review.Date.Time, Next: st.Next, Signed: st.Signed,
		}
	}
}

// Say fills in what a page's view says in the theme's words w of its
// language: its description when neither the page nor pamphlet.yaml
// gives one, and the names of its audiences.
func Say(cfg *content.Config, cp *check.Page, v *layout.Page, w *layout.Words, relURL func(string) string) {
	m := cp.Meta
	if cp.File == "" && cp.Kind == content.Section && cp.Dir == content.FAQSection {
		// The FAQ hub of a language that has no faq/_index.md of its own.
		v.Title = w.Say("faq.title")
		m.Description = w.Say("faq.description", "site", cfg.Title)
	}
	v.Description = cmp.Or(m.Description, cfg.Description, w.Say("page.description", "title", v.Title, "site", cfg.Title))
	v.Audiences = nil
	for _, a := range m.Audience {
		v.Audiences = append(v.Audiences, layout.Link{Title: AudienceName(a, w), URL: relURL(cfg.Prefix(cp.Lang) + AudienceURL(a))})
	}
}

// AudienceName is an audience (a value of front matter's audience) as
// readers know it, in the words w: "Older adults" for seniors.
func AudienceName(audience string, w *layout.Words) string { return w.Say("audiences." + audience) }

// Breadcrumbs is the way to a page from the home page, through the list
// pages of its folders, the home page named in the words w.
func Breadcrumbs(s *content.Site, pg *content.Page, views map[*content.Page]*layout.Page, w *layout.Words) []layout.Link {
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
				title = w.Say("nav.home")
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
