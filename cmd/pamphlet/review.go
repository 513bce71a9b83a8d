package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

const reviewUsage = `usage: pamphlet review <command> [flags] [arguments]

commands:
  sign     sign off pages: pamphlet review sign FILE... -reviewer ID [-key PATH] [-date D] [-next D]
  status   show every clinical page's review state
  diff     show what a reader would see changed since a page was signed off
  migrate  carry sign-offs made with an earlier pamphlet over to today's fingerprint
  approve  in CI, on a pull request review: sign off what an approving clinician approved
  changes  show what a pull request changes on the pages clinicians sign off

Run "pamphlet review <command> -h" for a command's flags.
`

func runReview(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, reviewUsage)
		return exitUsage
	}
	switch args[0] {
	case "sign":
		return runReviewSign(args[1:], stdout, stderr)
	case "status":
		return runReviewStatus(ctx, args[1:], stdout, stderr)
	case "diff":
		return runReviewDiff(args[1:], stdout, stderr)
	case "migrate":
		return runReviewMigrate(args[1:], stdout, stderr)
	case "approve":
		return runReviewApprove(ctx, args[1:], stdout, stderr)
	case "changes":
		return runReviewChanges(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		io.WriteString(stdout, reviewUsage)
		return exitOK
	}
	msg(stderr, "unknown review command %q", args[0])
	hint(stderr, "use pamphlet review sign, status, diff, migrate, approve or changes")
	return exitUsage
}

// signed is a page ready to be written with its new review block.
type signed struct {
	path string // as given
	src  []byte
	rev  *content.Review
	key  ssh.PublicKey
}

