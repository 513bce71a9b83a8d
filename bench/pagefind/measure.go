package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/pamphlet-health/pamphlet/bench/loopback"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// A site is one body of content, built by pamphlet and indexed by both.
type site struct {
	name     string
	dir      string
	articles int    // of a synthetic site
	corpus   string // folder of articles, for a site made from them
	queries  [2]string
}

func (s site) src() string { return filepath.Join(s.dir, "site") }
func (s site) out() string { return filepath.Join(s.dir, "public") }

// A search is what one query cost one tool.
type search struct {
	bytes   int64         // fetched for the query (compressed, as sent)
	first   time.Duration // from the query's input to its ten best results shown, the first time
	full    time.Duration // the same to their excerpts too (Pagefind's results come with theirs)
	warm    time.Duration // to the results, median of warm runs
	results int
	gaveUp  bool // the query had not answered after giveUp
}

// A result is what one site measured.
type result struct {
	site                   site
	pages                  int
	pamphlet, pagefind     [2]search
	indexBytes, indexFiles [2]int64      // on disk: pamphlet's, Pagefind's
	buildOn, buildOff      time.Duration // wall time, medians
	cpuOn, cpuOff          time.Duration // CPU time (user and system), medians
	wallAdds, cpuAdds      float64       // what search adds to a build, the median of the pairs' ratios less 1
	pairs                  int           // pairs of builds timed
	load                   [2]string     // the load average before and after the timed builds
	instrOn, instrOff      int64         // instructions, under callgrind (with -instructions)
	pagefindTime           time.Duration
}

// measureSite writes, builds and indexes s, and measures both searches.
func measureSite(ctx context.Context, s site, bin, pagefind, browser string, runs int, valgrind string, log io.Writer) (result, error) {
	r := result{site: s}
	fmt.Fprintf(log, "compare-pagefind: writing %s into %s\n", s.name, s.dir)
	if err := os.RemoveAll(s.dir); err != nil {
		return r, err
	}
	var err error
	if s.corpus != "" {
		_, err = sitegen.WriteCorpus(s.src(), s.corpus)
	} else {
		err = sitegen.Write(s.src(), s.articles)
	}
	if err != nil {
		return r, err
	}
	// The build's time with search on and off: after a warm-up, pairs of
	// builds one after the other, on then off and off then on in turn,
	// so that each pair meets about the same load from the machine's
	// other work; what search adds is the median of the pairs' ratios.
	var on, off, cpuOn, cpuOff []time.Duration
	if !quick {
		if _, err := buildSite(ctx, s, bin, true, ""); err != nil {
			return r, err
		}
		r.load[0] = loadAverage()
		for k := range runs {
			for _, search := range [][2]bool{{true, false}, {false, true}}[k%2] {
				b, err := buildSite(ctx, s, bin, search, "")
				if err != nil {
					return r, err
				}
				if search {
					on, cpuOn = append(on, b.wall), append(cpuOn, b.cpu)
				} else {
					off, cpuOff = append(off, b.wall), append(cpuOff, b.cpu)
				}
			}
		}
		r.load[1] = loadAverage()
	}
	r.buildOn, r.buildOff = median(on), median(off)
	r.cpuOn, r.cpuOff = median(cpuOn), median(cpuOff)
	r.wallAdds, r.cpuAdds, r.pairs = pairAdds(on, off), pairAdds(cpuOn, cpuOff), len(on)
	if valgrind != "" && !quick {
		// Instructions do not vary with the other work on the machine
		// as times do: one build each way under callgrind, both at once,
		// the one with search off from a copy of the site.
		fmt.Fprintf(log, "compare-pagefind: %s: counting the instructions of a build with search off and on\n", s.name)
		off := s
		off.dir = filepath.Join(s.dir, "search-off")
		if err := os.CopyFS(off.src(), os.DirFS(s.src())); err != nil {
			return r, err
		}
		var wg sync.WaitGroup
		var bs [2]build
		var errs [2]error
		for k, b := range []site{off, s} {
			wg.Go(func() { bs[k], errs[k] = buildSite(ctx, b, bin, k == 1, valgrind) })
		}
		wg.Wait()
		if err := errors.Join(errs[:]...); err != nil {
			return r, err
		}
		r.instrOff, r.instrOn = bs[0].instructions, bs[1].instructions
		if err := os.RemoveAll(off.dir); err != nil {
			return r, err
		}
	}
	if _, err := buildSite(ctx, s, bin, true, ""); err != nil { // the site that stays
		return r, err
	}
	if !quick {
		fmt.Fprintf(log, "compare-pagefind: %s: indexing with pagefind\n", s.name)
		start := time.Now()
		cmd := exec.CommandContext(ctx, pagefind, "--site", s.out(), "--output-subdir", "_pagefind", "--quiet")
		cmd.Stdout, cmd.Stderr = log, log
		if err := cmd.Run(); err != nil {
			return r, fmt.Errorf("pagefind: %w", err)
		}
		r.pagefindTime = time.Since(start)
		if r.indexBytes[1], r.indexFiles[1], err = du(filepath.Join(s.out(), "_pagefind")); err != nil {
			return r, err
		}
	}
	if r.indexBytes[0], r.indexFiles[0], err = du(filepath.Join(s.out(), "search", "index")); err != nil {
		return r, err
	}
	if r.pages, err = htmlFiles(s.out()); err != nil {
		return r, err
	}
	if err := os.WriteFile(filepath.Join(s.out(), "_pagefind-bench.html"), []byte(pagefindPage), 0o644); err != nil {
		return r, err
	}
	fmt.Fprintf(log, "compare-pagefind: %s: searching in %s\n", s.name, browser)
	r.pamphlet, r.pagefind, err = searches(ctx, s, browser, runs)
	return r, err
}

