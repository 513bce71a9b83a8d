package build

import (
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// RedirectsFile is the file of redirects that hosts such as Netlify and
// Cloudflare Pages read: one line for each alias, "FROM TO 301".
const RedirectsFile = "_redirects"

// redirectJobs adds a redirect page for each alias of a published page:
// a page of the page's language that search engines leave out, whose
// canonical address is the page's and which leads there at once, and
// says so with a link for readers whose browsers do not follow.
func (r *Renderer) redirectJobs(jobs []job, views map[*content.Page]*layout.Page, sites map[string]*layout.Site) []job {
	tmpl := r.set.Lookup("redirect.html")
	for _, a := range r.p.Site.Aliases {
		to := views[a.Page]
		if to == nil || !a.Page.Published() {
			continue // a draft, withheld or scheduled page: not published, and neither are its aliases
		}
		v := &layout.Page{Kind: "redirect", Title: to.Title, Description: to.Description, URL: to.URL, Permalink: to.Permalink, NoIndex: true}
		jobs = append(jobs, job{out: a.Out, template: tmpl, view: v, site: sites[a.Page.Lang]})
	}
	return jobs
}

// redirects returns the _redirects file: the site's own lines, if it has
// such a file, then one line for each alias of a published page, sorted
// by the old address, both addresses with the site's base path and
// letters outside ASCII percent-encoded. It returns nil when there is
// neither.
func (r *Renderer) redirects(own []byte) []byte {
	var b strings.Builder
	b.Write(own)
	if len(own) > 0 && own[len(own)-1] != '\n' {
		b.WriteByte('\n')
	}
	for _, a := range r.p.Site.Aliases {
		if v := r.views[a.Page]; v != nil && a.Page.Published() {
			fmt.Fprintf(&b, "%s %s 301\n", content.EscapePath(r.relURL(a.Path)), content.EscapePath(v.URL))
		}
	}
	if b.Len() == 0 {
		return nil
	}
	return []byte(b.String())
}

// assetAliases reports content.alias errors for aliases whose redirect
// page would take the place of an asset of the site or the theme.
func assetAliases(site *content.Site) []finding.Finding {
	var out []finding.Finding
	for _, a := range site.Aliases {
		if src := site.Static["/"+a.Out]; strings.HasPrefix(src, "assets/") {
			out = append(out, finding.Finding{Position: a.Pos, Rule: "content.alias", Severity: finding.Error,
				Message: fmt.Sprintf("the alias %s is already the address of the asset %s; an address leads to one thing", a.Path, src)})
		}
	}
	return out
}
