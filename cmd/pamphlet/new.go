package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// pageKinds maps each kind `pamphlet new` makes to its default section.
var pageKinds = map[string]string{
	"article": "articles",
	"faq":     "faq",
	"news":    "news",
	"event":   "events",
	"alert":   "alerts",
	"story":   "stories",
}

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "site DIR | article|faq|news|event|alert|story PATH | translation FILE LANG", stdout, stderr)
	var date dateFlag
	fs.Var(&date, "date", "the `date` written into the page (YYYY-MM-DD; default today)")
	description := fs.String("description", "", "the page's `description`: 50 to 160 characters that say what the reader will learn or do (default: one made from the title)")
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) == 3 && rest[0] == "translation" {
		file, err := newTranslation(rest[1], rest[2])
		if err != nil {
			msg(stderr, "%v", err)
			return exitUsage
		}
		fmt.Fprintln(stdout, filepath.ToSlash(file))
		hint(stderr, "translate the page, then a clinical reviewer who reads %s signs it with pamphlet review sign %s -reviewer ID", rest[2], finding.ShellArg(filepath.ToSlash(file)))
		return exitOK
	}
	if len(rest) != 2 {
		fs.usage(stderr)
		return exitUsage
	}
	kind, target := rest[0], rest[1]
	today := date.today()
	if kind == "site" {
		if err := newSite(target, today); err != nil {
			msg(stderr, "%v", err)
			return exitUsage
		}
		msg(stderr, "created a site in %s", target)
		hint(stderr, "cd %s && pamphlet build", finding.ShellArg(target))
		return exitOK
	}
	section, ok := pageKinds[kind]
	if !ok {
		msg(stderr, "cannot make a %q; choose site, article, faq, news, event, alert or story", kind)
		return exitUsage
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(*description)); *description != "" && (n < check.MinDescription || n > check.MaxDescription) {
		msg(stderr, "-description has %d characters; a description has %d to %d", n, check.MinDescription, check.MaxDescription)
		return exitUsage
	}
	site := newSiteInfo()
	file := pagePath(target, section)
	page := newPage{kind: kind, title: titleFrom(file), description: strings.TrimSpace(*description), today: today, zone: site.zone, site: site.title}
	if err := writeNew(file, page.text()); err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	fmt.Fprintln(stdout, filepath.ToSlash(file))
	if site.cfg != nil && site.cfg.IsClinicalSection(section) {
		id, first := "ID", ""
		switch ids := clinicalReviewers(site.cfg); len(ids) {
		case 0:
			first = fmt.Sprintf("name a clinical reviewer under reviewers: in %s, then ", content.ConfigFile)
		case 1:
			id = ids[0]
		}
		hint(stderr, "write the page; %sa clinical reviewer signs it off with pamphlet review sign %s -reviewer %s", first, finding.ShellArg(filepath.ToSlash(file)), id)
	}
	return exitOK
}

