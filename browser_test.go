package pamphlet_test

// The built-in theme, proven in a real browser: Debian's chromium, driven
// with chromedp, runs axe-core on every page of the example site, and the
// W3C Nu HTML checker reads every page. The tools come from the npm
// registry into testdata/browser/node_modules (npm ci there; .ci/run does
// it). On a machine without them the tests skip, and under CI=true they
// fail instead.

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/preview"
	livereload "github.com/pamphlet-health/pamphlet/internal/serve"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

// need returns the path of a tool the browser tests use, or skips the
// test (fails it under CI=true) when the tool is missing.
func need(t *testing.T, what string, paths ...string) string {
	t.Helper()
	for _, p := range paths {
		if p == "" {
			continue
		}
		if filepath.IsAbs(p) || strings.Contains(p, "/") {
			if _, err := os.Stat(p); err == nil {
				return p
			}
			continue
		}
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	msg := fmt.Sprintf("%s is not installed (looked for %s); run .ci/run, or apt-get install -y chromium and npm ci in testdata/browser", what, strings.Join(slices.DeleteFunc(paths, func(s string) bool { return s == "" }), ", "))
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// exampleSite builds the repository's example site into a new folder,
// unminified so that the Nu checker's line numbers mean something, and
// returns it.
func exampleSite(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{
		Source: ".", Dest: dest, Today: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Theme: pamphlet.Theme,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Refused {
		t.Fatalf("the example site was refused: %v", res.Findings)
	}
	return dest
}

// pages lists the HTML pages of a built site as site paths (/, /faq/,
// /404.html).
func pages(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		u := "/" + filepath.ToSlash(rel)
		out = append(out, strings.TrimSuffix(u, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// serve serves dir on a free port of 127.0.0.1 and returns its address.
func serve(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// chromium returns the path of the browser, $PAMPHLET_CHROMIUM or
// Debian's chromium.
func chromium(t *testing.T) string {
	return need(t, "chromium", os.Getenv("PAMPHLET_CHROMIUM"), "chromium", "chromium-browser", "/usr/bin/chromium")
}

// browser starts headless chromium with a fresh profile and returns a
// context for it, and a function that reports every request made so far
// to a host other than 127.0.0.1.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	bin := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	var mu sync.Mutex
	var away []string
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			u, err := url.Parse(e.Request.URL)
			if err != nil || (u.Scheme != "data" && u.Hostname() != "127.0.0.1") {
				mu.Lock()
				away = append(away, e.Request.URL)
				mu.Unlock()
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	return ctx, func() []string { mu.Lock(); defer mu.Unlock(); return slices.Clone(away) }
}

// axeResult is what axe.run reports of a page.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// WCAGTags are the axe-core tags every page is held to: WCAG 2.0, 2.1
// and 2.2 at levels A and AA.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"}

// media emulates a colour scheme ("light" or "dark") and a media type
// ("" for the screen, or "print") for the pages loaded next.
func media(ctx context.Context, scheme, typ string) error {
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Media: typ, Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// TestAxe: every page of the example site has no axe-core violations of
// WCAG 2.0, 2.1 and 2.2 A and AA, at a phone's width and a laptop's, and
// in the dark colour scheme too (whose contrast axe measures); no page
// asks anything of a host other than 127.0.0.1; and no page needs to be
// scrolled sideways at 320 CSS pixels (WCAG 1.4.10 Reflow).
func TestAxe(t *testing.T) {
	axePath := need(t, "axe-core", "testdata/browser/node_modules/axe-core/axe.min.js")
	ctx, away := browser(t)
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := exampleSite(t)
	base := serve(t, dir)
	tags, _ := json.Marshal(WCAGTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations", "passes"]})`, tags)
	ran := map[string]bool{} // the rules that passed somewhere
	for _, mode := range []struct {
		width  int64
		scheme string
	}{{320, "light"}, {1280, "light"}, {1280, "dark"}} {
		if err := media(ctx, mode.scheme, ""); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages(t, dir) {
			if redirectTarget(t, dir, p) != "" {
				continue // the browser leaves it at once; see TestRedirectPages
			}
			where := fmt.Sprintf("%s at %dpx, %s", p, mode.width, mode.scheme)
			steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(mode.width, 800), chromedp.Navigate(base + p)}
			if q, ok := searchQueries[p]; ok {
				// A search page, with its results.
				steps = []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(mode.width, 800), chromedp.Navigate(base + p + "?q=" + url.QueryEscape(q)),
					chromedp.WaitVisible("#search-results li")}
			}
			err := chromedp.Do(ctx, append(steps, chromedp.Evaluate[chromedp.Void](string(axe)))...)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](run, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: axe: %v", where, err)
			}
			page, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
				ScrollWidth int64  `json:"scrollWidth"`
				Background  string `json:"background"`
			}](`({scrollWidth: document.documentElement.scrollWidth, background: getComputedStyle(document.body).backgroundColor})`))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Passes) == 0 {
				t.Errorf("%s: axe ran no checks", where)
			}
			for _, pass := range res.Passes {
				ran[pass.ID] = true
			}
			for _, v := range res.Violations {
				var nodes []string
				for _, n := range v.Nodes {
					nodes = append(nodes, fmt.Sprint(n.Target)+" "+n.HTML)
				}
				t.Errorf("%s: %s (%s): %s\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
			}
			if page.ScrollWidth > mode.width {
				t.Errorf("%s: the page is %dpx wide and scrolls sideways", where, page.ScrollWidth)
			}
			if light := page.Background == "rgb(255, 255, 255)"; light != (mode.scheme == "light") {
				t.Errorf("%s: the page's background is %s", where, page.Background)
			}
		}
	}
	// The rules behind the theme's promises ran: contrast (4.5:1), target
	// size (24px), one lang, landmarks and a title.
	for _, rule := range []string{"color-contrast", "target-size", "html-has-lang", "document-title", "bypass", "link-name"} {
		if !ran[rule] {
			t.Errorf("axe never ran %s", rule)
		}
	}
	if a := away(); len(a) > 0 {
		t.Errorf("pages asked for addresses beyond 127.0.0.1: %v", a)
	}
}

// redirectTarget returns the site path of the page that the redirect page
// at site path p of the built site in dir stands for, by its canonical
// link, or "" when p is not a redirect page.
func redirectTarget(t *testing.T, dir, p string) string {
	t.Helper()
	f := filepath.Join(dir, filepath.FromSlash(p))
	if strings.HasSuffix(p, "/") {
		f = filepath.Join(f, "index.html")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), refresh) {
		return ""
	}
	_, canonical, _ := strings.Cut(string(data), `<link rel="canonical" href="`)
	canonical, _, _ = strings.Cut(canonical, `"`)
	u, err := url.Parse(canonical)
	if err != nil || u.Path == "" {
		t.Fatalf("%s: a redirect page with the canonical link %q", p, canonical)
	}
	return u.Path
}

// refresh is how a redirect page's meta refresh starts, before the
// address it leads to.
const refresh = `<meta http-equiv="refresh" content="0; url=`

// TestRedirectPages: the browser follows each alias's redirect page to
// its page at once, and the redirect page itself, as a browser that does
// not follow it shows it, has no axe-core violations.
func TestRedirectPages(t *testing.T) {
	axePath := need(t, "axe-core", "testdata/browser/node_modules/axe-core/axe.min.js")
	ctx, _ := browser(t)
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	dir := exampleSite(t)
	base := serve(t, dir)
	tags, _ := json.Marshal(WCAGTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}})`, tags)
	n := 0
	for _, p := range pages(t, dir) {
		to := redirectTarget(t, dir, p)
		if to == "" {
			continue
		}
		n++
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		// The page the browser shows is replaced as it goes on: ask again
		// until it is there.
		at := ""
		for end := time.Now().Add(5 * time.Second); at != to && time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
			at, _ = chromedp.Run(ctx, chromedp.Evaluate[string]("location.pathname"))
		}
		if at != to {
			t.Errorf("%s: the browser is at %q, not %s", p, at, to)
		}
		// The page as a browser that does not follow it shows it.
		f := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			f = filepath.Join(f, "index.html")
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		still := strings.Replace(string(data), refresh, `<meta name="x-refresh" content="`, 1)
		stay := path.Join(path.Dir(p+"x"), "stay-"+strconv.Itoa(n)+".html")
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(stay)), []byte(still), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+stay), chromedp.Evaluate[chromedp.Void](string(axe))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](run, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: axe: %v", p, err)
		}
		if len(res.Passes) == 0 {
			t.Errorf("%s: axe ran no checks", p)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: %s (%s): %s", p, v.ID, v.Impact, v.Help)
		}
	}
	if n == 0 {
		t.Error("the example site has no redirect page")
	}
}

