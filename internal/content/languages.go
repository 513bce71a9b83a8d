package content

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// This file holds what a site's languages add to it: reading a page's
// language from its name, linking translations to their pages, the part
// of the site in one language, and the addresses of a language's lists.

// langSuffix is what the last dot-part of a page's name must look like to
// be read as a language: flu.es.md, flu.pt-br.md.
var langSuffix = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})?$`)

// language splits a page's name into the name of the page it translates
// and its language, when it ends in one of the site's languages other
// than the default (flu.es → flu, es). A suffix that looks like a
// language but is not one of the site's, or is the default's, is an
// error; the page then keeps its whole name, in the default language.
func (s *Site) language(p *Page, base string) (string, string, []finding.Finding) {
	i := strings.LastIndexByte(base, '.')
	if i <= 0 {
		return base, "", nil
	}
	stem, suffix := base[:i], strings.ToLower(base[i+1:])
	if !langSuffix.MatchString(suffix) {
		return base, "", nil
	}
	langs := s.Config.Langs()
	name := path.Base(p.File)
	bad := func(format string, args ...any) []finding.Finding {
		return []finding.Finding{{Position: finding.Position{File: p.File, Line: 1, Col: 1}, Rule: "content.language", Severity: finding.Error, Message: fmt.Sprintf(format, args...)}}
	}
	switch {
	case suffix == s.Config.Language:
		return base, "", bad("%s names the default language %s, whose pages have no suffix; rename it %s", name, suffix, stem+path.Ext(name))
	case !slices.Contains(langs, suffix):
		msg := fmt.Sprintf("%s is in the language %q, which is not one of the site's (%s)", name, suffix, strings.Join(langs, ", "))
		if near := nearest(suffix, langs[1:]); near != "" {
			msg += fmt.Sprintf("; did you mean %s?", stem+"."+near+path.Ext(name))
		} else {
			msg += fmt.Sprintf("; add %s to languages: in %s, or rename the file", suffix, ConfigFile)
		}
		return base, "", bad("%s", msg)
	}
	return stem, suffix, nil
}

// nearest returns the one of langs that a mistyped language is nearest,
// within one edit (two for a tag of four letters or more; swapping two
// letters, "se" for "es", is one, as distance counts it), or "".
func nearest(lang string, langs []string) string {
	best, bestD := "", 2
	if len(lang) >= 4 {
		bestD = 3
	}
	for _, l := range langs {
		if d := distance(lang, l); d < bestD || d == bestD && l < best {
			best, bestD = l, d
		}
	}
	return best
}

// translationKey is what a page's versions in every language share: the
// file of the default language's page, or for a list page its folder.
func translationKey(p *Page) string {
	switch {
	case p.Kind != Single:
		return "list:" + p.Dir
	case p.SourceFile != "":
		return p.SourceFile
	}
	return p.File
}

// groupTranslations gathers each page's versions in every language.
func (s *Site) groupTranslations() {
	s.translations = map[string][]*Page{}
	for _, p := range s.Pages {
		k := translationKey(p)
		s.translations[k] = append(s.translations[k], p)
	}
	langs := s.Config.Langs()
	for _, ps := range s.translations {
		slices.SortStableFunc(ps, func(a, b *Page) int { return cmp.Compare(slices.Index(langs, a.Lang), slices.Index(langs, b.Lang)) })
	}
}

// Language returns the part of the site in one language: its pages
// alone, with the same settings, files and look-ups (a page of another
// language is still found by its address or file, as links need).
func (s *Site) Language(lang string) *Site {
	sub := *s
	sub.Lang = lang
	sub.Pages = nil
	for _, p := range s.Pages {
		if p.Lang == lang {
			sub.Pages = append(sub.Pages, p)
		}
	}
	return &sub
}

// Home returns the home page of the site's language (the default's for
// the whole site).
func (s *Site) Home() *Page { return s.byURL[s.DirURL(cmp.Or(s.Lang, s.Config.Language), "")] }

// URL returns a site path pamphlet builds (such as TagsURL) in the
// site's language: /es/tags/ for the Spanish part.
func (s *Site) URL(fixed string) string { return s.Config.Prefix(s.Lang) + fixed }

// Translations returns a page's versions in every language the site has
// it in, the page itself among them, in the order of the site's
// languages. A page with no translation is alone.
func (s *Site) Translations(p *Page) []*Page {
	if ps := s.translations[translationKey(p)]; len(ps) > 0 {
		return ps
	}
	return []*Page{p}
}

// Source returns the page a translation translates, or nil for a page in
// the default language or one whose source is missing.
func (s *Site) Source(p *Page) *Page {
	for _, t := range s.Translations(p) {
		if t.Lang == s.Config.Language && t != p {
			return t
		}
	}
	return nil
}

// linkTranslations reports a translation of a page that does not exist,
// and two translations of one page into one language (flu.es.md and
// flu.ES.md). A folder's list page may translate one made up for the
// folder.
func (s *Site) linkTranslations() []finding.Finding {
	var found []finding.Finding
	seen := map[[2]string]*Page{}
	for _, p := range s.Pages {
		if p.SourceFile == "" {
			continue
		}
		k := [2]string{p.SourceFile, p.Lang}
		if q := seen[k]; q != nil {
			found = append(found, finding.Finding{
				Position: finding.Position{File: p.File, Line: 1, Col: 1}, Rule: "content.translation", Severity: finding.Error,
				Message: fmt.Sprintf("%s is also the %s translation of %s; keep one of the two", q.File, p.Lang, p.SourceFile),
			})
			continue
		}
		seen[k] = p
		if p.Kind == Single && s.byFile[p.SourceFile] == nil {
			found = append(found, finding.Finding{
				Position: finding.Position{File: p.File, Line: 1, Col: 1}, Rule: "content.translation", Severity: finding.Error,
				Message: fmt.Sprintf("this is the %s translation of %s, which does not exist; write the page in %s first, or rename this file", p.Lang, p.SourceFile, s.Config.Language),
			})
		}
	}
	return found
}

// DirURL returns the site path of the list page of a folder under
// content/ in a language: /articles/, /es/articles/, or / and /es/ for
// the top.
func (s *Site) DirURL(lang, dir string) string {
	if dir == "" {
		return s.Config.Prefix(lang) + "/"
	}
	return s.Config.Prefix(lang) + "/" + dir + "/"
}

// Langs returns the site's languages, the default first.
func (c *Config) Langs() []string {
	if len(c.Languages) > 0 {
		return c.Languages
	}
	return []string{c.Language}
}

// Prefix returns the site path prefix of a language's pages: "" for the
// default language, "/es" for Spanish.
func (c *Config) Prefix(lang string) string {
	if lang == "" || lang == c.Language {
		return ""
	}
	return "/" + lang
}

// Reads reports whether a reviewer reads a language: one of their
// languages, or the site's default when they list none.
func (c *Config) Reads(r Reviewer, lang string) bool {
	if len(r.Languages) == 0 {
		return lang == c.Language
	}
	return slices.Contains(r.Languages, lang)
}
