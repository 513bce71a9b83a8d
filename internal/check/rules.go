package check

import (
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Severities, short, for the catalogue.
var (
	errorOnly   = []finding.Severity{finding.Error}
	warningOnly = []finding.Severity{finding.Warning}
	errorFirst  = []finding.Severity{finding.Error, finding.Warning}
	warnFirst   = []finding.Severity{finding.Warning, finding.Error}
)

// catalogue is every rule, one value each: the single source for
// silencing, SARIF's rule descriptions and the README's rule tables (a
// test keeps them equal). Catalogue returns it.
var catalogue = []finding.Rule{
	{ID: "review.missing", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a clinical page with no clinician's sign-off",
		Description: "a clinical page with no review, or a review block without reviewer, date or fingerprint"},
	{ID: "review.changed", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a clinical page whose text changed after it was signed off",
		Description: "what readers get changed after it was signed off: the text, or a file the page shows or links"},
	{ID: "review.language", Severities: errorOnly, Gate: true, Help: "#languages-and-translations",
		Summary:     "a page in a language pamphlet has no claim word lists for, with no clinician's sign-off",
		Description: "a page outside the clinical sections in a language the claim detector has no word lists for (every language but English and Spanish) that no clinician who reads the language has signed off: pamphlet cannot tell a clinical claim from service news there, so the gate fails closed"},
	{ID: "review.opt-out", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a page of a clinical section that says it is not clinical",
		Description: "`clinical: false` on a page of a clinical section, which only `clinical_exceptions` in pamphlet.yaml can say"},
	{ID: "review.translation-stale", Severities: errorFirst, Gate: true, Help: "#languages-and-translations",
		Summary:     "a translation whose source was signed off again with other text",
		Description: "the page a translation translates was signed off again with other text after the translation was signed (a warning when `review.translations: warning`); `review diff` shows what changed in the source"},
	{ID: "review.overdue", Severities: errorFirst, Gate: true, Help: "#the-review-gate",
		Summary:     "a clinical page past its next-review date",
		Description: "the next-review date has passed (a warning when `review.overdue: warning`)"},
	{ID: "review.due-soon", Severities: warningOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a clinical page whose next review is close",
		Description: "the next review is due within `review.warn_before`"},
	{ID: "review.reviewer", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a sign-off by someone who is not a registered clinical reviewer",
		Description: "the reviewer is unknown, or not a clinical reviewer"},
	{ID: "review.date", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a sign-off dated in the future, or a next review before the review",
		Description: "a review dated in the future, or a next review before the review"},
	{ID: "review.signature", Severities: errorOnly, Gate: true, Help: "#the-review-gate",
		Summary:     "a sign-off whose SSH signature is missing or does not verify",
		Description: "a required signature is missing, does not verify, or was made with a key not registered for the reviewer; an approval (`approval:`) without an attestor's signature over exactly this page, fingerprint, reviewer, dates and approval"},

	{ID: "frontmatter.syntax", Severities: errorOnly, Help: "#front-matter",
		Summary:     "front matter that cannot be read",
		Description: "front matter that cannot be read, or is never closed"},
	{ID: "frontmatter.unknown", Severities: errorOnly, Help: "#front-matter",
		Summary:     "a front matter key pamphlet does not know",
		Description: "a key pamphlet does not know (a typo must not slip past)"},
	{ID: "frontmatter.type", Severities: errorOnly, Help: "#front-matter",
		Summary:     "a front matter value of the wrong kind",
		Description: "a value of the wrong kind, such as `tags: flu` for a list"},
	{ID: "frontmatter.date", Severities: errorOnly, Help: "#front-matter",
		Summary:     "a front matter date that is not a date",
		Description: "a date that does not exist, or a time without a zone"},
	{ID: "frontmatter.value", Severities: errorOnly, Help: "#front-matter",
		Summary:     "a front matter value that is not allowed",
		Description: "a value outside its allowed set, or inconsistent dates"},
	{ID: "frontmatter.duplicate", Severities: errorOnly, Help: "#front-matter",
		Summary:     "a front matter key given twice",
		Description: "a key given twice"},
	{ID: "content.encoding", Severities: errorOnly, Help: "#pamphlet-check",
		Summary:     "a page that is not UTF-8 text",
		Description: "a file that is not UTF-8"},
	{ID: "content.url", Severities: errorOnly, Help: "#addresses",
		Summary:     "two pages at the same address",
		Description: "two pages with one address; a page at an address pamphlet builds itself (the trust page, the accessibility statement, `/faq/` outside `content/faq/_index.md`, `/tags/…`, `/audiences/…`)"},
	{ID: "content.alias", Severities: errorOnly, Help: "#addresses-that-last",
		Summary:     "an alias that is not an address of the site, or that takes another's address",
		Description: "an entry of `aliases:` that does not start with `/`, names a host, has a query string or `#fragment`, holds `.` or `..` parts, spaces or two slashes in a row, or ends in a file that is not `.html`; or one that is a page's address, another alias, or an address pamphlet builds itself (the trust page, the accessibility statement, the 404 page, `/tags/…`, `/audiences/…`, `/search/…`) or a file of `content/` or `assets/` has"},
	{ID: "content.language", Severities: errorOnly, Help: "#languages-and-translations",
		Summary:     "a page named for a language the site does not have, or for its default language",
		Description: "a page file `NAME.LANG.md` whose `LANG` is not one of `languages:` in pamphlet.yaml (with a did-you-mean), or is the default language, whose pages have no suffix"},
	{ID: "content.translation", Severities: errorOnly, Help: "#languages-and-translations",
		Summary:     "a translation of a page that does not exist",
		Description: "a translation `NAME.LANG.md` with no `NAME.md` beside it: the page in the default language comes first"},
	{ID: "content.section-title", Severities: warningOnly, Scope: finding.SiteScope, Help: "#languages-and-translations",
		Summary:     "a section's list page in a language other than the default with no _index.LANG.md to title it",
		Description: "a folder with pages in a language other than the default but no `_index.LANG.md` (such as `content/news/_index.es.md`) to give its list page a title: the page is titled after the folder's name (\"News\" on `/es/news/`), in no language of the page's own; said at the folder's first page in the language"},
	{ID: "layout.word", Severities: errorOnly, Scope: finding.SiteScope, Help: "#languages-and-translations",
		Summary:     "a word of the theme that one of the site's languages has no text for",
		Description: "a word of the theme's English (`layouts/words/en.yaml`) that a language of the site has no text for: no `layouts/words/LANG.yaml` in the site or the theme, or one without the word; a word that is empty or not text, or has a `{placeholder}` its English word does not have; a words file that is not YAML. Its pages would show the English word"},
	{ID: "content.stray", Severities: warningOnly, Help: "#guarantees",
		Summary:     "a file under content/ that is never published (a backup, a merge leftover, a symlink, or a file with front matter that is not a .md page), or a symlink in layouts/ or assets/",
		Description: "a file under `content/` that is never published: an editor's backup or a merge leftover (`*.orig`, `*.rej`, `*.bak`, `*~`, `#*#`, `.#*`, `*.swp`), a symlink (not followed), or a file with front matter that is not a `.md` page; a symlink in `layouts/` or `assets/`, which is not used"},
	{ID: "content.shadowed", Severities: warningOnly, Scope: finding.SiteScope, Help: "#guarantees",
		Summary:     "a file under content/ at an address a page or calendar file takes",
		Description: "a file under `content/` at the address of a page or an event's calendar file, which wins (reported by `build` and `serve`, which plan the pages)"},
	{ID: "content.tag", Severities: errorFirst, Scope: finding.SiteScope, Help: "#guarantees",
		Summary:     "a tag with no letters or digits for an address, or written unlike another tag with the same address",
		Description: "a tag with no letters or digits to make its topic page's address from, such as `..` or `---` (error); a tag written unlike an earlier one with the same address, such as `heart-health` and `Heart health` (warning)"},
	{ID: "content.scheduled", Severities: []finding.Severity{finding.Suggestion}, Help: "#scheduled-pages",
		Summary:     "a page whose date is after the build date, left out of the site until then",
		Description: "a page whose `date` is after the build date: checked now, and published by the first build on or after its date; the finding says when"},
	{ID: "content.depth", Severities: errorOnly, Help: "#guarantees",
		Summary:     "block quotes or lists nested over 100 levels, or over 1,000 link definitions in a row: more than any page needs, and not parsed",
		Description: "block quotes and lists nested over 100 levels, or over 1,000 link definitions in a row: the body is not parsed at all (see [Guarantees](#guarantees))"},
	{ID: "content.raw-html", Severities: warningOnly, Help: "#markdown",
		Summary:     "HTML in a page's Markdown, which is dropped from the page",
		Description: "HTML written in the Markdown, such as `<details>` or `<br>`: pamphlet drops it from the page for safety, so readers never see it (comments and closing tags are passed over)"},
	{ID: "faq.questions", Severities: warnFirst, Help: "#questions-and-answers",
		Summary:     "a page in content/faq/ with no questions, or a patient story with some",
		Description: "a page in `content/faq/` with no `faq:` questions (warning); a patient story with questions (error: one person's experience is not a health answer)"},
	{ID: "trust.statement", Severities: warningOnly, Scope: finding.ConfigScope, Help: "#search-engines-feeds-and-the-trust-page",
		Summary:     "a pamphlet.yaml without a trust statement, or with parts of it missing",
		Description: "pamphlet.yaml has no trust statement, or leaves out some of its parts"},
	{ID: "alert.time", Severities: errorOnly, Help: "#alerts-events-news-and-stories",
		Summary:     "an alert without ends, which would stay on every page",
		Description: "an alert without `ends`, which would stay on every page for good"},
	{ID: "event.details", Severities: errorFirst, Help: "#alerts-events-news-and-stories",
		Summary:     "an event without starts (error) or without a location (warning)",
		Description: "an event without `starts` (error) or without a `location` (warning)"},
	{ID: "sources.story", Severities: errorOnly, Scope: finding.SiteScope, Help: "#patient-stories-and-privacy",
		Summary:     "a source that is one of the site's patient stories",
		Description: "a `sources` entry that is one of the site's own patient stories: one person's experience is not evidence"},
	{ID: "claims.unreviewed", Severities: errorOnly, Gate: true, Help: "#clinical-claims",
		Summary:     "a clinical claim on a page no clinician has signed off",
		Description: "a clinical claim on a page no clinician has signed off (see [Content checks](#content-checks))"},
	{ID: "claims.prohibited", Severities: errorOnly, Gate: true, Help: "#clinical-claims",
		Summary:     "a promise no honest health page makes, such as miracle, guaranteed or 100% safe",
		Description: "miracle, guaranteed, 100% safe, no side effects, detox and the like, outside a `[!MYTH]` callout"},
	{ID: "claims.unsourced", Severities: errorOnly, Gate: true, Help: "#clinical-claims",
		Summary:     "a health statistic with no citation in its paragraph",
		Description: "a health statistic with no link or footnote in its paragraph, list item or table row"},
	{ID: "privacy.consent", Severities: errorFirst, Gate: true, Help: "#patient-stories-and-privacy",
		Summary:     "a patient story without a valid, unexpired consent record",
		Description: "a story without a valid consent record; a warning when it expires within `review.warn_before`"},
	{ID: "privacy.identifier", Severities: errorOnly, Gate: true, Help: "#patient-stories-and-privacy",
		Summary:     "an e-mail address, phone number, record number, date of birth or street address that could identify someone",
		Description: "an e-mail address, phone number, record number, social security or national insurance number, date of birth or street address"},
	{ID: "plain.word", Severities: []finding.Severity{finding.Suggestion}, Silence: true, Help: "#plain-language",
		Summary:     "a medical or bureaucratic word with an everyday alternative",
		Description: "a medical or bureaucratic word with an everyday one"},
	{ID: "readability.grade", Severities: []finding.Severity{finding.Warning, finding.Error, finding.Suggestion}, Help: "#readability",
		Summary:     "a page harder to read than its target (warning) or its limit (error)",
		Description: "a reading grade above the page's target (warning) or maximum (error); for a Spanish page, a reading ease below its target (warning) or minimum (error); a suggestion on pages only for clinicians; pages under 100 words are not held to a target"},
	{ID: "a11y.alt", Severities: errorFirst, Silence: true, Help: "#accessible-content",
		Summary:     "an image without useful alt text",
		Description: "an image with no alt text or a file name for it, or a sharing image (`image:`) with no `alt`; alt text that only says \"image\""},
	{ID: "a11y.h1", Severities: errorOnly, Silence: true, Help: "#accessible-content",
		Summary:     "a first-level heading in the text; the title is the page's one H1",
		Description: "a `#` heading in the text: the title is the page's one H1"},
	{ID: "a11y.heading-order", Severities: warningOnly, Silence: true, Help: "#accessible-content",
		Summary:     "a heading that skips a level",
		Description: "a heading that skips a level"},
	{ID: "a11y.link-text", Severities: warningOnly, Silence: true, Help: "#accessible-content",
		Summary:     "link text that says nothing out of context, or a bare web address",
		Description: "\"click here\", \"read more\" and other link text that says nothing alone; a bare web address as link text"},
	{ID: "a11y.table-header", Severities: errorOnly, Silence: true, Help: "#accessible-content",
		Summary:     "a table without a header row, or a column without a heading",
		Description: "a table whose header row is empty, or has a column without a heading"},
	{ID: "seo.title", Severities: errorFirst, Silence: true, Help: "#search-engines-feeds-and-the-trust-page",
		Summary:     "a missing or over-long title",
		Description: "no title; a title under 3 characters, or a `<title>` over 70"},
	{ID: "seo.description", Severities: errorFirst, Silence: true, Help: "#search-engines-feeds-and-the-trust-page",
		Summary:     "a missing, short or over-long description",
		Description: "no description; one under 50 or over 160 characters"},
	{ID: "seo.duplicate-title", Severities: warningOnly, Scope: finding.SiteScope, Silence: true, Help: "#search-engines-feeds-and-the-trust-page",
		Summary:     "two pages with the same title",
		Description: "two published pages with the same title"},
	{ID: "links.broken", Severities: errorOnly, Scope: finding.SiteScope, Silence: true, Help: "#addresses",
		Summary:     "an internal link, image or #anchor that leads nowhere",
		Description: "an internal link, image or `#anchor` that leads nowhere, or to a draft; a sharing image (`image:`) that is not a file of the site"},
	{ID: "links.gone", Severities: errorFirst, Scope: finding.SiteScope, Help: "#addresses-that-last",
		Summary:     "an address published at an earlier Git revision that nothing serves now",
		Description: "with `check -since REV`: an address the site published at Git revision `REV` (a page, an alias, a file of `content/` or `assets/`, a feed or calendar file) that nothing serves now; the finding names the page that replaced it when Git shows one (the same file, or the file it was renamed to) and the `aliases:` line to add there (a warning when `links.gone: warning`)"},
	{ID: "images.size", Severities: errorFirst, Help: "#images",
		Summary:     "an image file a page shows that cannot be read or decoded",
		Description: "an image file a page shows that cannot be read or decoded (error), or of a format whose size pamphlet cannot read, such as `.avif` (warning); a sharing image in SVG, which cards do not show (warning). `check` reads images' headers; `build` and `serve` also decode the large ones to make their copies"},
	{ID: "ignore", Severities: errorOnly, Help: "#silencing-a-finding",
		Summary:     "a pamphlet-ignore comment that cannot be used",
		Description: "a `pamphlet-ignore` comment without a reason, naming a gated or unknown rule, or not on its own line"},
	{ID: "ignore.unused", Severities: warningOnly, Help: "#silencing-a-finding",
		Summary:     "a pamphlet-ignore comment that silences nothing",
		Description: "a `pamphlet-ignore` comment that silences nothing"},
	{ID: "config.syntax", Severities: errorOnly, Scope: finding.ConfigScope, Help: "#pamphletyaml",
		Summary:     "a pamphlet.yaml that cannot be read",
		Description: "a pamphlet.yaml that cannot be read"},
	{ID: "config.unknown", Severities: errorOnly, Scope: finding.ConfigScope, Help: "#pamphletyaml",
		Summary:     "a pamphlet.yaml key pamphlet does not know",
		Description: "a key pamphlet does not know"},
	{ID: "config.type", Severities: errorOnly, Scope: finding.ConfigScope, Help: "#pamphletyaml",
		Summary:     "a pamphlet.yaml value of the wrong kind",
		Description: "a value of the wrong kind"},
	{ID: "config.value", Severities: errorOnly, Scope: finding.ConfigScope, Help: "#pamphletyaml",
		Summary:     "a pamphlet.yaml value that is not allowed",
		Description: "a value that is not allowed, an address that is not a web address, or a `social.image` or `organization.logo` site path that is not a file of the site"},
	{ID: "config.duplicate", Severities: errorOnly, Scope: finding.ConfigScope, Help: "#pamphletyaml",
		Summary:     "a pamphlet.yaml key given twice",
		Description: "a key given twice"},
	{ID: "config.language", Severities: warningOnly, Scope: finding.ConfigScope, Help: "#languages-and-translations",
		Summary:     "a site language some checks cannot read: no readability formula or no plain-language list",
		Description: "a language of the site that pamphlet has no readability formula for (its pages get no reading score) or no plain-language word list for, said once at `languages:`"},
}

// Catalogue returns every rule, in the order of the documentation.
func Catalogue() []finding.Rule { return slices.Clone(catalogue) }

// RuleByID returns the rule with the ID.
func RuleByID(id string) (finding.Rule, bool) {
	i := slices.IndexFunc(catalogue, func(r finding.Rule) bool { return r.ID == id })
	if i < 0 {
		return finding.Rule{}, false
	}
	return catalogue[i], true
}

// silenceable returns the rules of a family that a pamphlet-ignore
// comment may silence, and whether the family has any.
func silenceable(family string) []string {
	var out []string
	for _, r := range catalogue {
		if r.Silence && r.Family() == family {
			out = append(out, r.ID)
		}
	}
	return out
}

// gated reports whether a family is part of the review gate.
func gated(family string) bool {
	return slices.ContainsFunc(catalogue, func(r finding.Rule) bool { return r.Gate && r.Family() == family })
}

// RuleTable writes the README's table of the rules whose IDs begin with
// one of the prefixes ("" for all the others), one row a rule.
func RuleTable(prefixes ...string) string {
	var b strings.Builder
	b.WriteString("| rule | severity | what it catches |\n|---|---|---|\n")
	for _, r := range catalogue {
		if !matches(r.ID, prefixes) {
			continue
		}
		b.WriteString("| `" + r.ID + "` | " + r.SeverityText() + " | " + r.Description + " |\n")
	}
	return b.String()
}

// matches reports whether an ID begins with one of the prefixes; an
// empty prefix matches every ID that no other prefix of the catalogue's
// tables takes.
func matches(id string, prefixes []string) bool {
	for _, p := range prefixes {
		if p == "" && !strings.HasPrefix(id, "review.") || p != "" && strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}
