package check

import (
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// BrokenLinks reports internal links and images that lead to no page or
// file, links to a draft, and #anchors that are not on the page linked to
// (links.broken, error).
func BrokenLinks(in *Input) []finding.Finding {
	// The pages linked to with an #anchor: a few are found by reading
	// the site's pages (as the preview does, checking the page an edit
	// changed); more, through a map by address made once. Either finds
	// the last page of an address.
	all := in.all()
	var byURL map[string]*Page
	scans := 0
	find := func(u string) *Page {
		if byURL == nil && scans < linkScans {
			scans++
			for i := len(all) - 1; i >= 0; i-- {
				if all[i].URL == u {
					return &all[i]
				}
			}
			return nil
		}
		if byURL == nil {
			byURL = make(map[string]*Page, len(all))
			for i := range all {
				byURL[all[i].URL] = &all[i]
			}
		}
		return byURL[u]
	}
	// Their IDs, worked out when first needed.
	anchors := map[string]map[string]bool{}
	anchorsOf := func(u string) map[string]bool {
		a, ok := anchors[u]
		if !ok {
			if p := find(u); p != nil {
				a = Anchors(*p)
				anchors[u] = a
			}
		}
		return a
	}
	var out []finding.Finding
	for _, p := range in.Pages {
		if p.Doc == nil {
			continue
		}
		if img := p.Meta.Image; img != nil && img.Path != "" && !strings.Contains(img.Path, "://") {
			if t, internal := in.Site.Resolve(p.Page, img.Path); !internal || t.Static == "" {
				out = append(out, errorAt(ShareImagePos(p.Page), "links.broken", fmt.Sprintf("the sharing image %q is not a file of the site; check the path, relative to the page or from the site root", img.Path)))
			}
		}
		for k, l := range p.Doc.Links {
			t, internal := in.Site.Resolve(p.Page, l.Dest)
			if !internal {
				continue
			}
			pos := p.LinkPos(k)
			what := "link"
			if l.Image {
				what = "image"
			}
			switch {
			case !t.Found():
				out = append(out, errorAt(pos, "links.broken", fmt.Sprintf("the %s to %q leads nowhere: no page or file has that address; check the path (links to pages may name their .md file)", what, l.Dest)))
			case t.Page != nil && !t.Page.Published() && p.Published():
				out = append(out, errorAt(pos, "links.broken", fmt.Sprintf("the %s to %q leads to a draft, which is not published", what, l.Dest)))
			case t.Page != nil && p.Published() && !p.Meta.Draft && linkedEarly(p.Page, t.Page, in.Today):
				out = append(out, errorAt(pos, "links.broken", fmt.Sprintf("the %s to %q leads to a page scheduled for %s, which is not published until then; link to it once it is, or schedule this page for then too", what, l.Dest, appears(t.Page.Meta.Date))))
			case t.Page != nil && t.Fragment != "" && !anchorsOf(t.Page.URL)[t.Fragment]:
				out = append(out, errorAt(pos, "links.broken", fmt.Sprintf("the %s to %q names #%s, which is not a heading on that page", what, l.Dest, t.Fragment)))
			}
		}
	}
	return out
}

// linkScans is how many pages BrokenLinks finds by reading the site's
// pages before it makes a map of them by address: reading them costs a
// few microseconds a page, the map some 2 ms at 10,000 pages.
var linkScans = 16

// NewMarkdown is the Markdown engine pages are checked and built with:
// the site's emergency number in [!EMERGENCY] callouts, and no heading
// taking an ID the layout uses.
func NewMarkdown(cfg *content.Config) *markdown.Markdown {
	return markdown.New(markdown.Options{EmergencyNumber: cfg.Organization.EmergencyNumber, Reserved: layout.ReservedID})
}

// Anchors returns the IDs a link may name on a page: its headings, its
// footnotes, its questions and the fixed IDs of the layout.
func Anchors(p Page) map[string]bool {
	ids := map[string]bool{}
	for _, a := range layout.PageIDs() {
		ids[a] = true
	}
	for i := range p.Meta.FAQ {
		ids[layout.FAQAnchor(i)] = true
	}
	if p.Doc != nil {
		for _, h := range p.Doc.Headings {
			ids[h.ID] = true
		}
		for n := range p.Doc.Notes {
			ids[markdown.FootnoteID(n+1)] = true
		}
	}
	return ids
}
