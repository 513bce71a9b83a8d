package build

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"

	"github.com/gohugoio/hashstructure"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/review"
	"github.com/pamphlet-health/pamphlet/internal/search"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// This file is what a preview that keeps a site between builds (package
// preview) needs of the pipeline: the stages of Load one at a time, and a
// Renderer that says what each HTML file is made from and renders any of
// them again.

// Settings is what pamphlet.yaml says, read by ReadSettings.
type Settings struct {
	Gate     *review.Gate
	Words    *check.Words
	Findings []finding.Finding // warnings about pamphlet.yaml
	md       *markdown.Markdown
}

// ReadSettings reads pamphlet.yaml as Load does. A broken pamphlet.yaml
// is a *ConfigError, and none at all a *NoConfigError.
func ReadSettings(opts Options) (*Settings, error) {
	gate, words, found, err := loadConfig(opts)
	if err != nil {
		return nil, err
	}
	return &Settings{Gate: gate, Words: words, Findings: found, md: check.NewMarkdown(gate.Config)}, nil
}

// NewProject makes a project of a site already assembled (see
// content.Assemble), whose assets are the layers given, with no page
// parsed yet: parse each with ParsePage and set Pages and Findings.
func NewProject(opts Options, set *Settings, siteFS fs.FS, site *content.Site, assets map[string]fs.FS, sums *FileSums) *Project {
	addAssets(site, assets)
	return &Project{Options: opts, Site: site, md: set.md, siteFS: siteFS, assets: assets, Gate: set.Gate, Words: set.Words, sums: sums,
		imageCache: imageCache(opts), imageStats: &CopyStats{}}
}

// ParsePage parses one page's Markdown and judges it with the review gate,
// as Load does every page. It is safe to call from several goroutines.
func (p *Project) ParsePage(pg *content.Page) check.Page { return p.parsePage(pg) }

// AssetAliasFindings are the content.alias errors of aliases that take
// an asset's address, which Load reports once the assets are known.
func (p *Project) AssetAliasFindings() []finding.Finding { return assetAliases(p.Site) }

// ImageFindings are the findings about the images pamphlet.yaml names
// and those pages show, whose smaller copies it makes (see CopyFindings).
func (p *Project) ImageFindings() []finding.Finding {
	return append(p.ConfigImageFindings(), p.PageImageFindings(p.Pages)...)
}

// ConfigImageFindings are the findings of ImageFindings about the images
// pamphlet.yaml names.
func (p *Project) ConfigImageFindings() []finding.Finding { return p.imageFindings() }

// PageImageFindings are the findings of ImageFindings about the images
// the pages given show, each about its page: a preview whose images and
// other files beside the pages did not change finds them again only for
// the pages read again.
func (p *Project) PageImageFindings(pages []check.Page) []finding.Finding {
	ctx := context.Background()
	return append(p.picturesOf(ctx, pages, false), p.picturesOf(ctx, pages, true)...)
}

// Banners returns the findings each page's preview shows, by the page's
// site path: its own, and on the home page those of pamphlet.yaml.
func (p *Project) Banners() map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, f := range p.Findings {
		switch pg := p.Site.PageByFile(f.File); {
		case pg != nil:
			out[pg.URL] = append(out[pg.URL], f)
		case f.File == content.ConfigFile:
			out["/"] = append(out["/"], f)
		}
	}
	return out
}

// NewRenderer reads the templates and the assets, and makes the view of
// the site that every page shares. Its pages keep their syntax trees, so
// that any of them can be rendered again.
func (p *Project) NewRenderer() (*Renderer, error) { return p.newRenderer() }

// Plan makes every page's view from the project and lists the HTML files
// to render, and returns the content.shadowed warnings of content/'s files
// that those files or the calendar files take the place of.
func (r *Renderer) Plan(p *Project) []finding.Finding {
	r.p = p
	r.plan()
	return r.shadowed()
}

// Jobs is how many HTML files the renderer makes.
func (r *Renderer) Jobs() int { return len(r.jobs) }

// Out is the output path of HTML file i, such as articles/flu/index.html.
func (r *Renderer) Out(i int) string { return r.jobs[i].out }

// Page is the page HTML file i shows, or nil for tag pages, the trust page
// and the 404 page.
func (r *Renderer) Page(i int) *check.Page { return r.jobs[i].page }

// Render renders the HTML files numbered in which, or all of them when
// which is nil, and returns each file rendered by its number.
func (r *Renderer) Render(ctx context.Context, which []int) ([][]byte, error) {
	return r.render(ctx, which)
}

