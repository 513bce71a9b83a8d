package build

import (
	"cmp"
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/ics"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// How many pages the lists of other pages show.
const (
	RelatedPages = 3 // related pages at the end of a page
	HomeNews     = 3 // news items on the home page
	HomeEvents   = 3 // upcoming events on the home page
	// ContentsFrom is how many sections a page needs for a contents list.
	ContentsFrom = 3
)

// tagURL is the site path of a tag's page.
func tagURL(tag string) string { return content.TagsURL + content.Slugify(tag) + "/" }

// audienceURL is the site path of an audience's page.
func audienceURL(audience string) string { return content.AudiencesURL + audience + "/" }

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
	index := &layout.Page{Kind: g.kind + "s", Title: g.title, Description: g.description,
		URL: relURL(g.base), Permalink: absURL(g.base), Breadcrumbs: []layout.Link{home}}
	jobs := []job{{out: outPath(g.base), template: g.index, view: index}}
	for _, slug := range slices.Sorted(maps.Keys(groups)) {
		gr := groups[slug]
		content.SortPages(gr.pages)
		u := g.base + slug + "/"
		v := &layout.Page{Kind: g.kind, Title: g.pageTitle(gr.name), Description: g.pageDesc(gr.name),
			URL: relURL(u), Permalink: absURL(u),
			Breadcrumbs: []layout.Link{home, {Title: g.title, URL: index.URL}}}
		for _, pg := range gr.pages {
			v.Pages = append(v.Pages, views[pg])
		}
		index.Pages = append(index.Pages, v)
		jobs = append(jobs, job{out: path.Join(strings.TrimPrefix(g.base, "/"), slug, "index.html"), template: g.page, view: v})
	}
	return jobs
}

// contents lists a page's sections, its level-two headings and its
// questions, when it has at least ContentsFrom of them.
func contents(doc *markdown.Document, faq bool) []layout.Link {
	var out []layout.Link
	if doc != nil {
		for _, h := range doc.Headings {
			if h.Level == 2 && h.ID != "" {
				out = append(out, layout.Link{Title: h.Text, URL: "#" + h.ID})
			}
		}
	}
	if faq {
		out = append(out, layout.Link{Title: layout.FAQHeading, URL: "#" + layout.FAQID})
	}
	if len(out) < ContentsFrom {
		return nil
	}
	return out
}

// relates reports whether a page may be listed among related pages and
// have them: not time-boxed alerts and events, which lists of their own
// show.
func relates(pg *content.Page) bool {
	return pg.Kind == content.Single && pg.Section != content.AlertsSection && pg.Section != content.EventsSection
}

// relatedWindow is how many of the pages that share a topic or tag with a
// page are weighed as its related pages: those nearest to it in date.
const relatedWindow = 100

