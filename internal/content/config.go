package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// ConfigFile is the name of the site configuration file.
const ConfigFile = "pamphlet.yaml"

// Config is a site's pamphlet.yaml. Every key has a default (see
// DefaultConfig); any key not listed here is a finding.
type Config struct {
	Title       string `key:"title"`
	Description string `key:"description"`
	BaseURL     string `key:"base_url"`
	Language    string `key:"language"`
	// Languages are the site's languages, the default first: its pages
	// have no prefix, and a translation NAME.LANG.md of NAME.md is
	// published under /LANG/. Empty means Language alone.
	Languages        []string     `key:"languages"`
	Organization     Organization `key:"organization"`
	ClinicalSections []string     `key:"clinical_sections"`
	// ClinicalExceptions are the pages of clinical sections that are not
	// clinical, as paths under content/ (path.Match patterns allowed,
	// such as articles/about-*.md). Only pamphlet.yaml can make such a
	// page non-clinical; a page's own clinical: false cannot.
	ClinicalExceptions []string            `key:"clinical_exceptions"`
	Reviewers          map[string]Reviewer `key:"reviewers"`
	// Attestors are the keys CI signs approvals made in pull requests
	// with (see pamphlet review approve), by id.
	Attestors   map[string]Attestor `key:"attestors"`
	Review      ReviewPolicy        `key:"review"`
	Readability ReadabilityPolicy   `key:"readability"`
	Trust       Trust               `key:"trust"`
	// Accessibility is the accessibility statement, published at
	// AccessibilityURL; nil when pamphlet.yaml has none, and then no
	// page is built.
	Accessibility *Accessibility      `key:"accessibility"`
	PlainLanguage PlainLanguage       `key:"plain_language"`
	Claims        map[string]ListEdit `key:"claims"`
	Menu          []MenuItem          `key:"menu"`
	Social        Social              `key:"social"`
	MediaContact  MediaContact        `key:"media_contact"`
	ThemeColor    string              `key:"theme_color"`
	Build         BuildOptions        `key:"build"`
	Search        SearchOptions       `key:"search"`
	Links         LinksPolicy         `key:"links"`

	// TimeZone is the IANA name of the site's time zone, such as
	// America/New_York: pamphlet new writes the times of new events and
	// alerts in it (empty: the zone of the computer it runs on), and the
	// day of an approval in a pull request is its day there (empty: UTC).
	TimeZone string `key:"time_zone"`

	// ClaimsLanguages edits the claim lists of languages other than
	// English (whose lists Claims edits), by language tag and then list:
	// claims_languages.es.conditions.add.
	ClaimsLanguages map[string]map[string]ListEdit `key:"claims_languages"`

	// Keys records where each key was written, by dotted path, so that
	// later checks can point at the configuration line they concern.
	Keys map[string]finding.Position `key:"-"`
}

// Organization is who publishes the site.
type Organization struct {
	Type            string  `key:"type"` // its schema.org type; see OrganizationTypes
	Name            string  `key:"name"`
	URL             string  `key:"url"`  // an http(s) address or a site path such as /about/
	Logo            string  `key:"logo"` // a site path (made to start with /) or an absolute URL
	Phone           string  `key:"phone"`
	Email           string  `key:"email"`
	Address         Address `key:"address"`
	EmergencyNumber string  `key:"emergency_number"`
	// Currency is the ISO 4217 code of the money its events cost, such as
	// USD or GBP: search engines need one for a free event's price of 0.
	Currency string `key:"currency"`
}

// DefaultCurrency is organization.currency when pamphlet.yaml gives none,
// the currency "$" is read as in an event's cost.
const DefaultCurrency = "USD"

// OrganizationTypes lists the schema.org types organization.type accepts.
var OrganizationTypes = []string{"Organization", "MedicalOrganization", "MedicalClinic", "Hospital", "Physician", "Pharmacy", "GovernmentOrganization", "NGO"}

// Social is how the site looks when a page is shared: the image that Open
// Graph and Twitter cards show, its text alternative, and the site's
// account on X (Twitter).
type Social struct {
	Image    string `key:"image"`     // a site path such as /images/share.png, or an absolute URL
	ImageAlt string `key:"image_alt"` // default: the site's title
	Twitter  string `key:"twitter"`   // such as @RiversideHealth
}

