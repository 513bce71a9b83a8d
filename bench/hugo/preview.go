package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pamphlet-health/pamphlet/bench/loopback"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// This file measures the live previews on a site: `pamphlet serve` and
// `hugo server` of the themed Hugo site, each started on a free port of
// 127.0.0.1, timed from its start to its first page served (its first
// build, in memory), and then over one-article edits, each timed from
// the save to the reload event of the edited page (pamphlet's
// server-sent events) or, for Hugo, to the edited text in the page it
// serves, which Hugo renders before its livereload tells the browser.

// The previews, by their place in a result's previews.
const (
	pamphletServe = iota
	hugoServer
)

var previewNames = []string{"pamphlet serve", "hugo server (theme)"}

// A previewed is what one preview of a site measured.
type previewed struct {
	ready  time.Duration   // from its start to its first page served
	logged time.Duration   // the first build's time, as the preview logs it; 0 when it does not
	edits  []time.Duration // of the timed edits
	peak   int64           // bytes of its largest resident set, when the system tells
}

// editMarker is the sentence of the edited article that each edit
// changes (see sitegen.Article).
const editMarker = "Most people get better"

// editedArticle is the article the previews' edits change: one in the
// middle of the site.
func editedArticle(n int) (file, page string) {
	return sitegen.ArticleFile(n / 2), fmt.Sprintf("/articles/topic-%d/", n/2)
}

// edited is the article's text after edit k: one sentence changed.
func edited(orig []byte, k int) ([]byte, string) {
	mark := fmt.Sprintf("Edit %d: most people get better", k)
	return bytes.Replace(orig, []byte(editMarker), []byte(mark), 1), mark
}

// A server is a preview running as a process, with what it logs.
type server struct {
	cmd  *exec.Cmd
	base string // such as http://127.0.0.1:1313

	mu    sync.Mutex
	lines []string
	grew  chan struct{} // closed and made again whenever a line is logged
	done  chan struct{} // closed when the process has ended
	start time.Time
}

// startServer starts a preview and reads what it logs, on both outputs.
func startServer(ctx context.Context, addr string, args ...string) (*server, error) {
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = w, w
	s := &server{cmd: cmd, base: "http://" + addr, grew: make(chan struct{}), done: make(chan struct{})}
	s.start = time.Now()
	if err := cmd.Start(); err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	w.Close()
	go func() {
		defer close(s.done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			s.mu.Lock()
			s.lines = append(s.lines, sc.Text())
			close(s.grew)
			s.grew = make(chan struct{})
			s.mu.Unlock()
		}
		r.Close()
	}()
	return s, nil
}

// log returns what the server has logged so far.
func (s *server) log() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}

// waitLog waits until the server has logged n lines that match re, and
// returns the nth.
func (s *server) waitLog(ctx context.Context, re *regexp.Regexp, n int, limit time.Duration) (string, error) {
	stop := time.After(limit)
	for {
		s.mu.Lock()
		seen := 0
		for _, l := range s.lines {
			if re.MatchString(l) {
				if seen++; seen == n {
					s.mu.Unlock()
					return l, nil
				}
			}
		}
		grew := s.grew
		s.mu.Unlock()
		select {
		case <-grew:
		case <-s.done:
			return "", fmt.Errorf("the preview stopped:\n%s", s.log())
		case <-stop:
			return "", fmt.Errorf("no line matching %s after %s:\n%s", re, limit, s.log())
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// get fetches a page of the server.
func (s *server) get(ctx context.Context, page string) (int, []byte, error) {
	return loopback.Get(ctx, s.base+page)
}

// waitPage fetches a page until it answers 200 and holds want, and
// returns when it first did.
func (s *server) waitPage(ctx context.Context, page, want string, every, limit time.Duration) (time.Time, error) {
	at, err := loopback.Wait(ctx, s.base+page, every, limit, s.done, func(code int, body []byte) bool {
		return code == http.StatusOK && bytes.Contains(body, []byte(want))
	})
	if errors.Is(err, loopback.ErrStopped) {
		return at, fmt.Errorf("the preview stopped:\n%s", s.log())
	}
	if err != nil && ctx.Err() == nil {
		return at, fmt.Errorf("%s did not show %q: %w\n%s", page, want, err, s.log())
	}
	return at, err
}

// peak reads the largest resident set of the running server, from
// /proc; 0 where the system does not say.
func (s *server) peak() int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}

// stop ends the server and waits for it.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.done
	}
	_ = s.cmd.Wait()
}