// setRelated gives each published page up to RelatedPages others that
// share its topic (about, worth two tags) or its tags, most shared first,
// then newest. It looks only at pages that share something, through an
// index by topic and tag, and leaves out a topic or tag that so many
// pages share (more than a tenth of them, and more than 100) that it
// says nothing about which are related. Of the pages that share a topic
// or tag with more than relatedWindow others, it weighs only the
// relatedWindow nearest to the page in date; so the work grows with the
// number of pages, never with its square.
func setRelated(pages []*content.Page, views map[*content.Page]*layout.Page) {
	var ps []*content.Page
	for _, pg := range pages {
		if views[pg] != nil && relates(pg) {
			ps = append(ps, pg)
		}
	}
	type keyed struct {
		key    string
		weight int
		at     int // the page's place in index[key]
	}
	keys := make([][]keyed, len(ps))
	index := map[string][]int{}
	for i, pg := range ps {
		if about := strings.ToLower(strings.TrimSpace(pg.Meta.About)); about != "" {
			keys[i] = append(keys[i], keyed{key: "about:" + about, weight: 2})
		}
		for _, t := range pg.Meta.Tags {
			k := "tag:" + content.Slugify(t)
			if !slices.ContainsFunc(keys[i], func(e keyed) bool { return e.key == k }) {
				keys[i] = append(keys[i], keyed{key: k, weight: 1})
			}
		}
		for _, k := range keys[i] {
			index[k.key] = append(index[k.key], i)
		}
	}
	common := max(100, len(ps)/10)
	// Each page's place in the lists of its keys, the long ones sorted by
	// date, newest first. Keys on more than common pages are passed over.
	for key, list := range index {
		if len(list) > common {
			continue
		}
		if len(list) > relatedWindow+1 {
			slices.SortStableFunc(list, func(a, b int) int { return ps[b].Meta.Date.Compare(ps[a].Meta.Date.Time) })
		}
		for at, i := range list {
			for k := range keys[i] {
				if keys[i][k].key == key {
					keys[i][k].at = at
				}
			}
		}
	}
	score := make([]int, len(ps))
	var touched []int
	closer := func(a, b int) bool { // a before b
		return cmp.Or(
			cmp.Compare(score[b], score[a]),
			ps[b].Meta.Date.Compare(ps[a].Meta.Date.Time),
			cmp.Compare(ps[a].URL, ps[b].URL),
		) < 0
	}
	for i, pg := range ps {
		touched = touched[:0]
		for _, k := range keys[i] {
			list := index[k.key]
			if len(list) > common {
				continue
			}
			// The relatedWindow pages nearest in date: all of a short list.
			lo := min(max(0, k.at-relatedWindow/2), max(0, len(list)-relatedWindow-1))
			for _, j := range list[lo:min(len(list), lo+relatedWindow+1)] {
				if j == i {
					continue
				}
				if score[j] == 0 {
					touched = append(touched, j)
				}
				score[j] += k.weight
			}
		}
		var best []int // the closest so far, closest first
		for _, j := range touched {
			if len(best) == RelatedPages && !closer(j, best[len(best)-1]) {
				continue
			}
			at := len(best)
			for at > 0 && closer(j, best[at-1]) {
				at--
			}
			best = slices.Insert(best, at, j)
			if len(best) > RelatedPages {
				best = best[:RelatedPages]
			}
		}
		v := views[pg]
		for _, j := range best {
			v.Related = append(v.Related, views[ps[j]])
		}
		for _, j := range touched {
			score[j] = 0
		}
	}
}

// timeBoxed fills in the event and alert views of published pages, the
// active alerts of the site, and the home page's and the events list's
// lists.
func (p *Project) timeBoxed(site *layout.Site, views map[*content.Page]*layout.Page) {
	today := p.Options.Today
	var news, upcoming, past, alerts []*content.Page
	for _, pg := range p.Site.Pages {
		v := views[pg]
		if v == nil || pg.Kind != content.Single {
			continue
		}
		m := pg.Meta
		switch pg.Section {
		case content.NewsSection:
			news = append(news, pg)
		case content.EventsSection:
			v.Event = eventView(m, today)
			if !m.Starts.IsZero() {
				v.Event.Calendar = v.URL + calendarName(pg)
			}
			if v.Event.Past {
				past = append(past, pg)
			} else {
				upcoming = append(upcoming, pg)
			}
		case content.AlertsSection:
			v.Alert = alertView(m, today)
			if v.Alert.Active {
				alerts = append(alerts, pg)
			}
		case content.StoriesSection:
			if m.Consent != nil {
				v.Consent = m.Consent.Date.Time
			}
		}
	}
	newest := func(a, b *content.Page) int {
		return cmp.Or(b.Meta.Date.Compare(a.Meta.Date.Time), cmp.Compare(a.URL, b.URL))
	}
	byStart := func(a, b *content.Page) int {
		return cmp.Or(a.Meta.Starts.Compare(b.Meta.Starts.Time), cmp.Compare(a.URL, b.URL))
	}
	slices.SortFunc(news, newest)
	slices.SortFunc(upcoming, byStart)
	slices.SortFunc(past, func(a, b *content.Page) int { return byStart(b, a) })
	slices.SortFunc(alerts, func(a, b *content.Page) int {
		// The most severe first: content.Severities runs from the least.
		return cmp.Or(cmp.Compare(severityRank(b.Meta.Severity), severityRank(a.Meta.Severity)),
			b.Meta.Starts.Compare(a.Meta.Starts.Time), newest(a, b))
	})
	list := func(ps []*content.Page, n int) []*layout.Page {
		var out []*layout.Page
		for _, pg := range ps[:min(n, len(ps))] {
			out = append(out, views[pg])
		}
		return out
	}
	site.Alerts = list(alerts, len(alerts))
	if home := views[p.Site.PageByURL("/")]; home != nil {
		home.News = list(news, HomeNews)
		home.Events = list(upcoming, HomeEvents)
	}
	if events := views[p.Site.PageByURL("/"+content.EventsSection+"/")]; events != nil {
		events.Events = list(upcoming, len(upcoming))
		events.Past = list(past, len(past))
	}
}

