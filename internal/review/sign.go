package review

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// NewReview makes the review block that signs off what readers get of the
// page now, with the local files it shows or links (read through files),
// for a reviewer on date, with the next review due on next (the policy's
// interval after date when zero). signer, when not nil, adds an SSH
// signature; it must hold one of the reviewer's registered keys, and it is
// required when the reviewer has keys or the policy requires signatures.
func (g *Gate) NewReview(pp Parsed, files Files, reviewer string, date, next time.Time, signer ssh.Signer) (*content.Review, error) {
	p := pp.Page
	rev, err := g.draft(pp, files, reviewer, date, next)
	if err != nil {
		return nil, err
	}
	keys := g.keys[reviewer]
	if signer == nil {
		if g.SignatureRequired(reviewer) {
			if len(keys) == 0 {
				return nil, fmt.Errorf("review.require_signatures is on, but %s has no keys in %s; add their SSH public key there first", reviewer, content.ConfigFile)
			}
			return nil, fmt.Errorf("%s has SSH keys in %s, so the sign-off must be signed: add -key with the path of their private key (such as ~/.ssh/id_ed25519), or add the key to ssh-agent", reviewer, content.ConfigFile)
		}
		return rev, nil
	}
	if !g.Registered(reviewer, signer.PublicKey()) {
		return nil, fmt.Errorf("the key %s is not one of %s's keys in %s; add its public key (%s) there", ssh.FingerprintSHA256(signer.PublicKey()), reviewer, content.ConfigFile, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(signer.PublicKey()))))
	}
	sig, err := Sign(signer, Namespace, Message(p.File, rev))
	if err != nil {
		return nil, err
	}
	if _, err := Verify(sig, Namespace, Message(p.File, rev)); err != nil {
		return nil, errors.New("the new signature does not verify: " + err.Error())
	}
	rev.Signature = sig
	return rev, nil
}

// draft makes the review block of a sign-off without its signature, after
// checking that the reviewer may sign the page off on date.
func (g *Gate) draft(pp Parsed, files Files, reviewer string, date, next time.Time) (*content.Review, error) {
	p := pp.Page
	r, ok := g.Config.Reviewers[reviewer]
	switch {
	case !ok:
		return nil, fmt.Errorf("reviewer %q is not in the reviewers of %s%s", reviewer, content.ConfigFile, g.known())
	case !r.Clinical:
		return nil, fmt.Errorf("%s (%s) is not a clinical reviewer (clinical: false in %s); only a clinician can sign off a page", reviewer, r.Name, content.ConfigFile)
	case p.SourceFile != "" && !g.Config.Reads(r, p.Lang):
		return nil, fmt.Errorf("%s (%s) does not read %q, the language of %s; add it to their languages: in %s if they do, or ask a clinical reviewer who does", reviewer, r.Name, p.Lang, p.File, content.ConfigFile)
	case p.SourceFile != "" && sourceFingerprint(pp.Source) == "" && g.sourceNeedsSignOff(pp.Source):
		return nil, fmt.Errorf("%s translates %s, which has no sign-off to check the translation against; sign off %s first", p.File, p.SourceFile, p.SourceFile)
	}
	date = day(date)
	if date.After(g.Today) {
		return nil, fmt.Errorf("the review date %s is after today (%s)", isoDay(date), isoDay(g.Today))
	}
	if next.IsZero() {
		next = g.NextDate(date)
	}
	next = day(next)
	if !next.After(date) {
		return nil, fmt.Errorf("the next review (%s) must be after the review date (%s)", isoDay(next), isoDay(date))
	}
	rev := &content.Review{
		Reviewer: reviewer,
		Date:     content.Date{Time: date},
		Next:     content.Date{Time: next},
	}
	rev.Fingerprint, _ = Fingerprint(pp, files)
	rev.Source = sourceFingerprint(pp.Source)
	return rev, nil
}

// sourceNeedsSignOff reports whether a translation's source must be
// signed off before the translation is: a clinical page must, since the
// translation is checked against it. A source that is not clinical, such
// as a news item, needs none, and its translation into a language the
// claim detector cannot read is signed off on its own (see
// Status.NoClaimLists). A missing source must, so that signing fails.
func (g *Gate) sourceNeedsSignOff(source *content.Page) bool {
	if source == nil {
		return true
	}
	clinical, _ := g.IsClinical(source)
	return clinical
}