// writerPause is how long after a preview finished an edit (pamphlet
// serve's line on the terminal; for Hugo, the edited page served) the
// next is saved, as a writer saves again after looking at the page, and
// not while the preview is still collecting its garbage.
const writerPause = 500 * time.Millisecond

// The limits of the previews' waits.
const (
	readyLimit = 30 * time.Minute // for the first build of a large site
	editLimit  = 5 * time.Minute
)

// pamphletBuilt is the line pamphlet serve logs once a build is done,
// with its time: "pamphlet: 38ms: content/articles/flu.md: ...".
var pamphletBuilt = regexp.MustCompile(`^pamphlet: ([0-9.hmµns]+)( \(and [^)]*\))?: .*(reloaded|build failed)`)

// editSetup returns the file of the article a preview of s edits, the
// address of its page and the file's bytes, to write back afterwards,
// and a free address for the server.
func editSetup(s site) (path, page string, orig []byte, addr string, err error) {
	file, page := editedArticle(s.articles)
	path = filepath.Join(s.pamphlet(), filepath.FromSlash(file))
	if orig, err = os.ReadFile(path); err != nil {
		return "", "", nil, "", err
	}
	if addr, err = loopback.FreeAddr(); err != nil {
		return "", "", nil, "", err
	}
	return path, page, orig, addr, nil
}

// previewPamphlet measures pamphlet serve on s: its first build, then an
// edit untimed (it unsigns the article, which its lists show), then
// edits timed to the page's reload event, each save writerPause after
// the server has finished the one before.
func previewPamphlet(ctx context.Context, s site, bin string, edits int, log io.Writer) (previewed, error) {
	var m previewed
	path, page, orig, addr, err := editSetup(s)
	if err != nil {
		return m, err
	}
	defer os.WriteFile(path, orig, 0o644)
	srv, err := startServer(ctx, addr, bin, "serve", "-source", s.pamphlet(), "-addr", addr, "-date", sitegen.Today.Format(time.DateOnly))
	if err != nil {
		return m, err
	}
	defer srv.stop()
	at, err := srv.waitPage(ctx, page, editMarker, 5*time.Millisecond, readyLimit)
	if err != nil {
		return m, err
	}
	m.ready = at.Sub(srv.start)
	line, err := srv.waitLog(ctx, pamphletBuilt, 1, editLimit)
	if err != nil {
		return m, err
	}
	if d, err := time.ParseDuration(pamphletBuilt.FindStringSubmatch(line)[1]); err == nil {
		m.logged = d
	}
	fmt.Fprintf(log, "compare-hugo: %s: pamphlet serve ready after %v (its first build: %v)\n", s.name, m.ready.Round(time.Millisecond), m.logged.Round(time.Millisecond))
	builds := 1
	for k := -1; k < edits; k++ {
		_, body, err := srv.get(ctx, page)
		if err != nil {
			return m, err
		}
		build := between(string(body), `data-build="`, `"`)
		reload, err := reloadEvent(ctx, srv.base, page, build)
		if err != nil {
			return m, err
		}
		text, _ := edited(orig, k)
		start := time.Now()
		if err := os.WriteFile(path, text, 0o644); err != nil {
			return m, err
		}
		select {
		case err := <-reload:
			if err != nil {
				return m, err
			}
		case <-time.After(editLimit):
			return m, fmt.Errorf("no reload event for %s after an edit:\n%s", page, srv.log())
		}
		took := time.Since(start)
		builds++
		if _, err := srv.waitLog(ctx, pamphletBuilt, builds, editLimit); err != nil {
			return m, err
		}
		time.Sleep(writerPause)
		if k >= 0 {
			m.edits = append(m.edits, took)
		}
	}
	m.peak = srv.peak()
	fmt.Fprintf(log, "compare-hugo: %s: pamphlet serve: %d edits, median %v to the reload event\n", s.name, len(m.edits), medianDuration(m.edits).Round(100*time.Microsecond))
	return m, nil
}