// MediaContact is who journalists should call about the site's news,
// shown at the end of every news page.
type MediaContact struct {
	Name  string `key:"name"` // a person or an office, such as "Press office"
	Email string `key:"email"`
	Phone string `key:"phone"`
}

// Reviewer is an entry of the reviewer registry.
type Reviewer struct {
	Name        string   `key:"name"`
	Credentials string   `key:"credentials"`
	Role        string   `key:"role"`
	Clinical    bool     `key:"clinical"`
	Keys        []string `key:"keys"`
	// Languages are the languages the reviewer reads, to sign off
	// translations in; empty means the site's default language.
	Languages []string `key:"languages"`
	// GitHub is the reviewer's GitHub login: their approval of a pull
	// request signs it off (see pamphlet review approve).
	GitHub string `key:"github"`
}

// Attestor is a key holder that vouches for approvals given in pull
// requests: a CI job holding the private key as a secret.
type Attestor struct {
	Name string   `key:"name"`
	Keys []string `key:"keys"` // SSH public keys, as reviewers' keys are written
}

// ReviewerByLogin returns the id of the reviewer whose github: login is
// login (GitHub logins are not case-sensitive), and false when none is.
func (c *Config) ReviewerByLogin(login string) (string, bool) {
	for _, id := range slices.Sorted(maps.Keys(c.Reviewers)) {
		if g := c.Reviewers[id].GitHub; g != "" && strings.EqualFold(g, login) {
			return id, true
		}
	}
	return "", false
}

// MenuItem is a link in the site's main navigation.
type MenuItem struct {
	Name string `key:"name"`
	URL  string `key:"url"` // a site path such as /articles/, or an http(s) address
}

// BuildOptions are switches for the build.
type BuildOptions struct {
	Minify *bool `key:"minify"`
	Feeds  *bool `key:"feeds"`
	Search *bool `key:"search"`
}

// LinksPolicy says how addresses that lead nowhere are reported.
type LinksPolicy struct {
	// Gone is how `check -since` reports an address published then that
	// nothing serves now (links.gone): "error" or "warning".
	Gone string `key:"gone"`
}

// SearchOptions tune the site's search.
type SearchOptions struct {
	// Synonyms are words readers search by, each with the words pages
	// use for the same thing: "water tablets": [diuretics]. A search for
	// any of them finds pages with another, both ways, as the
	// plain-language list's words do.
	Synonyms map[string][]string `key:"synonyms"`
}

// DefaultConfig returns the configuration a site gets for every key it
// does not set.
func DefaultConfig() *Config {
	return &Config{
		Language:         "en",
		ClinicalSections: []string{"articles", "faq"},
		Reviewers:        map[string]Reviewer{},
		Review: ReviewPolicy{
			Interval:     Period{12, "mo"},
			WarnBefore:   Period{30, "d"},
			Overdue:      "error",
			Translations: "error",
		},
		Readability:  ReadabilityPolicy{Formula: "smog", Target: 8, Max: 10},
		Trust:        Trust{Disclaimer: DefaultDisclaimer},
		Social:       Social{Image: DefaultImage},
		Organization: Organization{Currency: DefaultCurrency},
		ThemeColor:   DefaultThemeColor,
		Links:        LinksPolicy{Gone: "error"},
		Keys:         map[string]finding.Position{},
	}
}

// Defaults of pamphlet.yaml keys that the built site shows.
const (
	DefaultDisclaimer = "This information complements the care you get from your own health professionals; it does not replace it."
	DefaultImage      = "/images/share.png" // in the built-in theme's assets
	DefaultThemeColor = "#0b4f8a"           // the built-in theme's link colour
)

var (
	colorPattern    = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	twitterPattern  = regexp.MustCompile(`^@[A-Za-z0-9_]{1,15}$`)
	currencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
)

// loginPattern is a GitHub login: letters, digits and single hyphens
// between them, at most 39 characters.
var loginPattern = regexp.MustCompile(`^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$`)

var languagePattern = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// LoadConfig reads pamphlet.yaml from the site folder fsys. Problems in the
// file are findings (rule "config.*") at the line that has them; the error is
// for a file that is missing or cannot be read.
func LoadConfig(fsys fs.FS) (*Config, []finding.Finding, error) {
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("no %s: %w", ConfigFile, err)
	}
	if err != nil {
		return nil, nil, err
	}
	return ParseConfig(src)
}

