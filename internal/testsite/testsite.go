// Package testsite gives tests a copy of the repository's example site,
// the one `go run ./cmd/pamphlet build` builds, to edit freely. Only tests
// import it.
package testsite

import (
	"os"
	"path/filepath"
	"testing"
)

// Example copies the example site (pamphlet.yaml and content/) into a new
// temporary folder and returns the folder.
func Example(t testing.TB) string {
	t.Helper()
	root := Root(t)
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "pamphlet.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pamphlet.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Root returns the repository's folder: the nearest folder above the
// test's own that holds go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("testsite: no go.mod above the test's folder")
		}
		dir = up
	}
}
