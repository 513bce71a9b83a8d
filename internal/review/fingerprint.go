package review

import (
	"cmp"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// Parsed is a page with its Markdown parsed by the engine that renders it:
// what a sign-off approves is read from the same parse that readers get.
type Parsed struct {
	Page    *content.Page
	Body    *markdown.Document   // nil for a list page made up for a folder
	Answers []*markdown.Document // of the page's faq, in order
	// Source is, for a translation, the page it translates (see
	// content.Site.Source); nil otherwise. The caller, who knows the
	// site, sets it.
	Source *content.Page
}

// Parse parses a page's body and the answers of its faq.
func Parse(md *markdown.Markdown, p *content.Page) Parsed {
	pp := Parsed{Page: p}
	if p.File != "" {
		pp.Body = md.Parse(p.Body())
		for _, qa := range p.Meta.FAQ {
			pp.Answers = append(pp.Answers, md.Parse([]byte(qa.A)))
		}
	}
	return pp
}

// File is a local file that a page shows or links (an image, a PDF
// leaflet, a download), as its sign-off covers it.
type File struct {
	Path   string `json:"path"`   // from the site root, such as content/articles/img/chart.png
	SHA256 string `json:"sha256"` // of its bytes, in hexadecimal; "" when it cannot be read
}

// Files finds the local files that a page's links lead to, for its
// fingerprint.
type Files interface {
	// Local returns the file that a link written in a page leads to, with
	// the SHA-256 of its bytes, and false when the link leads to no local
	// file (a page, another site, nowhere).
	Local(from *content.Page, dest string) (File, bool)
}

// visible is what a page's fingerprint is the SHA-256 of, written as
// compact JSON in this order: its one-line fields as a browser shows them,
// the SHA-256 of what a reader gets from its Markdown (markdown.Visible),
// its sources, and the local files it shows or links.
// Its fields are Text's, in Text's order, then the files.
type visible struct {
	Text
	Files []File `json:"files"`
	// ShareAlt is the alt text of the page's sharing image (image: in
	// its front matter), whose file is one of Files; "" for a page
	// without one, which leaves the fingerprints of such pages as they
	// were before pages had sharing images.
	ShareAlt string `json:"share_alt,omitempty"`
}

// Fingerprint returns "sha256:" and the SHA-256 of what a reader gets from
// the page, and the local files that it covers, sorted by path. It covers
// the title, description, about, sources, the questions of the faq, the
// body and the answers as parsed for rendering, and the bytes of every
// local file the body or an answer shows or links, and of the page's
// sharing image (image: in its front matter) with its alt text. It leaves out the
// review block, tags, dates, audience and layout settings, and everything
// in the Markdown that readers do not get (raw HTML, comments, spaces at
// line ends, the way lines are wrapped).
func Fingerprint(pp Parsed, files Files) (string, []File) {
	t := TextOf(pp.Page)
	v := visible{Text: Text{Title: t.Title, Description: t.Description, About: t.About, FAQ: []TextQA{}, Sources: t.Sources}, Files: []File{}}
	if pp.Body != nil {
		v.Body = visibleSum(pp.Body)
	}
	for i, qa := range t.FAQ {
		a := ""
		if i < len(pp.Answers) && pp.Answers[i] != nil {
			a = visibleSum(pp.Answers[i])
		}
		v.FAQ = append(v.FAQ, TextQA{Q: qa.Q, A: a})
	}
	if files != nil {
		for _, d := range append([]*markdown.Document{pp.Body}, pp.Answers...) {
			if d == nil {
				continue
			}
			for _, l := range d.Links {
				if f, ok := files.Local(pp.Page, l.Dest); ok {
					v.Files = append(v.Files, f)
				}
			}
		}
	}
	if img := pp.Page.Meta.Image; img != nil && img.Path != "" {
		v.ShareAlt = cmp.Or(strings.TrimSpace(img.Alt), " ") // an image without alt text still counts
		if files != nil {
			if f, ok := files.Local(pp.Page, img.Path); ok {
				v.Files = append(v.Files, f)
			}
		}
	}
	slices.SortFunc(v.Files, func(a, b File) int { return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.SHA256, b.SHA256)) })
	v.Files = slices.Compact(v.Files)
	return sum(v), v.Files
}

func visibleSum(d *markdown.Document) string {
	s := d.VisibleSum()
	return hex.EncodeToString(s[:])
}

// FileNames returns the paths of files, for messages.
func FileNames(files []File) string {
	var names []string
	for _, f := range files {
		names = append(names, f.Path)
	}
	return strings.Join(names, ", ")
}
