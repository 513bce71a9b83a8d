package view

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// TimeBoxed fills in the event and alert views of the published pages of
// s (those in views) as on the day today, in the words w of their
// language, the active alerts of the site's view, and the home page's and
// the events list's lists.
func TimeBoxed(s *content.Site, today time.Time, site *layout.Site, views map[*content.Page]*layout.Page, w *layout.Words, relURL func(string) string) {
	var news, upcoming, past, alerts []*content.Page
	for _, pg := range s.Pages {
		v := views[pg]
		if v == nil || pg.Kind != content.Single {
			continue
		}
		m := pg.Meta
		switch pg.Section {
		case content.NewsSection:
			news = append(news, pg)
		case content.EventsSection:
			v.Event = EventView(m, today, w)
			if l := v.Event.Location; l != nil {
				l.URL = Address(l.URL, relURL)
			}
			if !m.Starts.IsZero() {
				v.Event.Calendar = v.URL + CalendarName(pg)
			}
			if v.Event.Past {
				past = append(past, pg)
			} else {
				upcoming = append(upcoming, pg)
			}
		case content.AlertsSection:
			v.Alert = AlertView(m, today, w)
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
	if home := views[s.Home()]; home != nil {
		home.News = list(news, HomeNews)
		home.Events = list(upcoming, HomeEvents)
	}
	if events := views[s.PageByURL(s.URL("/"+content.EventsSection+"/"))]; events != nil {
		events.Events = list(upcoming, len(upcoming))
		events.Past = list(past, len(past))
	}
}

// EventView is when and where an event takes place, in the words w.
func EventView(m content.FrontMatter, today time.Time, w *layout.Words) *layout.Event {
	e := &layout.Event{
		Starts: m.Starts.Time, Ends: m.Ends.Time, HasTime: m.Starts.HasTime,
		When:         span(w, m.Starts, m.Ends, false),
		Registration: m.Registration, Cost: m.Cost,
	}
	if l := m.Location; l != nil {
		e.Location = &layout.Location{Name: l.Name, Address: l.Address.String(), URL: l.URL}
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

// DefaultEventLength is how long calendars and search engines are told a
// timed event without ends lasts. RFC 5545 reads a start without an end
// as an event of no length, which calendar apps show as a line or not at
// all; an hour is what they give a new event.
const DefaultEventLength = time.Hour

// EventEnd is when an event ends for calendars and search engines: its
// ends; without one, DefaultEventLength after a timed start, or the day
// it starts on for an event of whole days.
func EventEnd(m content.FrontMatter) content.Date {
	switch {
	case !m.Ends.IsZero() || m.Starts.IsZero():
		return m.Ends
	case m.Starts.HasTime:
		return content.Date{Time: m.Starts.Add(DefaultEventLength), HasTime: true}
	}
	return m.Starts
}

// EventSequence is an event's revision for calendars (SEQUENCE): the
// whole days from its date to its last change (see LastChanged), so it
// grows each day the page is updated, and is 0 for a page never updated.
func EventSequence(pg *check.Page) int {
	if pg.Meta.Date.IsZero() {
		return 0
	}
	return max(0, int(LastChanged(pg).Sub(pg.Meta.Date.Time).Hours()/24))
}

// CalendarFile is the output path of an event's iCalendar file, such as
// events/foot-care-class/foot-care-class.ics.
func CalendarFile(pg *content.Page) string {
	return path.Join(strings.TrimPrefix(pg.URL, "/"), CalendarName(pg))
}

// CalendarName is the name of an event's iCalendar file, written beside
// its index.html: foot-care-class.ics for /events/foot-care-class/.
func CalendarName(pg *content.Page) string {
	return path.Base(strings.TrimSuffix(pg.URL, "/")) + ".ics"
}

// severityRank orders severities from the least, an alert without one
// being information.
func severityRank(sev string) int {
	return slices.Index(content.Severities, cmp.Or(sev, content.Severities[0]))
}

// AlertActive reports whether an alert is in force on the build date:
// started (or with no start), and not ended.
func AlertActive(m content.FrontMatter, today time.Time) bool {
	return (m.Starts.IsZero() || !m.Starts.After(today)) && (m.Ends.IsZero() || today.Before(m.Ends.Time))
}

// AlertView is an alert's severity and time span on the build date, in
// the words w.
func AlertView(m content.FrontMatter, today time.Time, w *layout.Words) *layout.Alert {
	sev := cmp.Or(m.Severity, content.Severities[0])
	a := &layout.Alert{
		Severity: sev, Label: w.Say("alert." + sev), // alert.info, alert.warning, alert.urgent
		Starts: m.Starts.Time, Ends: m.Ends.Time,
		Active: AlertActive(m, today),
	}
	switch {
	case a.Active:
		a.Status = w.Say("alert.active")
	case !m.Starts.IsZero() && m.Starts.After(today):
		a.Status = w.Say("alert.planned")
	default:
		a.Status = w.Say("alert.ended")
	}
	if !m.Ends.IsZero() {
		a.Until = w.Say("alert.until", "when", span(w, m.Ends, content.Date{}, true))
	}
	switch {
	case !m.Starts.IsZero() && !m.Ends.IsZero():
		a.When = w.Say("alert.from", "when", span(w, m.Starts, m.Ends, true))
	case !m.Starts.IsZero():
		a.When = w.Say("alert.from", "when", span(w, m.Starts, content.Date{}, true))
	case !m.Ends.IsZero():
		a.When = a.Until
	}
	return a
}

// span writes a time span as readers say it, in the words w and the
// time zone the front matter gives: "Saturday 5 December 2026, 10am to
// 2pm (UTC−5)", "Monday 7 December 2026 to Tuesday 8 December 2026"; an
// alert's span runs until its end rather than to it. An end of zero is
// left out.
func span(w *layout.Words, starts, ends content.Date, until bool) string {
	if starts.IsZero() {
		return ""
	}
	toTime, toDay := w.Say("time.to-time"), w.Say("time.to-day")
	if until {
		toTime, toDay = w.Say("time.until-time"), w.Say("time.until-day")
	}
	day := func(t time.Time) string { return w.Time("format.weekday-date", t) }
	s := day(starts.Time)
	if starts.HasTime {
		s += ", " + clock(starts.Time, w)
	}
	switch {
	case ends.IsZero():
	case starts.HasTime && ends.HasTime && sameDay(starts.Time, ends.In(starts.Location())):
		s += " " + toTime + " " + clock(ends.In(starts.Location()), w)
	case ends.HasTime:
		e := ends.In(starts.Location())
		s += " " + toDay + " " + day(e) + ", " + clock(e, w)
	default:
		if !sameDay(starts.Time, ends.Time) {
			s += " " + toDay + " " + day(ends.Time)
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

// clock writes a time of day in the words w, such as "10am", "2:30pm" or
// "12 noon".
func clock(t time.Time, w *layout.Words) string {
	switch {
	case t.Hour() == 12 && t.Minute() == 0:
		return w.Say("time.noon")
	case t.Hour() == 0 && t.Minute() == 0:
		return w.Say("time.midnight")
	case t.Minute() == 0:
		return w.Time("format.clock-hour", t)
	}
	return w.Time("format.clock", t)
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
