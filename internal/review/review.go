// Package review is pamphlet's review gate. It fingerprints a page's
// reader-visible clinical text, decides whether the page's sign-off still
// holds (the reviewer is a registered clinician, the text is the text that
// was approved, the review is not overdue, the SSH signature verifies), and
// writes the review block that `pamphlet review sign` adds to a page.
package review

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// State is where a page stands with its sign-off.
type State int

// The states, from worst to best.
const (
	Unreviewed State = iota // no review block
	Changed                 // the text changed since it was signed
	Stale                   // a translation whose source was signed off again with other text
	Invalid                 // the reviewer, dates or signature do not hold
	Overdue                 // the next-review date has passed
	DueSoon                 // the next-review date is within review.warn_before
	OK                      // signed off and in date
)

var stateNames = [...]string{"unreviewed", "changed", "stale", "invalid", "overdue", "due-soon", "ok"}

// String returns the state's name as JSON and `review status` write it:
// unreviewed, changed, stale, invalid, overdue, due-soon or ok.
func (s State) String() string { return stateNames[s] }

// Label returns the state in words for people.
func (s State) Label() string {
	switch s {
	case Changed:
		return "changed since sign-off"
	case Stale:
		return "source signed again since"
	case Invalid:
		return "sign-off not valid"
	case DueSoon:
		return "due soon"
	}
	return s.String()
}

// Status is a page's standing with the gate.
type Status struct {
	State       State
	Clinical    bool              // the page is clinical: in a clinical section or clinical: true
	Exempt      bool              // in a clinical section, but one of pamphlet.yaml's clinical_exceptions
	Review      *content.Review   // the page's review block; nil when it has none
	Reviewer    *content.Reviewer // the registered reviewer it names; nil when unknown
	Next        time.Time         // the next review date (written, or from the policy)
	Fingerprint string            // of what readers get of the page now, when it has a review block (see Fingerprint for one without)
	Files       []File            // the local files the fingerprint covers, by path
	Legacy      bool              // the review records the fingerprint of an earlier pamphlet: see Migrate
	Signed      bool              // an SSH signature by one of the reviewer's keys verified
	Valid       bool              // the sign-off vouches for the current text
	// NoClaimLists is true for a page in a language the claim detector has
	// no word lists for (see Gate.ClaimLanguages): it cannot tell a
	// clinical claim from service news there, so the gate holds the page
	// to a clinician's sign-off, clinical or not (review.language), and
	// the claims rules pass it over.
	NoClaimLists bool
	Findings     []finding.Finding
}

// NeedsSignOff reports whether the page is published only with a valid
// clinician's sign-off: it is clinical, or in a language the claim
// detector cannot read.
func (st Status) NeedsSignOff() bool { return st.Clinical || st.NoClaimLists }

// Gate judges sign-offs against a site's reviewer registry and review
// policy on a given day.
type Gate struct {
	Config *content.Config
	Today  time.Time
	// ClaimLanguages are the languages the claim detector has word lists
	// for, by the first part of their tag: NewGate sets English and
	// Spanish, the languages of its lists (see package claims). A page in
	// any other language needs a clinician's sign-off (see
	// Status.NoClaimLists).
	ClaimLanguages []string
	keys           map[string][]ssh.PublicKey // reviewer id → registered keys
	attestors      map[string][]ssh.PublicKey // attestor id → registered keys
	md             *markdown.Markdown         // to read text as an earlier pamphlet did; see faithful
}