// A build is what one pamphlet build cost.
type build struct {
	wall, cpu    time.Duration
	instructions int64 // under callgrind, else 0
}

// collected is callgrind's count of the instructions it ran.
var collected = regexp.MustCompile(`== Collected : (\d+)`)

// buildSite builds s into its output folder with search on or off, and
// returns what the build cost; with valgrind, under callgrind, as the
// instruction counts in the README are made (a binary built with
// CGO_ENABLED=0, GOMAXPROCS=2, no asynchronous preemption).
func buildSite(ctx context.Context, s site, bin string, search bool, valgrind string) (build, error) {
	cfg := filepath.Join(s.src(), "pamphlet.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		return build{}, err
	}
	text := strings.ReplaceAll(string(data), "\nbuild: {search: false}\n", "\n")
	if !search {
		text += "\nbuild: {search: false}\n"
	}
	if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
		return build{}, err
	}
	if err := os.RemoveAll(s.out()); err != nil {
		return build{}, err
	}
	args := []string{"build", "-source", s.src(), "-dest", s.out(), "-date", sitegen.Today.Format(time.DateOnly)}
	if s.corpus != "" {
		args = append(args, "-withhold") // real articles fail checks by the thousand; see bench/compare-hugo
	}
	name := bin
	if valgrind != "" {
		name, args = valgrind, append([]string{"--tool=callgrind", "--callgrind-out-file=/dev/null", bin}, args...)
	}
	cmd := exec.CommandContext(ctx, name, args...)
	if valgrind != "" {
		cmd.Env = append(os.Environ(), "GODEBUG=asyncpreemptoff=1", "GOMAXPROCS=2")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return build{}, fmt.Errorf("pamphlet build: %w\n%s", err, stderr.String())
	}
	b := build{wall: time.Since(start), cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if valgrind != "" {
		m := collected.FindStringSubmatch(stderr.String())
		if m == nil {
			return b, fmt.Errorf("callgrind reported no instruction count:\n%s", stderr.String())
		}
		b.instructions, _ = strconv.ParseInt(m[1], 10, 64)
	}
	return b, nil
}

