package serve

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a build function that serves a page per watched file and
// records the changes it was built for.
type recorder struct {
	mu      sync.Mutex
	batches [][]string
	fail    error
}

func (r *recorder) build(ctx context.Context, changed []string) (*Site, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.batches = append(r.batches, slices.Clone(changed))
	if r.fail != nil {
		return nil, r.fail
	}
	return &Site{Files: map[string][]byte{
		"index.html":   []byte("<!DOCTYPE html><html><body><p>home</p></body></html>"),
		"a/index.html": []byte("<!DOCTYPE html><html><body><p>a</p></body></html>"),
		"style.css":    []byte("body{}"),
	}}, nil
}

func (r *recorder) last() (int, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.batches), r.batches[len(r.batches)-1]
}

func start(t *testing.T, root string, r *recorder) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ignore := func(name string) bool { return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") }
	s := New(Options{Root: root, Watch: []string{"content", "pamphlet.yaml"}, Build: r.build, Ignore: ignore, Quiet: 30 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	base := "http://" + ln.Addr().String()
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			return base
		}
		if time.Since(start) > 10*time.Second {
			t.Fatal("the server did not start")
		}
	}
}

// waitBatch waits for build number n and returns what it was for.
func waitBatch(t *testing.T, r *recorder, n int) []string {
	t.Helper()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(10 * time.Millisecond) {
		if got, batch := r.last(); got >= n {
			if got > n {
				t.Fatalf("%d builds, want %d", got, n)
			}
			slices.Sort(batch)
			return batch
		}
	}
	t.Fatalf("no build %d", n)
	return nil
}

// TestWatch: a burst of changes builds once; a save by renaming a
// temporary file names the page and not the temporary file; a folder made
// later is watched, with the files made in it before its watch began;
// changes outside the watched paths are passed over.
func TestWatch(t *testing.T) {
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, "content/news"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, "pamphlet.yaml"), []byte("title: x\n"), 0o644))
	r := &recorder{}
	start(t, root, r)
	if got := waitBatch(t, r, 1); got != nil {
		t.Fatalf("first build for %v, want everything (nil)", got)
	}

	// A burst: three pages written at once.
	for _, n := range []string{"a.md", "b.md", "c.md"} {
		must(t, os.WriteFile(filepath.Join(root, "content/news", n), []byte("x"), 0o644))
	}
	if got, want := waitBatch(t, r, 2), []string{"content/news/a.md", "content/news/b.md", "content/news/c.md"}; !slices.Equal(got, want) {
		t.Errorf("burst: %v, want %v", got, want)
	}

	// Saving as many editors do: a temporary file renamed over the page.
	tmp := filepath.Join(root, "content/news/.a.md.swp")
	must(t, os.WriteFile(tmp, []byte("y"), 0o644))
	must(t, os.Rename(tmp, filepath.Join(root, "content/news/a.md")))
	if got, want := waitBatch(t, r, 3), []string{"content/news/a.md"}; !slices.Equal(got, want) {
		t.Errorf("rename save: %v, want %v", got, want)
	}

	// A new folder, with a file in it at once.
	must(t, os.MkdirAll(filepath.Join(root, "content/events/2026"), 0o755))
	must(t, os.WriteFile(filepath.Join(root, "content/events/2026/fair.md"), []byte("x"), 0o644))
	got := waitBatch(t, r, 4)
	if !slices.Contains(got, "content/events") {
		t.Errorf("new folder: %v, want content/events", got)
	}
	// Its files are watched from now on.
	must(t, os.WriteFile(filepath.Join(root, "content/events/2026/fair.md"), []byte("changed"), 0o644))
	if got, want := waitBatch(t, r, 5), []string{"content/events/2026/fair.md"}; !slices.Equal(got, want) {
		t.Errorf("file in new folder: %v, want %v", got, want)
	}

	// Outside the watched paths, and temporary files: no build.
	must(t, os.WriteFile(filepath.Join(root, "notes.txt"), []byte("x"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "content/news/b.md~"), []byte("x"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "pamphlet.yaml"), []byte("title: y\n"), 0o644))
	if got, want := waitBatch(t, r, 6), []string{"pamphlet.yaml"}; !slices.Equal(got, want) {
		t.Errorf("pamphlet.yaml: %v, want %v", got, want)
	}
}

