package content

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
)

// ContentDir is the folder of a site that holds its pages.
const ContentDir = "content"

// The sections whose pages pamphlet treats in their own way.
const (
	StoriesSection = "stories" // patient stories, which need a consent record to be published
	FAQSection     = "faq"     // question-and-answer pages; its list page is the FAQ hub
	NewsSection    = "news"    // news and press releases, in the feed
	AlertsSection  = "alerts"  // time-boxed service notices, in the feed while active
	EventsSection  = "events"  // health fairs, screenings and classes
)

// Site is a site's configuration and its whole content tree.
type Site struct {
	Config *Config
	Pages  []*Page // every page, sorted by URL; list pages for folders without _index.md are made up

	// Static maps the site path of each file that is not a page (an image
	// beside an article, a theme asset) to where it comes from.
	Static map[string]string

	// Aliases are the old addresses of pages, drafts' too, that lead to
	// them (see ParseAlias), sorted by path; those that cannot be read
	// or take another's address are left out, and reported.
	Aliases []Alias

	byURL   map[string]*Page
	byAlias map[string]*Page // the page each alias leads to, by the file its redirect page is written to
	byFile  map[string]*Page
	// Lang is the language of a site made by Language: its pages are
	// those of that language alone. "" for the whole site.
	Lang string

	// translations holds each page's versions in every language, by the
	// page's key (see translationKey), in the order of Config.Langs.
	translations map[string][]*Page
}

// Load reads every page under content/ of the site folder fsys. Problems
// with pages are findings; the error is for a tree that cannot be read.
// Hidden files and the temporary files editors make while saving are
// passed over; files that are not published though they look like they
// might be (backups, merge leftovers, symlinks, other files with front
// matter) are content.stray warnings. Pages are read and parsed several
// at a time.
func Load(fsys fs.FS, cfg *Config) (*Site, []finding.Finding, error) {
	return LoadCounted(fsys, cfg, Counter{})
}

// Counter is told how far Load has got, for a progress line. Either
// function may be nil.
type Counter struct {
	Listed func(pages int) // once, with the number of page files, before any is read
	Read   func()          // after each page file is read and parsed, from any goroutine
}

// LoadCounted is Load, telling count how far it has got.
func LoadCounted(fsys fs.FS, cfg *Config, count Counter) (*Site, []finding.Finding, error) {
	return LoadWith(fsys, cfg, LoadOptions{Count: count})
}

// LoadOptions say how LoadWith loads a site.
type LoadOptions struct {
	Count Counter // told how far loading has got
	// ReleaseText lets each page's text go as soon as its front matter is
	// read (see Page.ReleaseText), for a caller that reads the pages
	// again one by one (Page.Restore), so that the whole site's text is
	// never held at once.
	ReleaseText bool
}

