// Package build is pamphlet's pipeline: load the site, parse every page,
// run the checks, refuse when any error-level finding is left, have
// internal/view make the views and internal/layout render them, in
// parallel, minify, and write the destination atomically. Its Renderer
// also says what each HTML file is made from and renders any file again,
// for the preview's session (internal/preview).
package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/images"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/review"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// Options configure a build. The zero value of each field is its default.
type Options struct {
	Source   string    // the site folder; default "."
	Dest     string    // the destination; default public/ inside Source
	Today    time.Time // the date reviews, alerts and events are judged on; required
	BaseURL  string    // overrides pamphlet.yaml's base_url when set
	NoMinify bool      // write output as rendered, not minified
	Withhold bool      // publish the rest of the site when single pages are refused
	Theme    fs.FS     // the built-in theme, holding layouts/ and assets/; may be nil
	Workers  int       // pages rendered at once; default the number of CPUs
	// FS, when set, is the site folder to read instead of Source, such as
	// a commit's tree read from Git (see review.TreeFS); Read and Load
	// read it, and Build writes to Dest as ever.
	FS fs.FS
	// ImageCache is the folder that keeps the smaller copies of images
	// between builds; default .pamphlet/cache/images in Source.
	ImageCache string
	// NoImageCache keeps no copies between builds: each build makes them.
	NoImageCache bool

	Progress *Progress // when set, counts the pages read, parsed, checked and the files written

	// lean, which Build sets, lets each page's text go once the page is
	// checked (see releaseText): a project loaded so is rendered, and
	// asked nothing else that reads the pages' files.
	lean bool
}

// SiteFS returns the files of a site folder as a build reads them: as
// os.DirFS does, in fewer system calls where the system allows.
func SiteFS(dir string) fs.FS { return newDirFS(dir) }

// siteFS returns the site folder the options read.
func (o Options) siteFS() fs.FS {
	if o.FS != nil {
		return o.FS
	}
	return newDirFS(cmp.Or(o.Source, "."))
}

// DefaultImageCache is where, in the site folder, the smaller copies of
// images are kept between builds.
const DefaultImageCache = ".pamphlet/cache/images"

// ConfigError is a pamphlet.yaml with error-level findings; nothing can be
// built until they are fixed.
type ConfigError struct {
	Findings []finding.Finding
}

func (e *ConfigError) Error() string {
	n, _, _ := finding.Count(e.Findings)
	if n == 1 {
		return content.ConfigFile + " has 1 error"
	}
	return fmt.Sprintf("%s has %d errors", content.ConfigFile, n)
}

// Project is a loaded, parsed and checked site, ready to render.
type Project struct {
	Options  Options
	Site     *content.Site
	Pages    []check.Page // in the site's order
	Findings []finding.Finding
	Silenced []finding.Finding // findings that pamphlet-ignore comments silenced
	Gate     *review.Gate
	Words    *check.Words
	md       *markdown.Markdown
	siteFS   fs.FS
	assets   map[string]fs.FS       // asset path → the layer (site or theme) it comes from
	sums     *FileSums              // of the files pages show or link
	local    []finding.Finding      // what the local rules found as the pages were parsed, until check
	planned  map[*content.Page]bool // whether each page is published, as planned before the pages were checked (see buildAsChecked); nil otherwise

	imageCache images.Cache // where the smaller copies of images are kept
	imageStats *CopyStats
}

// CopyStats count the smaller copies of images a build made and those it
// took from the cache, and the copies of the cache it removed as unused.
type CopyStats struct {
	made, reused, pruned atomic.Int64
	used                 sync.Map // the keys of the copies the build made or took
}

// use counts a copy the build made or took from the cache.
func (s *CopyStats) use(key string, made bool) {
	if made {
		s.made.Add(1)
	} else {
		s.reused.Add(1)
	}
	s.used.Store(key, true)
}

