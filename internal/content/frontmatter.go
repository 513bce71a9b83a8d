package content

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// FrontMatter is what a page's front matter may say. Every key is listed
// here with its `key` name; any other key is a finding.
type FrontMatter struct {
	Title        string       `key:"title"`
	Description  string       `key:"description"`
	Date         Date         `key:"date"`
	Updated      Date         `key:"updated"`
	Draft        bool         `key:"draft"`
	Slug         string       `key:"slug"`
	Weight       int          `key:"weight"`
	Audience     []string     `key:"audience"`
	About        string       `key:"about"`
	Tags         []string     `key:"tags"`
	Aliases      []string     `key:"aliases"` // old addresses that lead here (see ParseAlias)
	Clinical     *bool        `key:"clinical"`
	Readability  *Readability `key:"readability"`
	Sources      []Source     `key:"sources"`
	FAQ          []QA         `key:"faq"`
	Consent      *Consent     `key:"consent"`
	Starts       Date         `key:"starts"`
	Ends         Date         `key:"ends"`
	Severity     string       `key:"severity"`
	Location     *Location    `key:"location"`
	Registration string       `key:"registration"`
	Cost         string       `key:"cost"`
	Review       *Review      `key:"review"`
	Image        *ShareImage  `key:"image"`
}

// ShareImage is the picture a page is shared with, which Open Graph and
// Twitter cards show in place of the site's (social.image): written as
// {path: ..., alt: ...}, or as the path alone, which lacks the alt text
// the checks ask for.
type ShareImage struct {
	Path string `key:"path"` // a file of the site, relative to the page or from the site root, as links are
	Alt  string `key:"alt"`  // what the image shows, for people who cannot see it
}

func (i *ShareImage) decodeText(s string) { *i = ShareImage{Path: s} }

// Readability holds a page's own readability targets: target and max
// are reading grades for an English page; target and min are a reading
// ease, where higher is easier, for a Spanish one.
type Readability struct {
	Target float64 `key:"target"`
	Max    float64 `key:"max"`
	Min    float64 `key:"min"`
}

// Source is a piece of evidence behind a page.
type Source struct {
	Title     string `key:"title"`
	Publisher string `key:"publisher"`
	URL       string `key:"url"`
	Date      Date   `key:"date"`
}

// QA is one question and its Markdown answer.
type QA struct {
	Q string `key:"q"`
	A string `key:"a"`
}

// Consent records a story teller's consent to publish.
type Consent struct {
	Ref     string   `key:"ref"`
	Date    Date     `key:"date"`
	Expires Date     `key:"expires"`
	Scope   []string `key:"scope"`
}

// Location is where an event takes place.
type Location struct {
	Name    string  `key:"name"`
	Address Address `key:"address"`
	URL     string  `key:"url"` // directions or the online meeting: an http(s) address or a site path
}

// Review is the sign-off block that `pamphlet review sign` writes.
type Review struct {
	Reviewer    string `key:"reviewer"`
	Date        Date   `key:"date"`
	Next        Date   `key:"next"`
	Fingerprint string `key:"fingerprint"`
	// FingerprintV1 is, on a signed sign-off that pamphlet review migrate
	// carried over from an earlier pamphlet, the fingerprint as that
	// pamphlet took it, which the signature covers.
	FingerprintV1 string `key:"fingerprint_v1"`
	// Source is, on a translation, the fingerprint of the page it
	// translates as that page was signed off when the translation was:
	// when the source is signed off again with other text, the
	// translation is stale.
	Source string `key:"source"`
	// Approval is, on a sign-off that `pamphlet review approve` wrote in
	// CI, the address of the pull-request review in which the reviewer
	// approved the page; its Signature is then an attestor's (see
	// Config.Attestors), not the reviewer's.
	Approval  string `key:"approval"`
	Signature string `key:"signature"`
}

// Audiences lists the values `audience` accepts.
var Audiences = []string{"patients", "parents", "caregivers", "seniors", "young-people", "clinicians"}

// AudienceNames are the audiences as readers know them.
var AudienceNames = map[string]string{
	"patients":     "Patients",
	"parents":      "Parents",
	"caregivers":   "Caregivers",
	"seniors":      "Older adults",
	"young-people": "Young people",
	"clinicians":   "Health professionals",
}