// TestServeFiles: pages get the reload script, other files are served as
// they are, a folder without its slash is redirected, a missing page is
// 404, a failed build shows its error in every page, and the next build
// that works brings the pages back.
func TestServeFiles(t *testing.T) {
	root := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(root, "content"), 0o755))
	r := &recorder{}
	base := start(t, root, r)
	status := func(path string) (int, string) {
		t.Helper()
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := status("/a/"); code != 200 || !strings.Contains(body, ScriptPath) {
		t.Errorf("/a/: %d %s", code, body)
	}
	if code, body := status("/style.css"); code != 200 || body != "body{}" {
		t.Errorf("/style.css: %d %s", code, body)
	}
	if code, _ := status("/a"); code != http.StatusMovedPermanently {
		t.Errorf("/a: %d", code)
	}
	if code, _ := status("/nope/"); code != 404 {
		t.Errorf("/nope/: %d", code)
	}
	r.mu.Lock()
	r.fail = errors.New("layouts/single.html:3: function \"nope\" not defined")
	r.mu.Unlock()
	must(t, os.WriteFile(filepath.Join(root, "content/x.md"), []byte("x"), 0o644))
	waitBatch(t, r, 2)
	if code, body := status("/a/"); code != 500 || !strings.Contains(body, "layouts/single.html:3") || !strings.Contains(body, ScriptPath) {
		t.Errorf("/a/ while the build fails: %d %s", code, body)
	}
	if code, _ := status("/style.css"); code != 200 {
		t.Errorf("/style.css while the build fails: %d", code)
	}
	r.mu.Lock()
	r.fail = nil
	r.mu.Unlock()
	must(t, os.WriteFile(filepath.Join(root, "content/x.md"), []byte("y"), 0o644))
	waitBatch(t, r, 3)
	if code, _ := status("/a/"); code != 200 {
		t.Errorf("/a/ once mended: %d", code)
	}
}

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1:1313": true, "localhost:1313": true, "[::1]:1313": true, "127.0.0.1": true,
		"example.org": false, "192.168.1.2:1313": false, "evil.localhost.example:1313": false,
	} {
		if got := Loopback(host); got != want {
			t.Errorf("Loopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestFinishAfterReload: a build that leaves work to Finish has its
// pages told to reload first, and the finished site served after; the
// files a build names as changed are the only ones compared.
func TestFinishAfterReload(t *testing.T) {
	page := func(text string) []byte {
		return []byte("<!DOCTYPE html><html><body><p>" + text + "</p></body></html>")
	}
	sites := make(chan *Site, 1)
	var logged syncLog
	s := New(Options{Build: func(context.Context, []string) (*Site, error) { return <-sites, nil }, Log: &logged})
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the streams, whose cleanups run first
	sites <- &Site{Files: map[string][]byte{"index.html": page("home"), "a/index.html": page("a")}}
	if err := s.Rebuild(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	open := func(path string) <-chan struct{} {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		build := strings.Split(strings.Split(string(body), `data-build="`)[1], `"`)[0]
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+EventsPath+"?page="+path+"&build="+build, nil)
		ev, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		opened, got := make(chan struct{}), make(chan struct{}, 1)
		go func() {
			defer ev.Body.Close()
			buf := make([]byte, 4096)
			var seen string
			told := false // that the stream opened
			for {
				n, err := ev.Body.Read(buf)
				seen += string(buf[:n])
				if strings.Contains(seen, "retry:") && !told {
					close(opened)
					told = true
				}
				if strings.Contains(seen, "event: reload") {
					got <- struct{}{}
					return
				}
				if err != nil {
					return
				}
			}
		}()
		select {
		case <-opened:
		case <-time.After(10 * time.Second):
			t.Fatal("the reload stream did not open")
		}
		return got
	}
	a, home := open("/a/"), open("/")
	finished := make(chan struct{})
	sites <- &Site{
		// The home page differs too, but the build says only a/ changed.
		Files:   map[string][]byte{"index.html": page("home again"), "a/index.html": page("a edited")},
		Changed: []string{"a/index.html"},
		Finish: func(context.Context) (*Site, error) {
			select {
			case <-a:
			case <-time.After(10 * time.Second):
				t.Error("Finish was called before the edited page was told to reload")
			}
			close(finished)
			return &Site{Files: map[string][]byte{"index.html": page("home again"), "a/index.html": page("a edited"), "search/index/meta.json": []byte("{}")}, Changed: []string{"search/index/meta.json"}}, nil
		},
	}
	if err := s.Rebuild(context.Background(), []string{"content/a.md"}); err != nil {
		t.Fatal(err)
	}
	<-finished
	select {
	case <-home:
		t.Error("a page the build did not name was told to reload")
	default:
	}
	resp, err := http.Get(ts.URL + "/search/index/meta.json")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the finished site's file: %d", resp.StatusCode)
	}
	if line := logged.String(); !strings.Contains(line, "after the reload)") || !strings.Contains(line, "1 open page reloaded") {
		t.Errorf("log: %s", line)
	}
}

// syncLog is a log the server writes while a test reads it.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
