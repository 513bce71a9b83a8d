package layout

import (
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func TestWithFindings(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html><body class="x"><main>text</main></body></html>`)
	if got := WithFindings(page, nil); string(got) != string(page) {
		t.Error("a page without findings changed")
	}
	warn := finding.Finding{Position: finding.Position{File: "content/a.md", Line: 3, Col: 1}, Rule: "a11y.link-text", Severity: finding.Warning, Message: `the link text <b>"here"</b> says nothing`}
	got := string(WithFindings(page, []finding.Finding{warn}))
	if !strings.HasPrefix(got, `<!DOCTYPE html><html><body class="x"><section aria-label="Findings on this page"`) || !strings.HasSuffix(got, `<main>text</main></body></html>`) {
		t.Errorf("the box is not right after <body>: %s", got)
	}
	if strings.Contains(got, "<b>") || !strings.Contains(got, "1 finding to look at") || strings.Contains(got, "Not publishable") {
		t.Errorf("a warning's box: %s", got)
	}
	bad := warn
	bad.Severity, bad.Rule = finding.Error, "links.broken"
	if got := string(WithFindings(page, []finding.Finding{bad, warn})); !strings.Contains(got, "Not publishable") || !strings.Contains(got, "content/a.md:3:1") {
		t.Errorf("an error's box: %s", got)
	}
	for _, odd := range []string{"<html>no body</html>", "<bodyx>", "<body"} {
		if got := WithFindings([]byte(odd), []finding.Finding{bad}); string(got) != odd {
			t.Errorf("%q became %q", odd, got)
		}
	}
}