// clinicalReviewers returns the ids of the clinical reviewers in cfg,
// sorted.
func clinicalReviewers(cfg *content.Config) []string {
	var ids []string
	for id, r := range cfg.Reviewers {
		if r.Clinical {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// siteInfo is what pamphlet new reads of the site in the working folder
// for a new page: its title and its time zone.
type siteInfo struct {
	cfg   *content.Config // nil when there is no pamphlet.yaml that can be read
	title string
	zone  *time.Location // time_zone in pamphlet.yaml, else this computer's
}

// newSiteInfo reads pamphlet.yaml in the working folder, if there is one
// that can be read; a page can be made without.
func newSiteInfo() siteInfo {
	info := siteInfo{zone: time.Local}
	cfg, _, err := content.LoadConfig(os.DirFS("."))
	if err != nil || cfg == nil {
		return info
	}
	info.cfg, info.title = cfg, cfg.Title
	if loc := cfg.Location(); loc != nil {
		info.zone = loc
	}
	return info
}

// pagePath turns what the writer typed into a Markdown file under content/:
// "flu-jab" becomes content/articles/flu-jab.md for an article, and
// "content/faq/flu.md" stays as it is.
func pagePath(target, section string) string {
	p := filepath.ToSlash(target)
	if !content.IsMarkdown(p) {
		p += ".md"
	}
	if !strings.HasPrefix(p, content.ContentDir+"/") {
		if !strings.Contains(p, "/") {
			p = section + "/" + p
		}
		p = content.ContentDir + "/" + p
	}
	return filepath.FromSlash(p)
}

func titleFrom(file string) string {
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return content.Humanize(base)
}

// writeNew writes a new file, refusing to replace one that exists.
func writeNew(file, text string) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; pamphlet new never replaces a file", file)
	}
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// newPage is a page pamphlet new writes.
type newPage struct {
	kind, title string
	description string // "" for one made from the title
	site        string // the site's title, "" when unknown
	today       time.Time
	zone        *time.Location // of the times of events and alerts
}

// defaultDescription is a description made from the page's title, for
// the writer to make their own: it passes the checks, so that the first
// build of a new page is not refused for pamphlet's own scaffold.
func (p newPage) defaultDescription() string {
	from := "our clinic"
	if p.site != "" {
		from = p.site
	}
	var d string
	switch p.kind {
	case "faq":
		d = fmt.Sprintf("Questions people ask about %s, with short, plain answers from %s.", strings.ToLower(p.title), from)
	case "news":
		d = fmt.Sprintf("%s: news from %s, and what it means for you.", p.title, from)
	case "event":
		d = fmt.Sprintf("%s: when and where it is, who it is for and how to come along.", p.title)
	case "alert":
		d = fmt.Sprintf("%s: what is changing at %s, for how long, and what to do.", p.title, from)
	case "story":
		d = fmt.Sprintf("%s: one person's experience, told in their own words.", p.title)
	default:
		d = fmt.Sprintf("%s: what it is, what you can do, and when to get help, in plain words.", p.title)
	}
	if utf8.RuneCountInString(d) > check.MaxDescription {
		d = fmt.Sprintf("What to know about this, from %s, in plain words.", from)
	}
	return d
}

// at is the time of day hh:00 on the day d days from today, in the
// page's time zone, written with its offset.
func (p newPage) at(days, hour int) string {
	t := p.today.AddDate(0, 0, days)
	return time.Date(t.Year(), t.Month(), t.Day(), hour, 0, 0, 0, p.zone).Format(time.RFC3339)
}

func (p newPage) text() string {
	d := p.today.Format("2006-01-02")
	desc := p.description
	comment := "# 50 to 160 characters: what the reader will learn or do."
	if desc == "" {
		desc = p.defaultDescription()
		comment = "# Made from the title; say in 50 to 160 characters what the reader will learn or do."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\n", yamlString(p.title))
	b.WriteString(comment + "\n")
	fmt.Fprintf(&b, "description: %s\n", yamlString(desc))
	fmt.Fprintf(&b, "date: %s\n", d)
	switch p.kind {
	case "article", "faq":
		b.WriteString("audience: [patients]   # patients, parents, caregivers, seniors, young-people, clinicians\n")
		b.WriteString("about: \"\"              # the condition or topic, such as Asthma\n")
		b.WriteString("tags: []\n")
		b.WriteString("sources: []            # - {title: ..., publisher: ..., url: https://..., date: YYYY-MM-DD}\n")
		b.WriteString("faq: []                # - {q: A question readers ask?, a: A plain answer.}\n")
	case "news":
		b.WriteString("tags: []\n")
	case "event":
		fmt.Fprintf(&b, "starts: %s   # %s\n", p.at(0, 10), zoneComment(p.zone))
		fmt.Fprintf(&b, "ends: %s\n", p.at(0, 12))
		b.WriteString("location: {name: \"\", address: \"\"}\n")
		b.WriteString("cost: Free\n")
		b.WriteString("registration: \"\"       # https://... where people book, if they need to\n")
	case "alert":
		b.WriteString("severity: warning      # info, warning or urgent\n")
		fmt.Fprintf(&b, "starts: %s   # %s\n", p.at(0, 8), zoneComment(p.zone))
		fmt.Fprintf(&b, "ends: %s\n", p.at(7, 18))
	case "story":
		b.WriteString("# The signed consent form: its reference, when it was given and when it runs out.\n")
		fmt.Fprintf(&b, "consent: {ref: \"\", date: %s, expires: %s, scope: [web]}\n", d, p.today.AddDate(1, 0, 0).Format("2006-01-02"))
	}
	b.WriteString("---\n\n")
	switch p.kind {
	case "faq":
		b.WriteString("Write a short plain answer first, then the detail.\n")
	case "story":
		b.WriteString("Tell the story in the teller's words. Leave out names, dates of birth and anything else that could identify them unless the consent covers it.\n")
	default:
		b.WriteString("Start with what the reader most needs to know.\n")
	}
	return b.String()
}

// zoneComment says which time zone a scaffold's times are in.
func zoneComment(loc *time.Location) string {
	name := loc.String()
	if name == "Local" {
		name = "this computer's time zone"
	}
	return "in " + name + "; time_zone in " + content.ConfigFile + " sets the zone of new pages"
}

// yamlString writes s as a YAML scalar, quoted when it needs to be.
func yamlString(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// newSite makes a site that builds: configuration, a home page, an about
// page, an empty articles section and a .gitignore for the build.
func newSite(dir string, today time.Time) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty; pamphlet new site makes a site in a new or empty folder", dir)
	}
	d := today.Format("2006-01-02")
	files := []struct{ name, text string }{
		{"pamphlet.yaml", fmt.Sprintf(siteConfig, d)},
		{"content/_index.md", "---\ntitle: Health information\ndescription: Plain, reviewed health information from our clinic, written for patients, families and carers.\n---\n\nWelcome. Start with the [articles](articles/_index.md), or read [about us](about.md).\n"},
		{"content/about.md", "---\ntitle: About us\ndescription: Who we are, what this site is for and how to contact us about the health information on it.\ndate: " + d + "\nclinical: false\n---\n\nWe are a community clinic. This site explains health topics in plain language.\n"},
		{"content/articles/_index.md", "---\ntitle: Health articles\ndescription: Articles about health conditions and treatments, checked by our clinicians before they are published.\n---\n\nArticles about health conditions and treatments.\n"},
		{".gitignore", siteIgnore},
	}
	for _, f := range files {
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(f.name)), f.text); err != nil {
			return err
		}
	}
	return nil
}

