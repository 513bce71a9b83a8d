package check

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

var update = flag.Bool("update", false, "rewrite the want files of testdata/rules/*.txtar")

var today = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// load reads a site held in memory and prepares it for the rules as the
// build does: pages parsed, FAQ answers parsed, the gate evaluated.
func load(t *testing.T, files map[string][]byte) *Input {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	cfg, found, err := content.LoadConfig(fsys)
	if err != nil || finding.HasErrors(found) {
		t.Fatalf("pamphlet.yaml: %v %v", err, found)
	}
	site, found, err := content.Load(fsys, cfg)
	if err != nil || finding.HasErrors(found) {
		t.Fatalf("loading: %v %v", err, found)
	}
	gate, _ := review.NewGate(cfg, today)
	words, found := LoadWords(cfg)
	if finding.HasErrors(found) { // a site language some checks cannot read is a warning
		t.Fatalf("word lists: %v", found)
	}
	md := NewMarkdown(cfg) // as production sets it up
	in := &Input{Site: site, Today: today, Words: words}
	for _, pg := range site.Pages {
		p := Parse(md, pg)
		p.Review = gate.Evaluate(p.Parsed(), nil)
		in.Pages = append(in.Pages, p)
	}
	return in
}

// TestRules runs the rules over each testdata/rules/*.txtar site and
// compares what they report, silenced findings included, with its want
// file, in the text format: every finding at its exact line and column.
func TestRules(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*.txtar")
	if len(files) == 0 {
		t.Fatal("no rule tests")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site := map[string][]byte{}
			for _, f := range a.Files {
				if f.Name != "want" {
					site[f.Name] = f.Data
				}
			}
			found, silenced := Run(load(t, site))
			var got bytes.Buffer
			if err := finding.WriteText(&got, finding.Report{Findings: found, Silenced: silenced}); err != nil {
				t.Fatal(err)
			}
			for _, f := range append(found, silenced...) {
				if r, ok := RuleByID(f.Rule); !ok {
					t.Errorf("rule %s is not in the catalogue", f.Rule)
				} else if !slices.Contains(r.Severities, f.Severity) {
					t.Errorf("rule %s reported as %s, which its catalogue entry does not list", f.Rule, f.Severity)
				}
			}
			i := -1
			for k, f := range a.Files {
				if f.Name == "want" {
					i = k
				}
			}
			if *update {
				if i < 0 {
					a.Files = append(a.Files, txtar.File{Name: "want"})
					i = len(a.Files) - 1
				}
				a.Files[i].Data = got.Bytes()
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if i < 0 {
				t.Fatal("no want file (run go test -update)")
			}
			if want := string(a.Files[i].Data); got.String() != want {
				t.Errorf("got\n%s\nwant\n%s", got.String(), want)
			}
		})
	}
}

// TestReviewedClaims: a clinician's valid sign-off clears the claims of a
// page outside the clinical sections, but not its prohibited promises.
func TestReviewedClaims(t *testing.T) {
	in := load(t, map[string][]byte{
		"pamphlet.yaml": []byte("title: T\nbase_url: https://clinic.example/\nclinical_sections: []\n"),
		"content/news/a.md": []byte("---\ntitle: Honey and coughs\ndescription: A short news item about honey for coughs, for the tests of the claims rules.\n---\n\n" +
			"Honey soothes a cough. Our honey is a miracle cure.\n"),
	})
	rules := func() []string {
		found, _ := Run(in)
		var out []string
		for _, f := range found {
			if strings.HasPrefix(f.Rule, "claims.") && !slices.Contains(out, f.Rule) {
				out = append(out, f.Rule)
			}
		}
		return out
	}
	if got := strings.Join(rules(), " "); got != "claims.unreviewed claims.prohibited" {
		t.Errorf("unreviewed: %s", got)
	}
	for i := range in.Pages {
		in.Pages[i].Review.Valid = true
	}
	if got := strings.Join(rules(), " "); got != "claims.prohibited" {
		t.Errorf("reviewed: %s", got)
	}
}

