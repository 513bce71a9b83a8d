package review

import (
	"errors"
	"fmt"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// ErrCurrent is returned by Migrate for a sign-off that already records
// the fingerprint of what readers get.
var ErrCurrent = errors.New("the sign-off is up to date")

// Migrate carries a sign-off recorded with an earlier pamphlet's
// fingerprint (LegacyFingerprint, taken from the Markdown source) over to
// the fingerprint of what readers get (Fingerprint), without a clinician,
// when the page is the one that was signed: its legacy fingerprint still
// matches, and the page reads to readers as the Markdown read to the
// earlier pamphlet (faithful). It returns the review block to write; the
// reviewer and dates stay as signed.
//
// A signature stays valid over the fingerprint it was made with, which
// the new block keeps as FingerprintV1; such a signature never covered
// files, so a signed page that shows or links local files is refused and
// must be signed again.
func (g *Gate) Migrate(pp Parsed, files Files) (*content.Review, error) {
	p := pp.Page
	r := p.Meta.Review
	if r == nil || r.Fingerprint == "" {
		return nil, fmt.Errorf("%s has not been signed off, so there is nothing to carry over", p.File)
	}
	now, covered := Fingerprint(pp, files)
	switch {
	case r.Fingerprint == now:
		return nil, ErrCurrent
	case r.Fingerprint != LegacyFingerprint(p):
		return nil, fmt.Errorf("%s changed after %s signed it off on %s; a clinical reviewer reads the change (pamphlet review diff %s) and signs again", p.File, r.Reviewer, r.Date, finding.ShellArg(p.File))
	case !g.faithful(pp):
		return nil, fmt.Errorf("%s reads differently on the page than the earlier fingerprint read its Markdown (a comment, raw HTML or code fence the two tell apart differently), so the sign-off cannot be carried over; a clinical reviewer reads the page again and signs", p.File)
	case r.Signature != "" && len(covered) > 0:
		return nil, fmt.Errorf("%s shows or links %s, which its signature does not cover; %s signs it again (the text is unchanged)", p.File, FileNames(covered), r.Reviewer)
	}
	out := *r
	out.Fingerprint = now
	if r.Signature != "" {
		out.FingerprintV1 = r.Fingerprint
	}
	return &out, nil
}

// faithful reports whether the page reads to readers as the Markdown that
// LegacyFingerprint hashed: what that reading left out as invisible (lines
// holding only a comment, spaces at line ends) is invisible on the page
// too, so the two fingerprints change together.
func (g *Gate) faithful(pp Parsed) bool {
	p := pp.Page
	if pp.Body != nil && g.md.Parse([]byte(NormalizeMarkdown(p.Body()))).VisibleSum() != pp.Body.VisibleSum() {
		return false
	}
	for i, qa := range p.Meta.FAQ {
		if i < len(pp.Answers) && pp.Answers[i] != nil && g.md.Parse([]byte(NormalizeMarkdown([]byte(qa.A)))).VisibleSum() != pp.Answers[i].VisibleSum() {
			return false
		}
	}
	return true
}
