// Package preview keeps a site in memory between builds, for `pamphlet
// serve`: after an edit it reads, checks and renders again only what the
// edit changed, and the site it serves is the one a fresh build makes,
// with a box of findings on each page that has any. Which files an edit
// changes is derived from the views' types: a page's view tells its own
// fields from those other pages feed it (layout.CardTag), and
// build.Renderer.Keys hashes what each file is made from.
package preview

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gohugoio/hashstructure"

	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// Session keeps a site in memory between builds, for `pamphlet serve`.
// Each Update reads again only the files that changed and parses and
// checks only those pages, keeping every other page's findings, so that
// the findings are always those of the whole site as it now is. It then
// renders again only the files whose inputs changed: the edited page
// alone when nothing other pages show of it changed; when its title,
// dates or other front matter changed, also the lists, hub, tag pages and
// feeds that show it; everything when pamphlet.yaml, layouts/ or assets/
// changed. Pages with findings are rendered with a box listing them, and
// refused pages are rendered too, marked "not publishable".
//
// A Session is not safe for use by more than one goroutine at a time.
type Session struct {
	opts   build.Options
	siteFS fs.FS

	// From pamphlet.yaml, read again when it changes.
	config   []byte
	set      *build.Settings
	settings uint64 // the key of every page's parse: pamphlet.yaml, the base URL and today

	pages       map[string]*entry // by file
	static      map[string]string // content/'s other files: site path → file
	strays      map[string]string // files under content/ never published: file → why
	themeStrays []content.Stray   // of layouts/ and assets/
	words       []finding.Finding // about the theme's words in each language (layout.word)
	assets      map[string]fs.FS  // asset path → the layer it comes from
	local       uint64            // the hash of the local rules' key
	broken      bool              // the last update failed: start again from the files
	sums        *build.FileSums   // of the files pages show or link, for their sign-offs
	otherImages []finding.Finding // about images, of no page's file
	site        *content.Site     // as last assembled
	placed      []finding.Finding // of assembling it

	// As last rendered.
	r        *build.Renderer
	summary  map[string]uint64            // of each page, by site path: what other pages show of it
	links    map[string][]finding.Finding // links.broken, by file
	sitewide []finding.Finding            // of check.RunSitewide
	shadowed []finding.Finding            // of build.Renderer.Plan
	keys     map[string]uint64            // of each HTML file rendered, by output path
	files    map[string][]byte            // the whole output
	last     *Preview                     // as Start returned it
	stale    bool                         // files holds the search index of an earlier update: Finish makes it again
}

// entry is one page as the session last read it.
type entry struct {
	key      uint64 // of the file's path and bytes and the settings
	page     *content.Page
	parsed   check.Page
	found    []finding.Finding // reading its front matter
	localKey uint64            // the local rules' key its findings are for; 0 before they run
	local    []finding.Finding
	images   []finding.Finding // about the images it shows (see build.Project.PageImageFindings)
	ignores  bool              // its Markdown has a pamphlet-ignore comment
	summary  uint64
}

// Preview is the site as an Update left it.
type Preview struct {
	Files    map[string][]byte // every output file by slash path, such as articles/flu/index.html; the caller's to keep
	Findings []finding.Finding // of the whole site, sorted
	Pages    int               // HTML pages
	Rendered int               // HTML pages rendered by this update; the others were kept
	Checked  int               // pages parsed and checked by this update
	BasePath string            // the path the site is published under, such as / or /health/

	// Changed, when not nil, names the only files that may differ from
	// those of the preview the session last returned; nil: any may.
	Changed []string

	// Pending is set by Start when the search index of Files is still
	// that of an earlier update: Finish makes it again.
	Pending bool
}

// NewSession returns a session for a site. Nothing is read until the
// first Update.
func NewSession(opts build.Options) (*Session, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Today.IsZero() {
		return nil, errors.New("preview: Options.Today is not set")
	}
	return &Session{opts: opts, siteFS: build.SiteFS(opts.Source), broken: true}, nil
}

// Update brings the site up to date after the files named in changed
// changed: slash paths from the site folder, such as
// content/articles/flu.md, content/articles (a folder made, renamed or
// removed), layouts/single.html or pamphlet.yaml. Paths outside content/,
// layouts/, assets/ and pamphlet.yaml are passed over. Nil changed, the
// first Update, and the first after one that failed read the whole site.
//
// A broken pamphlet.yaml is a *build.ConfigError, and a broken template a
// *layout.Error; problems with pages are findings.
func (s *Session) Update(ctx context.Context, changed []string) (*Preview, error) {
	pv, err := s.Start(ctx, changed)
	if err != nil || !pv.Pending {
		return pv, err
	}
	return s.Finish(ctx)
}