// Pruned is how many copies no longer used were removed from the cache.
func (s *CopyStats) Pruned() int { return int(s.pruned.Load()) }

// pruneGrace is how long a copy of the cache that a build did not use is
// kept: another build that shares the cache, of another branch or still
// running, may need it.
const pruneGrace = 7 * 24 * time.Hour

// prune removes from the cache the copies of images that the build, which
// published every page, did not use and that no build has written for
// pruneGrace. A copy that cannot be removed is left for next time.
func (p *Project) prune() {
	n, _ := p.imageCache.Prune(func(key string) bool {
		_, ok := p.imageStats.used.Load(key)
		return ok
	}, pruneGrace, time.Now())
	p.imageStats.pruned.Add(int64(n))
}

// Made is how many copies were made.
func (s *CopyStats) Made() int { return int(s.made.Load()) }

// Reused is how many copies came from the cache.
func (s *CopyStats) Reused() int { return int(s.reused.Load()) }

// imageCache is the cache of image copies the options ask for.
func imageCache(opts Options) images.Cache {
	if opts.NoImageCache {
		return images.Cache{}
	}
	if opts.ImageCache != "" {
		return images.Cache{Dir: opts.ImageCache}
	}
	return images.Cache{Dir: filepath.Join(cmp.Or(opts.Source, "."), filepath.FromSlash(DefaultImageCache))}
}

