package layout

import "unicode/utf8"

// MaxTitle is the longest <title>, in characters, that search results
// show whole.
const MaxTitle = 70

// TitleSeparator stands between a page's title and the site's name in
// the <title> of a page.
const TitleSeparator = " | "

// DocumentTitle is the <title> the built-in baseof.html gives a page: the
// site's name on the home page; elsewhere the page's title and the site's
// name, "Flu vaccine | Riverside Community Health", when the two fit in
// MaxTitle characters, and the page's title alone when they do not, so
// that search results do not cut the page's own words short for the
// site's name (which they show beside the page anyway).
func DocumentTitle(home bool, page, site string) string {
	if home || page == "" {
		return site
	}
	if whole := page + TitleSeparator + site; site != "" && utf8.RuneCountInString(whole) <= MaxTitle {
		return whole
	}
	return page
}

// HeadTitle is the page's <title>: see DocumentTitle.
func (d Data) HeadTitle() string {
	return DocumentTitle(d.Page.Kind == "home", d.Page.Title, d.Site.Title)
}
