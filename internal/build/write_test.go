package build

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// TestDestinationThroughSymlink refuses destinations that reach the site
// through a symlink, and writes nothing for them: not the site, not a
// folder beside it.
func TestDestinationThroughSymlink(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "site")
	if err := os.CopyFS(dir, os.DirFS(exampleSite(t))); err != nil {
		t.Fatal(err)
	}
	// A site kept in a GitHub Pages repository may well hold the marker
	// file, which is what let the old check take the site for a build.
	os.WriteFile(filepath.Join(dir, Marker), nil, 0o644)
	links := filepath.Join(t.TempDir(), "links")
	os.Mkdir(links, 0o755)
	for name, target := range map[string]string{
		"parent":  base,
		"site":    dir,
		"content": filepath.Join(dir, "content"),
		"up":      filepath.Join(base, "site", "content", "articles"),
	} {
		if err := os.Symlink(target, filepath.Join(links, name)); err != nil {
			t.Fatal(err)
		}
	}
	before := digest(t, base)
	for _, dest := range []string{
		filepath.Join(links, "parent", "site"),            // is the site
		filepath.Join(links, "parent"),                    // holds the site
		filepath.Join(links, "site", "content", "public"), // inside content/
		filepath.Join(links, "content", "news"),           // inside content/
		links + "/up/../../../site",                       // ".." after a link: the site
		links + "/up/../out",                              // inside content/
	} {
		res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme})
		if err == nil {
			t.Errorf("-dest %s was allowed (%d files written)", dest, res.Files)
		}
	}
	// The site through a link is the same site.
	for _, dest := range []string{filepath.Join(links, "site", "content")} {
		if _, err := Build(context.Background(), Options{Source: filepath.Join(links, "site"), Dest: dest, Today: today, Theme: pamphlet.Theme}); err == nil {
			t.Errorf("-source through a link: -dest %s was allowed", dest)
		}
	}
	if digest(t, base) != before {
		t.Error("a refused destination changed the site's folder")
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 {
		t.Errorf("left beside the site: %v", entries)
	}

	// A destination that is a link to a folder elsewhere is built there,
	// and the link stays.
	out := filepath.Join(t.TempDir(), "www")
	os.Mkdir(out, 0o755)
	pub := filepath.Join(dir, "public")
	os.Symlink(out, pub)
	res, err := Build(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil || res.Refused {
		t.Fatal(err, res)
	}
	if res.Dest != out {
		t.Errorf("built into %s, want the link's target %s", res.Dest, out)
	}
	if target, err := os.Readlink(pub); err != nil || target != out {
		t.Errorf("the link public/ is now %q, %v", target, err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Error(err)
	}
}

func TestRealPath(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.Symlink(filepath.Join(dir, "a", "b"), filepath.Join(dir, "ab"))
	os.Symlink("a/b", filepath.Join(dir, "rel"))
	os.Symlink("loop", filepath.Join(dir, "loop"))
	for in, want := range map[string]string{
		"ab":             "a/b",
		"ab/..":          "a",
		"rel/../..":      ".",
		"ab/new/deeper":  "a/b/new/deeper",
		"./a//b/./":      "a/b",
		"missing/../a/b": "a/b",
	} {
		got, err := realPath(filepath.Join(dir, "") + string(filepath.Separator) + in)
		if err != nil || got != filepath.Join(dir, want) {
			t.Errorf("realPath(%q) = %q, %v; want %q", in, got, err, filepath.Join(dir, want))
		}
	}
	if _, err := realPath(filepath.Join(dir, "loop", "x")); err == nil {
		t.Error("a symlink loop resolved")
	}
}

// TestKilledBuilds kills a build in a child process at random moments and
// checks that public/ is always one whole build, that it exists at every
// moment a watcher looks, and that the next build removes what the killed
// ones left.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site 25 times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	if err := sitegen.Write(src, 150); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	child := func() *exec.Cmd {
		cmd := exec.Command(exe, "-test.run=^TestKilledBuildsChild$")
		cmd.Env = append(os.Environ(), "PAMPHLET_CHILD_BUILD="+src+string(os.PathListSeparator)+dest)
		return cmd
	}
	start := time.Now()
	if out, err := child().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := digest(t, dest)

	var missing atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	})
	r := rand.New(rand.NewPCG(1, 2))
	killed := 0
	for range 24 {
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(took))))
		if cmd.Process.Kill() == nil {
			killed++
		}
		cmd.Wait()
		if got := digest(t, dest); got != want {
			t.Fatalf("after a kill, %s is not the whole build", dest)
		}
	}
	close(stop)
	wg.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("%s was missing %d times while builds ran", dest, n)
	}
	if killed < 20 {
		t.Errorf("only %d builds were killed", killed)
	}
	t.Logf("%d builds killed at random within %s; leftovers before the next build: %v", killed, took, leftovers(t, dest))
	if out, err := child().CombinedOutput(); err != nil {
		t.Fatalf("last build: %v\n%s", err, out)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("the next build left %v", l)
	}
	if got := digest(t, dest); got != want {
		t.Error("the last build differs from the first")
	}
}

// TestKilledBuildsChild is the build that TestKilledBuilds kills.
func TestKilledBuildsChild(t *testing.T) {
	env := os.Getenv("PAMPHLET_CHILD_BUILD")
	if env == "" {
		t.Skip("run by TestKilledBuilds")
	}
	src, dest, _ := strings.Cut(env, string(os.PathListSeparator))
	res, err := Build(context.Background(), Options{Source: src, Dest: dest, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused {
		t.Fatalf("refused: %v", res.Findings)
	}
}

func leftovers(t *testing.T, dest string) []string {
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestLeftoversOnlyOurs: the next build removes only folders named like
// its own, not held by a running build, and nothing else.
func TestLeftoversOnlyOurs(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	keep := []string{"public-notes", ".public.newer", ".other.new-1", "mine"}
	for _, k := range keep {
		os.Mkdir(filepath.Join(parent, k), 0o755)
	}
	os.WriteFile(filepath.Join(parent, ".public.new-file"), []byte("a file"), 0o644)
	keep = append(keep, ".public.new-file")
	os.Symlink(filepath.Join(parent, "mine"), filepath.Join(parent, ".public.new-link"))
	keep = append(keep, ".public.new-link")
	os.MkdirAll(filepath.Join(parent, ".public.new-123", "a"), 0o755)
	os.MkdirAll(filepath.Join(parent, ".public.new-456.old"), 0o755)
	running, err := newWriter(dest) // a build still running
	if err != nil {
		t.Fatal(err)
	}
	defer running.abort()
	keep = append(keep, filepath.Base(running.tmp))
	w, err := newWriter(dest)
	if err != nil {
		t.Fatal(err)
	}
	keep = append(keep, filepath.Base(w.tmp))
	got := leftovers(t, dest)
	if strings.Join(got, " ") != strings.Join(sortedCopy(keep), " ") {
		t.Errorf("beside the destination: %v, want %v", got, sortedCopy(keep))
	}
	w.abort()
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
