// Package ics writes iCalendar files (RFC 5545) of events, for the "Add
// to calendar" link of an event page. It imports nothing from pamphlet.
package ics

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one VEVENT.
type Event struct {
	UID   string    // unique for all time, such as events/flu-clinic@health.example.org
	Stamp time.Time // DTSTAMP: when the event was last described; no clock is read
	// Start and End are when it takes place. A zero End of a timed event
	// writes no DTEND, which RFC 5545 reads as an event of no length: the
	// caller gives one.
	Start, End  time.Time
	AllDay      bool // Start and End are days; End is the last day, not the day after
	Summary     string
	Description string
	Location    string
	URL         string
	Organizer   Organizer // ORGANIZER, left out without an e-mail address
	// Sequence is the event's revision, SEQUENCE: a calendar that has the
	// event takes a copy with a higher one as its new version.
	Sequence int
	Modified time.Time // LAST-MODIFIED: when its description last changed; zero leaves it out
}

// Organizer is who publishes an event: a name and the e-mail address
// calendars show as the organizer's.
type Organizer struct {
	Name, Email string
}

// Calendar returns a VCALENDAR holding the events, with CRLF line ends,
// text escaped, times in UTC and lines folded at 75 octets.
func Calendar(prodID string, events ...Event) []byte {
	var b bytes.Buffer
	line := func(name, value string) { fold(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", text(prodID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	for _, e := range events {
		line("BEGIN", "VEVENT")
		line("UID", text(e.UID))
		line("DTSTAMP", utc(e.Stamp))
		line("SEQUENCE", strconv.Itoa(max(e.Sequence, 0)))
		if !e.Modified.IsZero() {
			line("LAST-MODIFIED", utc(e.Modified))
		}
		if e.AllDay {
			end := e.End
			if end.IsZero() {
				end = e.Start
			}
			line("DTSTART;VALUE=DATE", e.Start.Format("20060102"))
			line("DTEND;VALUE=DATE", end.AddDate(0, 0, 1).Format("20060102"))
		} else {
			line("DTSTART", utc(e.Start))
			if !e.End.IsZero() {
				line("DTEND", utc(e.End))
			}
		}
		line("SUMMARY", text(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", text(e.Description))
		}
		if e.Location != "" {
			line("LOCATION", text(e.Location))
		}
		if o := e.Organizer; o.Email != "" {
			name := ""
			if o.Name != "" {
				name = ";CN=" + param(o.Name)
			}
			line("ORGANIZER"+name, "mailto:"+strings.Map(noControl, o.Email))
		}
		if e.URL != "" {
			line("URL", e.URL)
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.Bytes()
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// text escapes a TEXT value: backslashes, semicolons, commas and line
// breaks.
var text = strings.NewReplacer(`\`, `\\`, `;`, `\;`, `,`, `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace

// param writes a parameter value: quoted when it holds a character that
// would end it (";", ":" or ","), with double quotes, which a parameter
// value cannot hold, as single ones, and without control characters.
func param(s string) string {
	s = strings.ReplaceAll(strings.Map(noControl, s), `"`, "'")
	if strings.ContainsAny(s, ";:,") {
		return `"` + s + `"`
	}
	return s
}

// noControl drops control characters, which no value may hold.
func noControl(r rune) rune {
	if r < 0x20 || r == 0x7f {
		return -1
	}
	return r
}

// fold writes a content line, split into lines of at most 75 octets
// (not counting CRLF), each after the first starting with a space, never
// inside a UTF-8 character.
func fold(b *bytes.Buffer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