func runReviewSign(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review sign", "FILE...", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	reviewer := fs.String("reviewer", "", "the reviewer's `id` in pamphlet.yaml (required)")
	keyPath := fs.String("key", "", "sign with this SSH private key `file` (or its .pub file, with the key in ssh-agent)")
	var date, next dateFlag
	fs.Var(&date, "date", "the `date` of the review (YYYY-MM-DD; default today)")
	fs.Var(&next, "next", "when the next review is due (`YYYY-MM-DD`; default review.interval after -date)")
	files, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if *reviewer == "" || len(files) == 0 {
		msg(stderr, "review sign needs -reviewer and at least one file")
		hint(stderr, "pamphlet review sign content/articles/flu.md -reviewer ada-okafor")
		return exitUsage
	}
	site, err := build.Read(build.Options{Source: *source, Today: time.Now(), Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	gate := site.Gate
	signer, closeFn, err := signerFor(gate, *reviewer, *keyPath)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	defer closeFn()

	// Prepare every file first, so that a clinician's sign-off of a pull
	// request is written whole or not at all.
	var ready []signed
	failed := 0
	for _, f := range files {
		s, err := prepareSign(site, *source, f, *reviewer, date, next, signer, stderr)
		if err != nil {
			msg(stderr, "%v", err)
			failed++
			continue
		}
		ready = append(ready, s)
	}
	if failed > 0 {
		msg(stderr, "signed nothing: %d of %s cannot be signed", failed, count(len(files), "file", "files"))
		return exitRefused
	}
	for _, s := range ready {
		if err := writeFileAtomic(s.path, s.src); err != nil {
			msg(stderr, "%v", err)
			return exitUsage
		}
		how := "without a signature"
		if s.key != nil {
			how = "with SSH key " + ssh.FingerprintSHA256(s.key)
		}
		msg(stderr, "signed %s for %s on %s, next review %s, %s", s.path, s.rev.Reviewer, s.rev.Date, s.rev.Next, how)
	}
	return exitOK
}

// signerFor returns the signer for -key, or, without -key, the ssh-agent's
// copy of one of the reviewer's registered keys when it has one; nil when
// neither applies.
func signerFor(gate *review.Gate, reviewer, keyPath string) (ssh.Signer, func(), error) {
	sock := os.Getenv("SSH_AUTH_SOCK")
	if keyPath != "" {
		return review.LoadSigner(expandHome(keyPath), sock)
	}
	if keys := gate.Keys(reviewer); len(keys) > 0 && sock != "" {
		if s, closeFn, err := review.AgentSigner(sock, keys...); err == nil {
			return s, closeFn, nil
		}
	}
	return nil, func() {}, nil
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

func prepareSign(site *build.Project, source, path, reviewer string, date, next dateFlag, signer ssh.Signer, stderr io.Writer) (signed, error) {
	p, err := sitePage(site, source, path, stderr)
	if err != nil {
		return signed{}, err
	}
	rev, err := site.Gate.NewReview(site.Parsed(p), site.Files(), reviewer, date.today(), next.t, signer)
	if err != nil {
		return signed{}, fmt.Errorf("%s: %v", path, err)
	}
	out, err := review.SetBlock(p, rev)
	if err != nil {
		return signed{}, err
	}
	s := signed{path: path, src: out, rev: rev}
	if signer != nil {
		s.key = signer.PublicKey()
	}
	return s, nil
}

// sitePage returns the page of the site at path, as the site placed it,
// and refuses one whose front matter has errors.
func sitePage(site *build.Project, source, path string, stderr io.Writer) (*content.Page, error) {
	file, err := sitePath(source, path)
	if err != nil {
		return nil, err
	}
	p := site.Site.PageByFile(file)
	if p == nil {
		if _, err := os.Stat(path); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("%s is not a page of the site", path)
	}
	var found []finding.Finding
	for _, f := range site.Findings {
		if f.File == file && f.Severity == finding.Error {
			found = append(found, f)
		}
	}
	if len(found) > 0 || p.Unreadable {
		finding.WriteText(stderr, finding.Report{Findings: found})
		return nil, fmt.Errorf("%s: fix the front matter first", path)
	}
	return p, nil
}

// sitePath returns a page's slash path from the site root, such as
// content/articles/flu.md, and refuses files that are not pages.
func sitePath(source, path string) (string, error) {
	src, err := filepath.Abs(source)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(src, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return "", fmt.Errorf("%s is not inside the site folder %s", path, source)
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, content.ContentDir+"/") || !content.IsMarkdown(rel) {
		return "", fmt.Errorf("%s is not a page: pages are .md files under %s/", path, content.ContentDir)
	}
	return rel, nil
}

// writeFileAtomic replaces a file with data through a temporary file in
// the same folder, keeping its permissions.
func writeFileAtomic(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// statusRow is one page in `review status`.
type statusRow struct {
	File         string `json:"file"`
	Lang         string `json:"lang"`
	Translates   string `json:"translates,omitempty"` // for a translation, the file of its source
	Title        string `json:"title"`
	URL          string `json:"url"`
	State        string `json:"state"`
	Clinical     bool   `json:"clinical"`
	Exempt       bool   `json:"exempt,omitempty"`
	Draft        bool   `json:"draft,omitempty"`
	Reviewer     string `json:"reviewer,omitempty"`
	ReviewerName string `json:"reviewer_name,omitempty"`
	Date         string `json:"date,omitempty"`
	Next         string `json:"next,omitempty"`
	Signed       bool   `json:"signed"`
	Approval     string `json:"approval,omitempty"` // the pull-request review whose approval signed it off
	Fingerprint  string `json:"fingerprint"`
	// The reading grade by the site's formula (for a Spanish page, its
	// reading ease by a Spanish formula, where higher is easier), and how
	// it stands against the page's target: "within", "above-target",
	// "above-max", "below-target" and "below-min" (an ease), "clinicians"
	// (reported, not held to it), "short" (too few words to hold to it),
	// "empty", or "no-formula" (a language with no formula; grade_formula
	// is "").
	Grade         float64 `json:"grade"`
	GradeFormula  string  `json:"grade_formula"`
	GradeStanding string  `json:"grade_standing"`
	gradeTarget   content.ReadingTarget
}

func runReviewStatus(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review status", "[PATH...]", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	format := &formatFlag{value: "text", allowed: []string{"text", "json", "markdown"}}
	fs.Var(format, "format", "output `format`: text, json or markdown")
	var date dateFlag
	fs.Var(&date, "date", "judge reviews as on this `date` (YYYY-MM-DD; default today)")
	paths, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	p, keep, code := loadSiteFiles(ctx, *source, date.today(), paths, stderr)
	if p == nil {
		return code
	}
	rows := []statusRow{}
	counts := map[string]int{}
	byFile := map[string]check.Page{}
	for _, pg := range p.Pages {
		byFile[pg.File] = pg
	}
	add := func(pg check.Page) {
		st := pg.Review
		if pg.File == "" || (!st.NeedsSignOff() && !st.Exempt && st.Review == nil) || !keep(pg.File) {
			return
		}
		r := rowFor(pg.Whole(p.Markdown()), p.Site.Config) // its text, for its reading grade
		if r.Fingerprint == "" {
			r.Fingerprint, _ = review.Fingerprint(p.Parsed(pg.Page), p.Files()) // what a sign-off would record
		}
		rows = append(rows, r)
		counts[r.State]++
	}
	// Each page, then its translations beside it; a translation of a page
	// that is not listed after the rest.
	shown := map[string]bool{}
	for _, pg := range p.Pages {
		if pg.SourceFile != "" {
			continue
		}
		add(pg)
		for _, t := range p.Site.Translations(pg.Page) {
			if t.SourceFile != "" && t.File != "" {
				add(byFile[t.File])
				shown[t.File] = true
			}
		}
	}
	for _, pg := range p.Pages {
		if pg.SourceFile != "" && !shown[pg.File] {
			add(pg)
		}
	}
	switch format.value {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(struct {
			Date   string         `json:"date"`
			Pages  []statusRow    `json:"pages"`
			Counts map[string]int `json:"counts"`
		}{date.today().Format("2006-01-02"), rows, counts})
	case "markdown":
		err = writeStatusMarkdown(stdout, rows, counts, date.today())
	default:
		err = writeStatusText(stdout, rows)
	}
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	return exitOK
}

func rowFor(pg check.Page, cfg *content.Config) statusRow {
	st := pg.Review
	r := statusRow{File: pg.File, Lang: pg.Lang, Translates: pg.SourceFile, Title: pg.Meta.Title, URL: pg.URL, State: st.State.String(), Clinical: st.Clinical,
		Exempt: st.Exempt, Draft: pg.Meta.Draft, Signed: st.Signed, Fingerprint: st.Fingerprint}
	t := cfg.ReadingTarget(pg.Lang, pg.Meta)
	grade, standing := check.Judge(t, check.Score(pg.Lang, pg.Texts()).Counts)
	r.Grade, r.GradeFormula, r.GradeStanding, r.gradeTarget = grade, t.Formula, string(standing), t
	if st.Exempt && st.Review == nil {
		r.State = "exempt"
	}
	if st.Review != nil {
		r.Reviewer, r.Date, r.Approval = st.Review.Reviewer, st.Review.Date.String(), st.Review.Approval
		if !st.Next.IsZero() {
			r.Next = st.Next.Format("2006-01-02")
		}
	}
	if st.Reviewer != nil {
		r.ReviewerName = st.Reviewer.Name
	}
	return r
}

// stateLabels holds the states in words, by name: the gate's, and
// "exempt" for a page that opts out of a clinical section.
var stateLabels = func() map[string]string {
	labels := map[string]string{"exempt": "not clinical (clinical_exceptions)"}
	for s := review.Unreviewed; s <= review.OK; s++ {
		labels[s.String()] = s.Label()
	}
	return labels
}()

// stateLabel is the state in words, as the text and markdown formats show
// it.
func stateLabel(r statusRow) string {
	label := stateLabels[r.State]
	if r.Draft {
		label += " (draft)"
	}
	return label
}

func writeStatusText(w io.Writer, rows []statusRow) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "no clinical pages")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PAGE\tSTATE\tREVIEWER\tREVIEWED\tNEXT\tSIGNED\tGRADE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", pageCell(r), stateLabel(r), dash(r.Reviewer), dash(r.Date), dash(r.Next), yesNo(r.Signed), gradeCell(r))
	}
	return tw.Flush()
}

func writeStatusMarkdown(w io.Writer, rows []statusRow, counts map[string]int, today time.Time) error {
	var b strings.Builder
	b.WriteString("## Clinical review status\n\n")
	if len(rows) == 0 {
		b.WriteString("No clinical pages.\n")
	} else {
		var parts []string
		for _, s := range []string{"ok", "due-soon", "overdue", "changed", "stale", "invalid", "unreviewed", "exempt"} {
			if counts[s] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[s], stateLabel(statusRow{State: s})))
			}
		}
		fmt.Fprintf(&b, "%s on %s: %s.\n\n", count(len(rows), "page", "pages"), today.Format("2006-01-02"), strings.Join(parts, ", "))
		b.WriteString("| Page | State | Reviewer | Reviewed | Next review | Signed | Reading grade |\n|---|---|---|---|---|---|---|\n")
		for _, r := range rows {
			reviewer := dash(r.Reviewer)
			if r.ReviewerName != "" {
				reviewer = r.ReviewerName + " (" + r.Reviewer + ")"
			}
			page := finding.CodeSpan(r.File)
			if r.Translates != "" {
				page = "↳ " + finding.EscapeMarkdown(r.Lang) + ": " + page
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", page, finding.EscapeMarkdown(stateLabel(r)), finding.EscapeMarkdown(reviewer), dash(r.Date), dash(r.Next), yesNo(r.Signed), finding.EscapeMarkdown(gradeCell(r)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// pageCell shows a page's file, and a translation's language before it,
// indented under its source.
func pageCell(r statusRow) string {
	if r.Translates != "" {
		return "  " + r.Lang + ": " + r.File
	}
	return r.File
}

// gradeCell shows a page's reading grade, and how it stands when it is
// not within its target.
func gradeCell(r statusRow) string {
	t := r.gradeTarget
	g := fmt.Sprintf("%.1f", r.Grade)
	if t.Ease() {
		g = "ease " + g // a Spanish page's reading ease, where higher is easier
	}
	switch check.Standing(r.GradeStanding) {
	case check.NoText, check.Unscored:
		return "-"
	case check.Short:
		return g + " (short)"
	case check.ForClinicians:
		return g + " (clinicians)"
	case check.AboveMax:
		return fmt.Sprintf("%s (above max %g)", g, t.Max)
	case check.AboveTarget:
		return fmt.Sprintf("%s (above target %g)", g, t.Target)
	case check.BelowMin:
		return fmt.Sprintf("%s (below min %g)", g, t.Min)
	case check.BelowTarget:
		return fmt.Sprintf("%s (below target %g)", g, t.Target)
	}
	return g
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
