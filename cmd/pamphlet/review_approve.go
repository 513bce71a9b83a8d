package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// DefaultKeyEnv is the environment variable review approve reads the
// attestor's private key from unless -key-env names another.
const DefaultKeyEnv = "PAMPHLET_ATTESTOR_KEY"

// runReviewApprove turns a clinician's approval of a pull request into
// signed review blocks. It exits 0 when it signed pages and when there is
// nothing to do (the review is not an approval, or not a clinical
// reviewer's, or the pull request changes no page that needs a
// sign-off); 1 when a clinical reviewer's approval cannot be recorded
// (it is of an older commit than the head, the pull request comes from a
// fork, or a page cannot be signed); 2 for a missing or wrong key, an
// unreadable event, a work tree that is not the approved commit, and
// other errors of use.
func runReviewApprove(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("review approve", "", stdout, stderr)
	source := fs.String("source", ".", "the site `folder`")
	eventPath := fs.String("event", "", "the pull_request_review event `file` (default $GITHUB_EVENT_PATH)")
	attestor := fs.String("attestor", "", "the attestor `id` in pamphlet.yaml whose key signs (default the one the key is registered to)")
	keyEnv := fs.String("key-env", DefaultKeyEnv, "the environment `variable` holding the attestor's OpenSSH private key")
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) > 0 {
		msg(stderr, "review approve takes no files; it signs what the pull request changed")
		return exitUsage
	}
	if *eventPath == "" {
		*eventPath = os.Getenv("GITHUB_EVENT_PATH")
	}
	if *eventPath == "" {
		msg(stderr, "review approve needs the pull_request_review event: -event FILE, or $GITHUB_EVENT_PATH as GitHub Actions sets it")
		return exitUsage
	}
	data, err := os.ReadFile(*eventPath)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	ev, err := review.ParseEvent(data)
	if err != nil {
		msg(stderr, "%s: %v", *eventPath, err)
		return exitUsage
	}
	login := ev.Review.User.Login
	if ev.Action != "" && ev.Action != "submitted" {
		msg(stderr, "nothing to do: the review was %s, not submitted", ev.Action)
		return exitOK
	}
	if !ev.Approved() {
		msg(stderr, "nothing to do: %s's review is %s, not an approval; only an approval signs pages off", login, strings.ToLower(ev.Review.State))
		return exitOK
	}
	repo, err := review.OpenRepo(*source)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	// Who may approve is read from the base branch: a pull request cannot
	// make its own approver a clinician.
	baseTip, err := repo.Commit(ev.PullRequest.Base.SHA)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	baseCfg, code := registryAt(repo, baseTip, stderr)
	if baseCfg == nil {
		return code
	}
	id, ok := baseCfg.ReviewerByLogin(login)
	if !ok {
		msg(stderr, "nothing to do: %s is not the github: login of any reviewer in %s on the base branch", login, content.ConfigFile)
		return exitOK
	}
	if r := baseCfg.Reviewers[id]; !r.Clinical {
		msg(stderr, "nothing to do: %s is %s (%s), who is not a clinical reviewer (clinical: false in %s); only a clinician's approval signs pages off", login, id, r.Name, content.ConfigFile)
		return exitOK
	}
	if ev.FromFork() {
		msg(stderr, "%s approved, but the pull request comes from the fork %s, whose branch CI does not sign; bring the branch into %s, or %s signs with pamphlet review sign", login, ev.PullRequest.Head.Repo.FullName, ev.PullRequest.Base.Repo.FullName, id)
		return exitRefused
	}
	approved := ev.Review.CommitID
	if approved != ev.PullRequest.Head.SHA {
		msg(stderr, "%s approved commit %s, but the pull request's head is now %s: the approval is of an older version; %s approves again after reading the latest change", login, short(approved), short(ev.PullRequest.Head.SHA), id)
		return exitRefused
	}
	head, err := repo.Commit("HEAD")
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	if head != approved {
		msg(stderr, "%s approved commit %s, but the checkout is at %s: the branch moved on after the approval, so %s approves again (or check out %s)", login, short(approved), short(head), id, short(approved))
		return exitRefused
	}
	if dirty, err := repo.Dirty(); err != nil || len(dirty) > 0 {
		if err != nil {
			msg(stderr, "%v", err)
		} else {
			msg(stderr, "the work tree differs from the approved commit %s (%s); approve signs exactly what was approved, so run it on a clean checkout", short(approved), strings.Join(dirty, ", "))
		}
		return exitUsage
	}
	loc := baseCfg.Location()
	if loc == nil {
		loc = time.UTC
	}
	date := ev.Review.SubmittedAt.In(loc)
	today := time.Now().In(loc)
	if date.After(today) {
		today = date // the runner's clock behind GitHub's
	}
	base, err := repo.MergeBase(baseTip, head)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	cs, err := loadChanges(ctx, repo, base, head, build.Options{Source: *source, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		return loadFailed(stderr, err)
	}
	gate := cs.head.Gate
	if hid, ok := gate.Config.ReviewerByLogin(login); !ok || hid != id || !gate.Config.Reviewers[id].Clinical {
		msg(stderr, "%s is clinical reviewer %s on the base branch, but the pull request's %s says otherwise; a pull request that changes the reviewers is signed off with pamphlet review sign", login, id, content.ConfigFile)
		return exitRefused
	}
	if len(cs.Pages) == 0 {
		msg(stderr, "nothing to do: the pull request changes no page that needs a clinician's sign-off")
		return exitOK
	}
	signer, code := attestorKey(gate, baseCfg, *attestor, *keyEnv, stderr)
	if signer == nil {
		return code
	}
	var ready []signed
	var others []string                 // translations the approver does not read
	now := map[string]*content.Review{} // the new sign-offs, by file, for the translations after them
	failed := 0
	for _, c := range cs.Pages {
		pg := c.page
		if st := pg.Review; st.Valid && st.Review.Fingerprint == c.After {
			msg(stderr, "%s: already signed off by %s on %s for this text", c.Path, st.Review.Reviewer, st.Review.Date)
			continue
		}
		if pg.SourceFile != "" && !gate.Config.Reads(gate.Config.Reviewers[id], pg.Lang) {
			others = append(others, c.Path)
			continue
		}
		pp := cs.head.Parsed(pg.Page)
		if pp.Source != nil && now[pp.Source.File] != nil {
			src := *pp.Source
			src.Meta.Review = now[pp.Source.File]
			pp.Source = &src
		}
		rev, err := gate.Approve(pp, cs.head.Files(), id, date, ev.Review.HTMLURL, signer)
		if err != nil {
			msg(stderr, "%s: %v", c.Path, err)
			failed++
			continue
		}
		out, err := review.SetBlock(pg.Page, rev)
		if err != nil {
			msg(stderr, "%v", err)
			failed++
			continue
		}
		now[pg.File] = rev
		ready = append(ready, signed{path: filepath.Join(*source, filepath.FromSlash(pg.File)), src: out, rev: rev, key: signer.PublicKey()})
	}
	if failed > 0 {
		msg(stderr, "signed nothing: %d of %s cannot be signed", failed, count(len(cs.Pages), "page", "pages"))
		return exitRefused
	}
	for _, s := range ready {
		if err := writeFileAtomic(s.path, s.src); err != nil {
			msg(stderr, "%v", err)
			return exitUsage
		}
	}
	attestorID, _ := gate.Attestor(signer.PublicKey())
	for _, s := range ready {
		rel, _ := filepath.Rel(*source, s.path)
		path := repo.Path(filepath.ToSlash(rel))
		fmt.Fprintln(stdout, path)
		msg(stderr, "signed %s for %s on %s, next review %s, approved in %s, attested by %s", path, id, s.rev.Date, s.rev.Next, s.rev.Approval, attestorID)
	}
	if len(others) > 0 {
		msg(stderr, "left unsigned, for a clinical reviewer who reads their language: %s", strings.Join(others, ", "))
	}
	return exitOK
}

