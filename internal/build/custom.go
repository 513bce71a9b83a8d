package build

import (
	"bytes"
	"io/fs"
	"maps"
	"path"
	"slices"
)

// customTheme reports whether the site has templates or styles of its
// own: a file under layouts/ or a stylesheet under assets/ that the
// built-in theme lacks or has with other bytes. The accessibility
// statement says the theme's tests do not cover them. (This repository is
// a site whose files are the theme's own, and so is not custom.)
func (p *Project) customTheme(layouts map[string]fs.FS) bool {
	for _, set := range []struct {
		dir   string
		files map[string]fs.FS
		ext   string
	}{{"layouts", layouts, ".html"}, {"assets", p.assets, ".css"}} {
		for _, name := range slices.Sorted(maps.Keys(set.files)) {
			if set.files[name] != p.siteFS || path.Ext(name) != set.ext {
				continue
			}
			file := set.dir + "/" + name
			own, err := fs.ReadFile(p.siteFS, file)
			if err != nil {
				return true
			}
			if p.Options.Theme == nil {
				return true
			}
			theirs, err := fs.ReadFile(p.Options.Theme, file)
			if err != nil || !bytes.Equal(own, theirs) {
				return true
			}
		}
	}
	return false
}
