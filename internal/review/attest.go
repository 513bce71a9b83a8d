package review

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// ApprovalNamespace is the SSHSIG namespace of attestations: an
// attestor's signature of a sign-off that a reviewer gave by approving a
// pull request. It is not Namespace, so that neither kind of signature is
// ever taken for the other.
const ApprovalNamespace = "pamphlet-approval"

// ApprovalMessage returns the text an attestor's signature covers: the
// page's file (its slash path from the site root), fingerprint, reviewer,
// dates, for a translation the source's fingerprint, and the address of
// the approval, one per line.
func ApprovalMessage(file string, r *content.Review) []byte {
	next := ""
	if !r.Next.IsZero() {
		next = r.Next.String()
	}
	msg := fmt.Appendf(nil, "pamphlet-approval v1\nfile: %s\nfingerprint: %s\nreviewer: %s\ndate: %s\nnext: %s\n",
		file, r.Fingerprint, r.Reviewer, r.Date, next)
	if r.Source != "" {
		msg = fmt.Appendf(msg, "source: %s\n", r.Source)
	}
	return fmt.Appendf(msg, "approval: %s\n", r.Approval)
}

// CheckApprovalURL reports whether s is the address of an approval as
// GitHub gives it: an https URL without white space or control
// characters.
func CheckApprovalURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return fmt.Errorf("the approval %q is not an https address", abbreviate(s))
	}
	return nil
}

// Attestor returns the id of the attestor that pub is a key of, and false
// when it is none's.
func (g *Gate) Attestor(pub ssh.PublicKey) (string, bool) {
	for _, id := range sortedKeys(g.attestors) {
		for _, k := range g.attestors[id] {
			if SameKey(k, pub) {
				return id, true
			}
		}
	}
	return "", false
}

// Approve makes the review block that records a reviewer's approval of the
// page in a pull request, at the address approval, on date (the
// approval's day in the site's time zone), with the next review after
// the policy's interval, signed by attestor, which must hold a key of one
// of the site's attestors. The reviewer is held to what NewReview holds
// them to: registered, clinical, and for a translation one who reads its
// language.
func (g *Gate) Approve(pp Parsed, files Files, reviewer string, date time.Time, approval string, attestor ssh.Signer) (*content.Review, error) {
	if attestor == nil {
		return nil, errors.New("an approval is signed by an attestor's key, and there is none")
	}
	if _, ok := g.Attestor(attestor.PublicKey()); !ok {
		return nil, fmt.Errorf("the key %s is not one of the attestors' keys in %s; add its public key (%s) under attestors", ssh.FingerprintSHA256(attestor.PublicKey()), content.ConfigFile, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(attestor.PublicKey()))))
	}
	if err := CheckApprovalURL(approval); err != nil {
		return nil, err
	}
	rev, err := g.draft(pp, files, reviewer, date, time.Time{})
	if err != nil {
		return nil, err
	}
	rev.Approval = approval
	msg := ApprovalMessage(pp.Page.File, rev)
	sig, err := Sign(attestor, ApprovalNamespace, msg)
	if err != nil {
		return nil, err
	}
	if _, err := Verify(sig, ApprovalNamespace, msg); err != nil {
		return nil, errors.New("the new signature does not verify: " + err.Error())
	}
	rev.Signature = sig
	return rev, nil
}

// checkAttestation verifies the signature of a sign-off given by approval
// in a pull request: an attestor's, over exactly this file, fingerprint,
// reviewer, dates and approval.
func (g *Gate) checkAttestation(p *content.Page, r *content.Review, report reporter, sev finding.Severity) bool {
	hint := "a clinical reviewer approves the pull request again, or signs with " + g.signHint(p)
	switch {
	case r.FingerprintV1 != "":
		report("review.approval", "review.signature", sev, "an approval in a pull request is never carried over from an earlier pamphlet; %s", hint)
		return false
	case r.Signature == "":
		report("review.approval", "review.signature", sev, "the approval has no attestor's signature; pamphlet review approve writes both in CI, never by hand: %s", hint)
		return false
	}
	if err := CheckApprovalURL(r.Approval); err != nil {
		report("review.approval", "review.signature", sev, "%v; %s", err, hint)
		return false
	}
	pub, err := Verify(r.Signature, ApprovalNamespace, ApprovalMessage(p.File, r))
	if err != nil {
		report("review.signature", "review.signature", sev, "the attestor's signature does not verify for this page (%v): the block was written for another page, or its reviewer, dates or approval were changed after CI signed it; %s", err, hint)
		return false
	}
	if _, ok := g.Attestor(pub); !ok {
		report("review.signature", "review.signature", sev, "the approval was signed with key %s, which is not one of the attestors' keys in %s; %s", ssh.FingerprintSHA256(pub), content.ConfigFile, hint)
		return false
	}
	return true
}