// registryAt reads pamphlet.yaml as a commit has it, for its reviewers.
func registryAt(repo review.Repo, commit string, stderr io.Writer) (*content.Config, int) {
	tree, err := repo.TreeFS(commit)
	if err != nil {
		msg(stderr, "%v", err)
		return nil, exitUsage
	}
	cfg, found, err := content.LoadConfig(tree)
	if err != nil || cfg == nil {
		msg(stderr, "the base branch (%s) has no readable %s, so no reviewer can approve in a pull request yet; a clinician signs with pamphlet review sign", short(commit), content.ConfigFile)
		return nil, exitRefused
	}
	for _, f := range found {
		if f.Severity == finding.Error {
			msg(stderr, "the base branch's %s has errors (%s); fix them on the base branch first", content.ConfigFile, f)
			return nil, exitRefused
		}
	}
	return cfg, exitOK
}

// attestorKey reads the attestor's private key from the environment
// variable env and checks that it is registered, under attestors:, both
// on the base branch and in the pull request.
func attestorKey(gate *review.Gate, baseCfg *content.Config, want, env string, stderr io.Writer) (ssh.Signer, int) {
	text := os.Getenv(env)
	if strings.TrimSpace(text) == "" {
		msg(stderr, "$%s is empty: the attestor's private key comes from a CI secret, which GitHub does not give to workflows of pull requests from forks", env)
		hint(stderr, "set it from the secret in the workflow (env: %s: ${{ secrets.%s }}), or name another variable with -key-env", env, env)
		return nil, exitUsage
	}
	signer, err := ssh.ParsePrivateKey([]byte(strings.TrimSpace(text) + "\n"))
	if err != nil {
		msg(stderr, "$%s does not hold an OpenSSH private key without a passphrase: %v", env, err)
		return nil, exitUsage
	}
	id, ok := gate.Attestor(signer.PublicKey())
	pub := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(signer.PublicKey())))
	switch {
	case !ok:
		msg(stderr, "the key in $%s (%s) is not one of the attestors' keys in %s", env, ssh.FingerprintSHA256(signer.PublicKey()), content.ConfigFile)
		hint(stderr, "register it: attestors: {site-ci: {name: ..., keys: [%q]}}", pub)
		return nil, exitUsage
	case want != "" && id != want:
		msg(stderr, "the key in $%s is attestor %s's, not %s's", env, id, want)
		return nil, exitUsage
	}
	baseKeys := baseCfg.Attestors[id].Keys
	registered := false
	for _, k := range baseKeys {
		if bk, err := review.ParseKey(k); err == nil && review.SameKey(bk, signer.PublicKey()) {
			registered = true
		}
	}
	if !registered {
		msg(stderr, "the key in $%s is attestor %s's in the pull request's %s, but not on the base branch; an attestor's key is added in its own pull request first", env, id, content.ConfigFile)
		return nil, exitUsage
	}
	return signer, exitOK
}