// LoadWith is Load, as the options say.
func LoadWith(fsys fs.FS, cfg *Config, opts LoadOptions) (*Site, []finding.Finding, error) {
	count := opts.Count
	files, err := walk(fsys, ContentDir)
	if err != nil {
		return nil, nil, err
	}
	static := map[string]string{}
	var markdown []string
	var found []finding.Finding
	for _, e := range files {
		f := e.path
		kind, why, err := classify(fsys, f, e.mode) // the walk knows each file's type
		if err != nil {
			return nil, nil, err
		}
		switch kind {
		case PageFile:
			markdown = append(markdown, f)
		case StaticFile:
			static[StaticURL(f)] = f
		case StrayFile:
			found = append(found, Stray{f, why}.Finding())
		}
	}
	if count.Listed != nil {
		count.Listed(len(markdown))
	}
	pages := make([]*Page, len(markdown))
	pageFound := make([][]finding.Finding, len(markdown))
	err = parallel.For(context.Background(), len(markdown), 0, func(i int) error {
		src, err := fs.ReadFile(fsys, markdown[i])
		if err != nil {
			return err
		}
		pages[i], pageFound[i] = ParsePage(markdown[i], src)
		if opts.ReleaseText {
			pages[i].ReleaseText()
		}
		if count.Read != nil {
			count.Read()
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	s, placed := Assemble(cfg, pages, static)
	return s, finding.Sort(slices.Concat(found, slices.Concat(pageFound...), placed)), nil
}

// StaticURL returns the site path of a file under content/ that is not a
// page, such as /articles/img/chart.png for content/articles/img/chart.png.
func StaticURL(file string) string { return "/" + strings.TrimPrefix(file, ContentDir+"/") }

// Assemble places pages read by ParsePage into a site, by their files'
// paths, with the other files of content/ (static maps site path to file).
// It makes up list pages for folders without an _index.md and reports
// pages that take another's address. Pages may be assembled again into a
// later site after some of them changed.
func Assemble(cfg *Config, pages []*Page, static map[string]string) (*Site, []finding.Finding) {
	s := &Site{Config: cfg, Static: static, byURL: make(map[string]*Page, len(pages)), byFile: make(map[string]*Page, len(pages)),
		Pages: make([]*Page, 0, len(pages)+8)}
	var found []finding.Finding
	for _, p := range pages {
		found = append(found, s.place(p, strings.TrimPrefix(p.File, ContentDir+"/"))...)
		found = append(found, s.add(p)...)
	}
	found = append(found, s.linkTranslations()...)
	found = append(found, s.addMissingLists()...)
	s.groupTranslations()
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	found = append(found, s.placeAliases()...)
	return s, finding.Sort(found)
}

// place sets the page's kind, section, folder, language and URL from its
// path under content/ and its slug, and reports a language suffix that is
// not one of the site's.
func (s *Site) place(p *Page, rel string) []finding.Finding {
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	p.Dir = dir
	p.Section, _, _ = strings.Cut(dir, "/")
	base := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	p.Lang, p.SourceFile = s.Config.Language, ""
	base, lang, found := s.language(p, base)
	if lang != "" {
		p.Lang = lang
		p.SourceFile = path.Join(ContentDir, dir, base+path.Ext(rel))
	}
	prefix := s.Config.Prefix(p.Lang)
	switch {
	case base == "_index" && dir == "":
		p.Kind, p.URL = Home, prefix+"/"
	case base == "_index":
		p.Kind, p.URL = Section, prefix+"/"+dir+"/"
	default:
		slug := p.Meta.Slug
		if slug == "" {
			slug = Slugify(base)
		}
		p.Kind, p.URL = Single, prefix+path.Join("/", dir, slug)+"/"
	}
	return found
}

func (s *Site) add(p *Page) []finding.Finding {
	var found []finding.Finding
	if owner := s.reserved(p); owner != "" {
		found = append(found, finding.Finding{
			Position: p.KeyPos("slug"), Rule: "content.url", Severity: finding.Error,
			Message: fmt.Sprintf("this page's address %s is %s, which pamphlet builds; give the page another slug or move it", p.URL, owner),
		})
	} else if other, ok := s.byURL[p.URL]; ok {
		found = append(found, finding.Finding{
			Position: p.KeyPos("slug"), Rule: "content.url", Severity: finding.Error,
			Message: fmt.Sprintf("this page's address %s is already %s's; give one of them another slug", p.URL, other.File),
		})
	} else {
		s.byURL[p.URL] = p
	}
	if p.File != "" {
		s.byFile[p.File] = p
	}
	s.Pages = append(s.Pages, p)
	return found
}

// Addresses of pages pamphlet builds itself.
const (
	TrustURL     = "/how-we-make-our-health-information/" // the trust page, from pamphlet.yaml (see also AccessibilityURL)
	FAQURL       = "/faq/"                                // the FAQ hub; content/faq/_index.md gives its title and text
	TagsURL      = "/tags/"                               // the topic index and a page per tag
	AudiencesURL = "/audiences/"                          // a page per audience, such as /audiences/parents/
	SearchURL    = "/search/"                             // the search page, with its index in index/ below it
)

// reserved names the built page whose address a content page would take,
// or returns "".
func (s *Site) reserved(p *Page) string {
	u := strings.TrimPrefix(p.URL, s.Config.Prefix(p.Lang))
	switch {
	case u == TrustURL:
		return "the trust page's"
	case u == AccessibilityURL && s.Config.Accessibility != nil:
		return "the accessibility statement's (from accessibility in " + ConfigFile + ")"
	case u == FAQURL && p.Kind != Section:
		return "the FAQ hub's (write its text in content/faq/_index.md)"
	case strings.HasPrefix(u, TagsURL):
		return "a topic page's"
	case strings.HasPrefix(u, AudiencesURL):
		return "an audience page's"
	case strings.HasPrefix(u, SearchURL) && s.Config.Build.SearchOn():
		return "the search page's"
	}
	return ""
}

// addMissingLists makes a list page for the home and for each folder that
// holds pages but has no _index.md, titled after the folder. A list page
// made up for a language other than the default is titled by the
// folder's name, in no language of its own, and reported
// (content.section-title) at the folder's first page in that language
// by file name, a draft only when it has no other.
func (s *Site) addMissingLists() []finding.Finding {
	type list struct{ lang, dir string }
	dirs := map[list]bool{{s.Config.Language, ""}: true}
	first := map[list]*Page{} // the first page by file under each folder, in each language, drafts last
	for _, p := range s.Pages {
		if len(p.Meta.FAQ) > 0 && !p.Meta.Draft {
			dirs[list{p.Lang, FAQSection}] = true // the FAQ hub gathers every question
		}
		dirs[list{p.Lang, ""}] = true // a language's home
		for d := p.Dir; d != ""; d = ParentDir(d) {
			l := list{p.Lang, d}
			dirs[l] = true
			if f := first[l]; f == nil || cmp.Or(compareBool(p.Meta.Draft, f.Meta.Draft), cmp.Compare(p.File, f.File)) < 0 {
				first[l] = p
			}
		}
	}
	var found []finding.Finding
	keys := slices.SortedFunc(maps.Keys(dirs), func(a, b list) int { return cmp.Or(cmp.Compare(a.lang, b.lang), cmp.Compare(a.dir, b.dir)) })
	for _, l := range keys {
		d := l.dir
		u := s.DirURL(l.lang, d)
		if _, ok := s.byURL[u]; ok {
			continue
		}
		p := &Page{Kind: Section, Dir: d, URL: u, Lang: l.lang}
		p.Section, _, _ = strings.Cut(d, "/")
		switch d {
		case "":
			p.Kind = Home
			p.Meta.Title = s.Config.Title
			p.Meta.Description = s.Config.Description
		case FAQSection:
			p.Meta.Title = "Questions and answers"
			p.Meta.Description = "Answers to common health questions from " + s.Config.Title + ", by topic."
		default:
			p.Meta.Title = Humanize(path.Base(d))
			if l.lang != s.Config.Language && first[l] != nil {
				found = append(found, s.sectionTitle(p, first[l]))
			}
		}
		s.add(p)
	}
	return found
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sectionTitle is the content.section-title warning about a list page
// made up for a language other than the default, titled by its folder's
// name: it names the file that would give its title, at the folder's
// first page in the language.
func (s *Site) sectionTitle(list, first *Page) finding.Finding {
	dir := path.Join(ContentDir, list.Dir)
	index := path.Join(dir, "_index."+list.Lang+".md")
	from := ""
	if src := s.byFile[path.Join(dir, "_index.md")]; src != nil && src.Meta.Title != "" {
		from = fmt.Sprintf(" (pamphlet new translation %s %s copies the %s one, %q, to translate)", src.File, list.Lang, s.Config.Language, src.Meta.Title)
	}
	return finding.Finding{
		Position: finding.Position{File: first.File, Line: 1, Col: 1}, Rule: "content.section-title", Severity: finding.Warning,
		Message: fmt.Sprintf("the %s list page of %s/ (%s) has no title of its own, so it is titled %q after the folder's name; add %s with its title: and description: in %s%s",
			list.Lang, dir, list.URL, list.Meta.Title, index, list.Lang, from),
	}
}

// ParentDir returns the folder holding a folder under content/, such as
// "news" for "news/2026", or "" at the top.
func ParentDir(d string) string {
	if i := strings.LastIndexByte(d, '/'); i >= 0 {
		return d[:i]
	}
	return ""
}

// PageByURL returns the page at a site path such as /articles/flu/.
func (s *Site) PageByURL(u string) *Page { return s.byURL[u] }

// PageByFile returns the page read from a file such as content/articles/flu.md.
func (s *Site) PageByFile(f string) *Page { return s.byFile[f] }

// Children returns the published single pages and list pages directly in
// the list page's folder, in the order lists show them: by weight, then
// newest first, then by title.
func (s *Site) Children(list *Page) []*Page {
	return s.Lists()[list.URL]
}

// Lists returns the children of every list page (see Children) at once,
// by the list page's site path, in one pass over the site's pages: the
// pages of its folder in its language.
func (s *Site) Lists() map[string][]*Page {
	out := map[string][]*Page{}
	for _, p := range s.Pages {
		if !p.Published() {
			continue
		}
		switch {
		case p.Kind == Single:
			u := s.DirURL(p.Lang, p.Dir)
			out[u] = append(out[u], p)
		case p.Kind == Section && p.Dir != "":
			u := s.DirURL(p.Lang, ParentDir(p.Dir))
			out[u] = append(out[u], p)
		}
	}
	for _, ps := range out {
		SortPages(ps)
	}
	return out
}

// SortPages orders pages by weight, lowest first and pages without one
// (weight 0) last, then newest first, then by title and URL.
func SortPages(ps []*Page) {
	weight := func(p *Page) int {
		if p.Meta.Weight == 0 {
			return math.MaxInt
		}
		return p.Meta.Weight
	}
	// Each title is lowered once, not at each of the n log n comparisons.
	type keyed struct {
		p     *Page
		title string
	}
	ks := make([]keyed, len(ps))
	for i, p := range ps {
		ks[i] = keyed{p, strings.ToLower(p.Meta.Title)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if c := cmp.Compare(weight(a.p), weight(b.p)); c != 0 {
			return c
		}
		if c := b.p.Meta.Date.Compare(a.p.Meta.Date.Time); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.title, b.title), cmp.Compare(a.p.URL, b.p.URL))
	})
	for i, k := range ks {
		ps[i] = k.p
	}
}

// Target is what an internal link leads to.
type Target struct {
	Page     *Page  // the page linked to, or nil
	Static   string // the site path of a file linked to, or ""
	Fragment string // the #anchor without '#', or ""
}

// Found reports whether the link leads to a page or file of the site.
func (t Target) Found() bool { return t.Page != nil || t.Static != "" }

// URL returns the site path the link leads to, with its fragment.
func (t Target) URL() string {
	u := t.Static
	if t.Page != nil {
		u = t.Page.URL
	}
	if t.Fragment != "" {
		u += "#" + t.Fragment
	}
	return u
}

// Resolve returns what a link written in from's Markdown leads to, and
// false for a link that leaves the site (it has a scheme or host). Links may
// name a Markdown file relative to the page's file (flu.md, ../faq/flu.md,
// the way GitHub previews them), a Markdown file from the site root
// (/content/faq/flu.md), a site path (/articles/flu/) or a file beside the
// page (images/chart.png); a site path that is an alias of a page leads
// to the page.
func (s *Site) Resolve(from *Page, dest string) (Target, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") || dest == "" {
		return Target{}, false
	}
	t := Target{Fragment: u.Fragment}
	p := u.Path
	if p == "" {
		t.Page = from
		return t, true
	}
	dir := path.Dir(from.File)
	if from.File == "" {
		dir = path.Join(ContentDir, from.Dir)
	}
	if IsMarkdown(p) {
		var file string
		switch {
		case strings.HasPrefix(p, "/"+ContentDir+"/"):
			file = p[1:]
		case strings.HasPrefix(p, "/"):
			file = path.Join(ContentDir, p)
		default:
			file = path.Join(dir, p)
		}
		t.Page = s.byFile[file]
		return t, true
	}
	var candidates []string
	if strings.HasPrefix(p, "/") {
		candidates = []string{p}
	} else {
		candidates = []string{"/" + strings.TrimPrefix(path.Join(dir, p), ContentDir+"/"), path.Join(from.URL, p)}
	}
	for _, c := range candidates {
		c = path.Clean(c)
		if _, ok := s.Static[c]; ok {
			t.Static = c
			return t, true
		}
		if page := s.aliasAt(c); page != nil {
			t.Page = page // an old address: the link leads to the page as it is now
			return t, true
		}
		c = strings.TrimSuffix(strings.TrimSuffix(c, "/index.html"), "/")
		if page := s.byURL[c+"/"]; page != nil {
			t.Page = page
			return t, true
		}
		if c == "" {
			t.Page = s.byURL["/"]
			return t, true
		}
	}
	return t, true
}

// Slugify turns a file name into the last part of a URL: lowercase
// letters and digits of any script, accented Latin letters folded to
// ASCII, with hyphens between words (see slugOf); "page" for a name with
// none (see Slug).
func Slugify(s string) string {
	if slug, ok := Slug(s); ok {
		return slug
	}
	return "page"
}

// Slug turns a name into the last part of a URL (see slugOf), and reports
// false when the name has no letter or digit that an address keeps.
func Slug(s string) (string, bool) { return slugOf(s) }

// Humanize turns a folder name into a title: "patient-stories" becomes
// "Patient stories", "faq" becomes "FAQ".
func Humanize(s string) string {
	if strings.EqualFold(s, "faq") {
		return "FAQ"
	}
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
