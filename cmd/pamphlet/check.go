package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/gone"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[PATH...]", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	format := &formatFlag{value: "text", allowed: finding.Formats}
	fs.Var(format, "format", "output `format`: text, json, github or sarif")
	var date dateFlag
	fs.Var(&date, "date", "judge reviews, alerts and events as on this `date` (YYYY-MM-DD; default today)")
	since := fs.String("since", "", "also report every address published at this Git `revision` that nothing serves now (links.gone)")
	paths, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	p, keep, code := loadSiteFiles(ctx, *source, date.today(), paths, stderr)
	if p == nil {
		return code
	}
	if *since != "" {
		lost, err := gone.Since(ctx, p, gone.Options{Source: *source, Rev: *since, Today: date.today(), Theme: pamphlet.Theme})
		var none *gone.NoSiteError
		switch {
		case errors.As(err, &none):
			msg(stderr, "-since: %v", err)
		case err != nil:
			msg(stderr, "-since: %v", err)
			return exitUsage
		}
		p.Findings = finding.Sort(append(p.Findings, lost...))
	}
	found, silenced := only(p.Findings, keep), only(p.Silenced, keep)
	report := finding.Report{Findings: found, Silenced: silenced, Rules: check.Catalogue(), Version: versionString(), Root: repoFolder(*source)}
	if err := finding.Write(stdout, format.value, report); err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	if format.value == "github" {
		if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" {
			if err := appendSummary(path, report); err != nil {
				msg(stderr, "writing the job summary: %v", err)
			}
		}
	}
	if format.value == "text" {
		msg(stderr, "%s", report.Totals())
	}
	if finding.HasErrors(found) {
		return exitRefused
	}
	return exitOK
}

// only keeps the findings in the files keep accepts.
func only(fs []finding.Finding, keep func(file string) bool) []finding.Finding {
	var out []finding.Finding
	for _, f := range fs {
		if keep(f.File) {
			out = append(out, f)
		}
	}
	return out
}

// loadSiteFiles loads the site, as loadSite does, and works out which of
// its files the PATH arguments name (see pathFilter). A nil project comes
// with the exit code, the problem already told.
func loadSiteFiles(ctx context.Context, source string, today time.Time, paths []string, stderr io.Writer) (*build.Project, func(file string) bool, int) {
	p, code := loadSite(ctx, source, today, stderr)
	if p == nil {
		return nil, nil, code
	}
	keep, err := pathFilter(source, paths)
	if err != nil {
		msg(stderr, "%v", err)
		return nil, nil, exitUsage
	}
	return p, keep, exitOK
}

// pathFilter returns whether a site file (a slash path from the site root)
// is under one of the given paths (relative to the working folder); with
// no paths, every file is.
func pathFilter(source string, paths []string) (func(file string) bool, error) {
	if len(paths) == 0 {
		return func(string) bool { return true }, nil
	}
	src, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	var prefixes []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(abs); err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(src, abs)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			return nil, fmt.Errorf("%s is not inside the site folder", p)
		}
		prefixes = append(prefixes, filepath.ToSlash(rel))
	}
	return func(file string) bool {
		for _, pre := range prefixes {
			if pre == "." || file == pre || strings.HasPrefix(file, pre+"/") {
				return true
			}
		}
		return false
	}, nil
}

func appendSummary(path string, report finding.Report) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := finding.WriteSummary(f, "pamphlet check", report); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// repoFolder returns the site folder's path from the root of the
// repository that holds it, as GitHub names files in annotations and
// code scanning: from Git when the site is in a work tree, else from
// $GITHUB_WORKSPACE, else from the working folder; "" for the root
// itself, or a folder outside the one it is taken from.
func repoFolder(source string) string {
	if repo, err := review.OpenRepo(source); err == nil {
		return repo.Site
	}
	base := os.Getenv("GITHUB_WORKSPACE")
	if base == "" {
		base = "."
	}
	from, err1 := filepath.Abs(base)
	to, err2 := filepath.Abs(source)
	if err1 != nil || err2 != nil {
		return ""
	}
	rel, err := filepath.Rel(from, to)
	if err != nil || !filepath.IsLocal(rel) || rel == "." {
		return ""
	}
	return filepath.ToSlash(rel)
}
