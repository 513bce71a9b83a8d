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

// sarifValidator returns the command that checks a SARIF log against the
// SARIF 2.1.0 schema (testdata/sarif, installed with npm ci), or skips the
// test when node or the packages are missing, except in CI.
func sarifValidator(t *testing.T) []string {
	t.Helper()
	dir, err := filepath.Abs("../../testdata/sarif")
	if err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "@microsoft", "jest-sarif", "lib", "schemas", "sarif-2.1.0-rtm.5.json"))
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the SARIF schema test needs node and npm ci in testdata/sarif: %v", err)
		}
		t.Skipf("no SARIF validator (node, and npm ci in testdata/sarif): %v", err)
	}
	return []string{node, filepath.Join(dir, "validate.js")}
}

func validateSARIF(t *testing.T, validator []string, log []byte) (string, bool) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "check.sarif")
	if err := os.WriteFile(file, log, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(validator[0], validator[1], file).CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return string(out), err == nil
}

// TestSARIFSchema: check -format sarif writes SARIF 2.1.0 that the
// schema accepts, for a site in a folder of its repository whose files'
// names have spaces and accents, with errors, warnings, suggestions and a
// silenced finding; and the validator refuses a URI that is not
// percent-encoded, so that it is the schema's formats being checked.
func TestSARIFSchema(t *testing.T) {
	validator := sarifValidator(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	files := map[string]string{
		"site/pamphlet.yaml": "title: Test Clinic\nbase_url: https://health.example.org/\n",
		"site/content/articles/flu shot é.md": "---\ntitle: Flu shot\ndescription: Who should get the flu shot, when to get it, and what to expect afterwards.\n---\n" +
			"Get it [here](gone.md) every autumn. Prior to your visit, eat.\n",
		"site/content/news/honey#1?.md": "---\ntitle: Honey\ndescription: What the clinic says about honey for coughs, and what the evidence shows.\n---\n" +
			"<!-- pamphlet-ignore a11y.link-text: the partner named the link -->\nRead more [here](https://example.org/).\n",
	}
	for name, text := range files {
		path := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "-source", filepath.Join(repo, "site"), "-format", "sarif", "-date", "2026-11-21"}, &stdout, &stderr); code != exitRefused {
		t.Fatalf("check exited %d, want %d: %s", code, exitRefused, stderr.String())
	}
	log := stdout.Bytes()
	for _, want := range []string{`"uri": "site/content/articles/flu%20shot%20%C3%A9.md"`, `"uri": "site/content/news/honey%231%3F.md"`, `"suppressions"`, `"level": "note"`} {
		if !bytes.Contains(log, []byte(want)) {
			t.Errorf("the log has no %s:\n%s", want, log)
		}
	}
	if out, ok := validateSARIF(t, validator, log); !ok {
		t.Errorf("check's SARIF is not valid SARIF 2.1.0:\n%s", out)
	}
	bad := strings.Replace(string(log), "flu%20shot%20%C3%A9", "flu shot é", 1)
	if out, ok := validateSARIF(t, validator, []byte(bad)); ok || !strings.Contains(out, "uri-reference") {
		t.Errorf("the validator took a URI with a space: %s", out)
	}
}
