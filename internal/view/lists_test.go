package view

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// TestSpan writes time spans in English and in Spanish.
func TestSpan(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	ist := time.FixedZone("", 5*3600+1800)
	at := func(y int, m time.Month, d, h, min int, loc *time.Location) content.Date {
		return content.Date{Time: time.Date(y, m, d, h, min, 0, 0, loc), HasTime: true}
	}
	day := func(y int, m time.Month, d int) content.Date {
		return content.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
	}
	en, es := themeWords(t, "en"), themeWords(t, "es")
	for _, c := range []struct {
		starts, ends content.Date
		want         string
	}{
		{at(2026, 12, 5, 10, 0, est), at(2026, 12, 5, 14, 0, est), "Saturday 5 December 2026, 10am to 2pm (UTC−5)"},
		{at(2026, 12, 5, 12, 0, ist), at(2026, 12, 5, 13, 30, ist), "Saturday 5 December 2026, 12 noon to 1:30pm (UTC+5:30)"},
		{at(2026, 12, 24, 17, 0, est), at(2026, 12, 26, 8, 0, est), "Thursday 24 December 2026, 5pm to Saturday 26 December 2026, 8am (UTC−5)"},
		// The end is shown in the start's zone, so one zone names both.
		{at(2026, 12, 5, 10, 0, est), at(2026, 12, 5, 20, 0, time.UTC), "Saturday 5 December 2026, 10am to 3pm (UTC−5)"},
		{at(2026, 12, 5, 0, 0, time.UTC), content.Date{}, "Saturday 5 December 2026, midnight (UTC)"},
		{day(2026, 12, 7), day(2026, 12, 8), "Monday 7 December 2026 to Tuesday 8 December 2026"},
		{day(2026, 12, 7), day(2026, 12, 7), "Monday 7 December 2026"},
		{content.Date{}, content.Date{}, ""},
	} {
		if got := span(en, c.starts, c.ends, false); got != c.want {
			t.Errorf("span(%v, %v) = %q, want %q", c.starts, c.ends, got, c.want)
		}
	}
	for _, c := range []struct {
		starts, ends content.Date
		until        bool
		want         string
	}{
		{at(2026, 12, 5, 10, 0, est), at(2026, 12, 5, 14, 0, est), false, "sábado 5 de diciembre de 2026, 10:00 a 14:00 (UTC−5)"},
		{at(2026, 12, 5, 12, 0, ist), at(2026, 12, 5, 13, 30, ist), false, "sábado 5 de diciembre de 2026, 12:00 a 13:30 (UTC+5:30)"},
		{at(2026, 12, 24, 17, 0, est), at(2026, 12, 26, 8, 5, est), true, "jueves 24 de diciembre de 2026, 17:00 hasta el sábado 26 de diciembre de 2026, 8:05 (UTC−5)"},
		{at(2026, 12, 5, 0, 0, time.UTC), content.Date{}, false, "sábado 5 de diciembre de 2026, 0:00 (UTC)"},
		{day(2026, 12, 7), day(2026, 12, 8), false, "lunes 7 de diciembre de 2026 al martes 8 de diciembre de 2026"},
	} {
		if got := span(es, c.starts, c.ends, c.until); got != c.want {
			t.Errorf("span in es (%v, %v) = %q, want %q", c.starts, c.ends, got, c.want)
		}
	}
}

// themeWords returns the built-in theme's words in a language.
func themeWords(t testing.TB, lang string) *layout.Words {
	t.Helper()
	words, found, err := layout.LoadWords([]string{lang}, os.DirFS("../.."))
	if err != nil || len(found) > 0 {
		t.Fatalf("the theme's words: %v %v", err, found)
	}
	return words[lang]
}

func TestTimeBoxed(t *testing.T) {
	en := themeWords(t, "en")
	today := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	fm := func(starts, ends string) content.FrontMatter {
		var m content.FrontMatter
		for _, d := range []struct {
			dst *content.Date
			src string
		}{{&m.Starts, starts}, {&m.Ends, ends}} {
			if d.src == "" {
				continue
			}
			if t, err := time.Parse(time.RFC3339, d.src); err == nil {
				*d.dst = content.Date{Time: t, HasTime: true}
			} else if t, err := time.Parse(time.DateOnly, d.src); err == nil {
				*d.dst = content.Date{Time: t}
			}
		}
		return m
	}
	for _, c := range []struct {
		starts, ends string
		past         bool
	}{
		{"2026-12-05", "", false}, // a day-long event lasts all day
		{"2026-12-04", "", true},
		{"2026-12-05T09:00:00Z", "2026-12-05T11:00:00Z", true},
		{"2026-12-05T09:00:00Z", "2026-12-05T13:00:00Z", false},
		{"2026-12-05T13:00:00Z", "", false},
		{"2026-12-05T11:00:00Z", "", false}, // no end: lasts to the end of its day
		{"2026-12-04T23:00:00Z", "", true},
		{"2026-12-03", "2026-12-05", false},
	} {
		if got := EventView(fm(c.starts, c.ends), today, en).Past; got != c.past {
			t.Errorf("event %s to %s: past = %v, want %v", c.starts, c.ends, got, c.past)
		}
	}
	for _, c := range []struct {
		starts, ends, status string
	}{
		{"2026-12-01T00:00:00Z", "2026-12-06T00:00:00Z", "In force now"},
		{"", "2026-12-06T00:00:00Z", "In force now"},
		{"2026-12-05T12:00:00Z", "", "In force now"}, // starts is inclusive
		{"2026-12-01T00:00:00Z", "2026-12-05T12:00:00Z", "Ended"},
		{"2026-12-05T12:00:01Z", "2026-12-06T00:00:00Z", "Planned"},
	} {
		a := AlertView(fm(c.starts, c.ends), today, en)
		if a.Status != c.status || a.Active != (c.status == "In force now") {
			t.Errorf("alert %s to %s: %q (active %v), want %q", c.starts, c.ends, a.Status, a.Active, c.status)
		}
	}
}

