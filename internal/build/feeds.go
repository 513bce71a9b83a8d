package build

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// Files pamphlet writes for search engines and feed readers. A site's own
// file of the same name (in content/ or assets/) is written instead.
const (
	SitemapFile = "sitemap.xml"
	RobotsFile  = "robots.txt"
	FeedFile    = "feed.xml"
)

// FeedItems is how many of the newest news items and alerts the feed
// holds.
const FeedItems = 50

// sitemap returns the sitemap files: every page rendered but the 404 page,
// each with the day it last changed. own holds the days pages changed
// themselves; a list page changes also when any page it lists does.
func (p *Project) sitemap(jobs []job, own map[*layout.Page]time.Time) (map[string][]byte, error) {
	memo := map[*layout.Page]time.Time{}
	var urls []seo.SitemapURL
	for _, j := range jobs {
		if j.view.NoIndex {
			continue
		}
		u := seo.SitemapURL{Loc: j.view.Permalink}
		if t := lastmod(j.view, own, memo); !t.IsZero() {
			u.LastMod = seo.Date(t, false)
		}
		for _, t := range j.view.Translations {
			u.Alternates = append(u.Alternates, seo.Alternate{Rel: "alternate", HrefLang: t.Lang, Href: t.Permalink})
		}
		if len(u.Alternates) > 0 {
			u.Alternates = append(u.Alternates, seo.Alternate{Rel: "alternate", HrefLang: "x-default", Href: j.view.Translations[0].Permalink})
		}
		urls = append(urls, u)
	}
	slices.SortFunc(urls, func(a, b seo.SitemapURL) int { return cmp.Compare(a.Loc, b.Loc) })
	return seo.Sitemaps(p.Site.Config.BaseURL, urls)
}

// lastmod is when a page last changed: the latest of its own day and, for
// a list, those of the pages it lists.
func lastmod(v *layout.Page, own, memo map[*layout.Page]time.Time) time.Time {
	if t, ok := memo[v]; ok {
		return t
	}
	t := own[v]
	memo[v] = t // a list that lists itself stops here
	for _, c := range v.Pages {
		if ct := lastmod(c, own, memo); ct.After(t) {
			t = ct
		}
	}
	memo[v] = t
	return t
}

// hasFeed reports whether the site has a feed in a language: feeds are
// on, and it has news or alerts in the language to put in one.
func (p *Project) hasFeed(lang string) bool {
	return p.Site.Config.Build.FeedsOn() &&
		(p.Site.PageByURL(p.Site.DirURL(lang, content.NewsSection)) != nil || p.Site.PageByURL(p.Site.DirURL(lang, content.AlertsSection)) != nil)
}

// feedPath is the site path of a language's feed: /feed.xml, /es/feed.xml.
func (p *Project) feedPath(lang string) string { return p.Site.Config.Prefix(lang) + "/" + FeedFile }

// inFeed reports whether a published page belongs in the feed: a news
// item, or an alert that is active on the build date (started, and not
// ended).
func inFeed(pg *content.Page, today time.Time) bool {
	if pg.Kind != content.Single {
		return false
	}
	switch pg.Section {
	case content.NewsSection:
		return true
	case content.AlertsSection:
		return view.AlertActive(pg.Meta, today)
	}
	return false
}

// feed returns the RSS feed of news and active alerts, newest first, or
// nil when feeds are off.
func (p *Project) feed(views map[*content.Page]*layout.Page, absURL func(string) string, lang string, words *layout.Words) ([]byte, error) {
	cfg := p.Site.Config
	type entry struct {
		item seo.Item
		url  string
	}
	var entries []entry
	for i := range p.Pages {
		pg := &p.Pages[i]
		v := views[pg.Page]
		if v == nil || pg.Lang != lang || !inFeed(pg.Page, p.Options.Today) {
			continue
		}
		m := pg.Meta
		published := m.Date.Time
		if pg.Section == content.AlertsSection && !m.Starts.IsZero() && (published.IsZero() || m.Starts.After(published)) {
			published = m.Starts.Time // an alert is news when it starts
		}
		title := v.Title
		if pg.Section == content.AlertsSection {
			title = words.Say("feed.alert", "title", title)
		}
		entries = append(entries, entry{url: v.Permalink, item: seo.Item{
			Title: title, Link: v.Permalink, Description: v.Description, Published: published, Categories: m.Tags,
		}})
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		return cmp.Or(b.item.Published.Compare(a.item.Published), cmp.Compare(a.url, b.url))
	})
	f := seo.Feed{
		Title:       cfg.Title,
		Link:        cfg.BaseURL,
		Self:        absURL(p.feedPath(lang)),
		Description: words.Say("feed.description", "site", cfg.Title),
		Language:    lang,
	}
	for _, e := range entries[:min(len(entries), FeedItems)] {
		f.Items = append(f.Items, e.item)
	}
	return f.RSS()
}

// siteOwns reports whether the site has its own file at a path of the
// destination, which pamphlet then leaves as the site wrote it.
func (p *Project) siteOwns(name string) bool {
	_, ok := p.Site.Static["/"+strings.TrimPrefix(name, "/")]
	return ok
}