// searchQueries are what TestAxe searches for on each language's search
// page, so that axe reads the results too.
var searchQueries = map[string]string{"/search/": "blood pressure", "/es/search/": "gripe"}

// TestPrint: printed, a page leaves out the navigation, the breadcrumbs
// and the contents list, prints in black on white even in the dark
// colour scheme, and shows where each outside link leads.
func TestPrint(t *testing.T) {
	ctx, _ := browser(t)
	dir := exampleSite(t)
	base := serve(t, dir)
	if err := media(ctx, "dark", "print"); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+"/articles/asthma-inhaler/")); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Hidden  map[string]string `json:"hidden"`
		Color   string            `json:"color"`
		Back    string            `json:"back"`
		After   string            `json:"after"`
		Sources int               `json:"sources"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[printed](`(() => {
		const hidden = {};
		for (const sel of [".site-header nav", ".breadcrumbs", ".contents", ".skip-link", ".footer-links"]) {
			const e = document.querySelector(sel);
			hidden[sel] = e ? getComputedStyle(e).display : "missing";
		}
		const a = document.querySelector(".sources a[href^='http']");
		return {hidden, color: getComputedStyle(document.body).color, back: getComputedStyle(document.body).backgroundColor,
			after: a ? getComputedStyle(a, "::after").content : "", sources: document.querySelectorAll(".sources a").length};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	for sel, display := range got.Hidden {
		if display != "none" {
			t.Errorf("printed, %s has display %s, want none", sel, display)
		}
	}
	if got.Color != "rgb(0, 0, 0)" || got.Back != "rgb(255, 255, 255)" {
		t.Errorf("printed in the dark scheme, text is %s on %s, want black on white", got.Color, got.Back)
	}
	if got.Sources == 0 || !strings.Contains(got.After, "https://medlineplus.gov/") {
		t.Errorf("printed, the source link is followed by %q, want its address", got.After)
	}
}

// vnuMessage is one message of the Nu checker's JSON output.
type vnuMessage struct {
	Type     string `json:"type"`
	SubType  string `json:"subType"`
	URL      string `json:"url"`
	Line     int    `json:"lastLine"`
	Column   int    `json:"firstColumn"`
	Message  string `json:"message"`
	Extract  string `json:"extract"`
	Severity string
}

// TestNuHTMLChecker: the W3C Nu HTML checker reports no errors on any
// page of the example site.
func TestNuHTMLChecker(t *testing.T) {
	jar := need(t, "the Nu HTML checker (npm vnu-jar)", "testdata/browser/node_modules/vnu-jar/build/dist/vnu.jar")
	java := need(t, "java", os.Getenv("PAMPHLET_JAVA"), "java")
	dir := exampleSite(t)
	var files []string
	for _, p := range pages(t, dir) {
		f := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			f = filepath.Join(f, "index.html")
		}
		files = append(files, f)
	}
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	out, err := cmd.CombinedOutput()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		t.Fatalf("the Nu checker: %v %v\n%s", err, jerr, out)
	}
	for _, m := range report.Messages {
		rel := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), dir)
		t.Errorf("%s:%d:%d: %s: %s\n\t%s", rel, m.Line, m.Column, m.Type, m.Message, m.Extract)
	}
	if err != nil && len(report.Messages) == 0 {
		t.Errorf("the Nu checker failed with no messages: %v\n%s", err, out)
	}
	t.Logf("the Nu checker read %d pages", len(files))
}