// TestCatalogue: every rule once, described whole, and the README's rule
// tables made from it (go test ./internal/check -run Catalogue -update
// writes them).
func TestCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Catalogue() {
		if seen[r.ID] {
			t.Errorf("%s is in the catalogue twice", r.ID)
		}
		seen[r.ID] = true
		if r.Summary == "" || r.Description == "" || r.Help == "" || len(r.Severities) == 0 || r.Family() == "" {
			t.Errorf("%s is not described whole: %+v", r.ID, r)
		}
		if r.Gate && r.Silence {
			t.Errorf("%s is part of the gate and may be silenced", r.ID)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	for _, table := range []struct{ marker, prefix string }{{"rules:review", "review."}, {"rules:checks", ""}} {
		begin, end := "<!-- "+table.marker+" -->\n", "<!-- end "+table.marker+" -->"
		i, j := strings.Index(text, begin), strings.Index(text, end)
		if i < 0 || j < i {
			t.Fatalf("README.md has no %s table between %q and %q", table.marker, begin, end)
		}
		want := RuleTable(table.prefix)
		if got := text[i+len(begin) : j]; got != want {
			if *update {
				text = text[:i+len(begin)] + want + text[j:]
				continue
			}
			t.Errorf("README.md's %s table is not the catalogue's; run go test ./internal/check -run Catalogue -update\n got:\n%s\nwant:\n%s", table.marker, got, want)
		}
	}
	if *update {
		if err := os.WriteFile("../../README.md", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func FuzzIgnore(f *testing.F) {
	for _, s := range []string{" a11y.link-text: the partner's wording ", " plain, a11y.*: quoted", " claims.unreviewed: no", " ", ":", " a11y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ig, problem := parseIgnore(s)
		if (ig == nil) == (problem == "") {
			t.Fatalf("parseIgnore(%q) = %v, %q", s, ig, problem)
		}
		if ig != nil && (ig.reason == "" || len(ig.rules) == 0) {
			t.Fatalf("parseIgnore(%q) accepted no reason or no rule", s)
		}
	})
}

// TestTrustStatement: no statement at all, part of one, and a whole one.
func TestTrustStatement(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"", "pamphlet.yaml:1:1: warning: pamphlet.yaml has no trust statement; add trust: with publisher, funding, advertising, process, review, feedback, so the page \"How we make our health information\" tells readers who makes this information and how it is checked (trust.statement)\n"},
		{"trust:\n  publisher: Us\n  disclaimer: Not advice.\n", "pamphlet.yaml:3:1: warning: the trust statement leaves out funding, advertising, process, review, feedback; readers look for each on the page \"How we make our health information\" (trust.statement)\n"},
		{"trust: {publisher: a, funding: b, advertising: c, process: d, review: e, feedback: f}\n", ""},
		{"languages: [en, es]\ntrust: {publisher: a, funding: b, advertising: c, process: d, review: e, feedback: f}\n",
			"pamphlet.yaml:4:1: warning: the trust statement has no es version, so the es trust page shows it in en; add trust.translations.es with publisher, funding, advertising, process, review, feedback in es (trust.statement)\n"},
		{"languages: [en, es]\ntrust: {publisher: a, funding: b, advertising: c, process: d, review: e, feedback: f, translations: {es: {publisher: A}}}\n", ""},
	} {
		files := map[string][]byte{
			"pamphlet.yaml":     []byte("title: T\nbase_url: https://clinic.example/\n" + tc.yaml),
			"content/_index.md": []byte("Home.\n"),
		}
		if strings.Contains(tc.yaml, "languages:") {
			files["content/_index.es.md"] = []byte("Inicio.\n")
		}
		in := load(t, files)
		var got bytes.Buffer
		if err := finding.WriteText(&got, finding.Report{Findings: TrustStatement(in)}); err != nil {
			t.Fatal(err)
		}
		if got.String() != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.yaml, got.String(), tc.want)
		}
	}
}

// TestContactsPerBatch: the local rules run a few pages at a time, as a
// build runs them, find on each page what they find over the whole site,
// with the site's contact details worked out once (Input.Contacts) or by
// each call: an event's address on one page is allowed on every other.
func TestContactsPerBatch(t *testing.T) {
	a, err := txtar.ParseFile("testdata/rules/privacy.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range a.Files {
		files[f.Name] = f.Data
	}
	in := load(t, files)
	want := finding.Sort(RunLocal(in))
	if !slices.ContainsFunc(want, func(f finding.Finding) bool { return f.Rule == "privacy.identifier" }) {
		t.Fatal("privacy.txtar has no identifiers to find")
	}
	for _, contacts := range []*Contacts{NewContacts(in.Site), nil} {
		var got []finding.Finding
		for _, p := range in.Pages {
			got = append(got, RunLocal(&Input{Site: in.Site, Pages: []Page{p}, Today: in.Today, Words: in.Words, Contacts: contacts})...)
		}
		if got = finding.Sort(got); !slices.EqualFunc(got, want, func(a, b finding.Finding) bool { return a.String() == b.String() }) {
			t.Errorf("contacts %v: page by page\n%v\nwhole site\n%v", contacts != nil, got, want)
		}
	}
}

// TestBrokenLinksByScanOrMap: the link check finds the pages that links
// name headings of the same way whether it reads the site's pages for
// them or makes a map by address, over the whole site and page by page,
// as the preview checks the page an edit changed.
func TestBrokenLinksByScanOrMap(t *testing.T) {
	files := map[string][]byte{"pamphlet.yaml": []byte("title: Test clinic\nbase_url: https://clinic.example/\nclinical_sections: []\n")}
	const n = 40
	for i := range n {
		next := (i + 1) % n
		files[fmt.Sprintf("content/news/p%d.md", i)] = fmt.Appendf(nil, "---\ntitle: News item %d\ndescription: A page of the link tests, which links to the next page's headings.\ndate: 2026-11-01\n---\n\n## Times for item %d\n\nSee [the times](p%d.md#times-for-item-%d), [the fees](p%d.md#fees) and [the times here](#times-for-item-%d).\n", i, i, next, next, next, i)
	}
	in := load(t, files)
	defer func(old int) { linkScans = old }(linkScans)
	var got [2][]string
	for k, scans := range []int{0, 1 << 30} {
		linkScans = scans
		for _, f := range BrokenLinks(in) {
			got[k] = append(got[k], f.String())
		}
		for _, p := range in.Pages {
			for _, f := range BrokenLinks(&Input{Site: in.Site, Pages: []Page{p}, All: in.Pages, Today: in.Today, Words: in.Words}) {
				got[k] = append(got[k], f.String())
			}
		}
	}
	if len(got[0]) != 2*n {
		t.Fatalf("found %d broken links; want %d, one a page twice:\n%s", len(got[0]), 2*n, strings.Join(got[0], "\n"))
	}
	if !slices.Equal(got[0], got[1]) {
		t.Errorf("with a map:\n%s\nreading the pages:\n%s", strings.Join(got[0], "\n"), strings.Join(got[1], "\n"))
	}
}
