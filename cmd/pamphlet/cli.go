package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
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

// count says how many there are of a thing: "1 error", "2 errors".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// configErrors says how many errors a broken pamphlet.yaml has.
func configErrors(ce *build.ConfigError) string {
	e, _, _ := finding.Count(ce.Findings)
	return fmt.Sprintf("%s has %s", content.ConfigFile, count(e, "error", "errors"))
}

// loadFailed prints why the site could not be loaded or
// rendered and returns the exit code: a missing or broken pamphlet.yaml or
// layout is a configuration error.
func loadFailed(stderr io.Writer, err error) int {
	var ce *build.ConfigError
	var le *layout.Error
	switch {
	case errors.As(err, &ce):
		finding.WriteText(stderr, finding.Report{Findings: ce.Findings})
		msg(stderr, "%s; nothing was built", configErrors(ce))
	case errors.As(err, &le):
		msg(stderr, "%v", le)
	default:
		msg(stderr, "%v", err)
		var nc *build.NoConfigError
		if errors.As(err, &nc) {
			hint(stderr, "run pamphlet in a site folder, pass -source DIR, or start one with pamphlet new site DIR")
		}
	}
	return exitUsage
}

// loadSite loads and checks the site for check and review status; a nil
// project comes with the exit code.
func loadSite(ctx context.Context, source string, today time.Time, stderr io.Writer) (*build.Project, int) {
	progress, stopProgress := startProgress(stderr)
	p, err := build.Load(ctx, build.Options{Source: source, Today: today, Theme: pamphlet.Theme, Progress: progress})
	stopProgress()
	if err != nil {
		return nil, loadFailed(stderr, err)
	}
	return p, exitOK
}
