package pamphlet_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

// searchResult is what the search page shows.
type searchResult struct {
	Status string   `json:"status"`
	URLs   []string `json:"urls"`
	Marked []string `json:"marked"`
	Focus  string   `json:"focus"`
}

const readResults = `({
	status: document.getElementById('search-status').textContent,
	urls: [...document.querySelectorAll('#search-results li h2 a')].map(a => new URL(a.href).pathname),
	marked: [...document.querySelectorAll('#search-results mark')].map(m => m.textContent),
	focus: document.activeElement && document.activeElement.id
})`

// typeQuery types a query into the search page's box, key by key as a
// reader does, and waits for the results to settle.
func typeQuery(ctx context.Context, q string) (searchResult, error) {
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('search-q').value = ''; document.getElementById('search-status').textContent = ''`),
		chromedp.SendKeys("#search-q", q),
		chromedp.Poll[chromedp.Void](`document.getElementById('search-status').textContent !== ''`, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Sleep(150*time.Millisecond),
		// The excerpts from the pages' text, which come after the results.
		chromedp.Poll[chromedp.Void](`document.getElementById('search-results').getAttribute('data-excerpts') !== 'loading'`, chromedp.WithPollingTimeout(5*time.Second)),
	)
	if err != nil {
		return searchResult{}, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[searchResult](readResults))
}

// TestSearch types queries into the example site's search page in
// chromium: the expected page comes first, a lay word finds the clinical
// page through the plain-language list, a word being typed already finds
// pages, a Spanish query finds the Spanish page, a withheld page is never
// found, and with JavaScript off the page still works.
func TestSearch(t *testing.T) {
	ctx, away := browser(t)
	// The example site with an unsigned clinical page, which -withhold
	// leaves out, and a draft.
	src := testsite.Example(t)
	for name, text := range map[string]string{
		"content/articles/zebrafish-cure.md": "---\ntitle: Zebrafish oil\ndescription: About zebrafish oil.\n---\n\nZebrafish oil lowers blood pressure.\n",
		"content/news/zebrafish-draft.md":    "---\ntitle: Zebrafish news\ndescription: A draft.\ndraft: true\ndate: 2026-11-01\n---\n\nZebrafish draft news.\n",
	} {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(context.Background(), build.Options{
		Source: src, Dest: dest, Today: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Theme: pamphlet.Theme, Withhold: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Withheld) == 0 {
		t.Fatalf("the unsigned page was not withheld: %v", res.Findings)
	}
	base := serve(t, dest)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/search/"), chromedp.WaitVisible("#search-live")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query, first string
		marked       string // a word the first result's excerpt marks
	}{
		{"blood pressure", "/articles/high-blood-pressure/", "blood"},
		{"pyrexia", "/articles/fever-in-children/", ""},  // the plain-language list: pyrexia = fever
		{"soap scru", "/articles/handwashing/", "soap"},  // still being typed
		{"scrubbing", "/articles/handwashing/", "scrub"}, // the excerpt from the page's text, as its summary does not say it
		{"inhlaer", "/articles/asthma-inhaler/", ""},     // one typo
	} {
		r, err := typeQuery(ctx, c.query)
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		if len(r.URLs) == 0 || r.URLs[0] != c.first {
			t.Errorf("%q: want %s first, got %q (%s)", c.query, c.first, r.URLs, r.Status)
		}
		if c.marked != "" && !containsFold(r.Marked, c.marked) {
			t.Errorf("%q: the excerpts mark %q, not %q", c.query, r.Marked, c.marked)
		}
		if r.Focus != "search-q" {
			t.Errorf("%q: the focus moved to %q while typing", c.query, r.Focus)
		}
	}
	for _, q := range []string{"zebrafish", "zebrafish oil"} {
		r, err := typeQuery(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.URLs) > 0 {
			t.Errorf("%q found a withheld or draft page: %q", q, r.URLs)
		}
	}
	// More results, by keyboard: the focus goes to the first of them.
	r, err := typeQuery(ctx, "health ")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.URLs) != 10 {
		t.Errorf("%q shows %d results at first, want 10", "health", len(r.URLs))
	}
	err = chromedp.Do(ctx, chromedp.Focus("#search-more"), chromedp.KeyEvent("\r"),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('#search-results li').length > 10`, chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	more, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Results int    `json:"results"`
		Focus   string `json:"focus"`
		Hidden  bool   `json:"hidden"`
	}](`({results: document.querySelectorAll('#search-results li').length,
		focus: document.activeElement.closest('#search-results li:nth-child(11)') ? 'eleventh' : document.activeElement.outerHTML,
		hidden: document.getElementById('search-more').hidden})`))
	if err != nil {
		t.Fatal(err)
	}
	if more.Results <= 10 || more.Focus != "eleventh" || more.Hidden != (more.Results < 20) {
		t.Errorf("after More results: %+v", more)
	}
	// The search box of another page, once it has the focus, fetches the
	// search page's script and its index's first file, and no more of
	// the index, before the reader has typed.
	var mu sync.Mutex
	var fetched []string
	err = chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			if u, err := url.Parse(e.Request.URL); err == nil {
				mu.Lock()
				fetched = append(fetched, u.Path)
				mu.Unlock()
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	// A headless tab has no focus of its own, and its page no focus
	// events, unless it is told it has.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/articles/dehydration/"), chromedp.WaitReady("body"), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	before := len(fetched)
	mu.Unlock()
	err = chromedp.Do(ctx, chromedp.Focus("#site-search-q"),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('link[rel=prefetch]').length === 2`, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.Sleep(500*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	onFocus := slices.Clone(fetched[before:])
	mu.Unlock()
	var script, meta bool
	for _, p := range onFocus {
		switch {
		case p == "/search/index/meta.json":
			meta = true
		case strings.HasPrefix(p, "/js/search") && strings.HasSuffix(p, ".js"):
			script = true
		case strings.HasPrefix(p, "/search/"):
			t.Errorf("the focus fetched %s, more of the search than its first file", p)
		}
	}
	if !script || !meta {
		t.Errorf("the focus on the header's box fetched %q, want the search script and /search/index/meta.json", onFocus)
	}
	// The search box of another page leads here with its words.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/articles/dehydration/"),
		chromedp.SendKeys("#site-search-q", "flu vaccine"),
		chromedp.Evaluate[chromedp.Void](`setTimeout(() => document.querySelector('.site-search form').requestSubmit(), 0)`),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.WaitVisible("#search-results li"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if r, err = chromedp.Run(ctx, chromedp.Evaluate[searchResult](readResults)); err != nil {
		t.Fatal(err)
	}
	if len(r.URLs) == 0 || r.URLs[0] != "/articles/flu-vaccine/" {
		t.Errorf("the header's search box: want /articles/flu-vaccine/ first, got %q", r.URLs)
	}
	// Spanish pages have their own index.
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/es/search/?q=vacuna%20gripe"),
		chromedp.WaitVisible("#search-results li"))
	if err != nil {
		t.Fatal(err)
	}
	if r, err = chromedp.Run(ctx, chromedp.Evaluate[searchResult](readResults)); err != nil {
		t.Fatal(err)
	}
	if len(r.URLs) == 0 || !strings.HasPrefix(r.URLs[0], "/es/articles/") {
		t.Errorf("a Spanish query: want a Spanish article first, got %q (%s)", r.URLs, r.Status)
	}
	// Without JavaScript: the form comes back to the page, which leads
	// to the A to Z and the sections.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/search/?q=flu")); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.search-browse a')].map(a => new URL(a.href).pathname + new URL(a.href).hash)`))
	if err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('search-live').hidden && document.getElementById('search-form').getAttribute('action') === '/search/'`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: false}); err != nil {
		t.Fatal(err)
	}
	if !hidden || len(links) < 3 || links[0] != "/#home-az" {
		t.Errorf("without JavaScript: results hidden %v, links %q", hidden, links)
	}
	if a := away(); len(a) > 0 {
		t.Errorf("the search page asked for addresses beyond 127.0.0.1: %v", a)
	}
}

func containsFold(list []string, w string) bool {
	for _, s := range list {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}
