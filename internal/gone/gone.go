// Package gone finds the addresses a site published at an earlier Git
// revision that nothing serves now: it builds the site as that revision
// had it, from Git, without touching the work tree, lists what that build
// would publish (build.Project.Addresses), and reports each address the
// site of the work tree no longer has, as a links.gone finding with the
// alias that would lead readers on.
package gone

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// Rule is the ID of the findings Since reports.
const Rule = "links.gone"

// Options say what to compare.
type Options struct {
	Source string    // the site folder, in a Git work tree; default "."
	Rev    string    // the revision whose published addresses must still be served, such as origin/main
	Today  time.Time // the build date of both sites: pages dated after it are not published
	Theme  fs.FS     // the built-in theme
}

// Since reports, as links.gone findings, every address that the site in
// opts.Source published at revision opts.Rev (built as that revision had
// it, on opts.Today) and that now, the project now (the site as it is in
// the work tree, loaded and checked), does not serve: not as a page, an
// alias's redirect page or a file. Each says which page probably
// replaced the address, when one is obvious (the page's own file, or the
// file Git says it was renamed to), and what aliases line to write there.
// A site folder that had no pamphlet.yaml at the revision published
// nothing then: Since returns no findings and a *NoSiteError, which
// callers may tell and go on. Other errors are for a folder outside Git, a revision Git does
// not know, and a site that cannot be built as the revision had it.
func Since(ctx context.Context, now *build.Project, opts Options) ([]finding.Finding, error) {
	src := opts.Source
	if src == "" {
		src = "."
	}
	repo, err := open(src)
	if err != nil {
		return nil, err
	}
	commit, err := repo.commit(opts.Rev)
	if err != nil {
		return nil, err
	}
	tree, err := repo.TreeFS(commit)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(tree, content.ConfigFile); err != nil {
		return nil, &NoSiteError{Rev: opts.Rev, Dir: repo.prefix()}
	}
	then, err := build.LoadUnchecked(ctx, build.Options{Source: src, FS: tree, Today: opts.Today, Theme: opts.Theme})
	if err != nil {
		return nil, fmt.Errorf("cannot build the site as %s had it: %w", opts.Rev, err)
	}
	then.Schedule()
	old, err := then.Addresses()
	if err != nil {
		return nil, fmt.Errorf("cannot build the site as %s had it: %w", opts.Rev, err)
	}
	now.Schedule()
	current, err := now.Addresses()
	if err != nil {
		return nil, err
	}
	served := map[string]bool{}
	for _, a := range current {
		served[a.Path] = true
	}
	renames, err := repo.renames(commit)
	if err != nil {
		return nil, err
	}
	sev := finding.Error
	if now.Site.Config.Links.Gone == "warning" {
		sev = finding.Warning
	}
	var out []finding.Finding
	for _, a := range old {
		if served[a.Path] {
			continue
		}
		f := report(a, now.Site, renames, opts.Rev)
		f.Rule, f.Severity = Rule, sev
		out = append(out, f)
	}
	return finding.Sort(out), nil
}

// report says of an address published then and not now what to do: the
// aliases line to add to the page that replaced it, or, for a file that
// is not a page, to put the file back.
func report(a build.Address, now *content.Site, renames map[string]string, rev string) finding.Finding {
	was := a.Path + " was published at " + rev
	switch a.Kind {
	case build.FileAddress:
		moved := renames[a.File]
		if moved != "" {
			return finding.Finding{Position: finding.Position{File: moved},
				Message: fmt.Sprintf("%s (the file %s, now %s) and nothing serves it now; an alias leads only from a page's address, so keep a copy at %s, or have your host redirect %s to %s", was, a.File, moved, a.File, a.Path, content.StaticURL(moved))}
		}
		return finding.Finding{Position: finding.Position{File: a.File},
			Message: fmt.Sprintf("%s (the file %s) and nothing serves it now; put the file back, as links to it may be printed", was, a.File)}
	case build.BuiltAddress:
		return finding.Finding{Position: finding.Position{File: content.ConfigFile},
			Message: fmt.Sprintf("%s and nothing serves it now; pamphlet made it from %s and the site's pages, so look for what changed there", was, content.ConfigFile)}
	case build.CalendarAddress:
		return finding.Finding{Position: finding.Position{File: cmp.Or(a.Page.File, content.ConfigFile)},
			Message: fmt.Sprintf("%s (the calendar file of %s) and nothing serves it now; calendars that readers added the event to keep asking for it there, and an alias does not move a calendar file, so keep the event's page at its address", was, a.Page.File)}
	}
	what := "the page " + a.Page.File
	if a.Kind == build.AliasAddress {
		what = "an alias of " + a.Page.File
	}
	if a.Page.File == "" {
		what = "the list of content/" + a.Page.Dir + "/"
	}
	if to := replacement(a.Page, now, renames); to != nil {
		how := "its address changed"
		switch {
		case a.Kind == build.AliasAddress && to.File == a.Page.File:
			how = "the alias is no longer there"
		case to.File != a.Page.File:
			how = "Git says " + a.Page.File + " was renamed to " + to.File
		}
		return finding.Finding{Position: to.KeyPos("aliases"),
			Message: fmt.Sprintf("%s (%s) and nothing serves it now; %s, so lead readers on with %s", was, what, how, aliasLine(to, a.Path))}
	}
	file := a.Page.File
	if file == "" {
		file = path.Join(content.ContentDir, a.Page.Dir) + "/"
	}
	return finding.Finding{Position: finding.Position{File: file},
		Message: fmt.Sprintf("%s (%s) and nothing serves it now; add aliases: [%s] to the front matter of the page that replaces it, so that printed links and QR codes still lead somewhere", was, what, a.Path)}
}