// eventView is when and where an event takes place.
func eventView(m content.FrontMatter, today time.Time) *layout.Event {
	e := &layout.Event{
		Starts: m.Starts.Time, Ends: m.Ends.Time, HasTime: m.Starts.HasTime,
		When:         span(m.Starts, m.Ends, "to"),
		Registration: m.Registration, Cost: m.Cost,
	}
	if l := m.Location; l != nil {
		e.Location = &layout.Location{Name: l.Name, Address: l.Address, URL: l.URL}
	}
	end := m.Ends
	if end.IsZero() || !end.HasTime {
		// An event with no end, or a day-long one, lasts to the end of
		// its last day.
		last := cmp.Or(end.Time, m.Starts.Time)
		y, mo, d := last.Date()
		end.Time = time.Date(y, mo, d+1, 0, 0, 0, 0, last.Location())
	}
	e.Past = !m.Starts.IsZero() && !end.After(today)
	return e
}

// calendarName is the name of an event's iCalendar file, written beside
// its index.html: foot-care-class.ics for /events/foot-care-class/.
func calendarName(pg *content.Page) string {
	return path.Base(strings.TrimSuffix(pg.URL, "/")) + ".ics"
}

// calendars returns the iCalendar file of every published event with a
// start, by output path.
func (p *Project) calendars(views map[*content.Page]*layout.Page) map[string][]byte {
	cfg := p.Site.Config
	host := cfg.BaseURL
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Host != "" {
		host = u.Host
	}
	out := map[string][]byte{}
	for i := range p.Pages {
		cp := &p.Pages[i]
		v := views[cp.Page]
		if v == nil || v.Event == nil || v.Event.Calendar == "" {
			continue
		}
		ev := v.Event
		e := ics.Event{
			UID:   strings.Trim(cp.URL, "/") + "@" + host,
			Stamp: cmp.Or(lastChanged(cp), ev.Starts),
			Start: ev.Starts, End: ev.Ends, AllDay: !ev.HasTime,
			Summary:     v.Title,
			Description: strings.TrimSpace(v.Description + "\n\n" + v.Permalink),
			URL:         v.Permalink,
		}
		if l := ev.Location; l != nil {
			var parts []string
			for _, s := range []string{l.Name, l.Address} {
				if s = strings.TrimSpace(s); s != "" {
					parts = append(parts, s)
				}
			}
			e.Location = strings.Join(parts, ", ")
		}
		out[path.Join(strings.TrimPrefix(cp.URL, "/"), calendarName(cp.Page))] = ics.Calendar("-//pamphlet//"+cfg.Title+"//EN", e)
	}
	return out
}

// severityLabels name an alert's severity for readers.
var severityLabels = map[string]string{"info": "Information", "warning": "Warning", "urgent": "Urgent"}

// severityRank orders severities from the least, an alert without one
// being information.
func severityRank(sev string) int {
	return slices.Index(content.Severities, cmp.Or(sev, content.Severities[0]))
}

// alertActive reports whether an alert is in force on the build date:
// started (or with no start), and not ended.
func alertActive(m content.FrontMatter, today time.Time) bool {
	return (m.Starts.IsZero() || !m.Starts.After(today)) && (m.Ends.IsZero() || today.Before(m.Ends.Time))
}

