package build

import (
	"context"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/search"
)

// searchIndexDir is where a language's search index goes, under its
// search page.
const searchIndexDir = "index/"

// searchJobs adds the search page of each language to the jobs, and
// gives each language's site view its address.
func (r *Renderer) searchJobs(jobs []job, sites map[string]*layout.Site) []job {
	cfg := r.p.Site.Config
	if !cfg.Build.SearchOn() {
		return jobs
	}
	for _, lang := range cfg.Langs() {
		u := cfg.Prefix(lang) + content.SearchURL
		w := r.words[lang]
		v := &layout.Page{Kind: "search", Title: w.Say("search.title"), Description: w.Say("search.description", "site", cfg.Title), URL: r.relURL(u), Permalink: r.absURL(u)}
		sites[lang].SearchURL = v.URL
		jobs = append(jobs, job{out: outPath(u), template: r.set.Lookup("search.html"), view: v, site: sites[lang]})
	}
	return jobs
}

// searchable reports whether job i's page goes in the search index: a
// published page of the site's content, but for the home pages.
func (r *Renderer) searchable(i int) bool {
	j := r.jobs[i]
	return r.entries != nil && j.page != nil && j.page.Doc != nil && j.page.Kind != content.Home && !j.view.NoIndex
}

// searchEntry makes the search index's entry of job i's page from the
// text its readers see, as the fingerprint reads it: the title, summary,
// what the page is about, its headings and text, its questions and
// answers, read from pg, the page parsed whole.
func (r *Renderer) searchEntry(i int, pg check.Page) *search.Entry {
	v := r.jobs[i].view
	words := r.words[pg.Lang]
	sp := search.Page{URL: v.URL, Title: v.Title, Summary: v.Description, About: v.About, Description: pg.Meta.Description}
	if v.Review != nil {
		sp.Reviewed = words.Say("review.last") + " " + words.Date(v.Review.Date)
	}
	if top, _, _ := strings.Cut(pg.Dir, "/"); top != "" {
		sp.Section = top
		if sec := r.p.Site.PageByURL(r.p.Site.Config.Prefix(pg.Lang) + "/" + top + "/"); sec != nil {
			if sv := r.views[sec]; sv != nil {
				sp.SectionTitle = sv.Title
			}
		}
		if sp.SectionTitle == "" {
			sp.SectionTitle = top // the folder's name, as a section without its own page is titled
		}
	}
	sp.Audiences = v.Audience
	for _, a := range v.Audiences {
		sp.AudienceNames = append(sp.AudienceNames, a.Title)
	}
	for _, t := range v.Tags {
		sp.Topics = append(sp.Topics, t.Title)
	}
	text := func(doc *markdown.Document) {
		for _, b := range doc.TextBlocks() {
			if b.Kind == markdown.HeadingText {
				sp.Headings = append(sp.Headings, b.Text)
			} else {
				sp.Body = append(sp.Body, b.Text)
			}
		}
	}
	text(pg.Doc)
	for k, qa := range pg.Meta.FAQ {
		sp.Questions = append(sp.Questions, qa.Q)
		if k < len(pg.Answers) && pg.Answers[k] != nil {
			text(pg.Answers[k])
		}
	}
	return r.analyzers[pg.Lang].Analyze(sp)
}

// startIndexes starts making the search indexes (see searchIndexes) on
// a goroutine of their own and returns the function that waits for their
// files.
func (r *Renderer) startIndexes() func() (map[string][]byte, error) {
	files := map[string][]byte{}
	done := make(chan error, 1)
	go func() { done <- r.searchIndexes(files) }()
	return sync.OnceValues(func() (map[string][]byte, error) {
		if err := <-done; err != nil {
			return nil, err
		}
		return files, nil
	})
}

// searchIndexes adds each language's search index to the output, in
// index/ below its search page: the entries of its pages in the order of
// the jobs (the site's order), its plain-language list and the site's
// synonyms. The languages are indexed at once, each on its own.
func (r *Renderer) searchIndexes(files map[string][]byte) error {
	if r.entries == nil {
		return nil
	}
	cfg := r.p.Site.Config
	langs := cfg.Langs()
	indexes := make([]search.Files, len(langs))
	err := parallel.For(context.Background(), len(langs), 0, func(k int) error {
		lang := langs[k]
		var entries []*search.Entry
		for i := range r.entries {
			if j := r.jobs[i]; j.page == nil || j.page.Lang != lang {
				continue // another language's, which another goroutine may set
			}
			e := r.entries[i]
			if e == nil && r.searchable(i) && !r.spend {
				// The preview planned again and kept this page's HTML.
				e = r.searchEntry(i, r.jobs[i].page.Whole(r.p.md))
				r.entries[i] = e
			}
			if e != nil {
				entries = append(entries, e)
			}
		}
		var syn search.Synonyms
		if list := r.p.Words.PlainIn(lang); list != nil {
			syn = search.PlainSynonyms(list.Entries())
		}
		for _, w := range slices.Sorted(maps.Keys(cfg.Search.Synonyms)) {
			syn = append(syn, append([]string{w}, cfg.Search.Synonyms[w]...))
		}
		build := search.Build
		if r.spend {
			build = search.Spend // a build indexes once; the preview again after each edit
		}
		var err error
		indexes[k], err = build(r.analyzers[lang], entries, syn)
		return err
	})
	if err != nil {
		return err
	}
	for k, lang := range langs {
		dir := r.searchDir(lang)
		for name, data := range indexes[k] {
			files[dir+name] = data
		}
	}
	if r.spend {
		clear(r.entries) // spent: their cards are in the index's files now
	}
	return nil
}

// searchDir is the output folder of a language's search index, such as
// es/search/index/.
func (r *Renderer) searchDir(lang string) string {
	return strings.TrimPrefix(r.p.Site.Config.Prefix(lang)+content.SearchURL+searchIndexDir, "/")
}
