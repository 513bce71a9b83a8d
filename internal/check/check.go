// Package check holds pamphlet's content rules. Each rule is one file with
// one function that looks at the whole site and returns findings at exact
// positions; Run runs them all and sorts what they find.
package check

import (
	"slices"
	"strconv"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// Page is a content page with its parsed Markdown body and its standing
// with the review gate. Doc is nil for list pages made up for folders
// without an _index.md.
type Page struct {
	*content.Page
	Doc     *markdown.Document
	Answers []*markdown.Document // the answers of the page's faq, in order
	Review  review.Status

	// linkPos and answerLinkPos are where the links of Doc and of each
	// answer are written, worked out by Outline, so that an outline's
	// page need not keep its text for them (see LinkPos).
	linkPos       []finding.Position
	answerLinkPos [][]finding.Position
}

// Parse parses a content page's body and the answers of its faq. A list
// page made up for a folder has no file, and no Doc.
func Parse(md *markdown.Markdown, p *content.Page) Page {
	pp := review.Parse(md, p)
	return Page{Page: p, Doc: pp.Body, Answers: pp.Answers}
}

// Parsed returns the page as the review gate reads it.
func (p Page) Parsed() review.Parsed {
	return review.Parsed{Page: p.Page, Body: p.Doc, Answers: p.Answers}
}

// Outline returns the page with its body and answers as outlines (see
// markdown.Document.Outline): what the rules that compare pages, and the
// build after them, read of it, without the syntax trees, which are most
// of the memory a parsed page holds. The rules that read a page's text
// (the local rules) need it whole.
//
// It also works out where each link is written (see LinkPos), so that the
// page's file may let go of its text once its outline is made.
func (p Page) Outline() Page {
	if p.Doc != nil {
		if p.linkPos == nil && len(p.Doc.Links) > 0 {
			p.linkPos = make([]finding.Position, len(p.Doc.Links))
			for k, l := range p.Doc.Links {
				p.linkPos[k] = p.BodyPos(l.Offset)
			}
		}
		p.Doc = p.Doc.Outline()
	}
	if len(p.Answers) > 0 {
		answers := make([]*markdown.Document, len(p.Answers))
		positions := p.answerLinkPos == nil
		if positions {
			p.answerLinkPos = make([][]finding.Position, len(p.Answers))
		}
		for i, a := range p.Answers {
			if a == nil {
				continue
			}
			answers[i] = a.Outline()
			if positions && i < len(p.Meta.FAQ) && len(a.Links) > 0 {
				key := "faq." + strconv.Itoa(i) + ".a"
				p.answerLinkPos[i] = make([]finding.Position, len(a.Links))
				for k, l := range a.Links {
					p.answerLinkPos[i][k] = p.TextPos(key, p.Meta.FAQ[i].A, l.Offset)
				}
			}
		}
		p.Answers = answers
	}
	return p
}

// LinkPos returns where link k of the page's body (Doc.Links[k]) is
// written.
func (p Page) LinkPos(k int) finding.Position {
	if k < len(p.linkPos) {
		return p.linkPos[k]
	}
	return p.BodyPos(p.Doc.Links[k].Offset)
}

// AnswerLinkPos returns where link k of the page's answer i
// (Answers[i].Links[k]) is written.
func (p Page) AnswerLinkPos(i, k int) finding.Position {
	if i < len(p.answerLinkPos) && k < len(p.answerLinkPos[i]) {
		return p.answerLinkPos[i][k]
	}
	return p.TextPos("faq."+strconv.Itoa(i)+".a", p.Meta.FAQ[i].A, p.Answers[i].Links[k].Offset)
}

// Whole returns the page with its body and answers parsed again where
// they are outlines; see markdown.Markdown.Reparse.
func (p Page) Whole(md *markdown.Markdown) Page {
	if p.Doc != nil {
		p.Doc = md.Reparse(p.Doc)
	}
	if len(p.Answers) > 0 {
		answers := make([]*markdown.Document, len(p.Answers))
		for i, a := range p.Answers {
			answers[i] = md.Reparse(a)
		}
		p.Answers = answers
	}
	return p
}

// BodyPos returns the position of a byte offset of the page's body.
func (p Page) BodyPos(off int) finding.Position { return p.Pos(p.BodyStart + off) }

// Input is what the rules look at.
type Input struct {
	Site  *content.Site
	Pages []Page // the pages to check, in the site's order: usually every page
	Today time.Time
	Words *Words // the word lists; nil for the built-in ones

	// All is every page of the site when Pages holds only some of them,
	// such as the pages an edit changed. Rules that look up other pages,
	// as BrokenLinks looks up their headings, find them here. Nil means
	// Pages is every page.
	All []Page

	// Contacts are the contact details the site may publish (see
	// NewContacts), which Identifiers allows; nil: worked out from Site
	// by each call of the rule.
	Contacts *Contacts

	// Checked, when set, is told the number of pages in each batch the
	// local rules have checked, from any goroutine: for a progress line.
	Checked func(pages int)

	texts [][]Text // of each page, by index; see Texts
}

// all returns every page of the site.
func (in *Input) all() []Page {
	if in.All != nil {
		return in.All
	}
	return in.Pages
}

// Rule looks at the site and reports what it finds.
type Rule func(in *Input) []finding.Finding

// local are the rules whose findings on a page depend on nothing but the
// page itself and the site's settings (LocalKey): they may be run over
// only the pages that changed, and their findings kept for the rest.
var local = []Rule{
	Depth,
	Reviews,
	UnreviewedClaims,
	ProhibitedClaims,
	UnsourcedStatistics,
	Consent,
	Identifiers,
	PlainWords,
	ReadingGrade,
	Images,
	Headings,
	LinkText,
	Tables,
	RawHTML,
	Title,
	Description,
	FAQQuestions,
	Notices,
	StorySources,
	Scheduled,
}

// sitewide are the rules that need the whole site at once:
// DuplicateTitles compares every title, Tags every tag, TrustStatement
// reads only pamphlet.yaml, and ClinicalExceptions matches it against the
// pages' files. None reads a page's body.
var sitewide = []Rule{
	DuplicateTitles,
	Tags,
	TrustStatement,
	ClinicalExceptions,
}

// across are the rules that compare pages with one another: BrokenLinks,
// which reports on the pages of Input.Pages and looks up the others in
// Input.All, and the sitewide rules.
var across = slices.Concat([]Rule{BrokenLinks}, sitewide)

// RunSitewide runs the rules that need the whole site at once, but read
// no page's body, over in.
func RunSitewide(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, rule := range sitewide {
		out = append(out, rule(in)...)
	}
	return out
}

// LocalKey is what the local rules read beyond a page: the site's
// settings, today, the word lists and the addresses of the site's events
// (which Identifiers allows). A page's findings from them hold while the
// page and its key are unchanged.
type LocalKey struct {
	Config    string // pamphlet.yaml as read
	Today     time.Time
	Addresses []string
}

// NewLocalKey returns the local rules' key for a site whose pamphlet.yaml
// reads config.
func NewLocalKey(site *content.Site, config []byte, today time.Time) LocalKey {
	k := LocalKey{Config: string(config), Today: today}
	for _, p := range site.Pages {
		if l := p.Meta.Location; l != nil && !l.Address.IsZero() {
			k.Addresses = append(k.Addresses, normalSpace(l.Address.String()))
		}
	}
	return k
}

// Run runs every rule and applies the pages' pamphlet-ignore comments. It
// returns the findings left and those silenced, each sorted.
func Run(in *Input) (found, silenced []finding.Finding) {
	return Finish(in, RunLocal(in))
}

// Finish runs the rules that compare pages over in, whose pages may be
// outlines (see Page.Outline), adds the findings of the local rules that
// RunLocal returned for them, and applies the pages' pamphlet-ignore
// comments, as Run does.
func Finish(in *Input, local []finding.Finding) (found, silenced []finding.Finding) {
	all := make([][]finding.Finding, len(across))
	parallel.Each(len(across), func(i int) { all[i] = across[i](in) })
	found, silenced = Silence(in, slices.Concat(append(all, local)...))
	return finding.Sort(found), finding.Sort(silenced)
}

// batch is how many pages a worker checks at a time: enough that a rule's
// own set-up is paid once for many pages, few enough that the text worked
// out for them is small.
const batch = 32

// RunLocal runs the local rules over in.Pages, without applying the
// pages' pamphlet-ignore comments; see Silence. The pages are checked a
// batch at a time, every local rule reading a batch before the next is
// worked out, so the text of the whole site is never held at once.
func RunLocal(in *Input) []finding.Finding {
	if in.Words == nil {
		in.Words, _ = LoadWords(content.DefaultConfig())
	}
	all := in.all()
	contacts := in.Contacts
	if contacts == nil {
		contacts = NewContacts(in.Site)
	}
	n := (len(in.Pages) + batch - 1) / batch
	results := make([][]finding.Finding, n)
	parallel.Each(n, func(b int) {
		sub := &Input{Site: in.Site, Pages: in.Pages[b*batch : min(len(in.Pages), (b+1)*batch)], Today: in.Today, Words: in.Words, All: all, Contacts: contacts}
		sub.prepare()
		for _, rule := range local {
			results[b] = append(results[b], rule(sub)...)
		}
		if in.Checked != nil {
			in.Checked(len(sub.Pages))
		}
	})
	return slices.Concat(results...)
}

func errorAt(pos finding.Position, rule, msg string) finding.Finding {
	return finding.Finding{Position: pos, Rule: rule, Severity: finding.Error, Message: msg}
}

func warningAt(pos finding.Position, rule, msg string) finding.Finding {
	return finding.Finding{Position: pos, Rule: rule, Severity: finding.Warning, Message: msg}
}
