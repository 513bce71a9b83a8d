package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 errors"}, {1, "1 error"}, {2, "2 errors"}}
	for _, tt := range tests {
		if got := count(tt.n, "error", "errors"); got != tt.want {
			t.Errorf("count(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestPreviewCounts checks the preview's line for a build with one error
// and one warning: it counts them and names the error's place.
func TestPreviewCounts(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pamphlet.yaml": "title: Test Clinic\nbase_url: https://health.example.org/\nclinical_sections: []\n" +
			"trust: {publisher: Us, funding: Grants, advertising: None, process: From sources, review: By a nurse, feedback: Write to us}\n",
		"content/_index.md": "---\ntitle: Welcome\ndescription: Short.\n---\nSee [the page](gone.md).\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, log := startPreview(t, dir) // returns once the first build is told
	want := "; 1 error, 1 warning: content/_index.md:5:5 (links.broken); "
	if !strings.Contains(log.String(), want) {
		t.Errorf("the preview says\n%s\nwant a line with %q", log, want)
	}
}

// TestPreviewError checks the words the preview shows for a broken
// pamphlet.yaml, and that the error is still the build's.
func TestPreviewError(t *testing.T) {
	f := finding.Finding{Position: finding.Position{File: "pamphlet.yaml", Line: 3, Col: 1}, Rule: "config.unknown", Severity: finding.Error, Message: `unknown key "titel"`}
	ce := &build.ConfigError{Findings: []finding.Finding{f}}
	err := previewError(fmt.Errorf("updating: %w", ce))
	want := "pamphlet.yaml:3:1: error: unknown key \"titel\" (config.unknown)\npamphlet.yaml has 1 error"
	if err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
	if !errors.Is(err, ce) {
		t.Errorf("previewError(%v) does not wrap the *build.ConfigError", ce)
	}
}