// TestSkipLinkAndScreenshots: the first Tab on a page focuses the skip
// link, which is then on screen, and following it moves focus to the main
// content. Screenshots of the home page, an article, the FAQ hub, an
// event and an article in the dark colour scheme at 320 and 1280 CSS
// pixels are kept in testdata/browser/screenshots (or
// $PAMPHLET_SCREENSHOTS) for people to look at.
func TestSkipLinkAndScreenshots(t *testing.T) {
	ctx, away := browser(t)
	dir := exampleSite(t)
	base := serve(t, dir)
	type focus struct {
		Class   string  `json:"class"`
		ID      string  `json:"id"`
		Top     float64 `json:"top"`
		Outline string  `json:"outline"`
	}
	const active = `(() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
		return {class: e.className, id: e.id, top: r.top, outline: s.outlineStyle + " " + s.outlineWidth}; })()`
	for _, p := range []string{"/", "/articles/asthma-inhaler/", "/faq/"} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800), chromedp.Navigate(base+p), chromedp.KeyEvent("\t")); err != nil {
			t.Fatal(err)
		}
		f, err := chromedp.Run(ctx, chromedp.Evaluate[focus](active))
		if err != nil {
			t.Fatal(err)
		}
		if f.Class != "skip-link" || f.Top < 0 || f.Outline == "none 0px" {
			t.Errorf("%s: the first Tab focuses %+v, want the skip link on screen with a visible outline", p, f)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
			t.Fatal(err)
		}
		if f, err = chromedp.Run(ctx, chromedp.Evaluate[focus](active)); err != nil {
			t.Fatal(err)
		}
		if f.ID != "main" {
			t.Errorf("%s: after the skip link, focus is on %+v, want the main content", p, f)
		}
	}

	out := cmp.Or(os.Getenv("PAMPHLET_SCREENSHOTS"), filepath.Join("testdata", "browser", "screenshots"))
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, shot := range []struct{ name, path, scheme string }{
		{"home", "/", "light"}, {"article", "/articles/asthma-inhaler/", "light"}, {"faq", "/faq/", "light"},
		{"event", "/events/foot-care-class/", "light"}, {"article-dark", "/articles/fever-in-children/", "dark"},
	} {
		if err := media(ctx, shot.scheme, ""); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int64{320, 1280} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(base+shot.path)); err != nil {
				t.Fatal(err)
			}
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(out, fmt.Sprintf("%s-%d.png", shot.name, width))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", file)
		}
	}
	if a := away(); len(a) > 0 {
		t.Errorf("pages asked for addresses beyond 127.0.0.1: %v", a)
	}
}