// BenchmarkRelated finds related pages for 10,000 pages that all share
// one tag, and each share another with 200 others.
func BenchmarkRelated(b *testing.B) {
	const n = 10000
	var pages []*content.Page
	views := map[*content.Page]*layout.Page{}
	for i := range n {
		pg := &content.Page{Kind: content.Single, Section: "articles", URL: fmt.Sprintf("/articles/topic-%d/", i)}
		pg.Meta.About = fmt.Sprintf("Topic %d", i%2000)
		pg.Meta.Tags = []string{fmt.Sprintf("tag-%d", i%50), "common"}
		pages = append(pages, pg)
		views[pg] = &layout.Page{}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			v.Related = nil
		}
		Related(pages, views)
	}
}

// TestRelatedCommonTag: a tag on more than 100 pages and a tenth of the
// site relates nothing; rarer tags and topics still do, the topic counting
// twice.
func TestRelatedCommonTag(t *testing.T) {
	views := map[*content.Page]*layout.Page{}
	var pages []*content.Page
	add := func(url, about string, tags ...string) *content.Page {
		pg := &content.Page{Kind: content.Single, Section: "articles", URL: url}
		pg.Meta.About, pg.Meta.Tags = about, tags
		pages = append(pages, pg)
		views[pg] = &layout.Page{URL: url}
		return pg
	}
	for i := range 150 {
		add(fmt.Sprintf("/articles/%d/", i), "", "common")
	}
	a := add("/articles/a/", "Asthma", "common", "lungs")
	add("/articles/b/", "", "common", "lungs")
	add("/articles/c/", "asthma", "common")
	add("/events/d/", "Asthma", "lungs").Section = content.EventsSection
	Related(pages, views)
	var got []string
	for _, r := range views[a].Related {
		got = append(got, r.URL)
	}
	if want := "/articles/c/ /articles/b/"; strings.Join(got, " ") != want {
		t.Errorf("related %q, want %q", got, want)
	}
	if r := views[pages[0]].Related; len(r) != 0 {
		t.Errorf("a page with only the common tag has related pages %v", r)
	}
}

// TestRelatedWindow: of the pages that share a tag with many others, a
// page weighs only the relatedWindow nearest to it in date; pages that
// share its topic as well still come first wherever they are.
func TestRelatedWindow(t *testing.T) {
	const n = 3000
	views := map[*content.Page]*layout.Page{}
	var pages []*content.Page
	for i := range n {
		pg := &content.Page{Kind: content.Single, Section: "articles", URL: fmt.Sprintf("/articles/%d/", i)}
		pg.Meta.Date = content.Date{Time: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)}
		if i%10 == 0 {
			pg.Meta.Tags = []string{"lungs"} // 300 pages: a tenth of the site
		}
		pages = append(pages, pg)
		views[pg] = &layout.Page{URL: pg.URL}
	}
	pages[0].Meta.About, pages[2990].Meta.About = "Asthma", "asthma"
	Related(pages, views)
	var got []string
	for _, r := range views[pages[0]].Related {
		got = append(got, r.URL)
	}
	// The topic first, then the newest of the 100 oldest pages tagged lungs.
	if want := "/articles/2990/ /articles/1000/ /articles/990/"; strings.Join(got, " ") != want {
		t.Errorf("related %q, want %q", got, want)
	}
}

// TestSeverityRank: alerts sort from the most severe, and one without a
// severity counts as information.
func TestSeverityRank(t *testing.T) {
	if !(severityRank("urgent") > severityRank("warning") && severityRank("warning") > severityRank("info") && severityRank("") == severityRank("info")) {
		t.Errorf("ranks: urgent %d, warning %d, info %d, none %d", severityRank("urgent"), severityRank("warning"), severityRank("info"), severityRank(""))
	}
}
