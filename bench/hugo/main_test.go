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

// TestSite writes the two sites of a size and checks that Hugo's reads
// pamphlet's content folder and has its theme.
func TestSite(t *testing.T) {
	s := site{name: "3 articles", dir: t.TempDir(), articles: 3}
	if err := s.write(); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"pamphlet/pamphlet.yaml", "pamphlet/content/articles/topic-2.md",
		"hugo/layouts/_default/single.html", "hugo/layouts/_default/_markup/render-link.html", "hugo/layouts/index.faq.html", "hugo/assets/css/main.css",
	} {
		if _, err := os.Stat(filepath.Join(s.dir, f)); err != nil {
			t.Error(err)
		}
	}
	config, err := os.ReadFile(filepath.Join(s.hugo(), "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "contentDir = " + `"` + filepath.Join(s.pamphlet(), "content") + `"`; !strings.Contains(string(config), want) {
		t.Errorf("hugo.toml lacks %s:\n%s", want, config)
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
	if err := run(context.Background(), []string{"-sizes", "20", "-runs", "1", "-work", t.TempDir()}, &out, &log); err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	// Both tools make a page per article, the tag, audience and section
	// lists and the FAQ hub; pamphlet adds its trust page.
	if !strings.Contains(out.String(), "| 20 articles | 49, 48 |") {
		t.Errorf("report:\n%s", out.String())
	}
}