// ParseConfig reads the text of a pamphlet.yaml.
func ParseConfig(src []byte) (*Config, []finding.Finding, error) {
	cfg := DefaultConfig()
	tree, err := parseYAML(src, 1)
	if err != nil {
		var se *syntaxError
		if errors.As(err, &se) {
			// YAML places an error at the end of a file that does not end
			// with a newline on the line after its last.
			last := bytes.Count(src, []byte("\n")) + 1
			return nil, []finding.Finding{{
				Position: finding.Position{File: ConfigFile, Line: min(max(se.line, 1), last), Col: max(se.col, 1)},
				Rule:     "config.syntax", Severity: finding.Error, Message: se.msg,
			}}, nil
		}
		return nil, nil, err
	}
	d := newDecoder(ConfigFile, "config")
	if tree.kind != mapNode && tree.kind != nullNode {
		d.report(tree, "type", "%s must be a set of keys, such as title: My clinic", ConfigFile)
	} else {
		d.decode(tree, reflectValue(cfg), "")
	}
	cfg.Keys = d.keys
	found := append(d.found, cfg.validate()...)
	return cfg, finding.Sort(found), nil
}

func (c *Config) validate() []finding.Finding {
	var out []finding.Finding
	bad := func(key, format string, args ...any) {
		pos, ok := c.Keys[key]
		if !ok {
			pos = finding.Position{File: ConfigFile, Line: 1, Col: 1}
		}
		out = append(out, finding.Finding{Position: pos, Rule: "config.value", Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "the site needs a title, such as title: Riverside Community Health")
	}
	if c.BaseURL == "" {
		bad("base_url", "the site needs a base_url, the address it is published at, such as https://health.example.org/")
	} else if err := c.SetBaseURL(c.BaseURL); err != nil {
		bad("base_url", "%v", err)
	}
	if c.TimeZone != "" {
		if _, err := zone(c.TimeZone); err != nil {
			bad("time_zone", "time_zone %q is not a time zone; write its IANA name, such as America/New_York or Europe/London", c.TimeZone)
		}
	}
	if !languagePattern.MatchString(c.Language) {
		bad("language", "language %q must be a language tag such as en or en-GB", c.Language)
	}
	seen := map[string]bool{}
	for i, l := range c.Languages {
		key := fmt.Sprintf("languages.%d", i)
		switch {
		case !languagePattern.MatchString(l):
			bad(key, "language %q must be a language tag such as en or es", l)
		case seen[l]:
			bad(key, "language %q is listed twice", l)
		}
		seen[l] = true
	}
	if _, set := c.Keys["language"]; set && len(c.Languages) > 0 && c.Language != c.Languages[0] {
		bad("language", "language is %q but languages starts with %q; the first of languages is the default, so leave language out", c.Language, c.Languages[0])
	} else if len(c.Languages) > 0 {
		c.Language = c.Languages[0]
	}
	for _, w := range slices.Sorted(maps.Keys(c.Search.Synonyms)) {
		key := "search.synonyms." + w
		if !hasLetter(w) {
			bad(key, "search.synonyms: %q has no word to search by", w)
		}
		if len(c.Search.Synonyms[w]) == 0 {
			bad(key, "search.synonyms.%s lists no words; give the words pages use for it, such as [diuretics]", w)
		}
		for i, o := range c.Search.Synonyms[w] {
			if !hasLetter(o) {
				bad(fmt.Sprintf("%s.%d", key, i), "search.synonyms.%s: %q has no word", w, o)
			}
		}
	}
	for _, l := range slices.Sorted(maps.Keys(c.Trust.Translations)) {
		if !slices.Contains(c.Langs(), l) || l == c.Language {
			bad("trust.translations."+l, "trust.translations has %q, which is not one of the site's other languages (%s)", l, strings.Join(c.Langs()[1:], ", "))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Reviewers)) {
		for i, l := range c.Reviewers[id].Languages {
			if !slices.Contains(c.Langs(), l) {
				bad(fmt.Sprintf("reviewers.%s.languages.%d", id, i), "reviewer %s reads %q, which is not one of the site's languages (%s)", id, l, strings.Join(c.Langs(), ", "))
			}
		}
	}
	if c.Review.Translations != "error" && c.Review.Translations != "warning" {
		bad("review.translations", "review.translations must be error or warning, not %q", c.Review.Translations)
	}
	if c.Links.Gone != "error" && c.Links.Gone != "warning" {
		bad("links.gone", "links.gone must be error or warning, not %q", c.Links.Gone)
	}
	if c.Review.Overdue != "error" && c.Review.Overdue != "warning" {
		bad("review.overdue", "review.overdue must be error or warning, not %q", c.Review.Overdue)
	}
	if c.Readability.Formula != "smog" && c.Readability.Formula != "fkgl" {
		bad("readability.formula", "readability.formula must be smog or fkgl, not %q", c.Readability.Formula)
	}
	if c.Readability.Target <= 0 || c.Readability.Max < c.Readability.Target {
		bad("readability", "readability.target must be above zero and no higher than readability.max")
	}
	for _, a := range slices.Sorted(maps.Keys(c.Readability.Audiences)) {
		g := c.Readability.Audiences[a]
		switch {
		case !slices.Contains(Audiences, a):
			bad("readability.audiences."+a, "audience %q is not one of %s", a, strings.Join(Audiences, ", "))
		case g.Target < 0 || g.Max < 0 || g.Target == 0 && g.Max == 0 || g.Max > 0 && g.Target > g.Max:
			bad("readability.audiences."+a, "readability.audiences.%s needs a target, a max or both, as positive grades with target no higher than max", a)
		}
	}
	c.validateLanguageChecks(bad)
	c.validateAccessibility(bad)
	for _, id := range slices.Sorted(maps.Keys(c.Reviewers)) {
		r := c.Reviewers[id]
		if !slugPattern.MatchString(id) {
			bad("reviewers."+id, "reviewer id %q may hold only lowercase letters, digits and hyphens, such as ada-okafor", id)
		}
		if strings.TrimSpace(r.Name) == "" {
			bad("reviewers."+id, "reviewer %s needs a name", id)
		}
		if r.GitHub != "" && !loginPattern.MatchString(r.GitHub) {
			bad("reviewers."+id+".github", "reviewer %s: github %q is not a GitHub login (letters, digits and single hyphens, up to 39)", id, r.GitHub)
		} else if other, _ := c.ReviewerByLogin(r.GitHub); r.GitHub != "" && other != id {
			bad("reviewers."+id+".github", "reviewer %s: the GitHub login %s is also %s's; a login maps to one reviewer", id, r.GitHub, other)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(c.Attestors)) {
		a := c.Attestors[id]
		switch {
		case !slugPattern.MatchString(id):
			bad("attestors."+id, "attestor id %q may hold only lowercase letters, digits and hyphens, such as site-ci", id)
		case strings.TrimSpace(a.Name) == "":
			bad("attestors."+id, "attestor %s needs a name, such as GitHub Actions of riverside-health/site", id)
		case len(a.Keys) == 0:
			bad("attestors."+id, "attestor %s needs keys: the SSH public key whose private key CI holds", id)
		}
		if _, ok := c.Reviewers[id]; ok {
			bad("attestors."+id, "%s is both a reviewer and an attestor; give the attestor another id", id)
		}
	}
	if t := c.Organization.Type; t != "" && !slices.Contains(OrganizationTypes, t) {
		bad("organization.type", "organization.type %q is not one of %s", t, strings.Join(OrganizationTypes, ", "))
	}
	if !currencyPattern.MatchString(c.Organization.Currency) {
		bad("organization.currency", "organization.currency %q must be a currency code of three capital letters, such as USD, GBP or EUR", c.Organization.Currency)
	}
	if !colorPattern.MatchString(c.ThemeColor) {
		bad("theme_color", "theme_color %q must be a colour such as #0b4f8a", c.ThemeColor)
	}
	if e := c.MediaContact.Email; e != "" && !strings.Contains(e, "@") {
		bad("media_contact.email", "media_contact.email %q is not an e-mail address", e)
	}
	if t := c.Social.Twitter; t != "" && !twitterPattern.MatchString(t) {
		bad("social.twitter", "social.twitter %q must be an account name such as @RiversideHealth", t)
	}
	if img := c.Social.Image; img == "" {
		bad("social.image", "social.image needs an image, such as /images/share.png")
	} else if strings.Contains(img, "://") {
		if !isWebURL(img) {
			bad("social.image", "social.image %q must be a site path such as /images/share.png or an address starting with https://", img)
		}
	} else {
		c.Social.Image = sitePath(img)
	}
	if logo := c.Organization.Logo; logo != "" && !strings.Contains(logo, "://") {
		c.Organization.Logo = sitePath(logo)
	}
	for i, e := range c.ClinicalExceptions {
		key := fmt.Sprintf("clinical_exceptions.%d", i)
		if err := exceptionPattern(e); err != nil {
			bad(key, "clinical_exceptions entry %q %v", e, err)
		}
	}
	if u := c.Organization.URL; u != "" && !isWebURL(u) && !isSitePath(u) {
		bad("organization.url", "organization.url %q %s", u, addressRule)
	}
	for i, m := range c.Menu {
		switch {
		case m.Name == "" || m.URL == "":
			bad(fmt.Sprintf("menu.%d", i), "menu item %d needs a name and a url", i+1)
		case !isWebURL(m.URL) && !isSitePath(m.URL):
			bad(fmt.Sprintf("menu.%d.url", i), "menu item %d's url %q %s", i+1, m.URL, addressRule)
		}
	}
	return out
}

// sitePath writes a path of the site, such as images/logo.png, as the
// site path /images/logo.png.
func sitePath(p string) string { return "/" + strings.TrimPrefix(p, "/") }

// SetBaseURL checks and sets the address the site is published at. It must
// be absolute (http or https); a missing trailing slash is added.
func (c *Config) SetBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("base_url %q must be an absolute address such as https://health.example.org/", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	c.BaseURL = u.String()
	return nil
}

// Location returns the site's time zone (time_zone), or nil when
// pamphlet.yaml names none or one that is not known.
func (c *Config) Location() *time.Location {
	if c.TimeZone == "" {
		return nil
	}
	loc, err := zone(c.TimeZone)
	if err != nil {
		return nil
	}
	return loc
}

// zone loads the time zone of an IANA name; "Local", which means
// whichever computer runs pamphlet, is not one.
func zone(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, fmt.Errorf("%q names no time zone", name)
	}
	return time.LoadLocation(name)
}

// BasePath returns the path part of the base URL, such as "/" or
// "/my-repo/" for a GitHub Pages project site. Site links start with it.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// exceptionPattern says what is wrong with an entry of
// clinical_exceptions, if anything.
func exceptionPattern(e string) error {
	switch {
	case strings.TrimSpace(e) == "":
		return errors.New("is empty; name a page under content/, such as articles/how-to-use-these-pages.md")
	case strings.HasPrefix(e, ContentDir+"/"):
		return fmt.Errorf("starts with %s/; entries are paths under %s/, such as %s", ContentDir, ContentDir, strings.TrimPrefix(e, ContentDir+"/"))
	case strings.HasPrefix(e, "/") || strings.Contains(e, "\\") || path.Clean(e) != e || strings.HasPrefix(e, "../"):
		return errors.New("must be a path under content/ written with / and without . or .. parts, such as articles/how-to-use-these-pages.md")
	case !strings.HasSuffix(e, ".md") && !strings.HasSuffix(e, "*"):
		return errors.New("must name Markdown pages: end it with .md (or a pattern such as articles/about-*)")
	}
	if _, err := path.Match(e, ""); err != nil {
		return errors.New("is not a valid pattern: " + err.Error())
	}
	return nil
}

// IsException reports whether pamphlet.yaml's clinical_exceptions name
// the page (its file under content/), and the index of the first entry
// that does; -1 when none.
func (c *Config) IsException(file string) int {
	rel, ok := strings.CutPrefix(file, ContentDir+"/")
	if !ok {
		return -1
	}
	for i, e := range c.ClinicalExceptions {
		if MatchException(e, rel) {
			return i
		}
	}
	return -1
}

// MatchException reports whether an entry of clinical_exceptions names
// the page at rel, its path under content/.
func MatchException(entry, rel string) bool {
	ok, _ := path.Match(entry, rel)
	return ok
}

// IsClinicalSection reports whether pages in the section are clinical by
// default.
func (c *Config) IsClinicalSection(section string) bool {
	return slices.Contains(c.ClinicalSections, section)
}

// MinifyOn reports whether output is minified (default true).
func (b BuildOptions) MinifyOn() bool { return b.Minify == nil || *b.Minify }

// FeedsOn reports whether feeds are written (default true).
func (b BuildOptions) FeedsOn() bool { return b.Feeds == nil || *b.Feeds }

// SearchOn reports whether the search page and its index are written
// (default true).
func (b BuildOptions) SearchOn() bool { return b.Search == nil || *b.Search }

// hasLetter reports whether s holds a letter or a digit: a word to
// search by.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
