package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// TestBuildAsChecked: a build, which renders each page as soon as it is
// checked, writes byte for byte the files that rendering the checked
// site does, page after page read and parsed again (Load, then
// RenderTo): for the example site and every test site that builds.
func TestBuildAsChecked(t *testing.T) {
	dirs := map[string]string{"example": exampleSite(t)}
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, withhold := wantFile(a, "want.withheld"); !withhold {
			dirs[strings.TrimSuffix(filepath.Base(file), ".txtar")] = writeSite(t, a)
		}
	}
	built := 0
	for name, dir := range dirs {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			opts := Options{Source: dir, Today: today, Theme: pamphlet.Theme, NoImageCache: true}
			p, err := Load(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			p.Findings = finding.Sort(append(p.Findings, p.CopyFindings(ctx)...))
			opts.Dest = filepath.Join(t.TempDir(), "out")
			res, err := Build(ctx, opts)
			if err != nil {
				t.Fatal(err)
			}
			if finding.HasErrors(p.Findings) {
				if !res.Refused {
					t.Fatalf("built a site with errors: %v", p.Findings)
				}
				// The same findings, at the same places, though the build
				// let go of each page's positions once it was checked.
				if got, want := findingLines(res.Findings), findingLines(p.Findings); got != want {
					t.Errorf("the build found\n%s\nloading found\n%s", got, want)
				}
				return
			}
			p.Schedule()
			want, err := p.Render(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got := tree(t, opts.Dest)
			if len(got) != len(want.Files) || res.Pages != want.Pages {
				t.Errorf("built %d files (%d pages), rendered %d (%d pages)", len(got), res.Pages, len(want.Files), want.Pages)
			}
			for f, data := range want.Files {
				if got[f] != string(data) {
					t.Errorf("%s differs from the rendered site's", f)
				}
			}
			built++
		})
	}
	if built < 5 {
		t.Errorf("only %d sites built to compare", built)
	}
}

// findingLines writes findings one to a line, with their positions.
func findingLines(fs []finding.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
