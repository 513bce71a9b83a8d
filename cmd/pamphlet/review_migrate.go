package main

import (
	"errors"
	"io"
	"path/filepath"
	"time"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// runReviewMigrate carries sign-offs recorded with the fingerprint of an
// earlier pamphlet over to the fingerprint of what readers get, where the
// page is the one that was signed; see review.Gate.Migrate.
func runReviewMigrate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review migrate", "[PATH...]", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	dryRun := fs.Bool("n", false, "say what would change, and write nothing")
	paths, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	site, err := build.Read(build.Options{Source: *source, Today: time.Now(), Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	keep, err := pathFilter(*source, paths)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	var migrated, current, refused int
	for _, pg := range site.Site.Pages {
		if pg.File == "" || pg.Meta.Review == nil || !keep(pg.File) {
			continue
		}
		rev, err := site.Gate.Migrate(site.Parsed(pg), site.Files())
		switch {
		case errors.Is(err, review.ErrCurrent):
			current++
			continue
		case err != nil:
			msg(stderr, "%v", err)
			refused++
			continue
		}
		out, err := review.SetBlock(pg, rev)
		if err == nil && !*dryRun {
			err = writeFileAtomic(siteFile(*source, pg.File), out)
		}
		if err != nil {
			msg(stderr, "%v", err)
			refused++
			continue
		}
		migrated++
		verb := "migrated"
		if *dryRun {
			verb = "would migrate"
		}
		msg(stderr, "%s %s: the sign-off by %s on %s now records what readers get", verb, pg.File, rev.Reviewer, rev.Date)
	}
	msg(stderr, "%s carried over, %d already up to date, %d cannot be carried over", count(migrated, "sign-off", "sign-offs"), current, refused)
	if refused > 0 {
		hint(stderr, "a page that cannot be carried over needs a clinical reviewer to read it and sign again: pamphlet review sign FILE -reviewer ID")
		return exitRefused
	}
	return exitOK
}

// siteFile returns the path of a site file (a slash path from the site
// root) from the working folder.
func siteFile(source, file string) string {
	return filepath.Join(source, filepath.FromSlash(file))
}
