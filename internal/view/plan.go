package view

import (
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Views are every view of a site: each published page's, joined by the
// lists, related pages and breadcrumbs other pages feed it; the site's,
// one for each language; and those of the pages pamphlet makes to list
// others and the 404 page.
type Views struct {
	Pages     map[*content.Page]*layout.Page // of each published page
	Published []*check.Page                  // the published pages, in the site's order
	Site      *layout.Site                   // of the default language, with its sections and the alerts in force
	Sites     map[string]*layout.Site        // of each language, by language
	Listings  []Listing                      // topic and audience pages
	NotFound  *layout.Page                   // of the default language, at /404.html
	// NotFounds are the 404 pages of each language, by language: the
	// default's is NotFound; another's is at /LANG/404.html, for hosts
	// that serve a folder's own.
	NotFounds map[string]*layout.Page
}

// Make makes the views of the published pages of pages (the checked pages
// of s) as on the day today. site is the site's view without what the
// pages give it: the navigation's sections and the alerts in force. Each
// language of the site is a site of its own: its pages list, relate to
// and lead to pages of that language only, and speak it in the theme's
// words, words of that language (see layout.LoadWords, which gives every
// language of the site).
func Make(s *content.Site, pages []check.Page, today time.Time, site layout.Site, words map[string]*layout.Words, relURL, absURL func(string) string) *Views {
	vs := &Views{Pages: map[*content.Page]*layout.Page{}, Sites: map[string]*layout.Site{}}
	byLang := map[string][]*check.Page{}
	for i := range pages {
		pg := &pages[i]
		if !pg.Published() {
			continue
		}
		vs.Pages[pg.Page] = Page(s.Config, pg, relURL, absURL)
		if pg.ScheduledAfter(today) { // only in the preview: builds leave such pages out
			vs.Pages[pg.Page].Scheduled = pg.Meta.Date.Time
		}
		vs.Published = append(vs.Published, pg)
		byLang[pg.Lang] = append(byLang[pg.Lang], pg)
	}
	for _, lang := range s.Config.Langs() {
		sub := s.Language(lang)
		w := words[lang]
		for _, pg := range byLang[lang] {
			Say(s.Config, pg, vs.Pages[pg.Page], w, relURL)
		}
		ls := site
		ls.Language = lang
		ls.Locale = OGLocale(lang)
		ls.LanguagesLabel = w.Say("nav.languages")
		ls.TrustTitle = w.Say("trust.title")
		if s.Config.Accessibility != nil {
			ls.AccessibilityURL, ls.AccessibilityTitle = relURL(s.Config.Prefix(lang)+content.AccessibilityURL), w.Say("accessibility.title")
		}
		vs.Sites[lang] = makeLanguage(sub, byLang[lang], today, &ls, w, vs, relURL, absURL)
	}
	vs.Site = vs.Sites[s.Config.Language]
	vs.NotFounds = map[string]*layout.Page{}
	for _, lang := range s.Config.Langs() {
		w, u := words[lang], s.Config.Prefix(lang)+"/404.html"
		vs.NotFounds[lang] = &layout.Page{
			Kind: "404", Title: w.Say("not-found.title"), Description: w.Say("not-found.description", "site", s.Config.Title),
			URL: relURL(u), Permalink: absURL(u), NoIndex: true,
		}
	}
	vs.NotFound = vs.NotFounds[s.Config.Language]
	return vs
}

// makeLanguage joins the views of the published pages of one language's
// part of the site, in its words, and returns its site view.
func makeLanguage(s *content.Site, published []*check.Page, today time.Time, site *layout.Site, w *layout.Words, vs *Views, relURL, absURL func(string) string) *layout.Site {
	site.Sections, site.Alerts = nil, nil
	views := make(map[*content.Page]*layout.Page, len(published))
	for _, pg := range published {
		views[pg.Page] = vs.Pages[pg.Page]
	}
	var sections []*content.Page
	for _, sec := range s.Pages {
		if sec.Kind == content.Section && !strings.Contains(sec.Dir, "/") && sec.Published() {
			sections = append(sections, sec)
		}
	}
	content.SortPages(sections) // by weight, so a site can order its navigation
	for _, sec := range sections {
		site.Sections = append(site.Sections, layout.Link{Title: views[sec].Title, URL: views[sec].URL})
	}
	lists := s.Lists()
	for _, cp := range published {
		pg, v := cp.Page, views[cp.Page]
		if pg.Kind != content.Single {
			for _, c := range lists[pg.URL] {
				v.Pages = append(v.Pages, views[c])
			}
		}
		v.Breadcrumbs = Breadcrumbs(s, pg, views, w)
		v.Translations = Translations(s, pg, vs.Pages, relURL, absURL)
	}
	Related(s.Pages, views)
	TimeBoxed(s, today, site, views, w, relURL)
	if home := views[s.Home()]; home != nil {
		home.AZ = AZ(published, views)
	}
	vs.Listings = append(vs.Listings, Tags(s, views, w, relURL, absURL)...)
	vs.Listings = append(vs.Listings, Audiences(s, views, w, relURL, absURL)...)
	return site
}

// Translations lists a page's published versions in every language,
// itself among them, for its "this page in" links and its alternates;
// nil for a page in one language only.
func Translations(s *content.Site, pg *content.Page, views map[*content.Page]*layout.Page, relURL, absURL func(string) string) []layout.Translation {
	var out []layout.Translation
	for _, t := range s.Translations(pg) {
		if views[t] == nil {
			continue
		}
		out = append(out, layout.Translation{Lang: t.Lang, Name: layout.LanguageName(t.Lang), URL: relURL(t.URL), Permalink: absURL(t.URL), Current: t == pg})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}