// siteIgnore is a new site's .gitignore: the build, the folders that a
// build writes into before they take the place of public/, which a build
// killed halfway leaves behind (the next build removes them), and the
// cache of smaller copies of images.
const siteIgnore = `# Written by pamphlet build; never commit them.
/public/
/.public.new-*
/.pamphlet/
`

const siteConfig = `# pamphlet site settings. Every key is described in pamphlet's README.
title: My Community Clinic
description: Plain, reviewed health information from My Community Clinic.
base_url: https://health.example.org/
language: en
# For pages in more languages, list them, the default first, in place of
# language: (then pamphlet new translation content/articles/NAME.md es):
# languages: [en, es]
organization:
  name: My Community Clinic
  phone: "555-0100"
  emergency_number: "911"
#  email: info@health.example.org   # events' calendar files name it as their organizer
#  address: {street: 1 Main Street, locality: Springfield}   # or one line of text
#  currency: USD                    # of events' costs
clinical_sections: [articles, faq]
# time_zone: America/New_York   # of the times pamphlet new writes (default: this computer's)
# The reviewer registry: who signs off pages, each under an id you choose.
# No clinical page is published until a clinical reviewer signs it off.
# Take the # off the lines below, and write your clinician's details:
reviewers:
#  ada-okafor:
#    name: Ada Okafor
#    credentials: MD
#    role: Family doctor
#    clinical: true
review:
  interval: 12mo
  warn_before: 30d
  overdue: error
readability:
  formula: smog
  target: 8
  max: 10
# The page "How we make our health information" is built from the trust
# statement. Make each part true of your site, in your own words, and set
# updated to the day you last changed it.
trust:
  publisher: My Community Clinic writes and publishes this site.
  funding: The clinic pays for this site from its own budget.
  advertising: This site carries no advertising.
  process: Our writers draft each page from the sources it lists, in plain words.
  review: A clinician on our team checks every health page before it is published, and again at least once a year.
  feedback: "To tell us about a mistake, call us on 555-0100."
  updated: %s
# The accessibility statement, built at /accessibility/ and linked from
# every page's footer; public-sector sites must publish one.
#accessibility:
#  contact: How to report a problem or ask for another format, and how soon you reply.
#  enforcement: Where readers turn if they are not happy with your reply.
#  tested: 2026-01-31    # the day of the last accessibility test (YYYY-MM-DD)
#  limitations:          # what is known not to work; leave it out when nothing is
#    - Describe each problem, and what readers can do meanwhile.
`

// newTranslation starts the translation of a page into a language of the
// site (read from pamphlet.yaml in the current folder): NAME.LANG.md
// beside NAME.md, a copy of the page without its review block, for the
// translator to write over. It returns the new file.
func newTranslation(file, lang string) (string, error) {
	cfg, found, err := content.LoadConfig(os.DirFS("."))
	if err != nil || cfg == nil {
		if len(found) > 0 {
			return "", fmt.Errorf("%s: %s", content.ConfigFile, found[0].Message)
		}
		return "", fmt.Errorf("new translation reads the site's languages from %s in this folder: %v", content.ConfigFile, err)
	}
	if !slices.Contains(cfg.Langs()[1:], lang) {
		return "", fmt.Errorf("%q is not one of the site's other languages (languages: %s in %s); add it there first", lang, strings.Join(cfg.Langs(), ", "), content.ConfigFile)
	}
	slash := filepath.ToSlash(filepath.Clean(file))
	if !strings.HasPrefix(slash, content.ContentDir+"/") || !content.IsMarkdown(slash) {
		return "", fmt.Errorf("%s is not a page under %s/; name the page to translate, such as content/articles/flu.md", file, content.ContentDir)
	}
	stem := strings.TrimSuffix(slash, path.Ext(slash))
	if i := strings.LastIndexByte(path.Base(stem), '.'); i >= 0 && slices.Contains(cfg.Langs(), strings.ToLower(path.Base(stem)[i+1:])) {
		return "", fmt.Errorf("%s is a translation already; translate the page in %s it translates", file, cfg.Language)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	p, pf := content.ParsePage(slash, src)
	if p.Unreadable {
		why := "its front matter cannot be read"
		if len(pf) > 0 {
			why = pf[0].Message
		}
		return "", fmt.Errorf("%s: %s; fix it first (pamphlet check %s)", file, why, finding.ShellArg(file))
	}
	text, err := review.WithoutBlock(p)
	if err != nil {
		return "", err
	}
	out := filepath.FromSlash(stem + "." + lang + path.Ext(slash))
	return out, writeNew(out, string(text))
}