// NewGate reads the reviewers' public keys. A key that cannot be read is a
// config.value finding at its line.
//
// today is a day (midnight UTC, as pamphlet's -date flag gives) or an
// instant, such as the clock's time.Now(): an instant is the day it is
// then in the site's time_zone, so that an approval dated with the
// site's day (see pamphlet review approve) is never after today on a
// runner whose clock is on UTC.
func NewGate(cfg *content.Config, today time.Time) (*Gate, []finding.Finding) {
	if loc := cfg.Location(); loc != nil && today.Location() != time.UTC {
		today = today.In(loc)
	}
	g := &Gate{Config: cfg, Today: day(today), ClaimLanguages: []string{"en", "es"}, keys: map[string][]ssh.PublicKey{}, attestors: map[string][]ssh.PublicKey{}, md: markdown.New(markdown.Options{})}
	var found []finding.Finding
	for id, r := range cfg.Reviewers {
		for i, k := range r.Keys {
			pub, err := ParseKey(k)
			if err != nil {
				pos := cfg.Keys[fmt.Sprintf("reviewers.%s.keys.%d", id, i)]
				if pos.File == "" {
					pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
				}
				found = append(found, finding.Finding{Position: pos, Rule: "config.value", Severity: finding.Error,
					Message: fmt.Sprintf("reviewer %s: %v", id, err)})
				continue
			}
			g.keys[id] = append(g.keys[id], pub)
		}
	}
	for _, id := range sortedKeys(cfg.Attestors) {
		for i, k := range cfg.Attestors[id].Keys {
			pub, err := ParseKey(k)
			if err != nil {
				pos := cfg.Keys[fmt.Sprintf("attestors.%s.keys.%d", id, i)]
				if pos.File == "" {
					pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
				}
				found = append(found, finding.Finding{Position: pos, Rule: "config.value", Severity: finding.Error,
					Message: fmt.Sprintf("attestor %s: %v", id, err)})
				continue
			}
			for _, rid := range sortedKeys(g.keys) {
				if slices.ContainsFunc(g.keys[rid], func(k ssh.PublicKey) bool { return SameKey(k, pub) }) {
					found = append(found, finding.Finding{Position: cfg.Keys[fmt.Sprintf("attestors.%s.keys.%d", id, i)], Rule: "config.value", Severity: finding.Error,
						Message: fmt.Sprintf("attestor %s's key is also reviewer %s's; CI's key and a clinician's must differ, so that neither signs as the other", id, rid)})
				}
			}
			g.attestors[id] = append(g.attestors[id], pub)
		}
	}
	return g, finding.Sort(found)
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// Keys returns the public keys registered for a reviewer.
func (g *Gate) Keys(id string) []ssh.PublicKey { return g.keys[id] }

// Registered reports whether pub is one of the reviewer's keys.
func (g *Gate) Registered(id string, pub ssh.PublicKey) bool {
	return slices.ContainsFunc(g.keys[id], func(k ssh.PublicKey) bool { return SameKey(k, pub) })
}

// SignatureRequired reports whether a sign-off by the reviewer must carry
// an SSH signature: the reviewer has keys, or the policy requires
// signatures of everyone.
func (g *Gate) SignatureRequired(id string) bool {
	return len(g.keys[id]) > 0 || g.Config.Review.RequireSignatures
}

// IsClinical reports whether the page is clinical content, and whether it
// is a page of a clinical section that pamphlet.yaml's
// clinical_exceptions make non-clinical. A section's single pages are
// clinical unless pamphlet.yaml excepts them; its list page (the
// section's _index.md) only with clinical: true; any page with
// clinical: true. A page's own clinical: false never makes it
// non-clinical (see Evaluate, which reports it as review.opt-out).
func (g *Gate) IsClinical(p *content.Page) (clinical, exempt bool) {
	bySection := p.Kind == content.Single && g.Config.IsClinicalSection(p.Section)
	file := p.File
	if p.SourceFile != "" {
		file = p.SourceFile // a translation is excepted with its source
	}
	exempt = bySection && g.Config.IsException(file) >= 0
	said := p.Meta.Clinical != nil && *p.Meta.Clinical
	return said || bySection && !exempt, exempt && !said
}

// ReadsClaims reports whether the claim detector has word lists for a
// language (one of ClaimLanguages, by the first part of its tag: en-GB
// is English); "" is the site's default language.
func (g *Gate) ReadsClaims(lang string) bool {
	primary, _, _ := strings.Cut(strings.ToLower(cmp.Or(lang, g.Config.Language)), "-")
	return slices.Contains(g.ClaimLanguages, primary)
}

// sourceFingerprint is what a translation's sign-off records of its
// source: the fingerprint the source's sign-off records, or "" when the
// source has none.
func sourceFingerprint(source *content.Page) string {
	if source == nil || source.Meta.Review == nil {
		return ""
	}
	return source.Meta.Review.Fingerprint
}

// translation checks a translation's sign-off against its source: the
// reviewer reads the translation's language, and the source has not been
// signed off with other text since (review.translation-stale).
func (g *Gate) translation(pp Parsed, st *Status, report reporter, sev finding.Severity) {
	p, r := pp.Page, st.Review
	if st.Reviewer != nil && !g.Config.Reads(*st.Reviewer, p.Lang) {
		report("review.reviewer", "review.reviewer", sev, "%s (%s) does not read %q (languages: in %s), so cannot sign off this translation; a clinical reviewer who reads %s must sign it", r.Reviewer, st.Reviewer.Name, p.Lang, content.ConfigFile, p.Lang)
	}
	now := sourceFingerprint(pp.Source)
	if pp.Source == nil || now == "" || r.Source == now {
		return
	}
	s := sev
	if g.Config.Review.Translations == "warning" || !st.Clinical {
		s = finding.Warning
	}
	if r.Source == "" {
		report("review", "review.translation-stale", s, "this translation's sign-off does not record which version of %s it was checked against; a clinical reviewer who reads %s signs it again with %s", pp.Source.File, p.Lang, g.signHint(p))
		return
	}
	report("review", "review.translation-stale", s, "%s was signed off again with other text after this translation was signed on %s; see what changed with pamphlet review diff %s, bring the translation up to date, and a clinical reviewer who reads %s signs it again with %s", pp.Source.File, r.Date, finding.ShellArg(p.File), p.Lang, g.signHint(p))
}

// ClinicalReviewers returns the ids of the registered clinical reviewers,
// sorted.
func (g *Gate) ClinicalReviewers() []string {
	var ids []string
	for id, r := range g.Config.Reviewers {
		if r.Clinical {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// NextDate returns the default next-review date for a review on date.
func (g *Gate) NextDate(date time.Time) time.Time {
	return g.Config.Review.Interval.After(day(date))
}

// Evaluate decides where the page stands, reading the files it shows or
// links through files (nil for none). Findings are errors for pages that
// will be published and need a sign-off: clinical pages, and every page
// in a language the claim detector has no word lists for, whose missing
// sign-off is review.language, since pamphlet cannot tell a clinical
// claim from service news there. Another page that carries a review
// block gets warnings when the block no longer holds, and drafts and
// pages that could not be read get none.
func (g *Gate) Evaluate(pp Parsed, files Files) (st Status) {
	p := pp.Page
	st = Status{Review: p.Meta.Review}
	st.Clinical, st.Exempt = g.IsClinical(p)
	if p.File == "" || p.Unreadable {
		return st
	}
	st.NoClaimLists = !g.ReadsClaims(p.Lang)
	if st.Review != nil {
		st.Fingerprint, st.Files = Fingerprint(pp, files)
	}
	if p.Published() && p.Meta.Clinical != nil && !*p.Meta.Clinical && st.Clinical {
		st.Findings = append(st.Findings, g.optOut(p))
	}
	sev := finding.Error
	if !st.NeedsSignOff() {
		sev = finding.Warning
	}
	quiet := !p.Published() || (!st.NeedsSignOff() && st.Review == nil)
	optOut := st.Findings
	defer func() {
		if quiet {
			st.Findings = optOut
		}
	}()
	report := func(key, rule string, s finding.Severity, format string, args ...any) {
		st.Findings = append(st.Findings, finding.Finding{Position: p.KeyPos(key), Rule: rule, Severity: s, Message: fmt.Sprintf(format, args...)})
	}
	signHint := g.signHint(p)
	r := st.Review
	if r == nil {
		if !st.Clinical {
			lang := cmp.Or(p.Lang, g.Config.Language)
			report("review", "review.language", sev, "pamphlet has no claim word lists for %s, so it cannot tell a clinical claim from service news on this page; a clinical reviewer who reads %s signs it off with %s", lang, lang, g.languageHint(p, lang))
			return st
		}
		report("review", "review.missing", sev, "this clinical page has no review; a clinical reviewer reads it and signs it off with %s", signHint)
		return st
	}
	var missing []string
	for _, f := range []struct {
		name  string
		empty bool
	}{{"reviewer", r.Reviewer == ""}, {"date", r.Date.IsZero()}, {"fingerprint", r.Fingerprint == ""}} {
		if f.empty {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		report("review", "review.missing", sev, "the review block has no %s; it is written by %s, not by hand", strings.Join(missing, " or "), signHint)
		return st
	}
	st.State = Invalid
	if reviewer, ok := g.Config.Reviewers[r.Reviewer]; ok {
		st.Reviewer = &reviewer
	}
	switch {
	case st.Reviewer == nil:
		report("review.reviewer", "review.reviewer", sev, "reviewer %q is not in the reviewers of %s%s; a registered clinical reviewer must sign", r.Reviewer, content.ConfigFile, g.known())
	case !st.Reviewer.Clinical:
		report("review.reviewer", "review.reviewer", sev, "%s (%s) is not a clinical reviewer (clinical: false in %s); a clinician must sign this page", r.Reviewer, st.Reviewer.Name, content.ConfigFile)
	}
	date := day(r.Date.Time)
	if date.After(g.Today) {
		report("review.date", "review.date", sev, "the review is dated %s, after today (%s); sign again with the day the review took place: %s", r.Date, isoDay(g.Today), signHint)
	}
	st.Next = day(r.Next.Time)
	if r.Next.IsZero() {
		st.Next = g.NextDate(date)
	} else if !st.Next.After(date) {
		report("review.next", "review.date", sev, "the next review (%s) must be after the review date (%s); sign again with %s -next YYYY-MM-DD", r.Next, r.Date, signHint)
	}
	if r.Fingerprint != st.Fingerprint {
		st.State = Changed
		if r.Fingerprint == LegacyFingerprint(p) {
			st.Legacy = true
			report("review", "review.changed", sev, "this sign-off records the fingerprint an earlier pamphlet took from the Markdown source; pamphlet now fingerprints what readers get, files included: run pamphlet review migrate %s, which carries the sign-off over when the page is the one %s signed", finding.ShellArg(p.File), r.Reviewer)
			return st
		}
		what := "the text"
		if len(st.Files) > 0 {
			what = "the text or a file it shows or links (" + FileNames(st.Files) + ")"
		}
		report("review", "review.changed", sev, "%s changed after %s signed it off on %s; see what changed with pamphlet review diff %s, then a clinical reviewer signs again with %s", what, r.Reviewer, r.Date, finding.ShellArg(p.File), signHint)
		return st
	}
	switch {
	case r.Approval != "":
		st.Signed = g.checkAttestation(p, r, report, sev)
	case r.Signature != "" || g.SignatureRequired(r.Reviewer):
		st.Signed = g.checkSignature(pp, st.Files, r, report, sev)
	}
	if len(st.Findings) > 0 {
		return st
	}
	stale := false
	if p.SourceFile != "" {
		g.translation(pp, &st, report, sev)
		stale = len(st.Findings) > 0 && st.Findings[0].Rule == "review.translation-stale"
		if stale && finding.HasErrors(st.Findings) {
			st.State = Stale
		}
		if finding.HasErrors(st.Findings) || !stale && len(st.Findings) > 0 {
			return st
		}
		// A stale translation that the policy lets through (review.translations:
		// warning) is published, marked stale.
		defer func() {
			if stale {
				st.State = Stale
			}
		}()
	}
	switch {
	case g.Today.After(st.Next):
		st.State = Overdue
		s := finding.Error
		if g.Config.Review.Overdue == "warning" || !st.Clinical {
			s = finding.Warning
		}
		report("review", "review.overdue", s, "the review was due on %s; a clinical reviewer checks the page is still right and signs it again with %s", isoDay(st.Next), signHint)
		st.Valid = s == finding.Warning
	case !g.Config.Review.WarnBefore.After(g.Today).Before(st.Next):
		st.State = DueSoon
		report("review", "review.due-soon", finding.Warning, "the review is due on %s (in %d days); ask a clinical reviewer to check the page and sign it again", isoDay(st.Next), int(st.Next.Sub(g.Today).Hours()/24))
		st.Valid = true
	default:
		st.State = OK
		st.Valid = true
	}
	return st
}

type reporter func(key, rule string, s finding.Severity, format string, args ...any)

// checkSignature verifies the review's signature against the reviewer's
// registered keys and reports what is wrong. A signature that review
// migrate carried over covers the page as an earlier pamphlet read it, so
// it holds only while that reading still matches, reads the page as
// readers get it, and the page shows no local files, which it never
// covered.
func (g *Gate) checkSignature(pp Parsed, files []File, r *content.Review, report reporter, sev finding.Severity) bool {
	p := pp.Page
	keys := g.keys[r.Reviewer]
	if r.FingerprintV1 != "" {
		switch {
		case len(files) > 0:
			report("review", "review.signature", sev, "the signature was made before sign-offs covered files, and this page shows or links %s; a clinical reviewer signs it again with %s", FileNames(files), g.signHint(p))
			return false
		case LegacyFingerprint(p) != r.FingerprintV1 || !g.faithful(pp):
			report("review", "review.signature", sev, "the signature covers the page as an earlier pamphlet read it, and that no longer matches; a clinical reviewer signs it again with %s", g.signHint(p))
			return false
		}
	}
	if r.Signature == "" {
		if len(keys) == 0 {
			report("review", "review.signature", sev, "review.require_signatures is on in %s, but reviewer %s has no keys there; add their SSH public key, then sign with -key", content.ConfigFile, r.Reviewer)
		} else {
			report("review", "review.signature", sev, "reviewer %s has SSH keys in %s, so the sign-off must be signed; sign with pamphlet review sign %s -reviewer %s -key ~/.ssh/id_ed25519", r.Reviewer, content.ConfigFile, finding.ShellArg(p.File), r.Reviewer)
		}
		return false
	}
	pub, err := Verify(r.Signature, Namespace, Message(p.File, r))
	if err != nil {
		report("review.signature", "review.signature", sev, "the signature does not verify: %v; sign again with pamphlet review sign", err)
		return false
	}
	if g.Registered(r.Reviewer, pub) {
		return true
	}
	report("review.signature", "review.signature", sev, "the signature was made with key %s, which is not one of reviewer %s's keys in %s", ssh.FingerprintSHA256(pub), r.Reviewer, content.ConfigFile)
	return false
}

func (g *Gate) signHint(p *content.Page) string {
	ids := g.ClinicalReviewers()
	id := "ID"
	if len(ids) == 1 {
		id = ids[0]
	}
	hint := fmt.Sprintf("pamphlet review sign %s -reviewer %s", finding.ShellArg(p.File), id)
	if len(ids) == 0 {
		hint += " once " + content.ConfigFile + " names them under reviewers: with clinical: true"
	}
	return hint
}

// languageHint is signHint for a page that needs a reviewer who reads
// lang, its language: it names the one clinical reviewer who does, when
// there is one.
func (g *Gate) languageHint(p *content.Page, lang string) string {
	var ids []string
	for _, id := range g.ClinicalReviewers() {
		if g.Config.Reads(g.Config.Reviewers[id], lang) {
			ids = append(ids, id)
		}
	}
	id := "ID"
	if len(ids) == 1 {
		id = ids[0]
	}
	return fmt.Sprintf("pamphlet review sign %s -reviewer %s", finding.ShellArg(p.File), id)
}

func (g *Gate) known() string {
	ids := g.ClinicalReviewers()
	if len(ids) == 0 {
		return " (it has no clinical reviewers yet)"
	}
	return " (clinical reviewers: " + strings.Join(ids, ", ") + ")"
}

// Message returns the text an SSH signature of a review covers: the page's
// file (its slash path from the site root), fingerprint, reviewer and
// dates, one per line. A signature that review migrate carried over
// covers the fingerprint it was made with, FingerprintV1.
func Message(file string, r *content.Review) []byte {
	next := ""
	if !r.Next.IsZero() {
		next = r.Next.String()
	}
	fp := cmp.Or(r.FingerprintV1, r.Fingerprint)
	msg := fmt.Appendf(nil, "pamphlet-review v1\nfile: %s\nfingerprint: %s\nreviewer: %s\ndate: %s\nnext: %s\n",
		file, fp, r.Reviewer, r.Date, next)
	if r.Source != "" { // a translation's sign-off covers the source it was checked against
		msg = fmt.Appendf(msg, "source: %s\n", r.Source)
	}
	return msg
}

// optOut reports a page of a clinical section that says clinical: false,
// which only pamphlet.yaml may say (review.opt-out).
func (g *Gate) optOut(p *content.Page) finding.Finding {
	rel := strings.TrimPrefix(p.File, content.ContentDir+"/")
	return finding.Finding{Position: p.KeyPos("clinical"), Rule: "review.opt-out", Severity: finding.Error, Message: fmt.Sprintf(
		"a page of the clinical section %s/ cannot make itself non-clinical; the page stays clinical and needs a clinical reviewer's sign-off. If it really holds no clinical content, remove clinical: false and add it to %s (which clinicians own): clinical_exceptions: [%s]",
		p.Section, content.ConfigFile, rel)}
}

// day returns the calendar date of t, at midnight UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func isoDay(t time.Time) string { return t.Format("2006-01-02") }
