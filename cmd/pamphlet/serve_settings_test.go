package main

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/preview"
)

// reloadTag is the script the preview adds to every page it serves.
var reloadTag = regexp.MustCompile(`<script src="/_pamphlet/reload\.js" data-build="\d+"></script>`)

// TestServeSettingsEdit edits a valid pamphlet.yaml under a running
// preview, then a page, and checks that the preview then serves every
// file a fresh session of the site as it now is makes, byte for byte
// (less the reload script): once the preview served an empty site after
// such an edit, and the next page edit crashed it.
func TestServeSettingsEdit(t *testing.T) {
	dir := previewSite(t)
	base, log := startPreview(t, dir)
	edit := func(name, old, new string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), old) {
			t.Fatalf("%s does not hold %q", name, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	news := "/news/evening-appointments/"
	_, body := get(t, base+news)
	ch := reloads(t, base, news, body)
	edit("pamphlet.yaml", "title: Riverside Community Health\n", "title: Riverside Community Health Centre\n")
	waitReload(t, ch, "a pamphlet.yaml edit")
	compareWithFresh(t, dir, base)

	_, body = get(t, base+news)
	ch = reloads(t, base, news, body)
	edit("content/news/evening-appointments.md", "\n\n", "\n\nA sentence written after the settings changed.\n\n")
	waitReload(t, ch, "a page edit after the settings edit")
	if _, body := get(t, base+news); !strings.Contains(body, "A sentence written after the settings changed.") {
		t.Error("the page edit does not show")
	}
	compareWithFresh(t, dir, base)
	if strings.Contains(log.String(), "panic") {
		t.Errorf("the preview panicked: %s", log)
	}
}

// compareWithFresh compares every file a fresh session of the site in dir
// makes with what the preview at base serves.
func compareWithFresh(t *testing.T, dir, base string) {
	t.Helper()
	s, err := preview.NewSession(build.Options{Source: dir, Today: serveToday, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Files) < 20 {
		t.Fatalf("a fresh session makes only %d files", len(want.Files))
	}
	for _, name := range slices.Sorted(maps.Keys(want.Files)) {
		addr := base + "/" + strings.TrimSuffix(name, "index.html")
		code, got := get(t, addr)
		if code != 200 {
			t.Errorf("GET %s: %d", addr, code)
			continue
		}
		if strings.HasSuffix(name, ".html") {
			got = reloadTag.ReplaceAllString(got, "")
		}
		if got != string(want.Files[name]) {
			t.Errorf("%s: the preview serves other bytes than a fresh session makes", name)
		}
	}
}
