package main

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// hugoSites are the two Hugo sites' configurations and themes: site/, a
// theme that makes the pages pamphlet makes, and minimal/, Hugo's minimal
// list and single templates. write adds the folders and the base URL.
//
//go:embed all:site all:minimal
var hugoSites embed.FS

// The Hugo sites, by the folder of hugoSites they come from.
const (
	themed  = "site"
	minimal = "minimal"
)

// A site is one body of content built by both tools.
type site struct {
	name     string
	dir      string
	articles int    // of a synthetic site
	corpus   string // folder of articles, for a site made from them
	outDir   string // where the builds go; "" for dir
}

// The folders of a site: the pamphlet site, whose content/ folder Hugo
// reads too, the Hugo site, and each tool's output and caches.
func (s site) pamphlet() string { return filepath.Join(s.dir, "pamphlet") }
func (s site) hugo(kind string) string {
	if kind == minimal {
		return filepath.Join(s.dir, "hugo-minimal")
	}
	return filepath.Join(s.dir, "hugo")
}
func (s site) out(t string) string {
	if s.outDir != "" {
		return filepath.Join(s.outDir, filepath.Base(s.dir)+"-public-"+t)
	}
	return filepath.Join(s.dir, "public-"+t)
}
func (s site) hugoCaches(kind string) []string {
	base := filepath.Base(s.hugo(kind))
	return []string{filepath.Join(s.dir, base+"-resources"), filepath.Join(s.dir, base+"-cache")}
}

// write writes the pamphlet site and the Hugo site beside it.
func (s site) write() error {
	if err := os.RemoveAll(s.dir); err != nil {
		return err
	}
	var err error
	if s.corpus != "" {
		_, err = sitegen.WriteCorpus(s.pamphlet(), s.corpus)
	} else {
		err = sitegen.Write(s.pamphlet(), s.articles)
	}
	if err != nil {
		return err
	}
	for _, kind := range []string{themed, minimal} {
		if err := s.writeHugo(kind); err != nil {
			return err
		}
	}
	return nil
}

// writeHugo writes one of the Hugo sites, which reads the pamphlet site's
// content/ folder.
func (s site) writeHugo(kind string) error {
	sub, err := fs.Sub(hugoSites, kind)
	if err != nil {
		return err
	}
	dir := s.hugo(kind)
	if err := os.CopyFS(dir, sub); err != nil {
		return err
	}
	if kind == themed {
		css, err := fs.ReadFile(pamphlet.Theme, "assets/css/main.css")
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, "assets", "css"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "assets", "css", "main.css"), css, 0o644); err != nil {
			return err
		}
	}
	config, err := fs.ReadFile(sub, "hugo.toml")
	if err != nil {
		return err
	}
	caches := s.hugoCaches(kind)
	top := fmt.Sprintf("baseURL = %s\ncontentDir = %s\nresourceDir = %s\ncacheDir = %s\n",
		strconv.Quote(sitegen.BaseURL), strconv.Quote(filepath.Join(s.pamphlet(), "content")), strconv.Quote(caches[0]), strconv.Quote(caches[1]))
	return os.WriteFile(filepath.Join(dir, "hugo.toml"), append([]byte(top), config...), 0o644)
}
