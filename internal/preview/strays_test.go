package preview

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

// TestThemeSymlinks: symlinks in layouts/ and assets/ are passed over, as
// before, but each is now a content.stray warning naming it, in a build
// and in the preview alike.
func TestThemeSymlinks(t *testing.T) {
	dir := testsite.Example(t)
	elsewhere := filepath.Join(t.TempDir(), "extra.css")
	os.WriteFile(elsewhere, []byte("body{}"), 0o644)
	for _, d := range []string{"assets/css", "layouts/partials"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(elsewhere, filepath.Join(dir, "assets/css/extra.css")))
	must(os.Symlink(elsewhere, filepath.Join(dir, "layouts/partials/footer.html")))
	want := []string{"assets/css/extra.css", "layouts/partials/footer.html"}
	strays := func(fs []finding.Finding) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == "content.stray" {
				out = append(out, f.File)
			}
		}
		return out
	}
	res, err := build.Build(context.Background(), build.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public"), Today: today, Theme: pamphlet.Theme})
	if err != nil || res.Refused {
		t.Fatal(err, res)
	}
	if got := strays(res.Findings); !slices.Equal(got, want) {
		t.Errorf("build: strays %v, want %v", got, want)
	}
	s, err := NewSession(build.Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	must(err)
	pv, err := s.Update(context.Background(), nil)
	must(err)
	if got := strays(pv.Findings); !slices.Equal(got, want) {
		t.Errorf("preview: strays %v, want %v", got, want)
	}
	must(os.Remove(filepath.Join(dir, "assets/css/extra.css")))
	pv, err = s.Update(context.Background(), []string{"assets/css/extra.css"})
	must(err)
	if got := strays(pv.Findings); !slices.Equal(got, want[1:]) {
		t.Errorf("preview after removing one: strays %v, want %v", got, want[1:])
	}
}
