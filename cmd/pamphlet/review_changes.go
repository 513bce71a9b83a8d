package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// foldLines is how long a change may be, in lines of its diff, before the
// Markdown format folds it in <details>.
const foldLines = 30

func runReviewChanges(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review changes", "", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	baseRev := fs.String("base", "", "the base `revision` of the pull request (default the event's, else origin/HEAD, main or master)")
	headRev := fs.String("head", "", "the head `revision` (default the event's, else HEAD)")
	eventPath := fs.String("event", "", "a pull_request or pull_request_review event `file` to take the revisions from (default $GITHUB_EVENT_PATH when it names one)")
	format := &formatFlag{value: "text", allowed: []string{"text", "markdown", "json"}}
	fs.Var(format, "format", "output `format`: text, markdown or json")
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) > 0 {
		msg(stderr, "review changes takes no files; it compares the whole site at two revisions")
		hint(stderr, "pamphlet review changes -base origin/main -head HEAD")
		return exitUsage
	}
	if *baseRev == "" || *headRev == "" {
		path := *eventPath
		if path == "" {
			path = os.Getenv("GITHUB_EVENT_PATH")
		}
		if path != "" {
			data, err := os.ReadFile(path)
			if err != nil {
				msg(stderr, "%v", err)
				return exitUsage
			}
			base, head, err := review.PullRequestRevisions(data)
			switch {
			case err == nil:
				*baseRev = cmp.Or(*baseRev, base)
				*headRev = cmp.Or(*headRev, head)
			case *eventPath != "":
				msg(stderr, "%s: %v", path, err)
				return exitUsage
			}
		}
	}
	repo, err := review.OpenRepo(*source)
	if err != nil {
		msg(stderr, "%v", err)
		hint(stderr, "review changes compares two commits; run it in a clone of the site's repository")
		return exitUsage
	}
	base, head, err := revisions(repo, *baseRev, *headRev)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	headFS, err := repo.TreeFS(head)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	cs, err := loadChanges(ctx, repo, base, head, build.Options{Source: *source, FS: headFS, Today: time.Now(), Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	switch format.value {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			Base  string       `json:"base"`
			Head  string       `json:"head"`
			Pages []pageChange `json:"pages"`
		}{cs.Base, cs.Head, nonNil(cs.Pages)})
	case "markdown":
		_, err = io.WriteString(stdout, changesMarkdown(cs))
	default:
		_, err = io.WriteString(stdout, changesText(cs))
	}
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	return exitOK
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// changeLabel says what kind of change a page had.
func changeLabel(cs *changeSet, c pageChange) string {
	what := "changed"
	if c.Status == "added" {
		what = "new page"
	}
	if c.Translates != "" {
		what += fmt.Sprintf(", translation (%s) of %s", c.Lang, cs.repo.Path(c.Translates))
	}
	return what
}

func changesText(cs *changeSet) string {
	var b strings.Builder
	if len(cs.Pages) == 0 {
		fmt.Fprintf(&b, "no page that needs a clinician's sign-off changed between %s and %s\n", short(cs.Base), short(cs.Head))
		return b.String()
	}
	fmt.Fprintf(&b, "%s to sign off, changed between %s and %s:\n", count(len(cs.Pages), "page", "pages"), short(cs.Base), short(cs.Head))
	for _, c := range cs.Pages {
		fmt.Fprintf(&b, "\n%s: %s (%s)\n", c.Path, c.Title, changeLabel(cs, c))
		b.WriteString(c.Diff)
		for _, f := range c.Files {
			fmt.Fprintf(&b, "  %-8s %s\n", f.Change, cs.repo.Path(f.Path))
		}
		if c.Diff == "" && len(c.Files) == 0 {
			b.WriteString("  the page reads differently to readers, though its text lines are the same (a change of structure, such as a code fence); review the whole page\n")
		}
	}
	return b.String()
}

// changesMarkdown writes the changes for a job summary or a pull-request
// comment: every title and path escaped, each diff in a code block no
// line of it can close, and a diff longer than foldLines folded.
func changesMarkdown(cs *changeSet) string {
	var b strings.Builder
	b.WriteString("## Clinical changes to sign off\n\n")
	if len(cs.Pages) == 0 {
		fmt.Fprintf(&b, "No page that needs a clinician's sign-off changed between %s and %s.\n", finding.CodeSpan(short(cs.Base)), finding.CodeSpan(short(cs.Head)))
		return b.String()
	}
	fmt.Fprintf(&b, "%s changed as readers see them between %s and %s. A clinical reviewer who approves the pull request signs off exactly these changes.\n", count(len(cs.Pages), "page", "pages"), finding.CodeSpan(short(cs.Base)), finding.CodeSpan(short(cs.Head)))
	for _, c := range cs.Pages {
		what := "changed"
		if c.Status == "added" {
			what = "new page"
		}
		if c.Translates != "" {
			what += fmt.Sprintf(", translation (%s) of %s", finding.EscapeMarkdown(c.Lang), finding.CodeSpan(cs.repo.Path(c.Translates)))
		}
		fmt.Fprintf(&b, "\n### %s\n\n%s: %s\n", finding.EscapeMarkdown(c.Title), finding.CodeSpan(c.Path), what)
		if c.Diff != "" {
			block := finding.CodeBlock("diff", c.Diff)
			if n := strings.Count(c.Diff, "\n"); n > foldLines {
				fmt.Fprintf(&b, "\n<details><summary>The change (%d lines)</summary>\n\n%s\n</details>\n", n, block)
			} else {
				b.WriteString("\n" + block)
			}
		}
		if len(c.Files) > 0 {
			b.WriteString("\nFiles it shows or links:\n\n")
			for _, f := range c.Files {
				fmt.Fprintf(&b, "- %s %s\n", f.Change, finding.CodeSpan(cs.repo.Path(f.Path)))
			}
		}
		if c.Diff == "" && len(c.Files) == 0 {
			b.WriteString("\nThe page reads differently to readers, though its text lines are the same (a change of structure, such as a code fence): review the whole page.\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n") + "\n"
}
