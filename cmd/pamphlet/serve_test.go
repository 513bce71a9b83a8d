package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/serve"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

var serveToday = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// previewSite copies the example site into a new folder.
func previewSite(t testing.TB) string { return testsite.Example(t) }

// syncBuffer is a buffer the server may write to while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startPreview runs pamphlet serve on a free port of 127.0.0.1 for the
// site in dir, and returns its address and what it logs.
func startPreview(t testing.TB, dir string) (string, *syncBuffer) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	log := &syncBuffer{}
	done := make(chan int)
	go func() { done <- runPreview(ctx, dir, serveToday, ln, log) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve exited %d: %s", code, log)
		}
	})
	base := "http://" + ln.Addr().String()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if strings.Contains(log.String(), "rendered") {
			return base, log
		}
		if time.Since(start) > 5*time.Minute {
			t.Fatalf("serve did not start: %s", log)
		}
	}
}

func get(t testing.TB, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// reloads opens a page's reload stream as the page's script would, and
// returns a channel that gets a value when the server says to reload.
func reloads(t testing.TB, base, page, body string) <-chan struct{} {
	t.Helper()
	build := between(body, `data-build="`, `"`)
	req, err := http.NewRequest("GET", base+serve.EventsPath+"?page="+page+"&build="+build, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{})
	out := make(chan struct{}, 1)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "retry:") {
				close(ready)
			}
			if sc.Text() == "event: reload" {
				out <- struct{}{}
				return
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(10 * time.Second):
		t.Fatal("the reload stream did not open")
	}
	return out
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}

func waitReload(t testing.TB, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Fatalf("no reload after %s", what)
	}
}

func noReload(t testing.TB, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
		t.Fatalf("a page that did not change was told to reload after %s", what)
	default:
	}
}

