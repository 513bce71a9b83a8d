package build

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/seo"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// shadowed returns a content.shadowed warning for each file of content/
// that is not published because a page, list or calendar file the build
// makes takes its path.
func (r *Renderer) shadowed() []finding.Finding {
	taken := map[string]string{}
	for _, j := range r.jobs {
		taken[j.out] = "the page " + j.view.URL
	}
	for i := range r.p.Pages {
		pg := &r.p.Pages[i]
		if v := r.views[pg.Page]; v != nil && v.Event != nil && v.Event.Calendar != "" {
			taken[view.CalendarFile(pg.Page)] = "the calendar file of " + pg.File
		}
	}
	var out []finding.Finding
	for url, src := range r.p.Site.Static {
		what, ok := taken[strings.TrimPrefix(url, "/")]
		if !ok || !strings.HasPrefix(src, content.ContentDir+"/") {
			continue
		}
		out = append(out, finding.Finding{
			Position: finding.Position{File: src}, Rule: "content.shadowed", Severity: finding.Warning,
			Message: fmt.Sprintf("this file is not published: %s takes its address %s; rename or move the file", what, url),
		})
	}
	return finding.Sort(out)
}

// extras adds to the output the files made from the views: each event's
// calendar file, the search indexes, the sitemap, robots.txt and the
// feed, the _redirects file, and the marker, each winning over the files
// before it. indexes waits for the search indexes that startIndexes
// began; when nil, they are made here, beside the other files.
func (r *Renderer) extras(files map[string][]byte, indexes func() (map[string][]byte, error)) error {
	if indexes == nil {
		indexes = r.startIndexes()
	}
	maps.Copy(files, r.p.calendars(r.views))
	generated := map[string][]byte{}
	err := r.p.searchFiles(generated, r.jobs, r.views, r.absURL, r.min, r.words)
	index, indexErr := indexes()
	if indexErr != nil {
		return indexErr
	}
	if err != nil {
		return err
	}
	maps.Copy(files, index)
	maps.Copy(files, generated)
	if data := r.redirects(files[RedirectsFile]); data != nil {
		files[RedirectsFile] = data
	}
	files[Marker] = []byte{}
	return nil
}

// searchFiles adds the sitemap, robots.txt and the feed to the output,
// minified, except where the site has its own file of that name.
func (p *Project) searchFiles(files map[string][]byte, jobs []job, views map[*content.Page]*layout.Page, absURL func(string) string, min *minifier, words map[string]*layout.Words) error {
	own := map[*layout.Page]time.Time{}
	for _, j := range jobs {
		switch {
		case j.page != nil && j.page.File != "":
			own[j.view] = view.LastChanged(j.page)
		case j.page == nil || j.page.File == "":
			// A page pamphlet makes from pamphlet.yaml, such as the trust
			// page, changed when pamphlet.yaml says (zero: not known).
			own[j.view] = j.view.Updated
		}
	}
	sitemaps, err := p.sitemap(jobs, own)
	if err != nil {
		return err
	}
	generated := map[string][]byte{}
	for name, data := range sitemaps {
		generated[name] = data
	}
	generated[RobotsFile] = seo.Robots(absURL("/" + SitemapFile))
	for _, lang := range p.Site.Config.Langs() {
		if p.hasFeed(lang) {
			if generated[strings.TrimPrefix(p.feedPath(lang), "/")], err = p.feed(views, absURL, lang, words[lang]); err != nil {
				return err
			}
		}
	}
	for name, data := range generated {
		if p.siteOwns(name) {
			continue
		}
		if files[name], err = min.bytes(name, data); err != nil {
			return err
		}
	}
	return nil
}
