package content

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Alias is an old address of a page: the build writes a redirect page
// there, and a line of the _redirects file, leading to the page.
type Alias struct {
	Path string // the site path as written, percent-escapes decoded, such as /flu/ or /leaflets/flu.html
	Out  string // the file the redirect page is written to, from the destination's root, such as flu/index.html
	Page *Page
	Pos  finding.Position // where the alias is written in the page's front matter
}

// ParseAlias reads one entry of a page's aliases: an address of the site
// from its root, such as /flu/, /flu or /leaflets/flu.html. It returns
// the path with percent-escapes decoded and the file its redirect page
// goes to (flu/index.html, or leaflets/flu.html). The error says what is
// wrong with an alias that names a host, has a query or fragment, holds
// . or .. parts, empty parts, spaces or control characters, or ends in a
// file that is not an HTML page (a redirect page is HTML).
func ParseAlias(s string) (p, out string, err error) {
	switch {
	case s == "":
		return "", "", errors.New("an alias cannot be empty; write an old address of this page, such as /flu/")
	case strings.Contains(s, "://") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\"):
		return "", "", errors.New("an alias is an address of this site, from its root, such as /flu/; it cannot name a host")
	case !strings.HasPrefix(s, "/"):
		return "", "", fmt.Errorf("an alias must start with /, as an address of this site from its root; write /%s", strings.TrimPrefix(s, "./"))
	case strings.ContainsAny(s, "?#"):
		return "", "", errors.New("an alias cannot have a query string (?…) or a #fragment: hosts find the redirect page by its path alone")
	case strings.Contains(s, "\\"):
		return "", "", errors.New("an alias cannot hold a backslash; separate its parts with /")
	}
	lower := strings.ToLower(s)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
		return "", "", errors.New("an alias cannot hold an escaped slash (%2F or %5C)")
	}
	p, err = url.PathUnescape(s)
	if err != nil {
		return "", "", fmt.Errorf("an alias has a %% that starts no escape such as %%C3%%B3; write the letter itself")
	}
	if i := strings.IndexFunc(p, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar }); i >= 0 {
		return "", "", errors.New("an alias cannot hold spaces or control characters; write hyphens between words")
	}
	parts := strings.Split(p[1:], "/")
	for i, part := range parts {
		switch {
		case part == "." || part == "..":
			return "", "", errors.New("an alias cannot hold . or .. parts; write the whole address from the site's root")
		case part == "" && i < len(parts)-1:
			return "", "", errors.New("an alias cannot hold two slashes in a row")
		}
	}
	last := parts[len(parts)-1]
	switch ext := strings.ToLower(path.Ext(last)); {
	case last == "" || last == "index.html":
		out = path.Join(strings.TrimPrefix(path.Dir(p+"x"), "/"), "index.html")
	case ext == ".html" || ext == ".htm":
		out = p[1:]
	case ext == "":
		out = path.Join(p[1:], "index.html")
	default:
		return "", "", fmt.Errorf("an alias ends in / or .html, such as /flu/ or /leaflets/flu.html: a redirect page is HTML, and a host would serve %s as a %s file; keep such a file at its old address", s, ext)
	}
	out = strings.TrimPrefix(out, "/")
	return p, out, nil
}

// placeAliases reads every page's aliases and reports content.alias
// errors for an alias that cannot be read (see ParseAlias) or that takes
// an address something else has: a page, an address pamphlet builds
// itself, a file of content/, or another alias (each of the aliases is
// reported, naming the others). Drafts' aliases are checked too, though
// builds write only those of published pages.
func (s *Site) placeAliases() []finding.Finding {
	var found []finding.Finding
	taken := map[string]string{} // output file → what has it
	for _, p := range s.Pages {
		taken[outFile(p.URL)] = "the page " + cmp.Or(p.File, p.URL) + "'s"
	}
	for u, src := range s.Static {
		taken[strings.TrimPrefix(u, "/")] = "the file " + src + "'s"
	}
	bad := func(pos finding.Position, format string, args ...any) {
		found = append(found, finding.Finding{Position: pos, Rule: "content.alias", Severity: finding.Error, Message: fmt.Sprintf(format, args...)})
	}
	claims := map[string][]Alias{} // output file → the aliases written to it
	for _, p := range s.Pages {
		for i, written := range p.Meta.Aliases {
			pos := p.KeyPos(fmt.Sprintf("aliases.%d", i))
			if v, ok := p.ValueAt(fmt.Sprintf("aliases.%d", i)); ok {
				pos = v
			}
			ap, out, err := ParseAlias(written)
			switch {
			case err != nil:
				bad(pos, "%v", err)
			case s.reservedAddress(out) != "":
				bad(pos, "the alias %s is %s, which pamphlet builds; choose another old address", written, s.reservedAddress(out))
			case outFile(p.URL) == out:
				bad(pos, "the alias %s is this page's own address; an alias is an old address that leads here", written)
			case taken[out] != "":
				bad(pos, "the alias %s is already %s address; an address leads to one page", written, taken[out])
			default:
				claims[out] = append(claims[out], Alias{Path: ap, Out: out, Page: p, Pos: pos})
			}
		}
	}
	s.Aliases, s.byAlias = nil, map[string]*Page{}
	for out, as := range claims {
		if len(as) == 1 {
			s.Aliases = append(s.Aliases, as[0])
			s.byAlias[out] = as[0].Page
			continue
		}
		for _, a := range as {
			var others []string
			for _, o := range as {
				if o != a {
					others = append(others, fmt.Sprintf("%s of %s (line %d)", o.Path, o.Page.File, o.Pos.Line))
				}
			}
			bad(a.Pos, "the alias %s is the same address as the alias %s; an address leads to one page, so keep one", a.Path, strings.Join(others, " and the alias "))
		}
	}
	slices.SortFunc(s.Aliases, func(a, b Alias) int { return cmp.Compare(a.Path, b.Path) })
	return found
}

// aliasAt returns the page an alias at the site path u (cleaned, such as
// /flu or /leaflets/flu.html) leads to, or nil.
func (s *Site) aliasAt(u string) *Page {
	rel := strings.TrimPrefix(u, "/")
	if p := s.byAlias[path.Join(rel, "index.html")]; p != nil {
		return p
	}
	return s.byAlias[rel]
}

// outFile returns the file a page's site path is written to, such as
// articles/flu/index.html for /articles/flu/.
func outFile(u string) string { return path.Join(strings.TrimPrefix(u, "/"), "index.html") }

// reservedAddress names the address pamphlet builds that an alias
// written to the file out would take, or returns "".
func (s *Site) reservedAddress(out string) string {
	for _, lang := range s.Config.Langs() {
		rel := out
		if prefix := strings.TrimPrefix(s.Config.Prefix(lang), "/"); prefix != "" {
			var ok bool
			if rel, ok = strings.CutPrefix(out, prefix+"/"); !ok {
				continue
			}
		}
		dir := "/"
		if d := path.Dir(rel); d != "." {
			dir = "/" + d + "/"
		}
		switch {
		case rel == "404.html":
			return "the 404 page's address"
		case dir == TrustURL:
			return "the trust page's address"
		case dir == AccessibilityURL && s.Config.Accessibility != nil:
			return "the accessibility statement's address"
		case strings.HasPrefix(dir, TagsURL):
			return "a topic page's address"
		case strings.HasPrefix(dir, AudiencesURL):
			return "an audience page's address"
		case strings.HasPrefix(dir, SearchURL) && s.Config.Build.SearchOn():
			return "the search page's address"
		}
	}
	return ""
}
