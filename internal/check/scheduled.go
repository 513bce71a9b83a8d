package check

import (
	"fmt"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Scheduled reports each page whose date is after the build date
// (content.scheduled, suggestion): it is checked now, as it will be
// published as it is, but builds leave it out until the first one on or
// after its date, which the message names.
func Scheduled(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) || p.Meta.Draft || !p.ScheduledAfter(in.Today) {
			continue
		}
		out = append(out, finding.Finding{
			Position: p.KeyPos("date"), Rule: "content.scheduled", Severity: finding.Suggestion,
			Message: fmt.Sprintf("this page is scheduled for %s: it is checked now, and published by the first build on or after its date (until then it is in no list, feed or sitemap; serve shows it)", appears(p.Meta.Date)),
		})
	}
	return out
}

// appears writes when a scheduled page is published: its day, or its day
// and time with the zone.
func appears(d content.Date) string {
	if d.HasTime {
		return d.Format("2006-01-02 15:04 -07:00")
	}
	return d.Format("2006-01-02")
}

// linkedEarly reports whether a page links to a page that is published
// later than it: a page published now to a scheduled one, or a scheduled
// page to one scheduled after it. Such a link would lead nowhere until
// the later page is published.
func linkedEarly(from, to *content.Page, today time.Time) bool {
	if !to.ScheduledAfter(today) {
		return false
	}
	return !from.ScheduledAfter(today) || to.Meta.Date.After(from.Meta.Date.Time)
}