// Severities lists the values an alert's `severity` accepts.
var Severities = []string{"info", "warning", "urgent"}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// validate reports values that have the right type but are not allowed.
func (fm *FrontMatter) validate(file string, keys map[string]finding.Position) []finding.Finding {
	var out []finding.Finding
	bad := func(key, format string, args ...any) {
		pos, ok := keys[key]
		if !ok {
			pos = finding.Position{File: file, Line: 1, Col: 1}
		}
		out = append(out, finding.Finding{Position: pos, Rule: "frontmatter.value", Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	for i, a := range fm.Audience {
		if !slices.Contains(Audiences, a) {
			bad(fmt.Sprintf("audience.%d", i), "audience %q is not one of %s", a, strings.Join(Audiences, ", "))
		}
	}
	if fm.Severity != "" && !slices.Contains(Severities, fm.Severity) {
		bad("severity", "severity %q is not one of %s", fm.Severity, strings.Join(Severities, ", "))
	}
	if s, ok := slugOf(fm.Slug); fm.Slug != "" && (!ok || s != fm.Slug) {
		msg := fmt.Sprintf("slug %q may hold only lowercase letters, digits and single hyphens, such as asthma-inhaler or vacuna-gripe", fm.Slug)
		if ok {
			msg += fmt.Sprintf("; write %s", s)
		}
		bad("slug", "%s", msg)
	}
	for i, t := range fm.Tags {
		if strings.TrimSpace(t) == "" {
			bad(fmt.Sprintf("tags.%d", i), "a tag cannot be empty")
		}
	}
	for i, s := range fm.Sources {
		key := fmt.Sprintf("sources.%d", i)
		if strings.TrimSpace(s.Title) == "" {
			bad(key, "source %d needs a title", i+1)
		}
		if s.URL != "" && !isWebURL(s.URL) {
			bad(key+".url", "source URL %q must start with https:// or http://", s.URL)
		}
	}
	for i, qa := range fm.FAQ {
		if strings.TrimSpace(qa.Q) == "" || strings.TrimSpace(qa.A) == "" {
			bad(fmt.Sprintf("faq.%d", i), "question %d needs both q (the question) and a (its answer)", i+1)
		}
	}
	if img := fm.Image; img != nil && strings.TrimSpace(img.Path) == "" {
		bad("image", "image needs a path: the image file, such as {path: img/chart.png, alt: What the chart shows}")
	} else if img != nil && strings.Contains(img.Path, "://") {
		key := "image.path"
		if _, ok := keys[key]; !ok {
			key = "image" // written as the path alone
		}
		bad(key, "image.path %q must be a file of the site, relative to the page or from the site root, not a web address", img.Path)
	}
	if fm.Registration != "" && !isWebURL(fm.Registration) {
		bad("registration", "registration %q must be a web address starting with https:// or http://", fm.Registration)
	}
	if l := fm.Location; l != nil && l.URL != "" && !isWebURL(l.URL) && !isSitePath(l.URL) {
		bad("location.url", "location.url %q %s", l.URL, addressRule)
	}
	if !fm.Updated.IsZero() && !fm.Date.IsZero() && fm.Updated.Before(fm.Date.Time) {
		bad("updated", "updated (%s) is before date (%s); updated is when the page last changed", fm.Updated, fm.Date)
	}
	if !fm.Starts.IsZero() && !fm.Ends.IsZero() && !fm.Ends.After(fm.Starts.Time) {
		bad("ends", "ends (%s) must be after starts (%s)", fm.Ends, fm.Starts)
	}
	if fm.Readability != nil {
		r := fm.Readability
		switch {
		case r.Max > 0 && r.Min > 0:
			bad("readability", "readability has both max, a reading grade for English pages, and min, a reading ease for Spanish ones; keep the one for this page's language")
		case r.Min < 0 || (r.Min > 0 && r.Target > 0 && r.Target < r.Min):
			bad("readability", "readability target and min must be positive reading ease scores, with target no lower than min")
		case r.Target < 0 || r.Max < 0 || (r.Max > 0 && r.Target > r.Max):
			bad("readability", "readability target and max must be positive grades, with target no higher than max")
		}
	}
	return out
}

// isWebURL reports whether s is an absolute http or https address.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// isSitePath reports whether s is a path of the site from its root, such
// as /articles/flu/. Two slashes at the start name another host, and so
// does a slash and a backslash, which browsers read as two slashes.
func isSitePath(s string) bool {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.Contains(s, "\\") {
		return false
	}
	u, err := url.Parse(s) // refuses control characters, which browsers drop
	return err == nil && u.Scheme == "" && u.Host == ""
}

// addressRule says what the fields that take an address or a site path
// accept.
const addressRule = "must be an address starting with https:// or http://, or a site path starting with /, such as /articles/"