// Files returns the other files of the output: the assets and content/'s
// other files, the smaller copies of images, and the files made from the views (calendar files, the
// sitemap, robots.txt, the feed, the marker).
func (r *Renderer) Files() (map[string][]byte, error) {
	files := maps.Clone(r.static)
	for name, data := range r.p.imageCopies() {
		if _, taken := files[name]; !taken {
			files[name] = data
		}
	}
	err := r.extras(files, nil)
	return files, err
}

// ImageCopies returns the smaller copies of images made so far, by output
// path: after an edit that renders only some pages, those their images
// may have added.
func (r *Renderer) ImageCopies() map[string][]byte { return r.p.imageCopies() }

// SearchEntries are the search entries of a renderer's HTML files, by
// their output paths (see Renderer.Entries).
type SearchEntries map[string]*search.Entry

// Entries returns the search entries the renderer holds, for KeepEntries
// once it plans again.
func (r *Renderer) Entries() SearchEntries {
	out := SearchEntries{}
	for i, e := range r.entries {
		if e != nil {
			out[r.jobs[i].out] = e
		}
	}
	return out
}

// KeepEntries gives the HTML files numbered in same, whose keys (see
// Keys) are those they had, the search entries they had (entries, of
// Entries before the renderer planned again): a file made from the same
// view and text is indexed as it was, and the index is made again
// without parsing every page.
func (r *Renderer) KeepEntries(entries SearchEntries, same []int) {
	if r.entries == nil {
		return
	}
	for _, i := range same {
		if e := entries[r.jobs[i].out]; e != nil && r.searchable(i) {
			r.entries[i] = e
		}
	}
}

// SearchFiles returns the files of the search indexes, made again from
// each page as last rendered, and the folders they go in, which hold no
// other files: after an edit that renders only some pages, the index
// files they replace, and those of the folders that are no longer made.
func (r *Renderer) SearchFiles() (files map[string][]byte, dirs []string, err error) {
	files = map[string][]byte{}
	if err := r.searchIndexes(files); err != nil {
		return nil, nil, err
	}
	if r.entries != nil {
		cfg := r.p.Site.Config
		for _, lang := range cfg.Langs() {
			dirs = append(dirs, r.searchDir(lang))
		}
	}
	return files, dirs, nil
}

// Rebind moves the renderer to a new project whose pages are those it
// planned, but for the pages of the files in again, which were read again
// with nothing other pages show of them changed: each of their views is
// made again, keeping what it shows of other pages. It returns the
// numbers of their HTML files.
func (r *Renderer) Rebind(p *Project, again map[string]bool) []int {
	var at func(pg *check.Page) int // where a page planned is in p.Pages
	if p.Site == r.p.Site {
		// The same site, whose pages keep their places and are the keys
		// of the views. The jobs come in the order of the pages, so the
		// search goes on from the page before.
		k := 0
		at = func(pg *check.Page) int {
			for range len(p.Pages) {
				if p.Pages[k].Page == pg.Page {
					return k
				}
				k = (k + 1) % len(p.Pages)
			}
			panic("build: Rebind: a page planned is not in the site")
		}
	} else {
		byURL := make(map[string]*layout.Page, len(r.views))
		for pg, v := range r.views {
			byURL[pg.URL] = v
		}
		r.views = make(map[*content.Page]*layout.Page, len(byURL))
		index := make(map[string]int, len(p.Pages))
		for i := range p.Pages {
			pg := &p.Pages[i]
			index[pg.URL] = i
			if v := byURL[pg.URL]; v != nil {
				r.views[pg.Page] = v
			}
		}
		at = func(pg *check.Page) int { return index[pg.URL] }
	}
	r.p = p
	var which []int
	for i := range r.jobs {
		j := &r.jobs[i]
		if j.page == nil {
			continue
		}
		j.page = &p.Pages[at(j.page)]
		if again[j.page.File] {
			r.refresh(j)
			which = append(which, i)
		}
	}
	return which
}

// refresh makes a page's view again from its page as read again, keeping
// what the join filled in (the fields tagged layout.JoinTag), and puts it
// in place of the old one, which other pages' views point at.
func (r *Renderer) refresh(j *job) {
	v := view.Page(r.p.Site.Config, j.page, r.relURL, r.absURL)
	old := j.view
	nv, ov := reflect.ValueOf(v).Elem(), reflect.ValueOf(old).Elem()
	for _, i := range joined {
		nv.Field(i).Set(ov.Field(i))
	}
	*old = *v
}