// TestServe starts the preview on a free port and edits the site under
// it: each edit shows at once in the pages it changes, and only those
// reload; a refused page shows why; a broken pamphlet.yaml or layout
// shows its file and line in every page, and the next good save mends
// it; and nothing is ever written to public/.
func TestServe(t *testing.T) {
	dir := previewSite(t)
	base, log := startPreview(t, dir)
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	news := "/news/evening-appointments/"
	code, body := get(t, base+news)
	if code != 200 || !strings.Contains(body, serve.ScriptPath) {
		t.Fatalf("GET %s: %d, reload script there: %v", news, code, strings.Contains(body, serve.ScriptPath))
	}
	_, other := get(t, base+"/articles/handwashing/")
	newsReload := reloads(t, base, news, body)
	otherReload := reloads(t, base, "/articles/handwashing/", other)

	// An edit saved the way many editors save: a temporary file renamed
	// over the page.
	file := "content/news/evening-appointments.md"
	text := read(file)
	tmp := filepath.Join(dir, "content/news/.evening-appointments.md.tmp")
	if err := os.WriteFile(tmp, []byte(strings.Replace(text, "\n\n", "\n\nAn edit made while previewing.\n\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "content/news/evening-appointments.md")); err != nil {
		t.Fatal(err)
	}
	waitReload(t, newsReload, "an edit")
	if _, body := get(t, base+news); !strings.Contains(body, "An edit made while previewing.") {
		t.Errorf("the edit does not show")
	}
	time.Sleep(100 * time.Millisecond)
	noReload(t, otherReload, "an edit to another page")

	// A clinical claim on an unreviewed page: the page shows it is not
	// publishable, and why.
	_, body = get(t, base+news)
	newsReload = reloads(t, base, news, body)
	write(file, strings.Replace(read(file), "An edit made while previewing.", "This medicine cures the flu in a day.", 1))
	waitReload(t, newsReload, "a clinical claim")
	_, body = get(t, base+news)
	for _, want := range []string{"Not publishable", "content/news/evening-appointments.md:", "claims.unreviewed"} {
		if !strings.Contains(body, want) {
			t.Errorf("the refused page does not show %q", want)
		}
	}

	// A new page in a new folder is watched and served.
	write("content/news/2026/winter.md", "---\ntitle: Winter opening hours\ndescription: Our opening hours over the winter holidays, from December to January.\ndate: 2026-11-20\n---\n\nWe close early on 24 December.\n")
	waitFor(t, func() bool { code, _ := get(t, base+"/news/2026/winter/"); return code == 200 }, "the new page")
	write("content/news/2026/winter.md", strings.Replace(read("content/news/2026/winter.md"), "close early", "close at noon", 1))
	waitFor(t, func() bool { _, b := get(t, base+"/news/2026/winter/"); return strings.Contains(b, "close at noon") }, "an edit to the new page")

	// A broken pamphlet.yaml: every page shows the file and line, and
	// the next good save brings the site back.
	_, body = get(t, base+news)
	newsReload = reloads(t, base, news, body)
	cfg := read("pamphlet.yaml")
	write("pamphlet.yaml", "title: [unclosed\n"+cfg)
	waitReload(t, newsReload, "breaking pamphlet.yaml")
	code, body = get(t, base+news)
	if code != 500 || !strings.Contains(body, "pamphlet.yaml:") || !strings.Contains(body, "could not be built") {
		t.Errorf("a broken pamphlet.yaml shows %d %.500s", code, body)
	}
	errReload := reloads(t, base, news, body)
	write("pamphlet.yaml", cfg)
	waitReload(t, errReload, "mending pamphlet.yaml")
	if code, _ := get(t, base+news); code != 200 {
		t.Errorf("after mending pamphlet.yaml: %d", code)
	}

	// A broken layout, then mended.
	write("layouts/partials/footer.html", "<footer>{{.Nope</footer>")
	waitFor(t, func() bool { code, _ := get(t, base+"/"); return code == 500 }, "breaking a layout")
	if _, body := get(t, base+"/"); !strings.Contains(body, "layouts/partials/footer.html:1") {
		t.Errorf("a broken layout shows %.500s", body)
	}
	write("layouts/partials/footer.html", `<footer class="site-footer"><p>Our own footer.</p></footer>`)
	waitFor(t, func() bool { _, b := get(t, base+"/"); return strings.Contains(b, "Our own footer.") }, "mending the layout")

	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		if !strings.HasPrefix(line, "pamphlet: ") {
			t.Errorf("log line %q", line)
		}
	}
}

func waitFor(t testing.TB, ok func() bool, what string) {
	t.Helper()
	for start := time.Now(); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Since(start) > 20*time.Second {
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// TestServeRefusesOtherHosts checks that the preview will not listen on an
// address other machines reach, nor answer a request for another host.
func TestServeRefusesOtherHosts(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "-addr", "0.0.0.0:0"}, io.Discard, &stderr); code != exitUsage || !strings.Contains(stderr.String(), "loopback") {
		t.Errorf("serve -addr 0.0.0.0:0: exit %d, %s", code, &stderr)
	}
	base, _ := startPreview(t, previewSite(t))
	req, _ := http.NewRequest("GET", base+"/", nil)
	req.Host = "attacker.example"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a request for another host: %d", resp.StatusCode)
	}
}

// TestBuildHasNoPreviewParts checks that what serve adds to pages, the
// reload script and the box of findings, never reaches a build: the same
// page has both in the preview and neither in public/.
func TestBuildHasNoPreviewParts(t *testing.T) {
	dir := previewSite(t)
	// A page with a warning (a short description), which the preview lists on the page.
	page := "---\ntitle: About our evenings\ndescription: Too short.\n---\n\nSome text.\n"
	if err := os.WriteFile(filepath.Join(dir, "content/about-evenings.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	parts := []string{serve.ScriptPath, serve.EventsPath, "EventSource", "data-pamphlet-findings"}
	base, _ := startPreview(t, dir)
	_, body := get(t, base+"/about-evenings/")
	for _, p := range parts[:1] {
		if !strings.Contains(body, p) {
			t.Fatalf("the preview does not show %q", p)
		}
	}
	if !strings.Contains(body, "data-pamphlet-findings") || !strings.Contains(body, "seo.description") {
		t.Fatalf("the preview does not list the page's warning")
	}
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"build", "-source", dir, "-date", "2026-11-21"}, io.Discard, &stderr); code != exitOK {
		t.Fatalf("build: exit %d: %s", code, &stderr)
	}
	n := 0
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		for _, part := range parts {
			if bytes.Contains(data, []byte(part)) {
				t.Errorf("%s holds %q", p, part)
			}
		}
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("looked at %d files: %v", n, err)
	}
}
