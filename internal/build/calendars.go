package build

import (
	"cmp"
	"net/url"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/ics"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

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
			Stamp: cmp.Or(view.LastChanged(cp), ev.Starts),
			Start: ev.Starts, End: view.EventEnd(cp.Meta).Time, AllDay: !ev.HasTime,
			Summary:     v.Title,
			Description: strings.TrimSpace(v.Description + "\n\n" + v.Permalink),
			URL:         v.Permalink,
			Organizer:   ics.Organizer{Name: cmp.Or(cfg.Organization.Name, cfg.Title), Email: cfg.Organization.Email},
			Sequence:    view.EventSequence(cp),
			Modified:    view.LastChanged(cp),
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
		out[view.CalendarFile(cp.Page)] = ics.Calendar("-//pamphlet//"+cfg.Title+"//EN", e)
	}
	return out
}
