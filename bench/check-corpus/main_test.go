package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCounts reads check's JSON report into findings and pages by rule.
func TestCounts(t *testing.T) {
	c, err := counts([]byte(`{"findings": [
		{"file": "content/a.md", "rule": "claims.prohibited"},
		{"file": "content/a.md", "rule": "claims.prohibited"},
		{"file": "content/b.md", "rule": "claims.prohibited"},
		{"file": "content/b.md", "rule": "plain.word"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c["claims.prohibited"] != (count{3, 2}) || c["plain.word"] != (count{1, 1}) || len(c) != 2 {
		t.Errorf("counts = %v", c)
	}
	if _, err := counts([]byte("pamphlet: no pamphlet.yaml")); err == nil {
		t.Error("a report that is not JSON was read")
	}
	if m := median([]time.Duration{3, 1, 2}); m != 2 {
		t.Errorf("median = %v, want 2", m)
	}
	if m := median([]time.Duration{4, 1, 2, 3}); m != 2 {
		t.Errorf("median = %v, want 2 (2.5 truncated)", m)
	}
}

// TestRun checks a tiny corpus of two articles end to end with the
// pamphlet built from this tree, against itself.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pamphlet")
	}
	corpus := t.TempDir()
	article := "---\ntitle: \"%s\"\ndescription: \"A page about %s for the test of check-corpus, written for it.\"\npublisher: Test\nsource_url: https://example.org/%s\n---\n\nRest and drink water. There is no miracle cure for %s.\n"
	if err := os.MkdirAll(filepath.Join(corpus, "source"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"colds", "flu"} {
		text := strings.ReplaceAll(article, "%s", name)
		if err := os.WriteFile(filepath.Join(corpus, "source", name+".md"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-corpus", corpus, "-runs", "1"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"pamphlet check on a site of 2 articles, median of 1 runs each", "| binary | wall s | CPU s |", "| rule |"} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "claims.prohibited") {
		t.Errorf("an honest sentence was reported as a promise:\n%s", out)
	}
}
