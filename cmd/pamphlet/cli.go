package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// msg prints "pamphlet: …" on stderr.
func msg(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "pamphlet: "+format+"\n", args...)
}

// hint prints "pamphlet: hint: …" on stderr.
func hint(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, "pamphlet: hint: "+format+"\n", args...)
}

// newFlags returns a flag set that reports to stderr and does not exit.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: pamphlet %s [flags] %s\n\nflags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses flags that may come before, between or after the other
// arguments, as people type both. "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// dateFlag is a -date flag: YYYY-MM-DD or an RFC 3339 time. Unset, it is
// the current time.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (d *dateFlag) Set(s string) error {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		d.t = t
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("%q is not a date; write YYYY-MM-DD or a time such as 2026-11-21T09:00:00Z", s)
	}
	d.t = t
	return nil
}

func (d *dateFlag) today() time.Time {
	if d.t.IsZero() {
		return time.Now()
	}
	return d.t
}

// formatFlag accepts one of a fixed list of output formats.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }

func (f *formatFlag) Set(s string) error {
	for _, a := range f.allowed {
		if s == a {
			f.value = s
			return nil
		}
	}
	return fmt.Errorf("unknown format %q; use %s", s, strings.Join(f.allowed, ", "))
}

// loadFailed prints why a site could not be loaded or rendered and returns
// the exit code: a broken pamphlet.yaml or layout is a configuration error.
func loadFailed(stderr io.Writer, err error) int {
	var ce *build.ConfigError
	var le *layout.Error
	switch {
	case errors.As(err, &ce):
		finding.WriteText(stderr, finding.Report{Findings: ce.Findings})
		msg(stderr, "%v; nothing was built", err)
	case errors.As(err, &le):
		msg(stderr, "%v", le)
	default:
		msg(stderr, "%v", err)
		if strings.Contains(err.Error(), "no pamphlet.yaml") {
			hint(stderr, "run pamphlet in a site folder, pass -source DIR, or start one with pamphlet new site DIR")
		}
	}
	return exitUsage
}

// loadSite loads and checks the site for check and review status; a nil
// project comes with the exit code.
func loadSite(ctx context.Context, source string, today time.Time, stderr io.Writer) (*build.Project, int) {
	p, err := build.Load(ctx, build.Options{Source: source, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		return nil, loadFailed(stderr, err)
	}
	return p, exitOK
}