// pagefindPage loads Pagefind's API as its documentation shows, for the
// queries: pagefind.search, then each result's data().
const pagefindPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
window.pagefind = await import("/_pagefind/pagefind.js");
window.run = async (q) => {
  const t0 = performance.now();
  const r = await window.pagefind.search(q);
  const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return {ms: performance.now() - t0, results: r.results.length, shown: data.length};
};
window.ready = true;
</script></head><body><p>Pagefind</p></body></html>
`

// pamphletRun types a query into pamphlet's search page as one input
// event and waits for its results: the ten best shown (or as many as
// there are), or the status that says no page has any of the words; and
// then for their excerpts, which come from the pages after the results.
// The number of results is the status's, less the query's own digits.
const pamphletRun = `window.run = (q) => new Promise((resolve) => {
  const form = document.getElementById('search-form'), input = document.getElementById('search-q');
  const list = document.getElementById('search-results'), status = document.getElementById('search-status');
  const none = (form.getAttribute('data-none') || '').replace('{n}', 0).replace('{query}', q);
  status.textContent = '';
  list.removeAttribute('data-excerpts');
  const t0 = window.t0 = performance.now();
  let shown = 0, n = 0;
  const done = () => {
    const said = status.textContent;
    if (said === '' || (list.children.length === 0 && said !== none)) { return false; }
    n = +(said.split(q).join('').match(/\d+/) || ['0'])[0];
    if (list.children.length < Math.min(10, n)) { return false; }
    shown = shown || performance.now() - t0;
    if (n > 0 && list.getAttribute('data-excerpts') !== 'done') { return false; }
    resolve({ms: shown, full: performance.now() - t0, results: n, shown: list.children.length});
    return true;
  };
  const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); } });
  obs.observe(document.getElementById('search-live'), {subtree: true, childList: true, characterData: true, attributes: true});
  input.value = q;
  input.dispatchEvent(new Event('input'));
});
window.ready = true;`

type runResult struct {
	MS      float64 `json:"ms"`
	Full    float64 `json:"full"` // to the excerpts too; 0 where they come with the results
	Results int     `json:"results"`
	Shown   int     `json:"shown"`
}

// searches runs both queries with both tools, each in a fresh browser.
func searches(ctx context.Context, s site, browser string, runs int) (pam, pf [2]search, err error) {
	srv, err := serveGzip(s.out())
	if err != nil {
		return pam, pf, err
	}
	defer srv.close()
	// The search page is served before a browser opens it.
	if _, err := loopback.Wait(ctx, srv.base+"/search/", 10*time.Millisecond, 10*time.Second, nil, func(code int, _ []byte) bool { return code == http.StatusOK }); err != nil {
		return pam, pf, err
	}
	for _, t := range []struct {
		page, setup, match string
		into               *[2]search
	}{
		{"/search/", pamphletRun, "/search/index/|/js/search.", &pam},
		{"/_pagefind-bench.html", "", "/_pagefind/", &pf},
	} {
		if quick && t.into == &pf {
			continue
		}
		if err := oneTool(ctx, browser, srv, t.page, t.setup, t.match, s.queries, runs, t.into); err != nil {
			return pam, pf, fmt.Errorf("%s: %w", t.page, err)
		}
	}
	return pam, pf, nil
}

// oneTool loads a tool's search page in a fresh headless chromium and runs
// the queries, counting the bytes of the responses whose address matches
// one of the |-separated parts of match.
func oneTool(ctx context.Context, browser string, srv *server, page, setup, match string, queries [2]string, runs int, into *[2]search) error {
	base := srv.base
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancelA := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelA()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	parts := strings.Split(match, "|")
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	read := func() int64 { return srv.served(parts) }
	all := func() int64 { return srv.served([]string{""}) }
	// load opens the tool's page afresh, its cache emptied.
	load := func() error {
		if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
			return err
		}
		if _, err := chromedp.Call(bctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
			return err
		}
		if err := chromedp.Do(bctx, chromedp.Navigate(base+page), chromedp.WaitReady("body"), chromedp.Sleep(200*time.Millisecond)); err != nil {
			return err
		}
		if setup != "" {
			if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](setup)); err != nil {
				return err
			}
		}
		return chromedp.Do(bctx, chromedp.Poll[chromedp.Void](`window.ready === true`))
	}
	// query runs q and returns what it took and the bytes it fetched.
	query := func(q string) (runResult, int64, error) {
		before := all()
		if verbose {
			chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void](`performance.clearResourceTimings()`))
		}
		qctx, stop := context.WithTimeout(bctx, giveUp)
		r, err := chromedp.Run(qctx, chromedp.Evaluate[runResult](fmt.Sprintf("window.run(%q)", q), chromedp.EvalAwaitPromise))
		stop()
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return runResult{MS: -1}, all() - before, nil
		}
		if err != nil {
			return r, 0, err
		}
		if verbose {
			// When each file the page fetched was asked for and came,
			// from the query's input (a web worker's fetches are not
			// listed).
			timings, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`performance.getEntriesByType('resource').map((e) => (e.startTime - (window.t0 || 0)).toFixed(1) + ' → ' + (e.responseEnd - (window.t0 || 0)).toFixed(1) + ' ms ' + new URL(e.name).pathname).join('\n')`))
			fmt.Fprintf(os.Stderr, "compare-pagefind: %s %q, %.1f ms to the results, %.1f ms to the excerpts:\n%s\n", page, q, r.MS, r.Full, timings)
		}
		time.Sleep(300 * time.Millisecond) // the last responses' events
		return r, all() - before, nil
	}
	for k, q := range queries {
		// The first query is run on a page opened afresh, runs times
		// (its time is the median), and counts what the page loaded
		// for search too: its script and index. Everything a query
		// fetches counts (pamphlet's excerpts come from the result
		// pages themselves).
		var firsts, fulls []time.Duration
		for rep := range runs {
			if k > 0 && rep > 0 {
				break
			}
			var loaded int64
			if k == 0 {
				start := read()
				if err := load(); err != nil {
					return err
				}
				loaded = read() - start
			}
			r, n, err := query(q)
			if err != nil {
				return err
			}
			if r.MS < 0 {
				// No more of this tool: its page is still at work.
				into[k].bytes = loaded + n
				for j := k; j < len(into); j++ {
					into[j].gaveUp = true
				}
				return nil
			}
			if rep == 0 {
				into[k].bytes, into[k].results = loaded+n, r.Results
			}
			firsts = append(firsts, time.Duration(r.MS*float64(time.Millisecond)))
			fulls = append(fulls, time.Duration(max(r.Full, r.MS)*float64(time.Millisecond)))
			if firsts[0] > slowQuery {
				break
			}
		}
		into[k].first, into[k].full = median(firsts), median(fulls)
		if into[k].first > slowQuery {
			// A query this slow is not one a reader waits for twice.
			continue
		}
		var warm []time.Duration
		for range max(runs, 3) {
			w, err := chromedp.Run(bctx, chromedp.Evaluate[runResult](fmt.Sprintf("window.run(%q)", q), chromedp.EvalAwaitPromise))
			if err != nil {
				return err
			}
			warm = append(warm, time.Duration(w.MS*float64(time.Millisecond)))
		}
		into[k].warm = median(warm)
	}
	return nil
}

// giveUp is how long a query may take before the measures stop waiting
// for it (Pagefind took six minutes over one of a site of 10,000
// articles), and slowQuery how long a first query may take and still be
// run again for its warm time.
const giveUp = time.Minute

// slowQuery is how long a first query may take and still be run again
// for its warm time.
const slowQuery = 10 * time.Second

// A server serves a built site and counts the bytes of each response.
type server struct {
	base  string
	close func() error
	mu    sync.Mutex
	sent  map[string]int64 // bytes sent, by path
}

// served returns the bytes sent for the paths that hold one of parts.
// It counts on the server's side, since a search may fetch from a web
// worker, whose requests the page's own network events do not show.
func (s *server) served(parts []string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for p, b := range s.sent {
		if slices.ContainsFunc(parts, func(part string) bool { return strings.Contains(p, part) }) {
			n += b
		}
	}
	return n
}

// serveGzip serves dir on 127.0.0.1 as a static host does: HTML, CSS,
// JavaScript, JSON and WebAssembly compressed with gzip for browsers that
// take it, other files (images, Pagefind's compressed index) as they are.
func serveGzip(dir string) (*server, error) {
	s := &server{sent: map[string]int64{}}
	files := http.FileServer(http.Dir(dir))
	var zipped sync.Map // path → gzipped
	var err error
	s.base, s.close, err = loopback.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := &counter{ResponseWriter: w}
		defer func() {
			s.mu.Lock()
			s.sent[r.URL.Path] += c.n
			s.mu.Unlock()
			if verbose {
				fmt.Fprintf(os.Stderr, "compare-pagefind: sent %s: %d bytes\n", r.URL.Path, c.n)
			}
		}()
		ext := path.Ext(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			ext = ".html"
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !slices.Contains([]string{".html", ".css", ".js", ".json", ".wasm"}, ext) {
			files.ServeHTTP(c, r)
			return
		}
		// Compressed once, as a host or its CDN keeps a compressed copy,
		// so that compressing is not part of a query's time.
		v, ok := zipped.Load(r.URL.Path)
		if !ok {
			rec := httptest.NewRecorder()
			files.ServeHTTP(rec, r)
			if rec.Code != http.StatusOK {
				files.ServeHTTP(c, r)
				return
			}
			var b bytes.Buffer
			gz := gzip.NewWriter(&b)
			gz.Write(rec.Body.Bytes())
			gz.Close()
			v, _ = zipped.LoadOrStore(r.URL.Path, gzipped{rec.Header().Get("Content-Type"), b.Bytes()})
		}
		z := v.(gzipped)
		c.Header().Set("Content-Type", z.contentType)
		c.Header().Set("Content-Encoding", "gzip")
		c.Header().Set("Vary", "Accept-Encoding")
		c.Header().Set("Content-Length", strconv.Itoa(len(z.body)))
		c.Write(z.body)
	}))
	if err != nil {
		return nil, err
	}
	return s, nil
}

// counter counts the bytes of a response's body as sent.
type counter struct {
	http.ResponseWriter
	n int64
}

func (c *counter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

// A gzipped response is a file's content type and its compressed body.
type gzipped struct {
	contentType string
	body        []byte
}

// du returns the bytes and the number of the files under dir.
func du(dir string) (bytes, files int64, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		bytes += info.Size()
		files++
		return nil
	})
	return bytes, files, err
}

// htmlFiles counts the HTML files under dir.
func htmlFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}

// pairAdds is what the builds with search add to those without, pair by
// pair: the median of on[i]/off[i], less 1.
func pairAdds(on, off []time.Duration) float64 {
	var ratios []float64
	for i := range min(len(on), len(off)) {
		if off[i] > 0 {
			ratios = append(ratios, float64(on[i])/float64(off[i]))
		}
	}
	if len(ratios) == 0 {
		return 0
	}
	slices.Sort(ratios)
	m := ratios[len(ratios)/2]
	if len(ratios)%2 == 0 {
		m = (ratios[len(ratios)/2-1] + m) / 2
	}
	return m - 1
}

// loadAverage is the system's load average over the last minute, from
// /proc; "?" where the system does not say.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// buildGoal is the most that building the index may add to a build.
const buildGoal = 0.15

// summary says what the index adds to a build against buildGoal.
func summary(r result) string {
	verdict := "within"
	if r.wallAdds > buildGoal || r.cpuAdds > buildGoal {
		verdict = "over"
	}
	return fmt.Sprintf("%s: the index adds %+.1f%% to the build's wall time and %+.1f%% to its CPU time (the medians of %d pairs' ratios; load average %s to %s): %s the %.0f%% goal",
		r.site.name, 100*r.wallAdds, 100*r.cpuAdds, r.pairs, r.load[0], r.load[1], verdict, 100*buildGoal)
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func kb(b int64) string { return fmt.Sprintf("%.1f KB", float64(b)/1e3) }
func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }
func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// report writes the results as Markdown tables.
func report(w io.Writer, results []result) {
	fmt.Fprintln(w, "| site | tool | query | results | bytes fetched | first time: results | with excerpts | warm (median) |")
	fmt.Fprintln(w, "|---|---|---|---:|---:|---:|---:|---:|")
	for _, r := range results {
		for k, q := range r.site.queries {
			for _, t := range []struct {
				name string
				s    search
			}{{"pamphlet", r.pamphlet[k]}, {"Pagefind", r.pagefind[k]}} {
				if quick && t.name == "Pagefind" {
					continue
				}
				nth := "first"
				if k > 0 {
					nth = "second"
				}
				warm := ms(t.s.warm)
				if t.s.warm == 0 {
					warm = fmt.Sprintf("not run (first over %s)", slowQuery)
				}
				if t.s.gaveUp {
					over := fmt.Sprintf("over %s", giveUp)
					fmt.Fprintf(w, "| %s | %s | %s: %q | ? | %s by then | %s | %s | not run |\n", r.site.name, t.name, nth, q, kb(t.s.bytes), over, over)
					continue
				}
				fmt.Fprintf(w, "| %s | %s | %s: %q | %d | %s | %s | %s | %s |\n", r.site.name, t.name, nth, q, t.s.results, kb(t.s.bytes), ms(t.s.first), ms(t.s.full), warm)
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| site | HTML pages | pamphlet's index | Pagefind's index | pamphlet build wall, search off → on (pairs) | CPU (user+sys), off → on (pairs) | instructions, off → on | Pagefind's indexing |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range results {
		instr := "not counted"
		if r.instrOff > 0 {
			instr = fmt.Sprintf("%.2f → %.2f G (%s)", float64(r.instrOff)/1e9, float64(r.instrOn)/1e9, adds(float64(r.instrOn), float64(r.instrOff)))
		}
		fmt.Fprintf(w, "| %s | %d | %s in %d files | %s in %d files | %s → %s (%s) | %s → %s (%s) | %s | %s |\n", r.site.name, r.pages,
			mb(r.indexBytes[0]), r.indexFiles[0], mb(r.indexBytes[1]), r.indexFiles[1],
			secs(r.buildOff), secs(r.buildOn), fmt.Sprintf("%+.1f%%", 100*r.wallAdds),
			secs(r.cpuOff), secs(r.cpuOn), fmt.Sprintf("%+.1f%%", 100*r.cpuAdds), instr, secs(r.pagefindTime))
	}
	if quick {
		return
	}
	fmt.Fprintln(w)
	for _, r := range results {
		fmt.Fprintln(w, summary(r))
	}
}

// adds is what on adds to off, in per cent.
func adds(on, off float64) string { return fmt.Sprintf("%+.1f%%", 100*(on/off-1)) }

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
