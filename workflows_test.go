package pamphlet_test

// The README's GitHub workflows and the action they use, linted with
// actionlint as GitHub would read them: the workflows are taken from the
// README's "Publishing with GitHub Actions", each under the path its first
// line names, and `uses: pamphlet-health/pamphlet@v1` is pointed at this
// repository's action.yml, so actionlint checks every input against it.
// actionlint comes from the Go module proxy (go run); without it the test
// skips, and under CI=true it fails instead.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// actionlintVersion is the actionlint the test runs.
const actionlintVersion = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// readmeWorkflows returns the workflows of the README's "Publishing with
// GitHub Actions", by the path their first line names.
func readmeWorkflows(t *testing.T) map[string]string {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "\n## Publishing with GitHub Actions\n")
	if start < 0 {
		t.Fatal("the README has no section Publishing with GitHub Actions")
	}
	section := text[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	blocks := regexp.MustCompile("(?s)```yaml\n# (\\.github/workflows/[a-z-]+\\.yml)\n(.*?)```\n").FindAllStringSubmatch(section, -1)
	workflows := map[string]string{}
	for _, b := range blocks {
		workflows[b[1]] = b[2]
	}
	return workflows
}

// TestREADMEWorkflows: the check, approve and deploy workflows are there,
// use the action, upload SARIF even when check fails, build in the pull
// request, and keep the attestor's key out of the workflow that runs on
// reviews.
func TestREADMEWorkflows(t *testing.T) {
	wf := readmeWorkflows(t)
	for path, wants := range map[string][]string{
		".github/workflows/pull-request.yml": {"pull_request:", "command: \"check -format github -since origin/${{ github.base_ref }}\"", "command: review changes -format markdown", "command: \"build -withhold", "upload-sarif", "fetch-depth: 0"},
		".github/workflows/review-event.yml": {"pull_request_review:", "permissions: {}", "upload-artifact"},
		".github/workflows/approve.yml":      {"workflow_run:", "environment: clinical-approval", "command: review approve -event", "PAMPHLET_ATTESTOR_KEY: ${{ secrets.PAMPHLET_ATTESTOR_KEY }}", "gh api"},
		".github/workflows/deploy.yml":       {"branches: [main]", "command: build", "deploy-pages"},
	} {
		text, ok := wf[path]
		if !ok {
			t.Errorf("the README has no %s", path)
			continue
		}
		if !strings.Contains(text, "uses: pamphlet-health/pamphlet@v1") && !strings.Contains(path, "review-event") {
			t.Errorf("%s does not use the action", path)
		}
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s has no %q", path, want)
			}
		}
	}
	pr := wf[".github/workflows/pull-request.yml"]
	if i := strings.Index(pr, "upload-sarif"); i < 0 || !strings.Contains(pr[strings.LastIndex(pr[:i], "- name:"):i], "if: always()") {
		t.Errorf("the SARIF upload does not run when check fails:\n%s", pr)
	}
	if strings.Contains(wf[".github/workflows/review-event.yml"], "secrets.") {
		t.Error("the workflow on pull_request_review, which runs the pull request's copy of itself, is given a secret")
	}
}

// TestActionlint: actionlint passes the README's workflows and the action.
func TestActionlint(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	// go run builds actionlint once, into the build cache; offline,
	// outside CI, the test skips.
	actionlint := func(dir string) ([]byte, error) {
		cmd := exec.Command(gobin, "run", actionlintVersion, "-no-color")
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}
	if out, err := actionlint(dir); err != nil && !strings.Contains(string(out), "no project was found") {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go run %s: %v\n%s", actionlintVersion, err, out)
		}
		t.Skipf("actionlint is not available (go run %s: %v)", actionlintVersion, err)
	}
	repo := filepath.Join(dir, "site")
	action, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"action.yml": string(action)}
	for path, text := range readmeWorkflows(t) {
		files[path] = strings.ReplaceAll(text, "uses: pamphlet-health/pamphlet@v1", "uses: ./")
	}
	for path, text := range files {
		p := filepath.Join(repo, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	if out, err := actionlint(repo); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
	// actionlint reads the workflows' scripts with shellcheck, when it is
	// installed; the action's own scripts are read here.
	shellcheck, err := exec.LookPath("shellcheck")
	switch {
	case err == nil:
		for i, script := range runScripts(string(action)) {
			path := filepath.Join(dir, fmt.Sprintf("action-%d.sh", i))
			if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command(shellcheck, "-s", "bash", path).CombinedOutput(); err != nil {
				t.Errorf("shellcheck of action.yml's script %d: %v\n%s\n%s", i, err, out, script)
			}
		}
	case os.Getenv("CI") == "true":
		t.Error("no shellcheck, for the scripts of the workflows and action.yml")
	}
	// And it would have said so: a misspelt input of the action is caught.
	bad := filepath.Join(repo, ".github/workflows/deploy.yml")
	text, _ := os.ReadFile(bad)
	if err := os.WriteFile(bad, []byte(strings.Replace(string(text), "with: {command: build}", "with: {comand: build}", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := actionlint(repo); err == nil || !strings.Contains(string(out), `input "comand" is not defined`) {
		t.Errorf("actionlint took a misspelt input: %v\n%s", err, out)
	}
}

// runScripts returns the scripts of an action's "run: |" steps, with the
// indentation of their block taken off and GitHub's expressions made
// plain words.
func runScripts(action string) []string {
	var scripts []string
	lines := strings.Split(action, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "run: |" {
			continue
		}
		var b strings.Builder
		indent := ""
		for i++; i < len(lines); i++ {
			l := lines[i]
			if indent == "" {
				indent = l[:len(l)-len(strings.TrimLeft(l, " "))]
			}
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, indent) {
				break
			}
			b.WriteString(strings.TrimPrefix(l, indent) + "\n")
		}
		i--
		scripts = append(scripts, regexp.MustCompile(`\$\{\{[^}]*\}\}`).ReplaceAllString(b.String(), "expr"))
	}
	return scripts
}
