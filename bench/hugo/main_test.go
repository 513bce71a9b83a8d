package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSite writes the sites of a size and checks that both Hugo sites read
// pamphlet's content folder and have their templates.
func TestSite(t *testing.T) {
	s := site{name: "3 articles", dir: t.TempDir(), articles: 3}
	if err := s.write(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"pamphlet/pamphlet.yaml", "pamphlet/content/articles/topic-2.md",
		"pamphlet/content/articles/topic-0.es.md",
		"hugo/layouts/_default/single.html", "hugo/layouts/_default/_markup/render-link.html", "hugo/layouts/index.faq.html", "hugo/assets/css/main.css",
		"hugo-minimal/layouts/_default/single.html", "hugo-minimal/layouts/_default/list.html",
	} {
		if _, err := os.Stat(filepath.Join(s.dir, f)); err != nil {
			t.Error(err)
		}
	}
	for _, kind := range []string{themed, minimal} {
		config, err := os.ReadFile(filepath.Join(s.hugo(kind), "hugo.toml"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "contentDir = " + `"` + filepath.Join(s.pamphlet(), "content") + `"`; !strings.Contains(string(config), want) {
			t.Errorf("%s/hugo.toml lacks %s:\n%s", kind, want, config)
		}
	}
}

// TestCompare runs the whole comparison on a small site when Hugo is
// installed (bench/compare-hugo installs it; CI does not).
func TestCompare(t *testing.T) {
	if _, err := exec.LookPath("hugo"); err != nil {
		t.Skip("no hugo on PATH")
	}
	if testing.Short() {
		t.Skip("builds pamphlet and two sites")
	}
	var out, log bytes.Buffer
	if err := run(context.Background(), []string{"-sizes", "20", "-runs", "1", "-edits", "3", "-work", t.TempDir()}, &out, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	// Each tool makes a page per article and translation, the section
	// lists and the tag pages in both languages; pamphlet and the Hugo
	// theme add the audience pages and the FAQ hubs, and pamphlet its
	// trust and search pages.
	if !strings.Contains(out.String(), "| 20 articles | 64, 61, 53 |") {
		t.Errorf("report:\n%s", out.String())
	}
	// The previews, each with its three edits timed, and the goal of the
	// first preview build judged (the edit goal is judged from 10,000
	// articles).
	for _, want := range []string{"| 20 articles | pamphlet serve | ", "| 20 articles | hugo server (theme) | ", ": 20 articles: pamphlet serve's first build no slower than pamphlet build ("} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, " serve | ") || strings.Contains(line, " server (theme) | ") {
			if cells := strings.Split(line, " | "); len(cells) < 5 || cells[4] != "3" {
				t.Errorf("a preview row without its 3 edits: %s", line)
			}
		}
	}
	if strings.Contains(out.String(), "reaches the reload event") {
		t.Errorf("the edit goal judged at 20 articles:\n%s", out.String())
	}
}
