package view

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
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

// Contents lists a page's sections, its level-two headings and its
// questions (named in the words w of its language), when it has at least
// ContentsFrom of them.
func Contents(doc *markdown.Document, faq bool, w *layout.Words) []layout.Link {
	var out []layout.Link
	if doc != nil {
		for _, h := range doc.Headings {
			if h.Level == 2 && h.ID != "" {
				out = append(out, layout.Link{Title: h.Text, URL: "#" + h.ID})
			}
		}
	}
	if faq {
		out = append(out, layout.Link{Title: w.Say("page.faq"), URL: "#" + layout.FAQID})
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

// Related gives each published page up to RelatedPages others that
// share its topic (about, worth two tags) or its tags, most shared first,
// then newest. It looks only at pages that share something, through an
// index by topic and tag, and leaves out a topic or tag that so many
// pages share (more than a tenth of them, and more than 100) that it
// says nothing about which are related. Of the pages that share a topic
// or tag with more than relatedWindow others, it weighs only the
// relatedWindow nearest to the page in date; so the work grows with the
// number of pages, never with its square.
func Related(pages []*content.Page, views map[*content.Page]*layout.Page) {
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

// AZ is the A to Z of health topics: every published clinical
// page, by its topic (about, else its title), grouped by first letter.
func AZ(pages []*check.Page, views map[*content.Page]*layout.Page) []layout.Letter {
	byName := map[string]*layout.AZTopic{}
	for _, cp := range pages {
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
