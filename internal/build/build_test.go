package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

var today = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// writeSite writes the files of a txtar archive (all but want.*) into a
// new folder and returns it.
func writeSite(t testing.TB, a *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "want.") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func wantFile(a *txtar.Archive, name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return string(f.Data), true
		}
	}
	return "", false
}

// TestSites builds each testdata/sites/*.txtar site and compares its
// findings (want.findings), the files written (want.files; a trailing !
// means the file must not exist, * matches a fingerprint) and text the
// files must hold (want.grep, "file: text" a line, \n and \r for line ends;
// "file: !text" for text it must not hold). A site with want.withheld is built with -withhold and
// must withhold exactly those pages.
func TestSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/sites/*.txtar")
	if len(files) == 0 {
		t.Fatal("no sites")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeSite(t, a)
			dest := filepath.Join(t.TempDir(), "out")
			wantWithheld, withhold := wantFile(a, "want.withheld")
			res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme, NoMinify: true, Withhold: withhold})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(res.Withheld, "\n"); withhold && got != strings.TrimSpace(wantWithheld) {
				t.Errorf("withheld:\n%s\nwant\n%s", got, wantWithheld)
			}
			var got bytes.Buffer
			finding.WriteText(&got, finding.Report{Findings: res.Findings})
			if want, ok := wantFile(a, "want.findings"); ok && got.String() != want {
				t.Errorf("findings:\ngot\n%s\nwant\n%s", got.String(), want)
			}
			if finding.HasErrors(res.Findings) && !withhold != res.Refused {
				t.Errorf("refused = %v with findings %v", res.Refused, res.Findings)
			}
			if res.Refused {
				if _, err := os.Stat(dest); !os.IsNotExist(err) {
					t.Errorf("a refused build wrote %s", dest)
				}
				for _, name := range []string{"want.files", "want.grep"} {
					if _, ok := wantFile(a, name); ok {
						t.Errorf("the build was refused, so %s was never checked: %v", name, res.Findings)
					}
				}
				return
			}
			written := tree(t, dest)
			if want, ok := wantFile(a, "want.files"); ok {
				for _, line := range strings.Fields(want) {
					name, absent := strings.CutSuffix(line, "!")
					found := slices.ContainsFunc(slices.Collect(maps.Keys(written)), func(w string) bool { ok, _ := path.Match(name, w); return ok })
					if found == absent {
						t.Errorf("file %s: exists = %v, want %v", name, found, !absent)
					}
				}
			}
			if want, ok := wantFile(a, "want.grep"); ok {
				for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
					name, text, _ := strings.Cut(line, ": ")
					text = strings.NewReplacer(`\r`, "\r", `\n`, "\n").Replace(text)
					if text, ok := strings.CutPrefix(text, "!"); ok {
						if strings.Contains(written[name], text) {
							t.Errorf("%s contains %q:\n%s", name, text, written[name])
						}
					} else if !strings.Contains(written[name], text) {
						t.Errorf("%s does not contain %q:\n%s", name, text, written[name])
					}
				}
			}
		})
	}
}

// tree reads every file under dir, by slash path.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func digest(t testing.TB, dir string) string {
	h := sha256.New()
	files := tree(t, dir)
	for _, k := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s\x00%s\x00", k, files[k])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// exampleSite copies the repository's own site into a temporary folder.
func exampleSite(t testing.TB) string { return testsite.Example(t) }

func TestExampleSiteBuildsClean(t *testing.T) {
	dir := exampleSite(t)
	res, err := Build(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) > 0 || res.Refused {
		t.Fatalf("the example site has findings: %v", res.Findings)
	}
	if res.Pages < 12 {
		t.Errorf("built %d pages", res.Pages)
	}
}

// TestExampleSiteSigned requires every clinical page of the example site
// to be signed off by a clinician, and some with an SSH signature.
func TestExampleSiteSigned(t *testing.T) {
	p, err := Load(context.Background(), Options{Source: exampleSite(t), Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	clinical, signed := 0, 0
	for _, pg := range p.Pages {
		st := pg.Review
		if !st.Clinical {
			continue
		}
		clinical++
		if st.State != review.OK || st.Reviewer == nil || !st.Reviewer.Clinical {
			t.Errorf("%s: review state %s", pg.File, st.State)
		}
		if st.Signed {
			signed++
		}
	}
	if clinical < 5 || signed == 0 {
		t.Errorf("%d clinical pages, %d with SSH signatures", clinical, signed)
	}
}

// TestDeterministic builds the example site twice, with one worker and
// with many, the first making the copies of images and the second taking
// them from the cache, and requires identical bytes.
func TestDeterministic(t *testing.T) {
	dir := exampleSite(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	cache := filepath.Join(t.TempDir(), "cache")
	for i, dest := range []string{a, b} {
		res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme, Workers: 1 + i*7, ImageCache: cache})
		if err != nil {
			t.Fatal(err)
		}
		if made, reused := res.Copies.Made(), res.Copies.Reused(); (i == 0) != (made > 0 && reused == 0) || (i == 1) != (made == 0 && reused > 0) {
			t.Errorf("build %d made %d copies of images and took %d from the cache", i+1, made, reused)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if tb[name] != data {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestRefusedBuildLeavesDestination builds a good site, breaks a page and
// builds again: the build is refused and the destination is byte for byte
// what the first build wrote.
func TestRefusedBuildLeavesDestination(t *testing.T) {
	dir := exampleSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	opts := Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme}
	if res, err := Build(context.Background(), opts); err != nil || res.Refused {
		t.Fatal(err, res)
	}
	before := digest(t, dest)
	bad := filepath.Join(dir, "content", "articles", "handwashing.md")
	src, _ := os.ReadFile(bad)
	if err := os.WriteFile(bad, bytes.Replace(src, []byte("title:"), []byte("titel:"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Refused {
		t.Fatal("a page with an unknown key was published")
	}
	if after := digest(t, dest); after != before {
		t.Error("a refused build changed the destination")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("left behind beside the destination: %v", entries)
	}
	// A broken layout is an error, and leaves the destination too.
	os.WriteFile(bad, src, 0o644)
	os.MkdirAll(filepath.Join(dir, "layouts"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "single.html"), []byte("{{define \"main\"}}\n{{.Page.Nope}}\n{{end}}"), 0o644)
	_, err = Build(context.Background(), opts)
	if err == nil || !strings.Contains(err.Error(), "layouts/single.html:2") {
		t.Errorf("broken layout: %v", err)
	}
	if after := digest(t, dest); after != before {
		t.Error("a failed build changed the destination")
	}
}

func TestDestinationSafety(t *testing.T) {
	dir := exampleSite(t)
	for _, dest := range []string{dir, filepath.Dir(dir), filepath.Join(dir, "content", "out")} {
		if _, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme}); err == nil {
			t.Errorf("building into %s was allowed", dest)
		}
	}
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "notes.txt"), []byte("mine"), 0o644)
	if _, err := Build(context.Background(), Options{Source: dir, Dest: other, Today: today, Theme: pamphlet.Theme}); err == nil || !strings.Contains(err.Error(), "not an earlier pamphlet build") {
		t.Errorf("replacing a folder of other files: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(other, "notes.txt")); string(b) != "mine" {
		t.Error("a folder of other files was touched")
	}
}

func TestSiteOverridesTheme(t *testing.T) {
	dir := exampleSite(t)
	os.MkdirAll(filepath.Join(dir, "layouts", "partials"), 0o755)
	os.WriteFile(filepath.Join(dir, "layouts", "partials", "footer.html"), []byte(`<footer>Our own footer</footer>`), 0o644)
	os.MkdirAll(filepath.Join(dir, "assets", "css"), 0o755)
	os.WriteFile(filepath.Join(dir, "assets", "css", "main.css"), []byte(`body{color:#000}`), 0o644)
	// Editor temporary files are passed over here as in content/.
	os.WriteFile(filepath.Join(dir, "assets", "css", "#main.css#"), []byte(`x`), 0o644)
	os.WriteFile(filepath.Join(dir, "assets", "css", "main.css~"), []byte(`x`), 0o644)
	p, err := Load(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Render(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	home := string(out.Files["index.html"])
	if !strings.Contains(home, "Our own footer") || !strings.Contains(home, "<h1>") {
		t.Errorf("home page with overridden footer:\n%s", home)
	}
	for name := range out.Files {
		if strings.Contains(name, "#") || strings.HasSuffix(name, "~") {
			t.Errorf("an editor's temporary file was published: %s", name)
		}
	}
	css := fingerprint("css/main.css", []byte(`body{color:#000}`))
	if string(out.Files[css]) != `body{color:#000}` || !strings.Contains(home, css) {
		t.Errorf("overridden CSS not written as %s", css)
	}
}

// TestDraftHome builds a site whose home page text is a draft: it is not
// published, and the other pages' breadcrumbs do not lead to it.
func TestDraftHome(t *testing.T) {
	dir := exampleSite(t)
	home := filepath.Join(dir, "content", "_index.md")
	src, _ := os.ReadFile(home)
	os.WriteFile(home, bytes.Replace(src, []byte("---\n"), []byte("---\ndraft: true\n"), 1), 0o644)
	p, err := Load(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Render(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := out.Files["index.html"]; ok {
		t.Error("a draft home page was published")
	}
	if page := string(out.Files["articles/flu-vaccine/index.html"]); !strings.Contains(page, `<a href="/articles/">Health articles</a>`) {
		t.Errorf("breadcrumbs:\n%s", page)
	}
}

// TestFootnoteBacklinks: the link from a footnote back to the text is
// named in the page's language, not left to how a screen reader says the
// symbol ↩.
func TestFootnoteBacklinks(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), Options{Source: exampleSite(t), Dest: dest, Today: today, Theme: pamphlet.Theme})
	if err != nil || res.Refused {
		t.Fatalf("build: %v %v", err, res)
	}
	files := tree(t, dest)
	for page, label := range map[string]string{
		"articles/handwashing/index.html":    "Back to the text",
		"es/articles/handwashing/index.html": "Volver al texto",
	} {
		if want := `role="doc-backlink" aria-label="` + label + `"`; !strings.Contains(files[page], want) {
			t.Errorf("%s has no %s", page, want)
		}
	}
}

// TestPageChangedDuringBuild: a build lets go of the pages' text once
// they are checked and reads each again to render it. A page changed in
// between is not published unchecked: rendering fails, naming it.
func TestPageChangedDuringBuild(t *testing.T) {
	dir := exampleSite(t)
	p, err := Load(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	const page = "content/articles/handwashing.md"
	file := filepath.Join(dir, filepath.FromSlash(page))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "soap", "SOAP", 1)
	if changed == string(data) {
		t.Fatal("the example page no longer says soap")
	}
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = p.RenderTo(context.Background(), func(string, []byte) error { return nil })
	if err == nil || !strings.Contains(err.Error(), page+" changed while the site was being built") {
		t.Fatalf("render: %v, want an error naming %s", err, page)
	}
}

// TestBoundHeap: a build sets the collector's growth and a soft memory
// limit for its size, within 2 GB at 100,000 pages, and sets them back
// after; a $GOGC or $GOMEMLIMIT the user set is left alone.
func TestBoundHeap(t *testing.T) {
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	const none = math.MaxInt64
	before := debug.SetMemoryLimit(none)
	defer debug.SetMemoryLimit(before)
	growth := debug.SetGCPercent(100)
	defer debug.SetGCPercent(growth)
	limit := func() int64 { return debug.SetMemoryLimit(-1) } // a negative limit only reads it
	gcPercent := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	for _, c := range []struct {
		pages int
		want  int64
	}{
		{100, heapBase + 100*heapPage},
		{1000, heapBase + 1000*heapPage},
		{heapPages, heapBase + heapPages*heapPage},
		{100000, heapBase + heapPages*heapPage + (100000-heapPages)*heapPageLarge},
	} {
		restore := boundHeap(c.pages)
		if got := limit(); got != c.want {
			t.Errorf("%d pages: memory limit %d, want %d", c.pages, got, c.want)
		}
		if got := gcPercent(); got != heapGrowth {
			t.Errorf("%d pages: GOGC %d, want %d", c.pages, got, heapGrowth)
		}
		restore()
	}
	if got := heapLimit(100000); got > 2<<30 {
		t.Errorf("100,000 pages: memory limit %d, over 2 GB", got)
	}
	if a, b := heapLimit(heapPages), heapLimit(heapPages+1); b-a != heapPageLarge {
		t.Errorf("the limit grows by %d at %d pages, want %d", b-a, heapPages, heapPageLarge)
	}
	if got := limit(); got != none {
		t.Errorf("after the build: memory limit %d, want it set back", got)
	}
	if got := gcPercent(); got != 100 {
		t.Errorf("after the build: GOGC %d, want it set back", got)
	}
	for _, v := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Run(v, func(t *testing.T) {
			t.Setenv(v, "300")
			restore := boundHeap(heapPages * 2)
			if got := limit(); got != none {
				t.Errorf("with $%s set, a build set the memory limit to %d", v, got)
			}
			if got := gcPercent(); got != 100 {
				t.Errorf("with $%s set, a build set GOGC to %d", v, got)
			}
			restore()
		})
	}
}