// Start does what Update does but for the search index after an edit
// that renders only the pages read again: the index holds the words of
// every page, and making it again takes longer than the rest of such an
// edit. Start then returns the site with its earlier index, marked
// Pending, so that the edited page can be shown at once, and Finish makes
// the index. Every check has run, and every other file is what Update
// gives. A Start while the index is pending leaves it so, or makes it
// with the rest.
func (s *Session) Start(ctx context.Context, changed []string) (*Preview, error) {
	pv, err := s.update(ctx, changed)
	s.broken = err != nil
	if err != nil {
		s.last = nil
		return nil, err
	}
	pv.Pending = s.stale
	s.last = pv
	return pv, nil
}

// Finish makes the search index that Start left pending and returns the
// whole site, as Update would have. After a Start that left nothing
// pending it returns the same site again.
func (s *Session) Finish(ctx context.Context) (*Preview, error) {
	if s.last == nil {
		return nil, errors.New("preview: Finish without a Start that succeeded")
	}
	if s.stale {
		if err := s.searchIndex(); err != nil {
			s.broken, s.last = true, nil
			return nil, err
		}
		s.stale = false
	}
	pv := *s.last
	pv.Files, pv.Pending, pv.Changed = maps.Clone(s.files), false, nil
	return &pv, nil
}

func (s *Session) update(ctx context.Context, changed []string) (*Preview, error) {
	full := changed == nil || s.broken
	settings, theme := full, full
	var dirty []string // under content/
	for _, c := range changed {
		c = path.Clean(strings.TrimPrefix(c, "./"))
		switch {
		case c == content.ConfigFile:
			settings = true
		case under(c, "layouts") || under(c, "assets"):
			theme = true
		case under(c, content.ContentDir):
			dirty = append(dirty, c)
		}
	}
	if settings {
		changed, err := s.readSettings()
		if err != nil {
			return nil, err
		}
		// Every page parses under the new settings: read them all again.
		full = full || changed
	}
	if theme || s.assets == nil {
		var err error
		if s.assets, err = layout.Merge("assets", content.Unused, s.siteFS, s.opts.Theme); err != nil {
			return nil, err
		}
		if s.themeStrays, err = content.ThemeStrays(s.siteFS); err != nil {
			return nil, err
		}
	}
	if theme || settings { // both, on a full update
		// The theme's words in each language, as the build reads them.
		_, found, err := layout.LoadWords(s.set.Gate.Config.Langs(), s.siteFS, s.opts.Theme)
		if err != nil {
			return nil, err
		}
		s.words = found
	}
	staticBefore := maps.Clone(s.static)
	if full {
		files, err := content.Files(s.siteFS, content.ContentDir)
		if err != nil {
			return nil, err
		}
		old := s.pages
		s.pages, s.static, s.strays = map[string]*entry{}, map[string]string{}, map[string]string{}
		for _, f := range files {
			if e := old[f]; e != nil {
				s.pages[f] = e // read again below; kept when its bytes are the same
			}
		}
		dirty = files
	} else {
		var err error
		if dirty, err = s.expand(dirty); err != nil {
			return nil, err
		}
	}
	filesBefore := len(s.pages)
	// When only the text after the front matter of pages changed, every
	// page keeps its place: the site is kept, and the pages read again
	// take their old pages' places.
	keep := !full && s.site != nil
	kept := map[string]*content.Page{} // the page each file read again had
	var checked []string               // pages read again
	resigned := map[string]bool{}      // pages whose sign-off changed, or that came or went
	var files []string                 // other files read again, which sign-offs may cover
	removed := false
	reads, err := s.readDirty(ctx, dirty)
	if err != nil {
		return nil, err
	}
	for i, f := range dirty {
		r := reads[i]
		delete(s.strays, f)
		if r.kind != content.PageFile {
			if s.pages[f] != nil {
				delete(s.pages, f)
				removed = true
				resigned[f] = true // its translations lose their source
			}
			files = append(files, f)
			delete(s.static, content.StaticURL(f))
			switch r.kind {
			case content.StaticFile:
				s.static[content.StaticURL(f)] = f
			case content.StrayFile:
				s.strays[f] = r.why
			}
			continue
		}
		if r.page == nil { // the same bytes as before
			continue
		}
		pg := r.page
		old := s.pages[f]
		if old == nil || reviewSum(old.page) != reviewSum(pg) {
			resigned[f] = true
		}
		if old == nil || !sameFront(old.page, pg) {
			keep = false
		}
		s.pages[f] = &entry{key: r.key, page: pg, found: r.found}
		if old != nil {
			kept[f] = old.page
		}
		checked = append(checked, f)
	}
	checked = s.filesChanged(checked, files, full || theme)
	checked = s.translationsOf(checked, resigned)
	// A file beside the pages that was read again may have new bytes.
	static := full || len(files) > 0 || !maps.Equal(staticBefore, s.static)
	shape := static || removed || len(s.pages) != filesBefore
	keep = keep && !shape && !theme && !settings
	if keep {
		for f, was := range kept {
			e := s.pages[f]
			e.page.Kind, e.page.Section, e.page.Dir, e.page.URL, e.page.Lang, e.page.SourceFile = was.Kind, was.Section, was.Dir, was.URL, was.Lang, was.SourceFile
			*was = *e.page
			e.page = was
		}
	}

	// The site, from every page as last read. When no file but pages
	// changed, and no page came or went, only the pages read again can
	// show other images than before.
	p, err := s.assemble(ctx, checked, full || theme || settings || shape, keep)
	if err != nil {
		return nil, err
	}
	local := check.NewLocalKey(p.Site, append(s.config, s.opts.BaseURL...), s.opts.Today)
	lk, err := hashstructure.Hash(local, nil)
	if err != nil {
		return nil, err
	}
	s.local = lk
	s.checkLocal(p)
	s.outline(p, checked)

	// Did anything other pages show change?
	same := !shape && !theme && !settings && s.r != nil
	for _, f := range checked {
		if e := s.pages[f]; s.summary[e.page.URL] != e.summary {
			same = false
		}
	}
	var pv *Preview
	if same {
		pv, err = s.renderPages(ctx, p, checked)
	} else {
		pv, err = s.renderSite(ctx, p, theme || settings, static)
	}
	if err != nil {
		return nil, err
	}
	pv.Checked = len(checked)
	pv.Findings = finding.Sort(slices.Concat(pv.Findings, s.shadowed))
	return pv, nil
}

