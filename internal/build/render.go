package build

import (
	"bytes"
	"cmp"
	"context"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/search"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// Output is a rendered site: file contents by slash path relative to the
// destination, such as articles/flu/index.html.
type Output struct {
	Files map[string][]byte
	Pages int // how many of the files are HTML pages
}

// job is one HTML file to render.
type job struct {
	out      string // output path
	template string
	view     *layout.Page
	site     *layout.Site // of the page's language
	page     *check.Page  // nil for tag pages, the trust page and the 404 page
}

// Render renders every published page, the tag pages, the FAQ hub, the
// trust page, the 404 page, the sitemap, robots.txt, the feed and the
// assets, into memory; see RenderTo.
func (p *Project) Render(ctx context.Context) (*Output, error) {
	var mu sync.Mutex
	files := map[string][]byte{}
	pages, err := p.RenderTo(ctx, func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		files[name] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &Output{Files: files, Pages: pages}, nil
}

// RenderTo renders what Render does and hands each file to emit, by its
// slash path relative to the destination, as soon as it is made: several
// at once, from several goroutines. emit may keep data. It returns how
// many of the files are HTML pages. It reads no clock and walks
// everything in sorted order, so the same project gives the same bytes.
//
// Rendering lets go of the bytes of the pages' files, which are read
// again, checked to be those the checks read, and parsed as each page is
// rendered, its syntax tree let go once its HTML is made: a build never
// holds every page's text or tree at once. A project renders once.
func (p *Project) RenderTo(ctx context.Context, emit func(name string, data []byte) error) (int, error) {
	r, err := p.newRenderer()
	if err != nil {
		return 0, err
	}
	r.spend = true
	r.plan()
	p.Findings = finding.Sort(append(p.Findings, r.shadowed()...))
	p.release()
	return r.renderRest(ctx, nil, emit)
}

// renderRest renders the jobs numbered in which, or every job when which
// is nil, and the files beside the pages: the rest of RenderTo once the
// renderer is planned, where the jobs not in which are rendered already.
func (r *Renderer) renderRest(ctx context.Context, which []int, emit func(name string, data []byte) error) (int, error) {
	p := r.p
	// The search indexes are made as soon as every page has its entry,
	// beside the FAQ hubs, which are rendered last: a CPU that one hub,
	// the larger, leaves idle makes them.
	var indexes func() (map[string][]byte, error)
	err := r.renderEach(ctx, which, func(i int, data []byte) error { return emit(r.jobs[i].out, data) }, func() { indexes = r.startIndexes() })
	if err != nil {
		if indexes != nil {
			indexes() // not left running
		}
		return 0, err
	}
	// The rest: an HTML page wins over a file of content/ at its path,
	// and the sitemap, feed, calendars and search index over both.
	files := maps.Clone(r.static)
	for name, data := range p.imageCopies() {
		if _, taken := files[name]; !taken {
			files[name] = data
		}
	}
	for _, j := range r.jobs {
		delete(files, j.out)
	}
	if err := r.extras(files, indexes); err != nil {
		return 0, err
	}
	// Written on every CPU, as the pages were.
	names := slices.Sorted(maps.Keys(files))
	if err := parallel.For(ctx, len(names), p.Options.Workers, func(i int) error { return emit(names[i], files[names[i]]) }); err != nil {
		return 0, err
	}
	return len(r.jobs), nil
}

// Renderer turns a project into output: it holds what every page shares
// (the templates, the site's view, the assets) and, once planned, every
// page's view and the HTML files to render. A build renders each file
// once; the preview's session keeps its renderer and renders again only
// the files an edit changed.
type Renderer struct {
	p              *Project
	min            *minifier // nil when not minifying
	set            *layout.Set
	words          map[string]*layout.Words // the theme's words, by language
	site           *layout.Site
	sd             *view.Graph
	trusts         map[string]*layout.Page // the trust page of each language
	accessibility  map[string]*layout.Page // the accessibility statement of each language; none without one
	relURL, absURL func(string) string
	static         map[string][]byte // the assets and content/'s other files, by output path

	views     map[*content.Page]*layout.Page // of every published page
	published []*check.Page                  // the published pages, in the site's order
	jobs      []job
	hubs      []int // the jobs of the FAQ hubs, one for each language that has one

	// spend marks a renderer that renders every page once, as a build
	// does: each page's search entry is made as it is rendered. A renderer
	// of NewRenderer renders pages again, and makes the entries of those
	// it has not rendered when it writes the index.
	spend bool

	// analyzers cut each language's text into the terms of its search
	// index, and entries are what the index holds of each job's page, made
	// when the page is rendered; nil when the site has no search.
	analyzers map[string]*search.Analyzer
	entries   []*search.Entry
}

// newRenderer reads the templates and the assets and makes the view of
// the site that every page shares.
func (p *Project) newRenderer() (*Renderer, error) {
	r := &Renderer{p: p}
	if p.Site.Config.Build.SearchOn() {
		r.analyzers = map[string]*search.Analyzer{}
		for _, lang := range p.Site.Config.Langs() {
			r.analyzers[lang] = search.NewAnalyzer(lang)
		}
	}
	if !p.Options.NoMinify && p.Site.Config.Build.MinifyOn() {
		r.min = newMinifier()
	}
	files, assetNames, err := p.renderAssets(r.min)
	if err != nil {
		return nil, err
	}
	for url, src := range p.Site.Static {
		if strings.HasPrefix(src, content.ContentDir+"/") {
			data, err := fs.ReadFile(p.siteFS, src)
			if err != nil {
				return nil, err
			}
			files[strings.TrimPrefix(url, "/")] = data
		}
	}
	r.static = files
	cfg := p.Site.Config
	base := cfg.BasePath()
	r.relURL = func(u string) string { return base + strings.TrimPrefix(u, "/") }
	r.absURL = func(u string) string { return cfg.BaseURL + absPath(strings.TrimPrefix(u, "/")) }
	relURL, absURL := r.relURL, r.absURL
	funcs := template.FuncMap{
		"relURL":  relURL,
		"absURL":  absURL,
		"asset":   func(name string) string { return relURL(cmp.Or(assetNames[name], name)) },
		"isodate": func(t time.Time) string { return t.Format("2006-01-02") },
		// datetime is a time of day with its offset from UTC, for <time datetime>.
		"datetime": func(t time.Time) string { return t.Format(time.RFC3339) },
		"tel":      markdown.TelURI,
	}
	layouts, err := layout.Merge("layouts", content.Unused, p.siteFS, p.Options.Theme)
	if err != nil {
		return nil, err
	}
	// The words' findings are the project's already (see Read).
	if r.words, _, err = loadWords(cfg, p.siteFS, p.Options.Theme); err != nil {
		return nil, err
	}
	if r.set, err = layout.Load(funcs, layouts, r.words); err != nil {
		return nil, err
	}
	words := r.words[cfg.Language]
	site := &layout.Site{
		Title:       cfg.Title,
		Description: cfg.Description,
		Language:    cfg.Language,
		BaseURL:     cfg.BaseURL,
		Organization: layout.Organization{
			Name: cfg.Organization.Name, URL: view.Address(cfg.Organization.URL, relURL), Logo: cfg.Organization.Logo,
			Phone: cfg.Organization.Phone, Email: cfg.Organization.Email, Address: cfg.Organization.Address.String(),
			EmergencyNumber: cfg.Organization.EmergencyNumber,
		},
		Today:      p.Options.Today,
		ThemeColor: cfg.ThemeColor,
		Twitter:    cfg.Social.Twitter,
		Locale:     view.OGLocale(cfg.Language),
		TrustURL:   relURL(content.TrustURL),
		TrustTitle: words.Say("trust.title"),
	}
	if mc := cfg.MediaContact; mc != (content.MediaContact{}) {
		site.MediaContact = &layout.Contact{Name: mc.Name, Email: mc.Email, Phone: mc.Phone}
	}
	site.Image = view.ShareImage(cfg, files, absURL)
	site.TwitterCard = view.TwitterCard(site.Image)

	r.sd = view.NewGraph(cfg, site.Image, files, absURL)
	home := p.Site.PageByURL("/")
	// Text of pamphlet.yaml, such as the trust statement's, shows images
	// as pages do, resolved from the home page.
	renderMD := func(md string) (template.HTML, error) {
		doc := p.md.Parse([]byte(md))
		return p.md.RenderWith(doc, p.resolver(home, relURL, ""), r.pictures(home, doc, &pageImages{}))
	}
	r.trusts = map[string]*layout.Page{}
	for _, lang := range cfg.Langs() {
		if r.trusts[lang], err = view.Trust(cfg, lang, renderMD, r.words[lang], relURL, absURL); err != nil {
			return nil, err
		}
	}
	site.Disclaimer = r.trusts[cfg.Language].Trust.Disclaimer
	r.accessibility = map[string]*layout.Page{}
	custom := p.customTheme(layouts)
	for _, lang := range cfg.Langs() {
		if r.accessibility[lang], err = view.Accessibility(cfg, lang, custom, renderMD, r.words[lang], relURL, absURL); err != nil {
			return nil, err
		}
	}
	for _, m := range cfg.Menu {
		site.Menu = append(site.Menu, layout.Link{Title: m.Name, URL: view.Address(m.URL, relURL)})
	}
	r.site = site
	return r, nil
}

// render renders the jobs numbered in which, or every job when which is
// nil, and returns the HTML of each job rendered by its number.
func (r *Renderer) render(ctx context.Context, which []int) ([][]byte, error) {
	rendered := make([][]byte, len(r.jobs))
	err := r.renderEach(ctx, which, func(i int, data []byte) error {
		rendered[i] = data // each job is rendered by one goroutine
		return nil
	}, nil)
	if err != nil {
		return nil, err
	}
	return rendered, nil
}

// renderEach renders the jobs numbered in which, or every job when which
// is nil, and hands the HTML of each to emit with the job's number, from
// several goroutines at once. When set, pagesDone is called once every
// page but the FAQ hubs is rendered, and has its search entry, before
// the hubs are.
func (r *Renderer) renderEach(ctx context.Context, which []int, emit func(i int, data []byte) error, pagesDone func()) error {
	p := r.p
	if which == nil {
		which = make([]int, len(r.jobs))
		for i := range which {
			which[i] = i
		}
	}
	// Phase one: Markdown bodies and answers, and the JSON-LD, each page
	// on its own.
	err := parallel.For(ctx, len(which), p.Options.Workers, func(k int) error {
		i := which[k]
		// The page's syntax trees, parsed again from its outline, are let
		// go once its HTML is made.
		return r.renderPage(i, func() (check.Page, error) { return p.whole(r.jobs[i].page) }, emit)
	})
	if err != nil {
		return err
	}
	if pagesDone != nil {
		pagesDone()
	}
	for _, hub := range r.hubs {
		if slices.Contains(which, hub) {
			if err := r.faqHub(ctx, hub); err != nil {
				return err
			}
		}
	}
	// Phase two: the templates of the pages not written yet.
	if r.spend {
		which = slices.DeleteFunc(slices.Clone(which), func(i int) bool { return !slices.Contains(r.hubs, i) })
	}
	return parallel.For(ctx, len(which), p.Options.Workers, func(k int) error {
		if err := r.execute(which[k], emit); err != nil {
			return err
		}
		if r.spend { // a hub, once written, lets go of every page's questions
			v := r.jobs[which[k]].view
			letGo(v)
			v.Topics = nil
		}
		return nil
	})
}

// renderPage renders job i on its own: a page's Markdown body and
// answers, its search entry and its JSON-LD, then, as a build renders
// every page once (spend), its template, handing its HTML to emit. whole
// returns the job's page parsed whole, for a job of a page with a body.
// The FAQ hubs wait for every page's questions (see faqHub).
func (r *Renderer) renderPage(i int, whole func() (check.Page, error), emit func(i int, data []byte) error) error {
	p := r.p
	j := r.jobs[i]
	words := r.words[j.site.Language]
	d := view.PageData{View: j.view, Page: j.page, Trail: view.Trail(p.Site.Config, j.view, words), Lang: j.site.Language}
	if j.page != nil && j.page.Doc != nil {
		pg, err := whole()
		if err != nil {
			return err
		}
		if pg.Kind == content.Single {
			j.view.Contents = view.Contents(pg.Doc, len(pg.Meta.FAQ) > 0, words)
		}
		resolve := p.resolver(pg.Page, r.relURL, "")
		var seen pageImages
		body, err := p.md.RenderWith(pg.Doc, resolve, r.pictures(pg.Page, pg.Doc, &seen))
		if err != nil {
			return err
		}
		seen.done(pg.Doc)
		j.view.Body = r.backlinks(body, pg.Lang)
		j.view.FAQ = nil
		for k, qa := range pg.Meta.FAQ {
			doc := pg.Answers[k]
			a, err := p.md.RenderWith(doc, resolve, r.pictures(pg.Page, doc, &seen))
			if err != nil {
				return err
			}
			seen.done(doc)
			j.view.FAQ = append(j.view.FAQ, layout.QA{ID: layout.FAQAnchor(k), Question: qa.Q, Answer: a})
		}
		if r.searchable(i) {
			r.entries[i] = r.searchEntry(i, pg)
		}
		if check.IsFAQPage(pg.Page) {
			if d.FAQ, err = p.pageQuestions(&pg, j.view.Permalink, r.absURL); err != nil {
				return err
			}
		}
	}
	if j.page != nil {
		if j.view.Image = r.shareImage(j.page); j.view.Image != nil {
			j.view.TwitterCard = view.TwitterCard(*j.view.Image)
		}
	}
	if slices.Contains(r.hubs, i) {
		return nil // phase two: its questions come from every page
	}
	if !j.view.NoIndex {
		if err := r.sd.SetJSONLD(d); err != nil {
			return err
		}
	}
	if !r.spend {
		return nil // phase two: the preview's renderer keeps every view whole
	}
	// A template reads only its own page's HTML and JSON-LD, and
	// other pages' titles, addresses and summaries: the page is
	// written now, and its HTML let go.
	if err := r.execute(i, emit); err != nil {
		return err
	}
	letGo(j.view)
	return nil
}

// letGo lets a written page's view go of what only its own page shows:
// its HTML, questions, JSON-LD and contents. Other pages' templates read
// only its title, address and summary.
func letGo(v *layout.Page) {
	v.Body, v.FAQ, v.JSONLD, v.Contents = "", nil, "", nil
}

// execute runs job i's template over its view, minifies the HTML and hands
// it to emit.
func (r *Renderer) execute(i int, emit func(i int, data []byte) error) error {
	j := r.jobs[i]
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	if err := r.set.Execute(buf, j.template, &layout.Data{Site: siteFor(j.site, j.view), Page: j.view}); err != nil {
		return err
	}
	data, err := r.min.bytes(j.out, buf.Bytes())
	if err != nil {
		return err
	}
	if len(data) > 0 && &data[0] == &buf.Bytes()[0] {
		data = bytes.Clone(data) // not minified: the buffer goes back to the pool
	}
	return emit(i, data)
}

// faqHub gathers every question of the pages of the hub's language into
// the view of the FAQ hub of job hub, and sets its JSON-LD.
func (r *Renderer) faqHub(ctx context.Context, hub int) error {
	p := r.p
	parts := make([]*view.Asked, len(r.jobs))
	lang := r.jobs[hub].page.Lang
	asks := func(j job) bool {
		return j.page != nil && j.page.Doc != nil && j.page.Lang == lang && view.Asks(j.page)
	}
	// The hub's first image, in the first answer that has one, loads at
	// once; the others, below many questions, load lazily.
	first := slices.IndexFunc(r.jobs, func(j job) bool { return asks(j) && p.answersShowImages(j.page) })
	err := parallel.For(ctx, len(r.jobs), p.Options.Workers, func(i int) error {
		j := r.jobs[i]
		if !asks(j) {
			return nil
		}
		seen := &pageImages{images: 1, words: EagerWords}
		if i == first {
			seen = &pageImages{}
		}
		var prev *markdown.Document // the answer rendered before, whose words come first
		pictures := func(doc *markdown.Document) markdown.Pictures {
			if prev != nil {
				seen.done(prev)
			}
			prev = doc
			return r.pictures(j.page.Page, doc, seen)
		}
		var err error
		parts[i], err = p.hubPart(j.page, j.view, r.relURL, r.absURL, pictures)
		return err
	})
	if err != nil {
		return err
	}
	j := r.jobs[hub]
	d := view.PageData{View: j.view, Page: j.page, Trail: view.Trail(p.Site.Config, j.view, r.words[j.site.Language]), Lang: j.site.Language}
	j.view.Topics, d.FAQ = view.FAQHub(slices.DeleteFunc(parts, func(a *view.Asked) bool { return a == nil }))
	return r.sd.SetJSONLD(d)
}

// loadWords reads the theme's words in each of the site's languages, the
// site's layouts/words files winning key by key over the built-in
// theme's, and the layout.word findings about them.
func loadWords(cfg *content.Config, siteFS, theme fs.FS) (map[string]*layout.Words, []finding.Finding, error) {
	return layout.LoadWords(cfg.Langs(), siteFS, theme)
}

// resolver rewrites internal links of a page's Markdown to their site
// URLs through toURL (which adds the base path, or the whole base URL),
// and links to withheld pages to plain text. A link to an anchor of the
// same page gets anchorBase in front: "" where the page itself shows the
// text, the page's address where another page does. Links that lead
// nowhere are left as written; the links.broken check has refused the
// build before they could be published.
func (p *Project) resolver(from *content.Page, toURL func(string) string, anchorBase string) markdown.Resolver {
	return func(dest string) (string, bool) {
		t, internal := p.Site.Resolve(from, dest)
		if !internal || !t.Found() {
			return "", false
		}
		if t.Page != nil && !p.published(t.Page) {
			return "", true // withheld: the link becomes plain text
		}
		if strings.HasPrefix(dest, "#") {
			return anchorBase + dest, true
		}
		return toURL(t.URL()), true
	}
}

// published reports whether a page is published, as the links to it are
// rendered: as planned, for a build that renders pages as it checks them
// (see buildAsChecked), else as it stands.
func (p *Project) published(pg *content.Page) bool {
	if p.planned != nil {
		return p.planned[pg]
	}
	return pg.Published()
}

// absPath writes a site path for an absolute URL: letters outside ASCII
// percent-encoded (see content.EscapePath), as sitemaps and feeds need
// them; a fragment or query after it is kept as written.
func absPath(u string) string {
	i := strings.IndexAny(u, "#?")
	if i < 0 {
		return content.EscapePath(u)
	}
	return content.EscapePath(u[:i]) + u[i:]
}

// backlink is how the Markdown engine writes the link from a footnote
// back to where it is cited: a symbol alone, which screen readers name
// in different ways or not at all.
const backlink = `role="doc-backlink">`

// backlinks names the footnotes' links back to the text in the page's
// language, for screen readers.
func (r *Renderer) backlinks(body template.HTML, lang string) template.HTML {
	if !strings.Contains(string(body), backlink) {
		return body
	}
	label := `role="doc-backlink" aria-label="` + template.HTMLEscapeString(r.words[lang].Say("footnote.back")) + `">`
	return template.HTML(strings.ReplaceAll(string(body), backlink, label))
}
