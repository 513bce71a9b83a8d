package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// live reports whether the content rules look at a page: it comes from a
// file that could be read, it has a body and it will be published.
func live(p Page) bool { return written(p) && p.Doc != nil && p.Published() }

// UnreviewedClaims reports clinical claims on pages that no clinician has
// signed off (claims.unreviewed, error): the detector is the backstop for
// pages outside the clinical sections, such as news, events and stories.
// Pages the gate holds to a sign-off are judged by the review.* rules
// instead, so that one missing sign-off is one finding: clinical pages,
// and pages in a language the detector has no word lists for (it has
// English and Spanish ones), where it cannot tell a claim from service
// news and the gate fails closed (review.language). A list that a warning leads into
// names what not to believe, and claims nothing.
func UnreviewedClaims(in *Input) []finding.Finding {
	var out []finding.Finding
	for i, p := range in.Pages {
		d := in.claimsOf(p)
		if !live(p) || p.Review.NeedsSignOff() || p.Review.Valid || d == nil {
			continue
		}
		texts := in.Texts(i)
		for ti, t := range texts {
			for k := range t.Sentences {
				s := &t.Sentences[k]
				v := s.judge(d, true)
				if !v.IsClaim || warnedList(d, texts, ti) {
					continue
				}
				out = append(out, errorAt(t.Pos(s.Start), "claims.unreviewed", fmt.Sprintf(
					"%s makes a clinical claim (%s: %s), and no clinician has reviewed this page; have a clinical reviewer check it and sign the page with pamphlet review sign %s -reviewer ID, or take the claim out",
					quote(s.Text), v.Claim.Kind, quote(s.Text[v.Claim.Start:v.Claim.End]), finding.ShellArg(p.File))))
			}
		}
	}
	return out
}

// ProhibitedClaims reports promises that no honest health page makes
// (claims.prohibited, error), on every page, reviewed or not, except in a
// [!MYTH] callout that debunks them, and in a list that a warning leads
// into ("Recognize the red flags, such as:" and then "Miracle cure").
// Pages in a language the detector has no word lists for are passed
// over: English words read in another language find nonsense, and the
// clinician's sign-off those pages need (review.language, or
// review.missing when clinical) covers their promises.
func ProhibitedClaims(in *Input) []finding.Finding {
	var out []finding.Finding
	for i, p := range in.Pages {
		d := in.claimsOf(p)
		if !live(p) || p.Review.NoClaimLists || d == nil {
			continue
		}
		texts := in.Texts(i)
		for ti, t := range texts {
			if t.Callout == "MYTH" {
				continue
			}
			for k := range t.Sentences {
				s := &t.Sentences[k]
				v := s.judge(d, false)
				if !v.IsPromise || warnedList(d, texts, ti) {
					continue
				}
				m := v.Promise
				out = append(out, errorAt(t.Pos(s.Start+m.Start), "claims.prohibited", fmt.Sprintf(
					"%s promises what no health treatment can (the words %s); say what the evidence shows, or debunk it inside a > [!MYTH] callout",
					quote(s.Text), quote(s.Text[m.Start:m.End]))))
			}
		}
	}
	return out
}

// warnedList reports whether texts[i] is an item of a list whose lead-in,
// the paragraph just before the list, warns of what the list names.
func warnedList(d claimReader, texts []Text, i int) bool {
	t := texts[i]
	if t.Kind != markdown.ItemText || t.Unit == nil || t.Unit.Parent() == nil {
		return false
	}
	lead := t.Unit.Parent().PreviousSibling()
	if lead == nil {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if texts[k].Node == lead || texts[k].Unit == lead {
			for _, s := range texts[k].Sentences {
				if d.Warns(s.Tokens) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// UnsourcedStatistics reports health statistics ("30%", "1 in 4", "twice
// as likely") with no link or footnote in the same paragraph, list item
// or table row (claims.unsourced, error). Titles and descriptions are
// left to the body, which must cite the figure. As ProhibitedClaims
// does, it passes over pages in a language the detector has no word
// lists for: it tells a health statistic from another by English health
// words, and the sign-off those pages need covers their figures.
func UnsourcedStatistics(in *Input) []finding.Finding {
	var out []finding.Finding
	for i, p := range in.Pages {
		d := in.claimsOf(p)
		if !live(p) || p.Review.NoClaimLists || d == nil {
			continue
		}
		for _, t := range in.Texts(i) {
			if t.Field == "title" || t.Field == "description" || t.Kind == markdown.NoteText || t.Cited || t.Callout == "MYTH" {
				continue
			}
			for _, s := range t.Sentences {
				for _, m := range d.StatisticsIn(s.Tokens) {
					out = append(out, errorAt(t.Pos(s.Start+m.Start), "claims.unsourced", fmt.Sprintf(
						"the statistic %s has no source; cite it in the same paragraph or list item with a footnote ([^1]) or a link to where it comes from",
						quote(s.Text[m.Start:m.End]))))
				}
			}
		}
	}
	return out
}

// claimsOf returns the claim detector of a page's language, or nil for
// a language it has no word lists for (see Words.claimsIn).
func (in *Input) claimsOf(p Page) claimReader {
	if p.Page == nil {
		return nil
	}
	lang := p.Lang
	if lang == "" && in.Site != nil {
		lang = in.Site.Config.Language
	}
	return in.Words.claimsIn(lang)
}

// quote puts text in curly quotes, shortened to about 100 characters.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 100 {
		r := []rune(s)
		cut := 100
		for cut > 60 && r[cut] != ' ' {
			cut--
		}
		s = strings.TrimRight(string(r[:cut]), " ,;:") + "…"
	}
	return "“" + s + "”"
}
