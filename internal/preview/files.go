package preview

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// This file holds how a session tells which files an edit touched: the
// folders it expands to their files, the files it passes over, and the
// translations a page's new sign-off makes to be judged again.

// expand turns changed paths under content/ into the files to read
// again: a folder stands for every file in it now, and for every page
// the session had in it before.
func (s *Session) expand(paths []string) ([]string, error) {
	var out []string
	for _, c := range paths {
		if hidden(c) {
			continue
		}
		info, err := fs.Stat(s.siteFS, c)
		switch {
		case err == nil && info.IsDir():
			files, err := content.Files(s.siteFS, c)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		case err == nil || errors.Is(err, fs.ErrNotExist):
			out = append(out, c)
		default:
			return nil, err
		}
		// A folder removed or renamed away takes its pages with it.
		for f := range s.pages {
			if strings.HasPrefix(f, c+"/") {
				out = append(out, f)
			}
		}
		for u, f := range s.static {
			if strings.HasPrefix(f, c+"/") {
				delete(s.static, u)
			}
		}
		for f := range s.strays {
			if strings.HasPrefix(f, c+"/") {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// under reports whether a slash path is dir or inside it.
func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

// hidden reports whether a path under content/ is passed over: it or a
// folder it is in is hidden or an editor's temporary file.
func hidden(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if content.Ignored(part) {
			return true
		}
	}
	return false
}

// translationsOf adds to the pages read again the translations of the
// pages in resigned: those whose sign-off changed, or that came or went.
// The gate judges a translation against its source's sign-off.
func (s *Session) translationsOf(checked []string, resigned map[string]bool) []string {
	if len(resigned) == 0 {
		slices.Sort(checked)
		return checked
	}
	again := map[string]bool{}
	for _, f := range checked {
		again[f] = true
	}
	for f, e := range s.pages {
		if !again[f] && e.page.SourceFile != "" && resigned[e.page.SourceFile] {
			checked = append(checked, f)
		}
	}
	slices.Sort(checked)
	return checked
}

// reviewSum is what a translation's gate reads of its source: the
// fingerprint its sign-off records.
func reviewSum(p *content.Page) string {
	if p.Meta.Review == nil {
		return ""
	}
	return p.Meta.Review.Fingerprint
}