// A dirtyFile is what readDirty found of one file under content/ that
// an update reads again.
type dirtyFile struct {
	kind  content.FileKind
	why   string // a stray's reason
	key   uint64 // of a page file's path, bytes and the settings
	page  *content.Page
	found []finding.Finding // parsing its front matter
}

// readDirty classifies each file, reads each page file, and parses the
// front matter of those whose bytes or settings changed since the session
// last read them (the others get no page), on every CPU: the first update
// reads every page of the site, as a build does. It reads s.pages and
// changes nothing.
func (s *Session) readDirty(ctx context.Context, dirty []string) ([]dirtyFile, error) {
	reads := make([]dirtyFile, len(dirty))
	err := parallel.For(ctx, len(dirty), s.opts.Workers, func(i int) error {
		f := dirty[i]
		kind, why, err := content.Classify(s.siteFS, f)
		if err != nil {
			return err
		}
		reads[i] = dirtyFile{kind: kind, why: why}
		if kind != content.PageFile {
			return nil
		}
		src, err := fs.ReadFile(s.siteFS, f)
		if err != nil {
			return err
		}
		key, err := hashstructure.Hash(struct {
			File, Source string
			Settings     uint64
		}{f, string(src), s.settings}, nil)
		if err != nil {
			return err
		}
		reads[i].key = key
		if e := s.pages[f]; e != nil && e.key == key {
			return nil
		}
		reads[i].page, reads[i].found = content.ParsePage(f, src)
		return nil
	})
	return reads, err
}

// outline keeps the pages read again as outlines, once checked, as a
// build does (see check.Page.Outline): their syntax trees, most of the
// memory a page holds, go, and rendering parses each page again as it
// comes to it. The session holds no page's tree between updates.
func (s *Session) outline(p *build.Project, checked []string) {
	again := make(map[string]bool, len(checked))
	for _, f := range checked {
		again[f] = true
	}
	for i := range p.Pages {
		if f := p.Pages[i].File; again[f] {
			p.Pages[i] = p.Pages[i].Outline()
			s.pages[f].parsed = p.Pages[i]
		}
	}
}

// filesChanged adds to the pages read again those whose sign-offs cover
// one of the files read again, or, when assets may have changed, an asset
// (any file, on a full update), and forgets the files' sums.
func (s *Session) filesChanged(checked, files []string, assets bool) []string {
	if s.sums == nil || s.broken {
		s.sums = &build.FileSums{}
	}
	s.sums.Forget(files...)
	if assets {
		s.sums.ForgetUnder("assets/")
	}
	if len(files) == 0 && !assets {
		return checked // no file a sign-off covers was read again
	}
	again := map[string]bool{}
	for _, f := range checked {
		again[f] = true
	}
	for f, e := range s.pages {
		if again[f] {
			continue
		}
		for _, c := range e.parsed.Review.Files {
			if slices.Contains(files, c.Path) || assets && strings.HasPrefix(c.Path, "assets/") {
				checked = append(checked, f)
				break
			}
		}
	}
	slices.Sort(checked)
	return checked
}