// TestLighthouse: Lighthouse, on the same chromium, scores the home page,
// an article and a Spanish article 100 for accessibility, SEO and best
// practices.
func TestLighthouse(t *testing.T) {
	lh := need(t, "Lighthouse (npm lighthouse)", "testdata/browser/node_modules/lighthouse/cli/index.js")
	node := need(t, "node", os.Getenv("PAMPHLET_NODE"), "node")
	bin := chromium(t)
	dir := exampleSite(t)
	base := serve(t, dir)
	for _, p := range []string{"/", "/articles/asthma-inhaler/", "/es/articles/handwashing/"} {
		report := filepath.Join(t.TempDir(), "lighthouse.json")
		cmd := exec.Command(node, lh, base+p, "--quiet", "--no-enable-error-reporting",
			"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
			"--only-categories=accessibility,seo,best-practices", "--output=json", "--output-path="+report)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+bin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("lighthouse %s: %v\n%s", p, err, out)
		}
		data, err := os.ReadFile(report)
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Categories map[string]struct {
				Score *float64 `json:"score"`
			} `json:"categories"`
			Audits map[string]struct {
				Title string   `json:"title"`
				Score *float64 `json:"score"`
				Mode  string   `json:"scoreDisplayMode"`
			} `json:"audits"`
		}
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatal(err)
		}
		for _, c := range []string{"accessibility", "seo", "best-practices"} {
			s := r.Categories[c].Score
			if s == nil || *s != 1 {
				var failed []string
				for id, a := range r.Audits {
					if a.Score != nil && *a.Score < 1 && (a.Mode == "binary" || a.Mode == "numeric") {
						failed = append(failed, id+": "+a.Title)
					}
				}
				slices.Sort(failed)
				score := "none"
				if s != nil {
					score = fmt.Sprint(*s * 100)
				}
				t.Errorf("%s: Lighthouse %s score %s, want 100; audits below 1:\n\t%s", p, c, score, strings.Join(failed, "\n\t"))
			} else {
				t.Logf("%s: Lighthouse %s 100", p, c)
			}
		}
	}
}