// joined are the indexes of layout.Page's fields tagged layout.JoinTag.
var joined = func() []int {
	var out []int
	t := reflect.TypeFor[layout.Page]()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get(layout.JoinTag) == "make" {
			out = append(out, i)
		}
	}
	return out
}()

// cardOnly hashes a page's view by its card: the fields that layout.Page
// does not tag card:"-".
var cardOnly = &hashstructure.HashOptions{TagName: layout.CardTag}

// Keys hashes what each HTML file is made from: its template, its view
// with the pages it shows as they show in lists, the site's view, the
// page's file (by source, the key of a page's file and settings) and
// where its links lead, and the findings its preview shows. A file whose
// key is the same renders the same.
func (r *Renderer) Keys(ctx context.Context, source func(file string) uint64, banners map[string][]finding.Finding) ([]uint64, error) {
	workers := r.p.Options.Workers
	// A page shown in another's view counts by its Card alone.
	cards := make(map[*layout.Page]uint64, len(r.views)+len(r.jobs))
	for _, j := range r.jobs {
		cards[j.view] = 0
	}
	for _, v := range r.views {
		cards[v] = 0
	}
	views := slices.Collect(maps.Keys(cards))
	hashes := make([]uint64, len(views))
	err := parallel.For(ctx, len(views), workers, func(i int) error {
		var err error
		hashes[i], err = hashstructure.Hash(views[i], cardOnly)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, v := range views {
		cards[v] = hashes[i]
	}
	pageType := reflect.TypeFor[layout.Page]()
	opts := &hashstructure.HashOptions{UnwrapFunc: func(v reflect.Value) (reflect.Value, error) {
		if v.Type() == pageType && v.CanAddr() {
			return reflect.ValueOf(cards[v.Addr().Interface().(*layout.Page)]), nil
		}
		return v, nil
	}}
	sites := map[*layout.Site]uint64{}
	for _, j := range r.jobs {
		if _, ok := sites[j.site]; !ok {
			h, err := hashstructure.Hash(*j.site, opts)
			if err != nil {
				return nil, err
			}
			sites[j.site] = h
		}
	}
	// A FAQ hub shows every question of its language's pages.
	asked := map[string][]uint64{}
	for _, j := range r.jobs {
		if j.page != nil && j.page.Doc != nil && view.Asks(j.page) {
			asked[j.page.Lang] = append(asked[j.page.Lang], source(j.page.File))
		}
	}
	keys := make([]uint64, len(r.jobs))
	err = parallel.For(ctx, len(r.jobs), workers, func(i int) error {
		j := r.jobs[i]
		k := struct {
			Template string
			View     layout.Page
			Site     uint64
			Source   uint64
			Links    []string
			Findings []finding.Finding
			Asked    []uint64
		}{Template: j.template, View: *j.view, Site: sites[j.site]}
		if j.page != nil {
			if j.page.File != "" {
				k.Source = source(j.page.File)
			}
			k.Links = r.p.targets(j.page)
			k.Findings = banners[j.page.URL]
		}
		if slices.Contains(r.hubs, i) {
			k.Asked = asked[j.page.Lang]
		}
		var err error
		keys[i], err = hashstructure.Hash(k, opts)
		return err
	})
	return keys, err
}

// targets lists where the links of a page's body and answers lead, as
// the page shows them: its resolver's answers, with the size and copies
// of each image.
func (p *Project) targets(pg *check.Page) []string {
	resolve := p.resolver(pg.Page, func(u string) string { return u }, "")
	var out []string
	for _, d := range append([]*markdown.Document{pg.Doc}, pg.Answers...) {
		if d == nil {
			continue
		}
		for _, l := range d.Links {
			u, ok := resolve(l.Dest)
			out = append(out, fmt.Sprint(ok, " ", u))
			if l.Image {
				out = append(out, p.pictureKey(pg, l.Dest, true))
			}
		}
	}
	if img := pg.Meta.Image; img != nil && img.Path != "" {
		out = append(out, p.pictureKey(pg, img.Path, false))
	}
	return out
}

// pictureKey is what a page shows of an image file beyond its address:
// its size and, for an image in its text (shown), its copies, which
// change when the file does.
func (p *Project) pictureKey(pg *check.Page, dest string, shown bool) string {
	pic := p.picture(pg.Page, dest)
	if pic == nil {
		return ""
	}
	if shown {
		p.makeCopies(pic)
	}
	key := fmt.Sprint(pic.info, pic.err)
	for _, c := range pic.copies {
		key += " " + c.out
	}
	return key
}
