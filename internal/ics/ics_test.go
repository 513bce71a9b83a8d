package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestCalendar(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	got := string(Calendar("-//pamphlet//EN", Event{
		UID:         "events/class@clinic.example",
		Stamp:       time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC),
		Start:       time.Date(2026, 12, 10, 18, 0, 0, 0, est),
		End:         time.Date(2026, 12, 10, 19, 30, 0, 0, est),
		Summary:     "Foot care; a class, for you",
		Description: "Line one\nLine two \\ done",
		Location:    "Clinic hall, 1 High Street",
		URL:         "https://clinic.example/events/class/",
		Organizer:   Organizer{Name: `Clinic "North": foot care`, Email: "hello@clinic.example"},
		Sequence:    3,
		Modified:    time.Date(2026, 11, 13, 9, 30, 0, 0, est),
	}, Event{
		UID: "events/day@clinic.example", AllDay: true,
		Start: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), Summary: "A day",
	}))
	want := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pamphlet//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
		"BEGIN:VEVENT\r\nUID:events/class@clinic.example\r\nDTSTAMP:20261114T000000Z\r\n" +
		"SEQUENCE:3\r\nLAST-MODIFIED:20261113T143000Z\r\n" +
		"DTSTART:20261210T230000Z\r\nDTEND:20261211T003000Z\r\n" +
		"SUMMARY:Foot care\\; a class\\, for you\r\nDESCRIPTION:Line one\\nLine two \\\\ done\r\n" +
		"LOCATION:Clinic hall\\, 1 High Street\r\n" +
		"ORGANIZER;CN=\"Clinic 'North': foot care\":mailto:hello@clinic.example\r\n" +
		"URL:https://clinic.example/events/class/\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:events/day@clinic.example\r\nDTSTAMP:00010101T000000Z\r\nSEQUENCE:0\r\n" +
		"DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\nSUMMARY:A day\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestFold: long lines fold at 75 octets with a leading space, never
// inside a character, and unfold to what was written.
func TestFold(t *testing.T) {
	for _, s := range []string{
		"DESCRIPTION:" + strings.Repeat("a", 200),
		"SUMMARY:" + strings.Repeat("é", 100),
		"SUMMARY:" + strings.Repeat("x", 66) + "🙂🙂🙂🙂",
		"SHORT:yes",
	} {
		var b bytes.Buffer
		fold(&b, s)
		out := b.String()
		if !strings.HasSuffix(out, "\r\n") {
			t.Fatalf("%q does not end in CRLF", out)
		}
		for i, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) || (i > 0 && l[0] != ' ') {
				t.Errorf("line %d %q: %d octets", i, l, len(l))
			}
		}
		if unfolded := strings.ReplaceAll(strings.TrimSuffix(out, "\r\n"), "\r\n ", ""); unfolded != s {
			t.Errorf("unfolds to %q, want %q", unfolded, s)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("SUMMARY:" + strings.Repeat("é", 100))
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var b bytes.Buffer
		fold(&b, s)
		out := strings.TrimSuffix(b.String(), "\r\n")
		for _, l := range strings.Split(out, "\r\n") {
			if len(l) > 75 {
				t.Fatalf("a line of %d octets", len(l))
			}
		}
		if strings.ReplaceAll(out, "\r\n ", "") != s && !strings.Contains(s, "\r\n ") {
			t.Fatalf("does not unfold to the input")
		}
	})
}