// readSettings reads pamphlet.yaml and reports whether what it says
// changed, in which case every page must be read and checked again.
func (s *Session) readSettings() (changed bool, err error) {
	set, err := build.ReadSettings(s.opts)
	if err != nil {
		return false, err
	}
	config, err := fs.ReadFile(s.siteFS, content.ConfigFile)
	if err != nil {
		return false, err
	}
	key, err := hashstructure.Hash(struct {
		Config, BaseURL string
		Today           time.Time
	}{string(config), s.opts.BaseURL, s.opts.Today}, nil)
	if err != nil {
		return false, err
	}
	s.config, s.set = config, set
	changed = key != s.settings
	s.settings = key
	s.r = nil // the site's view and the trust page come from pamphlet.yaml
	return changed, nil
}

// assemble places every page into a new project and parses the pages
// read again, and finds what is wrong with the images of those pages, or
// with allImages of every page.
func (s *Session) assemble(ctx context.Context, checked []string, allImages, keep bool) (*build.Project, error) {
	if !keep {
		files := slices.Sorted(maps.Keys(s.pages))
		pages := make([]*content.Page, len(files))
		for i, f := range files {
			pages[i] = s.pages[f].page
		}
		s.site, s.placed = content.Assemble(s.set.Gate.Config, pages, maps.Clone(s.static))
	}
	site, placed := s.site, s.placed
	p := build.NewProject(s.opts, s.set, s.siteFS, site, s.assets, s.sums)
	err := parallel.For(ctx, len(checked), s.opts.Workers, func(i int) error {
		e := s.pages[checked[i]]
		e.parsed = p.ParsePage(e.page)
		e.summary = summarize(e.parsed)
		e.localKey = 0
		e.ignores = e.parsed.Doc != nil && bytes.Contains(e.parsed.Doc.Source, []byte("pamphlet-ignore"))
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.Pages = make([]check.Page, len(site.Pages))
	for i, pg := range site.Pages {
		if e := s.pages[pg.File]; pg.File != "" && e != nil {
			p.Pages[i] = e.parsed
			continue
		}
		p.Pages[i] = p.ParsePage(pg) // a list page made up for a folder
	}
	p.Findings = slices.Concat(placed, p.AssetAliasFindings(), s.set.Findings)
	for _, f := range slices.Sorted(maps.Keys(s.strays)) {
		p.Findings = append(p.Findings, content.Stray{File: f, Why: s.strays[f]}.Finding())
	}
	for _, st := range s.themeStrays {
		p.Findings = append(p.Findings, st.Finding())
	}
	p.Findings = append(p.Findings, s.words...)
	p.Findings = append(p.Findings, p.ConfigImageFindings()...)
	s.imageFindings(p, checked, allImages)
	return p, nil
}

// sameFront reports whether a page read again has the front matter it
// had, to the byte: it then takes the same place in the site, with the
// same findings about its place.
func sameFront(old, pg *content.Page) bool {
	return old.Unreadable == pg.Unreadable && old.Format == pg.Format && old.BodyStart == pg.BodyStart &&
		old.BodyStart <= len(old.Source) && pg.BodyStart <= len(pg.Source) &&
		bytes.Equal(old.Source[:old.BodyStart], pg.Source[:pg.BodyStart])
}

// summarize hashes what other pages show of a page, or check against it:
// its address, its front matter, the IDs of its headings and its
// standing with the review gate. An edit that leaves it as it was
// changes no other page.
func summarize(pg check.Page) uint64 {
	var anchors []string
	if pg.Doc != nil {
		for _, h := range pg.Doc.Headings {
			anchors = append(anchors, h.ID)
		}
	}
	st := pg.Review
	h, err := hashstructure.Hash(struct {
		URL      string
		Kind     content.Kind
		Meta     content.FrontMatter
		Anchors  []string
		Reviewer *content.Reviewer
		State    review.State
		Next     time.Time
		Flags    [4]bool
	}{pg.URL, pg.Kind, pg.Meta, anchors, st.Reviewer, st.State, st.Next, [4]bool{st.Clinical, st.Exempt, st.Valid, st.Signed}}, nil)
	if err != nil { // front matter holds only plain values
		panic(err)
	}
	return h
}