// Load reads the site, parses every page and runs every check. A broken
// pamphlet.yaml is a *ConfigError; problems with pages are findings.
func Load(ctx context.Context, opts Options) (*Project, error) {
	p, err := Read(opts)
	if err != nil {
		return nil, err
	}
	if err := p.parseAndCheck(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// parseAndCheck is what Load does after Read.
func (p *Project) parseAndCheck(ctx context.Context) error {
	if err := p.parse(ctx, true); err != nil {
		return err
	}
	p.check(ctx)
	return nil
}

// Read reads pamphlet.yaml, the pages' files and front matter, and the
// assets: the first stage of Load, enough to fingerprint a page (see
// Parsed and Files). Its findings so far are about pamphlet.yaml and the
// files.
func Read(opts Options) (*Project, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Today.IsZero() {
		return nil, errors.New("build: Options.Today is not set")
	}
	gate, wait, err := startConfig(opts)
	if err != nil {
		return nil, err
	}
	cfg := gate.Config
	siteFS := opts.siteFS()
	// In a build, each page's text goes once its front matter is read,
	// and is read again a batch at a time to be parsed: the site's whole
	// text is never held at once.
	site, found, err := content.LoadWith(siteFS, cfg, content.LoadOptions{Count: opts.Progress.counter(), ReleaseText: opts.lean})
	words, cfgFindings, cfgErr := wait() // an error in pamphlet.yaml is told first
	if cfgErr != nil {
		return nil, cfgErr
	}
	if err != nil {
		return nil, err
	}
	opts.Progress.loaded(site)
	// The site's assets/ files win over the theme's.
	assets, err := layout.Merge("assets", content.Unused, siteFS, opts.Theme)
	if err != nil {
		return nil, err
	}
	addAssets(site, assets)
	found = append(found, assetAliases(site)...)
	strays, err := content.ThemeStrays(siteFS)
	if err != nil {
		return nil, err
	}
	for _, st := range strays {
		found = append(found, st.Finding())
	}
	_, wordFindings, err := loadWords(cfg, siteFS, opts.Theme) // a word missing in a language
	if err != nil {
		return nil, err
	}
	found = append(found, wordFindings...)
	return &Project{
		Options:  opts,
		Site:     site,
		Findings: append(found, cfgFindings...),
		md:       check.NewMarkdown(cfg),
		siteFS:   siteFS,
		assets:   assets,
		Gate:     gate,
		Words:    words,
		sums:     &FileSums{},

		imageCache: imageCache(opts),
		imageStats: &CopyStats{},
	}, nil
}

// parse parses every page's Markdown and judges it with the review gate:
// the second stage of Load. When local is set, it also runs the local
// rules over each page (see check.RunLocal), while its syntax trees are
// at hand. Either way it keeps only the pages' outlines (see
// check.Page.Outline), so that the syntax trees of the whole site, most
// of the memory its pages would hold, are never held at once: rendering
// parses each page again as it comes to it.
func (p *Project) parse(ctx context.Context, local bool) error {
	return p.parseEach(ctx, local, nil)
}

// parseEach is parse, and hands each page's number to each as soon as
// the page is parsed and judged by the review gate, its syntax trees
// whole in p.Pages (and still in the CPU's caches), before the local
// rules read its batch; from several goroutines at once. The pages of
// p.Pages, when it holds every page already, are parsed in place.
func (p *Project) parseEach(ctx context.Context, local bool, each func(k int) error) error {
	if len(p.Pages) != len(p.Site.Pages) {
		p.Pages = make([]check.Page, len(p.Site.Pages))
	}
	n := (len(p.Pages) + parseBatch - 1) / parseBatch
	found := make([][]finding.Finding, n)
	contacts := check.NewContacts(p.Site) // of every page: the same for each batch
	err := parallel.For(ctx, n, p.Options.Workers, func(b int) error {
		pages := p.Pages[b*parseBatch : min(len(p.Pages), (b+1)*parseBatch)]
		for k := range pages {
			pg := p.Site.Pages[b*parseBatch+k]
			if err := pg.Restore(p.siteFS); err != nil { // its text, let go once read (see Read)
				return err
			}
			pages[k] = p.parsePage(pg)
			if pr := p.Options.Progress; pr != nil {
				pr.Parsed.Add(1)
			}
			if each != nil {
				if err := each(b*parseBatch + k); err != nil {
					return err
				}
			}
		}
		if local {
			found[b] = check.RunLocal(&check.Input{Site: p.Site, Pages: pages, Today: p.Options.Today, Words: p.Words, Contacts: contacts, Checked: p.Options.Progress.checked()})
		}
		for k := range pages {
			pages[k] = pages[k].Outline()
			if p.Options.lean {
				p.releaseText(&pages[k])
			}
		}
		return nil
	})
	p.local = slices.Concat(found...)
	return err
}

// parseBatch is how many pages parse reads at a time: a batch of the
// local rules (see check.RunLocal).
const parseBatch = 32

// check runs the rules that compare pages, adds what the local rules
// found as the pages were parsed, and sorts the findings: the last stage
// of Load.
func (p *Project) check(ctx context.Context) {
	found := append(append(p.Findings, p.imageFindings()...), p.pictureFindings(ctx, false)...)
	checked, silenced := check.Finish(&check.Input{Site: p.Site, Pages: p.Pages, Today: p.Options.Today, Words: p.Words}, p.local)
	p.local = nil
	for _, pg := range p.Site.Pages {
		pg.ForgetLines()
	}
	p.Findings = finding.Sort(append(found, checked...))
	p.Silenced = silenced
}

// releaseText lets go of the text of a checked page's file and of the
// positions of its front matter, which the page reads again should the
// rules that compare pages point at it (see content.Page.ReleasePositions):
// the outline keeps where its links are written. A page with a
// pamphlet-ignore comment keeps its text, which Silence reads.
func (p *Project) releaseText(pg *check.Page) {
	if pg.File == "" || bytes.Contains(pg.Source, []byte("pamphlet-ignore")) {
		return
	}
	pg.Page.ReleaseText()
	pg.Page.ReleasePositions(p.siteFS)
	dropOutlineText(pg)
}

// dropOutlineText lets the outline of a page's body go of the text it
// points into, which its page let go.
func dropOutlineText(pg *check.Page) {
	if pg.Doc != nil && pg.Doc.Outlined() {
		pg.Doc = pg.Doc.WithSource(nil)
	}
}

// release lets go of the bytes of every page's file, keeping what the
// pages' outlines hold (see content.Page.Release): once checked, a page
// is read again only to be rendered (see whole).
func (p *Project) release() {
	for i := range p.Pages {
		pg := &p.Pages[i]
		if pg.File == "" {
			continue
		}
		pg.Page.Release()
		dropOutlineText(pg)
	}
}

// whole returns a page with its body and answers parsed whole, its file
// read again when it was released (see release).
func (p *Project) whole(pg *check.Page) (check.Page, error) {
	w := *pg
	if w.Doc != nil && w.Doc.Outlined() && w.Doc.Source == nil && w.File != "" {
		src, err := w.Page.Reread(p.siteFS)
		if err != nil {
			return check.Page{}, err
		}
		w.Doc = w.Doc.WithSource(src[w.BodyStart:])
	}
	return w.Whole(p.md), nil
}

// addAssets gives the site's assets their site paths, where a file of
// content/ at the same path does not win.
func addAssets(site *content.Site, assets map[string]fs.FS) {
	for rel := range assets {
		if _, ok := site.Static["/"+rel]; !ok {
			site.Static["/"+rel] = "assets/" + rel
		}
	}
}

// parsePage parses a page placed in its site and judges it with the review
// gate (which needs its place: clinical sections count, and so do the
// files its links lead to).
func (p *Project) parsePage(pg *content.Page) check.Page {
	cp := check.Parse(p.md, pg)
	pp := cp.Parsed()
	pp.Source = p.Site.Source(pg)
	cp.Review = p.Gate.Evaluate(pp, p.Files())
	return cp
}

// Files returns what the review gate reads the files that pages show or
// link through.
func (p *Project) Files() review.Files {
	return siteFiles{sums: p.sums, site: p.Site, siteFS: p.siteFS, assets: p.assets}
}

// Parsed parses a page of the site as the review gate reads it.
func (p *Project) Parsed(pg *content.Page) review.Parsed {
	pp := review.Parse(p.md, pg)
	pp.Source = p.Site.Source(pg)
	return pp
}

// Resolve returns the path from the site root of the local file that a
// link written in a page leads to, and false when it leads to no local
// file; see review.FindSigned.
func (p *Project) Resolve(from *content.Page, dest string) (string, bool) {
	return resolveFile(p.Site, from, dest)
}

// Markdown returns the project's Markdown engine.
func (p *Project) Markdown() *markdown.Markdown { return p.md }

// NoConfigError is the error for a site folder without pamphlet.yaml. It
// matches fs.ErrNotExist.
type NoConfigError struct{ Dir string }

func (e *NoConfigError) Error() string { return fmt.Sprintf("no %s in %s", content.ConfigFile, e.Dir) }
func (e *NoConfigError) Unwrap() error { return fs.ErrNotExist }

// loadConfig reads pamphlet.yaml into the review gate and the word lists
// of the checks, and returns the warnings about it.
func loadConfig(opts Options) (*review.Gate, *check.Words, []finding.Finding, error) {
	gate, wait, err := startConfig(opts)
	if err != nil {
		return nil, nil, nil, err
	}
	words, found, err := wait()
	return gate, words, found, err
}

// startConfig reads pamphlet.yaml into the review gate, and starts making
// the word lists of the checks from it; wait returns them, with the
// warnings about pamphlet.yaml, or the *ConfigError of its errors. The
// claim detectors the lists hold take a tenth of a second to make, which
// a build spends reading the site's files meanwhile.
func startConfig(opts Options) (gate *review.Gate, wait func() (*check.Words, []finding.Finding, error), err error) {
	source := cmp.Or(opts.Source, ".")
	cfg, cfgFindings, err := content.LoadConfig(opts.siteFS())
	if errors.Is(err, fs.ErrNotExist) {
		abs, _ := filepath.Abs(source)
		return nil, nil, &NoConfigError{Dir: abs}
	}
	if err != nil {
		return nil, nil, err
	}
	if cfg == nil { // pamphlet.yaml cannot be read at all
		return nil, nil, &ConfigError{Findings: cfgFindings}
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, nil, fmt.Errorf("-base-url: %w", err)
		}
		cfgFindings = dropRule(cfgFindings, cfg.Keys["base_url"], "config.value")
	}
	gate, keyFindings := review.NewGate(cfg, opts.Today)
	var words *check.Words
	var wordFindings []finding.Finding
	done := make(chan struct{})
	go func() {
		defer close(done)
		words, wordFindings = check.LoadWords(cfg)
	}()
	return gate, func() (*check.Words, []finding.Finding, error) {
		<-done
		found := finding.Sort(append(append(cfgFindings, keyFindings...), wordFindings...))
		if finding.HasErrors(found) {
			return nil, nil, &ConfigError{Findings: found}
		}
		return words, found, nil
	}, nil
}

// dropRule removes the finding of a rule at a position (a base_url the
// command line replaced).
func dropRule(fs []finding.Finding, pos finding.Position, rule string) []finding.Finding {
	out := fs[:0]
	for _, f := range fs {
		if f.Rule == rule && f.Position == pos {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Result says what a build did.
type Result struct {
	Findings  []finding.Finding
	Silenced  []finding.Finding // findings that pamphlet-ignore comments silenced
	Refused   bool              // error-level findings stopped the build; nothing was written
	Withheld  []string          // files of the pages -withhold left out, sorted
	Scheduled []string          // files of the pages left out until their date (see Project.Schedule), sorted
	Blocking  []string          // when refused: why -withhold could not publish the rest either
	Pages     int               // HTML pages written
	Files     int               // files written in all
	Dest      string
	Copies    *CopyStats // the smaller copies of images made, and taken from the cache
}

// Build loads, checks and renders the site and replaces the destination
// with the result, atomically: when any error-level finding is left, or
// anything fails, the destination is left exactly as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	dest, err := destination(opts)
	if err != nil {
		return nil, err
	}
	opts.lean = true
	p, err := Read(opts)
	if err != nil {
		return nil, err
	}
	defer boundHeap(len(p.Site.Pages))() // Load, with the collector set for the site's size
	if !opts.Withhold {
		return p.buildAsChecked(ctx, dest)
	}
	if err := p.parseAndCheck(ctx); err != nil {
		return nil, err
	}
	res := p.checked(ctx, dest)
	if finding.HasErrors(p.Findings) {
		res.Withheld, res.Blocking = p.Withhold()
		if len(res.Blocking) > 0 {
			res.Refused = true
			return res, nil
		}
	}
	res.Scheduled = p.Schedule()
	// Each file is written as it is made, into a new folder that takes
	// dest's place only once the whole site is written.
	w, err := newWriter(dest)
	if err != nil {
		return nil, err
	}
	var files atomic.Int64
	res.Pages, err = p.RenderTo(ctx, p.emitter(w, &files))
	if err != nil {
		w.abort()
		return nil, err
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	if len(res.Withheld) == 0 {
		p.prune()
	}
	res.Findings = p.Findings // with what rendering found
	res.Files = int(files.Load())
	return res, nil
}

// checked adds what making the copies of large images finds to the
// findings of the checked pages, and returns the build's result so far.
// Making the copies decodes the images whole, which may find them
// broken: that refuses the build as any error does.
func (p *Project) checked(ctx context.Context, dest string) *Result {
	p.Findings = finding.Sort(append(p.Findings, p.CopyFindings(ctx)...))
	return &Result{Findings: p.Findings, Silenced: p.Silenced, Dest: dest, Copies: p.imageStats}
}

// emitter returns the function that writes each file of the site as it
// is made, counting them.
func (p *Project) emitter(w *writer, files *atomic.Int64) func(name string, data []byte) error {
	return func(name string, data []byte) error {
		files.Add(1)
		if err := w.file(name, data); err != nil {
			return err
		}
		if pr := p.Options.Progress; pr != nil {
			pr.Written.Add(1)
		}
		return nil
	}
}

// buildAsChecked is Build for a site published whole, with no page
// withheld: it renders each page as soon as it is parsed and judged,
// from the syntax trees the checks then read, rather than reading and
// parsing every page again once the whole site is checked. The plan
// of the site (every page's view, the lists and links between them) is
// made first, from the pages' front matter, leaving out the pages
// scheduled for later as Schedule will; what a view shows of its page's
// review is filled in as the gate judges the page. The pages that show
// what others' reviews or bodies hold (the home pages' A to Z, the FAQ
// hubs), and those without a body, are rendered once every page is
// checked, with the lists, feeds and the rest. Files go into a new
// folder, which takes dest's place only once the whole site is written:
// a site with an error gets its findings, as ever, and no output.
func (p *Project) buildAsChecked(ctx context.Context, dest string) (*Result, error) {
	p.Pages = make([]check.Page, len(p.Site.Pages))
	for i, pg := range p.Site.Pages {
		p.Pages[i] = check.Page{Page: pg}
	}
	// The checks read the scheduled pages as published; the plan, and the
	// links rendered, read them as Schedule will leave them.
	later := p.scheduled()
	for _, pg := range later {
		pg.Scheduled = true
	}
	r, err := p.newRenderer()
	if err != nil {
		return nil, err
	}
	r.spend = true
	r.plan()
	shadowed := r.shadowed()
	p.planned = make(map[*content.Page]bool, len(p.Site.Pages))
	for _, pg := range p.Site.Pages {
		p.planned[pg] = pg.Published()
	}
	for _, pg := range later {
		pg.Scheduled = false
	}
	jobOf := make(map[*content.Page]int, len(r.jobs))
	for i, j := range r.jobs {
		if j.page != nil {
			jobOf[j.page.Page] = i
		}
	}
	w, err := newWriter(dest)
	if err != nil {
		return nil, err
	}
	var files atomic.Int64
	emit := p.emitter(w, &files)
	emitJob := func(i int, data []byte) error { return emit(r.jobs[i].out, data) }
	rendered := make([]bool, len(r.jobs))
	failed := make([]error, len(r.jobs)) // told only when the site has no error to tell
	err = p.parseEach(ctx, true, func(k int) error {
		i, ok := jobOf[p.Site.Pages[k]]
		if !ok {
			return nil // not published
		}
		pg := &p.Pages[k]
		view.SetReview(r.jobs[i].view, pg)
		if pg.Doc == nil || pg.Kind == content.Home || slices.Contains(r.hubs, i) {
			return nil // rendered once every page is checked
		}
		rendered[i] = true
		failed[i] = r.renderPage(i, func() (check.Page, error) { return *pg, nil }, emitJob)
		return nil
	})
	if err != nil {
		w.abort()
		return nil, err
	}
	p.check(ctx)
	res := p.checked(ctx, dest)
	if finding.HasErrors(p.Findings) {
		w.abort()
		_, res.Blocking = p.refused()
		res.Refused = true
		return res, nil
	}
	for _, err := range failed {
		if err != nil {
			w.abort()
			return nil, err
		}
	}
	res.Scheduled = p.Schedule()
	p.Findings = finding.Sort(append(p.Findings, shadowed...))
	p.release()
	r.refreshAZ()
	rest := []int{} // not nil, which renders every job
	for i := range r.jobs {
		if !rendered[i] {
			rest = append(rest, i)
		}
	}
	if res.Pages, err = r.renderRest(ctx, rest, emit); err != nil {
		w.abort()
		return nil, err
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	p.prune()
	res.Findings = p.Findings
	res.Files = int(files.Load())
	return res, nil
}

// The collector. Go's lets the heap grow to twice what is live before it
// collects (GOGC=100), so that a build collects most often while little
// is live, early, and the peak follows the site's size with a gigabyte
// more at 100,000 articles. A build lets the heap grow to three times
// what is live instead (heapGrowth), within a soft limit on the memory
// it uses, which follows what a build holds of each page: heapBase, and
// heapPage for each of the first heapPages pages, some three times what a
// build holds per page at most, then heapPageLarge for each page after,
// so that 100,000 pages stay within 2 GB. The collector then runs less
// often while little is live, and harder only as the heap nears the
// limit, at the end of a large build. A $GOGC or $GOMEMLIMIT the user
// set is left alone.
const (
	heapGrowth    = 200 // GOGC
	heapBase      = 24 << 20
	heapPage      = 28 << 10
	heapPages     = 20000
	heapPageLarge = 12 << 10
)

// heapLimit is the soft limit on the memory of a build of n pages.
func heapLimit(n int) int64 {
	return heapBase + int64(min(n, heapPages))*heapPage + int64(max(n-heapPages, 0))*heapPageLarge
}

// boundHeap sets the collector for a build of n pages and returns the
// function that sets it back.
func boundHeap(n int) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	oldLimit := debug.SetMemoryLimit(heapLimit(n))
	oldGrowth := debug.SetGCPercent(heapGrowth)
	return func() {
		debug.SetGCPercent(oldGrowth)
		debug.SetMemoryLimit(oldLimit)
	}
}

// Withhold leaves every single page with an error-level finding out of
// the site: out of every list, tag page and feed, with links to it made
// plain text. It returns the files of the pages it withheld, and the
// reasons the site still cannot be published: errors on a home or section
// page, or on no page at all, which cannot be left out.
func (p *Project) Withhold() (withheld, blocking []string) {
	pages, blocking := p.refused()
	for _, pg := range pages {
		pg.Withheld = true
		withheld = append(withheld, pg.File)
	}
	return withheld, blocking
}

// Schedule leaves every page whose date is after the build date out of
// the site, as Withhold does pages with errors: out of every list, tag
// page, feed and the sitemap. Call it once the pages are checked, which
// they are as if published, since a build on or after their date
// publishes them as they are. It returns the files of the pages it left
// out. The preview does not call it, and shows them.
func (p *Project) Schedule() []string {
	var files []string
	for _, pg := range p.scheduled() {
		pg.Scheduled = true
		files = append(files, pg.File)
	}
	slices.Sort(files)
	return files
}

// scheduled lists the published pages that Schedule leaves for a later
// build.
func (p *Project) scheduled() []*content.Page {
	var out []*content.Page
	for _, pg := range p.Site.Pages {
		if pg.Published() && pg.ScheduledAfter(p.Options.Today) {
			out = append(out, pg)
		}
	}
	return out
}

// refused returns the published single pages with error-level findings,
// sorted by file, and why errors elsewhere cannot be withheld.
func (p *Project) refused() (pages []*content.Page, blocking []string) {
	seen := map[string]bool{}
	for _, f := range p.Findings {
		if f.Severity != finding.Error || seen[f.File] {
			continue
		}
		seen[f.File] = true
		pg := p.Site.PageByFile(f.File)
		switch {
		case pg == nil:
			blocking = append(blocking, fmt.Sprintf("%s has errors, and only pages can be withheld", f.File))
		case pg.Kind != content.Single:
			blocking = append(blocking, fmt.Sprintf("%s is a list page, which cannot be withheld", f.File))
		case pg.Published():
			pages = append(pages, pg)
		}
	}
	slices.SortFunc(pages, func(a, b *content.Page) int { return cmp.Compare(a.File, b.File) })
	slices.Sort(blocking)
	return pages, blocking
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
