package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// pageChange is a page that a pull request changes as readers see it,
// and that a clinician's sign-off must cover.
type pageChange struct {
	File       string       `json:"file"` // from the site root
	Path       string       `json:"path"` // from the repository root
	Lang       string       `json:"lang"`
	Translates string       `json:"translates,omitempty"` // for a translation, the file of its source
	Title      string       `json:"title"`
	Status     string       `json:"status"`                       // "added" (new, or new at this path) or "changed"
	Before     string       `json:"fingerprint_before,omitempty"` // at the base
	After      string       `json:"fingerprint"`                  // at the head
	Diff       string       `json:"diff"`                         // of the reader-visible text, unified; "" when only files or structure changed
	Files      []fileChange `json:"files"`                        // the files it shows or links that changed
	page       check.Page   // at the head
}

// fileChange is a file a page shows or links that changed.
type fileChange struct {
	Path   string `json:"path"`   // from the site root
	Change string `json:"change"` // added, changed or removed
}

// changeSet is what a pull request changes that clinicians sign off.
type changeSet struct {
	Base, Head string // full commit hashes; Base is where head left the base branch
	Pages      []pageChange
	repo       review.Repo
	head       *build.Project
	baseConfig *content.Config // nil when the base has no readable pamphlet.yaml
}

// loadChanges compares the site at the base commit (read from Git) with
// the site of headOpts (the work tree, or a commit's tree through
// headOpts.FS), and returns every page the gate holds to a sign-off, or
// that carries one, or that makes a clinical claim, whose fingerprint
// differs: sources before translations, each in the site's order.
func loadChanges(ctx context.Context, repo review.Repo, base, head string, headOpts build.Options) (*changeSet, error) {
	cs := &changeSet{Base: base, Head: head, repo: repo}
	hp, err := build.Load(ctx, headOpts)
	if err != nil {
		return nil, err
	}
	cs.head = hp
	baseFS, err := repo.TreeFS(base)
	if err != nil {
		return nil, err
	}
	bp, err := build.Read(build.Options{Source: headOpts.Source, FS: baseFS, Today: headOpts.Today, Theme: pamphlet.Theme})
	var nc *build.NoConfigError
	var ce *build.ConfigError
	switch {
	case errors.As(err, &nc), errors.As(err, &ce):
		bp = nil // every page is new to the clinician
	case err != nil:
		return nil, fmt.Errorf("the site at %s: %w", short(base), err)
	default:
		cs.baseConfig = bp.Site.Config
	}
	claims := map[string]bool{}
	for _, f := range hp.Findings {
		if f.Rule == "claims.unreviewed" {
			claims[f.File] = true
		}
	}
	for _, pg := range hp.Pages {
		st := pg.Review
		if pg.File == "" || pg.Unreadable || !st.NeedsSignOff() && st.Review == nil && !claims[pg.File] {
			continue
		}
		fp, covered := review.Fingerprint(hp.Parsed(pg.Page), hp.Files())
		c := pageChange{File: pg.File, Path: repo.Path(pg.File), Lang: pg.Lang, Translates: pg.SourceFile, Title: pg.Meta.Title, Status: "added", After: fp, Files: []fileChange{}, page: pg}
		var then []review.File
		var old []string
		if bp != nil {
			if b := bp.Site.PageByFile(pg.File); b != nil && !b.Unreadable {
				c.Before, then = review.Fingerprint(bp.Parsed(b), bp.Files())
				c.Status = "changed"
				old = review.ReadableOf(b).Lines()
			}
		}
		if c.Before == c.After {
			continue
		}
		oldName := c.Path + " at " + short(base)
		if old == nil {
			oldName = "/dev/null"
		}
		c.Diff = review.Diff(oldName, c.Path+" at "+short(head), old, review.ReadableOf(pg.Page).Lines(), 3)
		c.Files = changedFiles(then, covered)
		cs.Pages = append(cs.Pages, c)
	}
	slices.SortStableFunc(cs.Pages, func(a, b pageChange) int {
		return boolInt(a.Translates != "") - boolInt(b.Translates != "")
	})
	return cs, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// changedFiles compares the files a page showed or linked with those it
// does now.
func changedFiles(then, now []review.File) []fileChange {
	was := map[string]string{}
	for _, f := range then {
		was[f.Path] = f.SHA256
	}
	out := []fileChange{}
	for _, f := range now {
		old, ok := was[f.Path]
		switch {
		case !ok:
			out = append(out, fileChange{f.Path, "added"})
		case old != f.SHA256:
			out = append(out, fileChange{f.Path, "changed"})
		}
		delete(was, f.Path)
	}
	for _, f := range then {
		if _, ok := was[f.Path]; ok {
			out = append(out, fileChange{f.Path, "removed"})
		}
	}
	slices.SortFunc(out, func(a, b fileChange) int { return strings.Compare(a.Path, b.Path) })
	return out
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// revisions returns the base and head commits a command compares: the
// head as given (default HEAD), and the merge base of the given base
// (default origin's default branch, else main or master) with it, so
// that what the base branch gained since is not taken for the pull
// request's.
func revisions(repo review.Repo, baseRev, headRev string) (base, head string, err error) {
	if head, err = repo.Commit(cmp.Or(headRev, "HEAD")); err != nil {
		return "", "", err
	}
	if baseRev == "" {
		for _, r := range []string{"origin/HEAD", "origin/main", "origin/master", "main", "master"} {
			if _, err := repo.Commit(r); err == nil {
				baseRev = r
				break
			}
		}
		if baseRev == "" {
			return "", "", errors.New("no default branch to compare with (origin/HEAD, main or master); give -base REV")
		}
	}
	b, err := repo.Commit(baseRev)
	if err != nil {
		return "", "", err
	}
	base, err = repo.MergeBase(b, head)
	return base, head, err
}