// alertView is an alert's severity and time span on the build date.
func alertView(m content.FrontMatter, today time.Time) *layout.Alert {
	sev := cmp.Or(m.Severity, content.Severities[0])
	a := &layout.Alert{
		Severity: sev, Label: severityLabels[sev],
		Starts: m.Starts.Time, Ends: m.Ends.Time,
		Active: alertActive(m, today),
	}
	switch {
	case a.Active:
		a.Status = "In force now"
	case !m.Starts.IsZero() && m.Starts.After(today):
		a.Status = "Planned"
	default:
		a.Status = "Ended"
	}
	if !m.Ends.IsZero() {
		a.Until = "Until " + span(m.Ends, content.Date{}, "")
	}
	switch {
	case !m.Starts.IsZero() && !m.Ends.IsZero():
		a.When = "From " + span(m.Starts, m.Ends, "until")
	case !m.Starts.IsZero():
		a.When = "From " + span(m.Starts, content.Date{}, "")
	case !m.Ends.IsZero():
		a.When = a.Until
	}
	return a
}

// span writes a time span as readers say it, in the time zone the front
// matter gives: "Saturday 5 December 2026, 10am to 2pm (UTC−5)",
// "Monday 7 December 2026 to Tuesday 8 December 2026". An end of zero is
// left out.
func span(starts, ends content.Date, to string) string {
	if starts.IsZero() {
		return ""
	}
	day := func(t time.Time) string { return t.Format("Monday 2 January 2006") }
	s := day(starts.Time)
	if starts.HasTime {
		s += ", " + clock(starts.Time)
	}
	switch {
	case ends.IsZero():
	case starts.HasTime && ends.HasTime && sameDay(starts.Time, ends.In(starts.Location())):
		s += " " + to + " " + clock(ends.In(starts.Location()))
	case ends.HasTime:
		e := ends.In(starts.Location())
		s += " " + to + " " + day(e) + ", " + clock(e)
	default:
		if !sameDay(starts.Time, ends.Time) {
			s += " " + to + " " + day(ends.Time)
		}
	}
	if starts.HasTime {
		s += " (" + zone(starts.Time) + ")"
	}
	return s
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// clock writes a time of day such as "10am", "2:30pm" or "12 noon".
func clock(t time.Time) string {
	switch {
	case t.Hour() == 12 && t.Minute() == 0:
		return "12 noon"
	case t.Hour() == 0 && t.Minute() == 0:
		return "midnight"
	case t.Minute() == 0:
		return t.Format("3pm")
	}
	return t.Format("3:04pm")
}

// zone writes a time's offset from UTC, such as "UTC−5" or "UTC+5:30".
func zone(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("UTC%s%d", sign, h)
	}
	return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
}

// azTopics is the A to Z of health topics: every published clinical
// page, by its topic (about, else its title), grouped by first letter.
func azTopics(pages []check.Page, views map[*content.Page]*layout.Page) []layout.Letter {
	byName := map[string]*layout.AZTopic{}
	for i := range pages {
		cp := &pages[i]
		v := views[cp.Page]
		if v == nil || cp.Kind != content.Single || !cp.Review.Clinical {
			continue
		}
		name := cmp.Or(strings.TrimSpace(cp.Meta.About), v.Title)
		key := strings.ToLower(name)
		if byName[key] == nil {
			byName[key] = &layout.AZTopic{Name: name}
		}
		byName[key].Pages = append(byName[key].Pages, layout.Link{Title: v.Title, URL: v.URL})
	}
	var letters []layout.Letter
	for _, key := range slices.Sorted(maps.Keys(byName)) {
		t := byName[key]
		slices.SortFunc(t.Pages, func(a, b layout.Link) int { return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)) })
		r, _ := utf8.DecodeRuneInString(key)
		letter := string(unicode.ToUpper(r))
		if !unicode.IsLetter(r) {
			letter = "0–9"
		}
		if n := len(letters); n == 0 || letters[n-1].Letter != letter {
			letters = append(letters, layout.Letter{Letter: letter, ID: layout.LetterID(letter, !unicode.IsLetter(r))})
		}
		letters[len(letters)-1].Topics = append(letters[len(letters)-1].Topics, *t)
	}
	return letters
}