// TestAlertBannerExpires: a banner whose alert has ended by the browser's
// clock hides itself, for a site not rebuilt in time, while one still in
// force stays; without JavaScript both still show.
func TestAlertBannerExpires(t *testing.T) {
	ctx, _ := browser(t)
	src := t.TempDir()
	for name, text := range map[string]string{
		"pamphlet.yaml":             "title: Test Clinic\nbase_url: https://clinic.example/\nclinical_sections: []\n",
		"content/_index.md":         "---\ntitle: Test Clinic\ndescription: The home page of the test clinic, for the test of alert banners.\n---\nWelcome.\n",
		"content/alerts/ended.md":   "---\ntitle: Car park closed\ndescription: An alert that ended in 2020, kept up by an old build.\nstarts: 2020-01-01T08:00:00Z\nends: 2020-01-02T08:00:00Z\n---\nClosed.\n",
		"content/alerts/lasting.md": "---\ntitle: Lifts out of order\ndescription: An alert for the lifts, which are out of order until the year 2999.\nstarts: 2020-01-01T08:00:00Z\nends: 2999-01-01T08:00:00Z\nseverity: urgent\n---\nUse the stairs.\n",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	// Built on the day both alerts were in force.
	res, err := build.Build(context.Background(), build.Options{Source: src, Dest: dest, Today: time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC), Theme: pamphlet.Theme})
	if err != nil || res.Refused {
		t.Fatalf("%v %v", err, res.Findings)
	}
	base := serve(t, dest)
	const shown = `Array.from(document.querySelectorAll(".alert-banner")).filter(e => e.offsetHeight > 0).map(e => e.textContent.trim())`
	for _, js := range []bool{true, false} {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](shown))
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if !js {
			want = 2
		}
		if len(got) != want || !strings.Contains(got[0], "Lifts out of order") {
			t.Errorf("with JavaScript %v, the banners shown are %q, want %d with the lifts first", js, got, want)
		}
	}
}

// startPreview serves dir as pamphlet serve does, on a free port, and
// returns its address.
func startPreview(t *testing.T, dir string) string {
	t.Helper()
	session, err := preview.NewSession(build.Options{Source: dir, Today: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	srv := livereload.New(livereload.Options{
		Root:   dir,
		Watch:  []string{"content", "layouts", "assets", "pamphlet.yaml"},
		Ignore: content.Ignored,
		Build: func(ctx context.Context, changed []string) (*livereload.Site, error) {
			pv, err := session.Update(ctx, changed)
			if err != nil {
				return nil, err
			}
			return &livereload.Site{Files: pv.Files, BasePath: pv.BasePath, Summary: "built"}, nil
		},
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- srv.Run(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	base := "http://" + ln.Addr().String()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		if time.Since(start) > 30*time.Second {
			t.Fatal("the preview did not start")
		}
	}
}

// TestPreviewReload: in the preview, a page open in the browser reloads by
// itself when its file is saved, and shows the edit; when the edit makes
// the page not publishable, the box that says why has no axe-core
// violations, in the light colour scheme or the dark.
func TestPreviewReload(t *testing.T) {
	axePath := need(t, "axe-core", "testdata/browser/node_modules/axe-core/axe.min.js")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	ctx, away := browser(t)
	dir := testsite.Example(t)
	base := startPreview(t, dir)
	file := filepath.Join(dir, "content/news/evening-appointments.md")
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// The marker lives as long as the loaded page: a reload clears it.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/news/evening-appointments/"),
		chromedp.WaitReady("body"),
		chromedp.Evaluate[chromedp.Void](`window.notReloaded = true`),
	)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the page's event stream opens
	edited := strings.Replace(string(text), "\n\n", "\n\nThis medicine cures the flu in a day.\n\n", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	// Ask until the page has reloaded; while it reloads, asking fails.
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!window.notReloaded && !!document.body && document.body.innerText.includes("This medicine cures the flu in a day.")`))
		if err == nil && done {
			break
		}
		if time.Since(start) > 20*time.Second {
			t.Fatalf("the page did not reload with the edit: %v", err)
		}
	}
	tags, _ := json.Marshal(WCAGTags)
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}})`, tags)
	for _, scheme := range []string{"light", "dark"} {
		if err := media(ctx, scheme, ""); err != nil {
			t.Fatal(err)
		}
		err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitReady("body"), chromedp.Evaluate[chromedp.Void](string(axe)))
		if err != nil {
			t.Fatal(err)
		}
		box, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("[data-pamphlet-findings]") || {}).innerText || ""`))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(box, "Not publishable") || !strings.Contains(box, "claims.unreviewed") {
			t.Errorf("%s: the page does not say why it is not publishable: %q", scheme, box)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](run, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: %s: %s", scheme, v.ID, v.Help)
		}
	}
	if a := away(); len(a) > 0 {
		t.Errorf("the preview asked for addresses beyond 127.0.0.1: %v", a)
	}
}
