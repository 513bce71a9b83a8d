package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

func runReviewDiff(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review diff", "FILE", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	files, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(files) != 1 {
		msg(stderr, "review diff takes one file")
		hint(stderr, "pamphlet review diff content/articles/flu.md")
		return exitUsage
	}
	path := files[0]
	site, err := build.Read(build.Options{Source: *source, Today: time.Now(), Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	cur, err := sitePage(site, *source, path, stderr)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	r := cur.Meta.Review
	if r == nil || r.Fingerprint == "" {
		msg(stderr, "%s has not been signed off, so there is no signed version to compare with; the whole page needs review", path)
		return exitRefused
	}
	stale, code := sourceDiff(site, *source, cur, stdout, stderr)
	if code != exitOK {
		return code
	}
	fp, covered := review.Fingerprint(site.Parsed(cur), site.Files())
	if fp == r.Fingerprint {
		if !stale {
			msg(stderr, "%s: no change a reader could see since %s signed it off on %s", path, r.Reviewer, r.Date)
		}
		return exitOK
	}
	if stale {
		io.WriteString(stdout, "\n")
	}
	v, err := review.FindSigned(path, cur.File, r.Fingerprint, site.Markdown(), site.Resolve)
	if errors.Is(err, review.ErrNotFound) && r.FingerprintV1 != "" {
		v, err = review.FindSigned(path, cur.File, r.FingerprintV1, site.Markdown(), site.Resolve)
	}
	switch {
	case errors.Is(err, review.ErrNotInGit):
		msg(stderr, "%v", err)
		hint(stderr, "review diff finds the signed version in Git history; without it, review the whole page")
		return exitUsage
	case errors.Is(err, review.ErrNotFound):
		msg(stderr, "%s: no version in Git history has the signed fingerprint %s (it may have been signed before it was committed); review the whole page", path, r.Fingerprint)
		return exitRefused
	case err != nil:
		msg(stderr, "%v", err)
		return exitUsage
	}
	oldName := fmt.Sprintf("%s as signed off by %s on %s (commit %s, %s)", v.Path, r.Reviewer, r.Date, v.Commit[:12], v.Date)
	text := review.Diff(oldName, cur.File+" now", review.ReadableOf(v.Page).Lines(), review.ReadableOf(cur).Lines(), 3)
	io.WriteString(stdout, text)
	changes := fileChanges(v, covered)
	if changes != "" {
		if text != "" {
			io.WriteString(stdout, "\n")
		}
		io.WriteString(stdout, changes)
	}
	if text == "" && changes == "" {
		msg(stderr, "%s: the page reads differently to readers than when it was signed, though its text lines are the same (a change of structure, such as a code fence); review the whole page", path)
	}
	return exitOK
}

// sourceDiff shows, for a translation whose source was signed off again
// with other text since the translation was signed, what changed in the
// source: the source as it was then against the source now. It reports
// whether it showed a change.
func sourceDiff(site *build.Project, folder string, cur *content.Page, stdout, stderr io.Writer) (bool, int) {
	r := cur.Meta.Review
	src := site.Site.Source(cur)
	if cur.SourceFile == "" || src == nil || src.Meta.Review == nil || r.Source == "" || src.Meta.Review.Fingerprint == r.Source {
		return false, exitOK
	}
	v, err := review.FindSigned(siteFile(folder, src.File), src.File, r.Source, site.Markdown(), site.Resolve)
	switch {
	case errors.Is(err, review.ErrNotInGit):
		msg(stderr, "%v", err)
		hint(stderr, "review diff finds the version of the source the translation was checked against in Git history; without it, compare the whole translation with %s", src.File)
		return false, exitUsage
	case errors.Is(err, review.ErrNotFound):
		msg(stderr, "%s: no version of %s in Git history has the fingerprint this translation was checked against (%s); compare the whole translation with %s", cur.File, src.File, r.Source, src.File)
		return false, exitRefused
	case err != nil:
		msg(stderr, "%v", err)
		return false, exitUsage
	}
	fmt.Fprintf(stdout, "%s translates %s, which changed after this translation was signed on %s:\n", cur.File, src.File, r.Date)
	oldName := fmt.Sprintf("%s as translated (commit %s, %s)", v.Path, v.Commit[:12], v.Date)
	text := review.Diff(oldName, src.File+" now", review.ReadableOf(v.Page).Lines(), review.ReadableOf(src).Lines(), 3)
	io.WriteString(stdout, text)
	return true, exitOK
}

// fileChanges lists the local files whose bytes differ between the signed
// version and now, or "" when none do.
func fileChanges(v *review.Version, now []review.File) string {
	var b strings.Builder
	if v.Files == nil && len(now) > 0 {
		// Signed with an earlier pamphlet, whose fingerprint did not cover files.
		fmt.Fprintf(&b, "files the page shows or links, which the sign-off did not cover:\n")
		for _, f := range now {
			fmt.Fprintf(&b, "  %s\n", f.Path)
		}
		return b.String()
	}
	then := map[string]string{}
	for _, f := range v.Files {
		then[f.Path] = f.SHA256
	}
	var lines []string
	for _, f := range now {
		old, ok := then[f.Path]
		switch {
		case !ok:
			lines = append(lines, "added    "+f.Path)
		case old != f.SHA256:
			l := "changed  " + f.Path
			if f.SHA256 == "" {
				l += " (it cannot be read now)"
			}
			lines = append(lines, l)
		}
		delete(then, f.Path)
	}
	for _, f := range v.Files {
		if _, ok := then[f.Path]; ok {
			lines = append(lines, "removed  "+f.Path)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	b.WriteString("files the page shows or links, changed since the sign-off:\n")
	for _, l := range lines {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}
