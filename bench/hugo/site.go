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

// hugoSite is the Hugo site's configuration and minimal theme; write adds
// the folders and the base URL.
//
//go:embed all:site
var hugoSite embed.FS

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
func (s site) hugo() string     { return filepath.Join(s.dir, "hugo") }
func (s site) out(t string) string {
	if s.outDir != "" {
		return filepath.Join(s.outDir, filepath.Base(s.dir)+"-public-"+t)
	}
	return filepath.Join(s.dir, "public-"+t)
}
func (s site) hugoCaches() []string {
	return []string{filepath.Join(s.dir, "hugo-resources"), filepath.Join(s.dir, "hugo-cache")}
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
	sub, err := fs.Sub(hugoSite, "site")
	if err != nil {
		return err
	}
	if err := os.CopyFS(s.hugo(), sub); err != nil {
		return err
	}
	css, err := fs.ReadFile(pamphlet.Theme, "assets/css/main.css")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(s.hugo(), "assets", "css"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(s.hugo(), "assets", "css", "main.css"), css, 0o644); err != nil {
		return err
	}
	config, err := fs.ReadFile(sub, "hugo.toml")
	if err != nil {
		return err
	}
	caches := s.hugoCaches()
	top := fmt.Sprintf("baseURL = %s\ncontentDir = %s\nresourceDir = %s\ncacheDir = %s\n",
		strconv.Quote(sitegen.BaseURL), strconv.Quote(filepath.Join(s.pamphlet(), "content")), strconv.Quote(caches[0]), strconv.Quote(caches[1]))
	return os.WriteFile(filepath.Join(s.hugo(), "hugo.toml"), append([]byte(top), config...), 0o644)
}