// replacement returns the published page that obviously took the place
// of a page published then: the page of the same file, or of the file
// Git says it was renamed to; or nil.
func replacement(then *content.Page, now *content.Site, renames map[string]string) *content.Page {
	if then.File == "" {
		return nil
	}
	for _, f := range []string{then.File, renames[then.File]} {
		if p := now.PageByFile(f); f != "" && p != nil && p.Published() {
			return p
		}
	}
	return nil
}

// aliasLine says exactly what to write in a page's front matter for an
// alias of old: an entry of its aliases list where it has one, else a
// line in the front matter's own format.
func aliasLine(p *content.Page, old string) string {
	if pos, ok := p.KeyAt("aliases"); ok {
		return fmt.Sprintf("%s added to the aliases list of %s (line %d)", old, p.File, pos.Line)
	}
	switch p.Format {
	case "toml":
		return fmt.Sprintf("the line aliases = [%q] in the front matter of %s", old, p.File)
	case "json":
		return fmt.Sprintf(`"aliases": [%q] in the front matter of %s`, old, p.File)
	}
	return fmt.Sprintf("the line aliases: [%s] in the front matter of %s", old, p.File)
}

// repo is the Git repository that holds a site folder.
type repo struct{ review.Repo }

// prefix is the site folder from the work tree's top, "." for the top.
func (r repo) prefix() string { return cmp.Or(r.Site, ".") }

// NotGitError is a site folder outside any Git work tree.
type NotGitError struct{ Dir string }

func (e *NotGitError) Error() string {
	return fmt.Sprintf("%s is not in a Git work tree, so there is no revision to compare with", e.Dir)
}

// NoSiteError is a revision at which the site folder had no
// pamphlet.yaml, and so published nothing.
type NoSiteError struct {
	Rev string
	Dir string // the site folder from the repository's top; "." for the top
}

func (e *NoSiteError) Error() string {
	where := "the repository's top folder"
	if e.Dir != "." {
		where = e.Dir + "/"
	}
	return fmt.Sprintf("%s has no %s in %s, so it published nothing there and nothing is gone", e.Rev, content.ConfigFile, where)
}

// RevisionError is a revision Git does not know.
type RevisionError struct {
	Rev string
	Msg string
}

func (e *RevisionError) Error() string {
	return fmt.Sprintf("Git does not know the revision %q: %s", e.Rev, e.Msg)
}

func open(src string) (repo, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return repo{}, err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return repo{}, fmt.Errorf("the site folder %s cannot be read", src)
	}
	r, err := review.OpenRepo(abs)
	if err != nil {
		return repo{}, &NotGitError{Dir: abs}
	}
	return repo{r}, nil
}

// commit returns the full hash of the commit rev names.
func (r repo) commit(rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", &RevisionError{Rev: rev, Msg: "name a commit, branch or tag, such as origin/main"}
	}
	c, err := r.Commit(rev)
	if err != nil {
		return "", &RevisionError{Rev: rev, Msg: "name a commit, branch or tag this repository has (in CI, fetch it: actions/checkout with fetch-depth: 0)"}
	}
	return c, nil
}

// renames maps each file of the site, from the site folder, that Git
// finds renamed between commit and the work tree to its new name.
func (r repo) renames(commit string) (map[string]string, error) {
	args := []string{"-c", "core.quotePath=false", "diff", "--find-renames", "--name-status", "-z", commit, "--"}
	if r.Site != "" {
		args = append(args, r.Site)
	}
	out, err := r.Git(args...)
	if err != nil {
		return nil, err
	}
	site := func(p string) string {
		if r.Site == "" {
			return p
		}
		return strings.TrimPrefix(p, r.Site+"/")
	}
	renames := map[string]string{}
	fields := strings.Split(string(out), "\x00")
	for i := 0; i < len(fields); i++ {
		status := fields[i]
		switch {
		case strings.HasPrefix(status, "R") && i+2 < len(fields):
			renames[site(fields[i+1])] = site(fields[i+2])
			i += 2
		case strings.HasPrefix(status, "C") && i+2 < len(fields):
			i += 2
		case status != "":
			i++
		}
	}
	return renames, nil
}
