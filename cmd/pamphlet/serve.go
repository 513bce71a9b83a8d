package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/preview"
	"github.com/pamphlet-health/pamphlet/internal/serve"
)

// DefaultAddr is where pamphlet serve listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	addr := fs.String("addr", DefaultAddr, "listen on this loopback `address`")
	var date dateFlag
	fs.Var(&date, "date", "judge reviews, alerts and events as on this `date` (YYYY-MM-DD; default today)")
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) > 0 {
		msg(stderr, "serve takes no arguments, got %q", rest[0])
		hint(stderr, "use -source DIR to preview another site")
		return exitUsage
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil || !serve.Loopback(*addr) {
		msg(stderr, "-addr %s: the preview listens on a loopback address only, such as %s", *addr, DefaultAddr)
		hint(stderr, "the preview shows pages that are not publishable; publish with pamphlet build")
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		msg(stderr, "%v", err)
		hint(stderr, "another program may be using %s; choose another with -addr 127.0.0.1:PORT", *addr)
		return exitUsage
	}
	return runPreview(ctx, *source, date.today(), ln, stderr)
}

// runPreview builds the site in memory and serves it on ln until ctx is
// done, building again as its files change.
func runPreview(ctx context.Context, source string, today time.Time, ln net.Listener, stderr io.Writer) int {
	defer ln.Close()
	session, err := preview.NewSession(build.Options{Source: source, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	srv := serve.New(serve.Options{
		Root:   source,
		Watch:  []string{content.ContentDir, "layouts", "assets", content.ConfigFile},
		Build:  previewBuilder(session),
		Log:    stderr,
		Ignore: content.Ignored,
	})
	msg(stderr, "previewing %s at http://%s/ (Ctrl+C to stop); nothing is written to public/", source, ln.Addr())
	if err := srv.Run(ctx, ln); err != nil {
		return loadFailed(stderr, err)
	}
	return exitOK
}

// previewBuilder returns the server's build function: the session's
// update, whose search index, when it is left pending, the server has
// made once the edited pages are told to reload.
func previewBuilder(session *preview.Session) serve.BuildFunc {
	return func(ctx context.Context, changed []string) (*serve.Site, error) {
		pv, err := session.Start(ctx, changed)
		if err != nil {
			return nil, previewError(err)
		}
		site := servedSite(pv)
		if pv.Pending {
			site.Finish = func(ctx context.Context) (*serve.Site, error) {
				pv, err := session.Finish(ctx)
				if err != nil {
					return nil, previewError(err)
				}
				return servedSite(pv), nil
			}
		}
		return site, nil
	}
}

// servedSite is what the server serves of a preview.
func servedSite(pv *preview.Preview) *serve.Site {
	e, w, _ := finding.Count(pv.Findings)
	return &serve.Site{
		Files:    pv.Files,
		Changed:  pv.Changed,
		BasePath: pv.BasePath,
		Summary: fmt.Sprintf("checked %d, rendered %d of %s; %s, %s%s", pv.Checked, pv.Rendered, count(pv.Pages, "page", "pages"),
			count(e, "error", "errors"), count(w, "warning", "warnings"), firstFindings(pv.Findings, summaryShown)),
	}
}

// summaryShown is how many findings the preview's line on the terminal
// names; every one is on its page in the browser.
const summaryShown = 3

// firstFindings names the first n errors, or when there are none the
// first n warnings, by file:line:column and rule, for the preview's
// line on the terminal: "" when there are neither.
func firstFindings(fs []finding.Finding, n int) string {
	for _, sev := range []finding.Severity{finding.Error, finding.Warning} {
		var named []string
		total := 0
		for _, f := range fs {
			if f.Severity != sev {
				continue
			}
			total++
			if len(named) < n {
				named = append(named, f.Position.String()+" ("+f.Rule+")")
			}
		}
		if total == 0 {
			continue
		}
		text := ": " + strings.Join(named, ", ")
		if total > len(named) {
			text += fmt.Sprintf(" and %d more", total-len(named))
		}
		return text
	}
	return ""
}

// previewError is a failed update as the preview shows it: for a broken
// pamphlet.yaml, each of its findings and how many errors it has.
func previewError(err error) error {
	var ce *build.ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	var b strings.Builder
	finding.WriteText(&b, finding.Report{Findings: ce.Findings})
	b.WriteString(configErrors(ce))
	return &shownError{text: b.String(), err: err}
}

// shownError is an error in the words the preview shows for it.
type shownError struct {
	text string
	err  error
}

func (e *shownError) Error() string { return e.text }
func (e *shownError) Unwrap() error { return e.err }
