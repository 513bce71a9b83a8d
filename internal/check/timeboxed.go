package check

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Notices reports alerts and events that cannot be shown as they should
// be: an alert without ends (alert.time, error), which would stay on every
// page for good, since an alert is a notice for a time; an event without
// starts (event.details, error), which no one could go to; and an event
// without a location (event.details, warning), which readers and search
// engines cannot place.
func Notices(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) || p.Kind != content.Single {
			continue
		}
		m := p.Meta
		switch p.Section {
		case content.AlertsSection:
			if m.Ends.IsZero() {
				out = append(out, errorAt(p.KeyPos("starts"), "alert.time",
					"an alert needs ends: the date and time it stops applying, such as ends: 2026-12-26T08:00:00-05:00; it leaves every page then"))
			}
		case content.EventsSection:
			if m.Starts.IsZero() {
				out = append(out, errorAt(p.KeyPos("title"), "event.details",
					"an event needs starts: the date and time it begins, such as starts: 2026-12-05T10:00:00-05:00"))
			}
			if m.Location == nil || strings.TrimSpace(m.Location.Name+m.Location.Address.String()+m.Location.URL) == "" {
				out = append(out, warningAt(p.KeyPos("location"), "event.details",
					"an event needs a location: {name, address}, or {name, url} for one held online, so people know where to go"))
			}
		}
	}
	return out
}

// StorySources reports sources that are patient stories of the site
// (sources.story, error): one person's experience, shared with consent, is
// not evidence for a health page.
func StorySources(in *Input) []finding.Finding {
	base, err := url.Parse(in.Site.Config.BaseURL)
	if err != nil || base.Host == "" {
		return nil
	}
	stories := strings.TrimSuffix(base.Path, "/") + "/" + content.StoriesSection + "/"
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) {
			continue
		}
		for i, s := range p.Meta.Sources {
			u, err := url.Parse(s.URL)
			if err != nil || !strings.EqualFold(u.Host, base.Host) || !strings.HasPrefix(u.Path, stories) {
				continue
			}
			key := fmt.Sprintf("sources.%d.url", i)
			out = append(out, errorAt(p.KeyPos(key), "sources.story",
				fmt.Sprintf("source %d is a patient story; a story is one person's experience, shared with consent, not evidence: cite the guideline or study behind the page instead", i+1)))
		}
	}
	return out
}
