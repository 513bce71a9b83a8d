package build

import (
	"io/fs"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// FileSums reads the local files that pages show or link, for their
// sign-offs, each once: a cache of their SHA-256 by path from the site
// root. It is safe for concurrent use.
type FileSums struct {
	mu   sync.Mutex
	sums map[string]review.File
	// pictures are what the build knows of the images pages show, by
	// path from the site root: their sizes and smaller copies (see
	// picture), forgotten with the sums.
	pictures map[string]*picture
}

// Forget drops the sums of files that may have changed.
func (c *FileSums) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		delete(c.sums, p)
		delete(c.pictures, p)
	}
}

// ForgetUnder drops the sums of the files under a folder, such as
// "assets/".
func (c *FileSums) ForgetUnder(dir string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.sums {
		if strings.HasPrefix(p, dir) {
			delete(c.sums, p)
		}
	}
	for p := range c.pictures {
		if strings.HasPrefix(p, dir) {
			delete(c.pictures, p)
		}
	}
}

// resolveFile returns the path from the site root of the local file that
// a link written in a page leads to, and false when it leads to no local
// file.
func resolveFile(site *content.Site, from *content.Page, dest string) (string, bool) {
	t, internal := site.Resolve(from, dest)
	if !internal || t.Static == "" {
		return "", false
	}
	return site.Static[t.Static], true
}

// siteFiles is the review.Files of a site: a link leads where the
// renderer takes it (content.Site.Resolve), to a file of content/ or an
// asset of the site or the theme.
type siteFiles struct {
	sums   *FileSums
	site   *content.Site
	siteFS fs.FS
	assets map[string]fs.FS // asset path → the layer it comes from
}

func (f siteFiles) Local(from *content.Page, dest string) (review.File, bool) {
	file, ok := resolveFile(f.site, from, dest)
	if !ok {
		return review.File{}, false
	}
	f.sums.mu.Lock()
	sum, ok := f.sums.sums[file]
	f.sums.mu.Unlock()
	if ok {
		return sum, true
	}
	fsys := f.siteFS
	if rel, ok := strings.CutPrefix(file, "assets/"); ok && f.assets[rel] != nil {
		fsys = f.assets[rel]
	}
	sum = review.File{Path: file} // a file that cannot be read has no sum, and matches no sign-off
	if data, err := fs.ReadFile(fsys, file); err == nil {
		sum = review.SumFile(file, data)
	}
	f.sums.mu.Lock()
	if f.sums.sums == nil {
		f.sums.sums = map[string]review.File{}
	}
	f.sums.sums[file] = sum
	f.sums.mu.Unlock()
	return sum, true
}
