package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// Length limits for titles and descriptions, in characters. Search engines
// cut titles at about 60 characters and descriptions at about 160. A
// page's <title> (see layout.DocumentTitle) is held to MaxTitle.
const (
	MinTitle       = 3
	MaxTitle       = layout.MaxTitle
	MinDescription = 50
	MaxDescription = 160
)

// written reports whether a page comes from a file and has front matter
// that could be read, so that rules about its keys apply.
func written(p Page) bool { return p.File != "" && !p.Unreadable }

// Title reports pages without a title (seo.title, error), with titles too
// short to say what the page is about, and with a <title> too long to
// show whole in search results (warning). The <title> is the one the
// built-in layout writes, the page's title with the site's name when the
// two fit (layout.DocumentTitle); the home page's is the site's name, so
// its own title is held to the limit as the heading search results show.
func Title(in *Input) []finding.Finding {
	var out []finding.Finding
	site := strings.TrimSpace(in.Site.Config.Title)
	for _, p := range in.Pages {
		if !written(p) {
			continue
		}
		t := strings.TrimSpace(p.Meta.Title)
		head := t
		if p.Kind != content.Home {
			head = layout.DocumentTitle(false, t, site)
		}
		switch n := utf8.RuneCountInString(t); {
		case t == "":
			out = append(out, errorAt(p.KeyPos("title"), "seo.title", "the page has no title; add title: to the front matter"))
		case n < MinTitle:
			out = append(out, warningAt(p.KeyPos("title"), "seo.title", fmt.Sprintf("the title is %d characters; write at least %d that say what the page is about, so readers and search results can tell", n, MinTitle)))
		case utf8.RuneCountInString(head) > MaxTitle:
			out = append(out, warningAt(p.KeyPos("title"), "seo.title", fmt.Sprintf("the title is %d characters; keep it to %d so search results show it whole (the page's <title> adds the site's name when both fit)", utf8.RuneCountInString(head), MaxTitle)))
		}
	}
	return out
}

// Description reports single pages without a description (seo.description,
// error) and descriptions outside 50 to 160 characters (warning).
func Description(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) {
			continue
		}
		d := strings.TrimSpace(p.Meta.Description)
		n := utf8.RuneCountInString(d)
		switch {
		case d == "" && p.Kind == content.Single:
			out = append(out, errorAt(p.KeyPos("description"), "seo.description", "the page has no description; add a description: of 50 to 160 characters that says what the reader will learn"))
		case d == "":
		case n < MinDescription:
			out = append(out, warningAt(p.KeyPos("description"), "seo.description", fmt.Sprintf("the description is %d characters; write %d to %d so search results show a useful summary", n, MinDescription, MaxDescription)))
		case n > MaxDescription:
			out = append(out, warningAt(p.KeyPos("description"), "seo.description", fmt.Sprintf("the description is %d characters; keep it to %d so search results show it whole", n, MaxDescription)))
		}
	}
	return out
}

// DuplicateTitles reports published pages that share a title with an
// earlier one of the same language (seo.duplicate-title, warning): readers
// and search engines cannot tell them apart. Versions of a page in two
// languages may share a name, such as the clinic's.
func DuplicateTitles(in *Input) []finding.Finding {
	var out []finding.Finding
	first := map[string]Page{}
	for _, p := range in.Pages {
		if !written(p) || !p.Published() || strings.TrimSpace(p.Meta.Title) == "" {
			continue
		}
		key := p.Lang + "\x00" + strings.ToLower(strings.Join(strings.Fields(p.Meta.Title), " "))
		if q, ok := first[key]; ok {
			out = append(out, warningAt(p.KeyPos("title"), "seo.duplicate-title", fmt.Sprintf("%s has the same title; give each page a title of its own", q.File)))
			continue
		}
		first[key] = p
	}
	return out
}