// reloadEvent opens a page's stream of reload events as its script
// does, and returns once it is open a channel that gets nil when the
// server says to reload.
func reloadEvent(ctx context.Context, base, page, build string) (<-chan error, error) {
	ctx, cancel := context.WithCancel(ctx)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_pamphlet/events?page="+page+"&build="+build, nil)
	if err != nil {
		cancel()
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		return nil, err
	}
	opened, out := make(chan struct{}), make(chan error, 1)
	go func() {
		defer cancel()
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		first := true
		for sc.Scan() {
			if first && strings.HasPrefix(sc.Text(), "retry:") {
				first = false
				close(opened)
			}
			if sc.Text() == "event: reload" {
				out <- nil
				return
			}
		}
		if first {
			close(opened)
		}
		out <- errors.New("the reload stream ended without a reload event")
	}()
	select {
	case <-opened:
	case <-time.After(editLimit):
		return nil, errors.New("the reload stream did not open")
	}
	return out, nil
}

func between(s, from, to string) string {
	_, after, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, to)
	return v
}

// hugoReady is what hugo server prints once its first build is done.
var hugoReady = regexp.MustCompile(`Web Server is available at`)

// previewHugo measures hugo server on the themed Hugo site of s,
// rendering to memory: its first build, then an edit untimed, then edits
// timed from the save to the page it serves holding the edited text,
// fetched every millisecond. Each save comes writerPause, or as long as
// the last edit took if longer, after the page showed the last.
func previewHugo(ctx context.Context, s site, hugo string, edits int, log io.Writer) (previewed, error) {
	var m previewed
	path, page, orig, addr, err := editSetup(s)
	if err != nil {
		return m, err
	}
	defer os.WriteFile(path, orig, 0o644)
	_, port, _ := net.SplitHostPort(addr)
	for _, d := range s.hugoCaches(themed) {
		if err := os.RemoveAll(d); err != nil {
			return m, err
		}
	}
	srv, err := startServer(ctx, addr, hugo, "server", "--source", s.hugo(themed), "--bind", "127.0.0.1", "--port", port,
		"--renderToMemory", "--minify")
	if err != nil {
		return m, err
	}
	defer srv.stop()
	at, err := srv.waitPage(ctx, page, editMarker, 5*time.Millisecond, readyLimit)
	if err != nil {
		return m, err
	}
	m.ready = at.Sub(srv.start)
	fmt.Fprintf(log, "compare-hugo: %s: hugo server ready after %v\n", s.name, m.ready.Round(time.Millisecond))
	for k := -1; k < edits; k++ {
		text, mark := edited(orig, k)
		start := time.Now()
		if err := os.WriteFile(path, text, 0o644); err != nil {
			return m, err
		}
		at, err := srv.waitPage(ctx, page, mark, time.Millisecond, editLimit)
		if err != nil {
			return m, err
		}
		if k >= 0 {
			m.edits = append(m.edits, at.Sub(start))
		}
		time.Sleep(max(writerPause, at.Sub(start)))
	}
	m.peak = srv.peak()
	fmt.Fprintf(log, "compare-hugo: %s: hugo server: %d edits, median %v to the edited page\n", s.name, len(m.edits), medianDuration(m.edits).Round(100*time.Microsecond))
	return m, nil
}

// medianDuration is the median of ds; 0 for none.
func medianDuration(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	v := slices.Sorted(slices.Values(ds))
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}
