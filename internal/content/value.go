package content

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Date is a calendar date, optionally with a time of day and zone. Front
// matter writes it as 2026-10-01 or as 2026-12-24T17:00:00-05:00.
type Date struct {
	time.Time
	HasTime bool // written with a time of day
}

func (d *Date) decodeScalar(s string) error {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		*d = Date{Time: t}
		return nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -07:00", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			*d = Date{Time: t, HasTime: true}
			return nil
		}
	}
	if _, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		return &ruleError{"date", fmt.Sprintf("%q has a time but no time zone; add one, such as %s-05:00 or %sZ", s, s, s)}
	}
	return &ruleError{"date", fmt.Sprintf("%q is not a date; write it as YYYY-MM-DD, such as 2026-10-01", s)}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// String returns YYYY-MM-DD, or RFC 3339 when the date has a time.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.HasTime {
		return d.Format(time.RFC3339)
	}
	return d.Format("2006-01-02")
}

// Period is a length of time written as a number and a unit: 30d, 2w, 12mo
// or 1y.
type Period struct {
	N    int
	Unit string // "d", "w", "mo" or "y"
}

var periodPattern = regexp.MustCompile(`^(\d+)\s*(d|w|mo|y)$`)

func (p *Period) decodeScalar(s string) error {
	m := periodPattern.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("%q is not a period; write a number and d, w, mo or y, such as 30d or 12mo", s)
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n <= 0 {
		return fmt.Errorf("%q must be longer than zero", s)
	}
	*p = Period{N: n, Unit: m[2]}
	return nil
}

// After returns t moved forward by the period. Months and years keep the day
// of the month where the calendar allows.
func (p Period) After(t time.Time) time.Time {
	switch p.Unit {
	case "d":
		return t.AddDate(0, 0, p.N)
	case "w":
		return t.AddDate(0, 0, 7*p.N)
	case "mo":
		return t.AddDate(0, p.N, 0)
	case "y":
		return t.AddDate(p.N, 0, 0)
	}
	return t
}

// Before returns t moved back by the period.
func (p Period) Before(t time.Time) time.Time {
	return Period{N: -p.N, Unit: p.Unit}.After(t)
}

// String returns the period as written, such as 12mo.
func (p Period) String() string { return fmt.Sprintf("%d%s", p.N, p.Unit) }
