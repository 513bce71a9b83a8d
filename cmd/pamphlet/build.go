package main

import (
	"context"
	"io"
	"path/filepath"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	dest := fs.String("dest", "", "the output `folder` (default: public/ in the site folder)")
	var date dateFlag
	fs.Var(&date, "date", "judge reviews, alerts and events as on this `date` (YYYY-MM-DD; default today)")
	minify := fs.Bool("minify", true, "minify HTML, CSS, JS, JSON, SVG and XML")
	baseURL := fs.String("base-url", "", "publish at this `address` instead of pamphlet.yaml's base_url")
	withhold := fs.Bool("withhold", false, "publish the rest of the site, leaving out pages that fail the checks")
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) > 0 {
		msg(stderr, "build takes no arguments, got %q", rest[0])
		hint(stderr, "use -source DIR to build another site")
		return exitUsage
	}
	start := time.Now()
	progress, stopProgress := startProgress(stderr)
	res, err := build.Build(ctx, build.Options{
		Source:   *source,
		Dest:     *dest,
		Today:    date.today(),
		BaseURL:  *baseURL,
		NoMinify: !*minify,
		Withhold: *withhold,
		Theme:    pamphlet.Theme,
		Progress: progress,
	})
	stopProgress()
	if err != nil {
		return loadFailed(stderr, err)
	}
	finding.WriteText(stderr, finding.Report{Findings: res.Findings})
	rel := relPath(res.Dest)
	if res.Refused {
		if *withhold {
			for _, b := range res.Blocking {
				msg(stderr, "cannot withhold: %s", b)
			}
		}
		e, w, _ := finding.Count(res.Findings)
		msg(stderr, "build refused: %s, %s; %s was left as it was", count(e, "error", "errors"), count(w, "warning", "warnings"), rel)
		if !*withhold && len(res.Blocking) == 0 {
			hint(stderr, "fix the pages, or publish the rest of the site with -withhold")
		}
		return exitRefused
	}
	for _, f := range res.Withheld {
		msg(stderr, "withheld %s: it fails the checks above and is left out of the site", f)
	}
	if made, reused := res.Copies.Made(), res.Copies.Reused(); made+reused > 0 {
		msg(stderr, "smaller copies of images: %d made, %d from the cache", made, reused)
	}
	if n := res.Copies.Pruned(); n > 0 {
		msg(stderr, "removed %s no page uses from the image cache", count(n, "copy", "copies"))
	}
	msg(stderr, "built %s (%s) into %s in %s", count(res.Pages, "page", "pages"), count(res.Files, "file", "files"), rel, time.Since(start).Round(time.Millisecond))
	return exitOK
}

// relPath shows a path relative to the working folder when it is inside it.
func relPath(p string) string {
	if wd, err := filepath.Abs("."); err == nil {
		if r, err := filepath.Rel(wd, p); err == nil && filepath.IsLocal(r) {
			return r + string(filepath.Separator)
		}
	}
	return p
}
