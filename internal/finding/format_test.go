package finding

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var sample = []Finding{
	{Position{"content/b.md", 3, 1}, "seo.title", Warning, "the title is long", ""},
	{Position{"content/a.md", 12, 5}, "frontmatter.unknown", Error, `unknown key "x", here: 50%`, ""},
	{Position{"content/a.md", 12, 5}, "frontmatter.unknown", Error, `unknown key "x", here: 50%`, ""},
	{Position{"content/a.md", 2, 0}, "plain.word", Suggestion, "say high blood pressure", ""},
}

var silenced = []Finding{
	{Position{"content/c.md", 7, 3}, "a11y.link-text", Warning, `the link text "here" says nothing`, "the partner asked for this wording"},
}

func TestSortAndCount(t *testing.T) {
	fs := Sort(append([]Finding(nil), sample...))
	if len(fs) != 3 || fs[0].Line != 2 || fs[1].Line != 12 || fs[2].File != "content/b.md" {
		t.Fatalf("sorted: %v", fs)
	}
	if e, w, s := Count(fs); e != 1 || w != 1 || s != 1 {
		t.Errorf("counts %d %d %d", e, w, s)
	}
}

func TestFormats(t *testing.T) {
	fs := Sort(append([]Finding(nil), sample...))
	tests := []struct{ format, want string }{
		{"text", "content/a.md:2: suggestion: say high blood pressure (plain.word)\n" +
			"content/a.md:12:5: error: unknown key \"x\", here: 50% (frontmatter.unknown)\n" +
			"content/b.md:3:1: warning: the title is long (seo.title)\n" +
			"content/c.md:7:3: silenced warning: the link text \"here\" says nothing (a11y.link-text) because: the partner asked for this wording\n"},
		{"github", "::notice file=content/a.md,line=2,title=plain.word::say high blood pressure\n" +
			"::error file=content/a.md,line=12,col=5,title=frontmatter.unknown::unknown key \"x\", here: 50%25\n" +
			"::warning file=content/b.md,line=3,col=1,title=seo.title::the title is long\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, tt.format, Report{Findings: fs, Silenced: silenced}); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.format, b.String(), tt.want)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "json", Report{Findings: fs, Silenced: silenced}); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Findings []map[string]any `json:"findings"`
		Silenced []map[string]any `json:"silenced"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 3 || r.Errors != 1 || r.Warnings != 1 || r.Findings[1]["column"] != 5.0 || r.Findings[1]["rule"] != "frontmatter.unknown" {
		t.Errorf("json: %s", b.String())
	}
	if len(r.Silenced) != 1 || r.Silenced[0]["reason"] != "the partner asked for this wording" || r.Findings[0]["reason"] != nil {
		t.Errorf("json silenced: %s", b.String())
	}
	b.Reset()
	if err := WriteJSON(&b, Report{}); err != nil || !bytes.Contains(b.Bytes(), []byte(`"findings": []`)) || !bytes.Contains(b.Bytes(), []byte(`"silenced": []`)) {
		t.Errorf("empty json: %s %v", b.String(), err)
	}
	if err := Write(&b, "yaml", Report{Findings: fs}); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestSummary(t *testing.T) {
	var b bytes.Buffer
	r := Report{Findings: []Finding{{Position{"a.md", 1, 1}, "r", Error, "a | b", ""}}, Silenced: silenced}
	if err := WriteSummary(&b, "pamphlet check", r); err != nil {
		t.Fatal(err)
	}
	want := "## pamphlet check\n\n1 error, 0 warnings, 0 suggestions, 1 silenced\n\n| Where | Severity | Rule | Message |\n|---|---|---|---|\n| `a.md:1:1` | error | `r` | a \\| b |\n\n" +
		"### Silenced\n\n| Where | Rule | Message | Reason |\n|---|---|---|---|\n| `content/c.md:7:3` | `a11y.link-text` | the link text \"here\" says nothing | the partner asked for this wording |\n\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}

// TestSARIF checks the SARIF 2.1.0 output against the golden file and the
// properties code scanning needs.
func TestSARIF(t *testing.T) {
	var b bytes.Buffer
	r := Report{Findings: Sort(append([]Finding(nil), sample...)), Silenced: silenced, Version: "v1.0.0",
		Rules: []Rule{{ID: "seo.title", Severities: []Severity{Error, Warning}, Help: "#search-engines",
			Summary: "a missing or over-long title", Description: "no title; a title under 3 or over 70 characters, as [the guide](#seo) says; `title` is the key"}}}
	if err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/report.sarif", b.Bytes())
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID              string `json:"id"`
						FullDescription *struct {
							Text string `json:"text"`
						} `json:"fullDescription"`
						Help *struct {
							Text     string `json:"text"`
							Markdown string `json:"markdown"`
						} `json:"help"`
						HelpURI       string `json:"helpUri"`
						DefaultConfig *struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string `json:"ruleId"`
				RuleIndex    int    `json:"ruleIndex"`
				Level        string `json:"level"`
				Suppressions []struct {
					Kind          string `json:"kind"`
					Justification string `json:"justification"`
				} `json:"suppressions"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "pamphlet" {
		t.Fatalf("not a SARIF 2.1.0 log of pamphlet: %s", b.String())
	}
	run := log.Runs[0]
	if len(run.Results) != 4 {
		t.Fatalf("%d results, want 4", len(run.Results))
	}
	described := 0
	for _, rule := range run.Tool.Driver.Rules {
		if rule.ID != "seo.title" {
			continue
		}
		described++
		if rule.FullDescription == nil || rule.FullDescription.Text != "no title; a title under 3 or over 70 characters, as the guide says; title is the key" ||
			rule.Help == nil || !strings.Contains(rule.Help.Markdown, "`title`") ||
			rule.HelpURI != "https://github.com/pamphlet-health/pamphlet#search-engines" ||
			rule.DefaultConfig == nil || rule.DefaultConfig.Level != "error" {
			t.Errorf("seo.title is not described for code scanning: %+v", rule)
		}
	}
	if described != 1 {
		t.Errorf("seo.title described %d times", described)
	}
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d", res.RuleID, res.RuleIndex)
		}
	}
	last := run.Results[3]
	if len(last.Suppressions) != 1 || last.Suppressions[0].Kind != "inSource" || last.Suppressions[0].Justification == "" {
		t.Errorf("the silenced finding is not suppressed in source: %+v", last)
	}
	if loc := run.Results[1].Locations[0].PhysicalLocation; loc.ArtifactLocation.URI != "content/a.md" || loc.Region.StartLine != 12 || loc.Region.StartColumn != 5 {
		t.Errorf("location %+v", loc)
	}
	if run.Results[0].Level != "note" {
		t.Errorf("a suggestion has level %q, want note", run.Results[0].Level)
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with a file in testdata/, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\ngot\n%s\nwant\n%s", path, got, want)
	}
}

func TestTotals(t *testing.T) {
	f := func(s Severity) Finding { return Finding{Position{"a.md", 1, 1}, "r", s, "m", ""} }
	tests := []struct {
		r    Report
		want string
	}{
		{Report{}, "0 errors, 0 warnings, 0 suggestions, 0 silenced"},
		{Report{Findings: []Finding{f(Error), f(Warning), f(Suggestion)}, Silenced: []Finding{f(Warning)}}, "1 error, 1 warning, 1 suggestion, 1 silenced"},
		{Report{Findings: []Finding{f(Error), f(Error), f(Warning), f(Warning), f(Suggestion), f(Suggestion)}}, "2 errors, 2 warnings, 2 suggestions, 0 silenced"},
	}
	for _, tt := range tests {
		if got := tt.r.Totals(); got != tt.want {
			t.Errorf("Totals() = %q, want %q", got, tt.want)
		}
	}
}

// TestRepositoryPaths: with the site in a folder of its repository, the
// GitHub formats name files from the repository root, SARIF's as URI
// references; text and JSON keep the site's paths. The summary escapes
// what a message quotes.
func TestRepositoryPaths(t *testing.T) {
	f := Finding{Position{"content/articles/flu shot é#1.md", 3, 2}, "seo.title", Error, "the title <b>*Flu*</b> | [x](y)", ""}
	r := Report{Findings: []Finding{f}, Root: "site"}
	var b bytes.Buffer
	if err := WriteGitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	if want := "::error file=site/content/articles/flu shot é#1.md,line=3,col=2,title=seo.title::"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("github: %q, want %q…", b.String(), want)
	}
	b.Reset()
	if err := WriteSARIF(&b, r); err != nil {
		t.Fatal(err)
	}
	if want := `"uri": "site/content/articles/flu%20shot%20%C3%A9%231.md"`; !strings.Contains(b.String(), want) {
		t.Errorf("sarif has no %s:\n%s", want, b.String())
	}
	b.Reset()
	if err := WriteSummary(&b, "pamphlet check", r); err != nil {
		t.Fatal(err)
	}
	if want := "| `site/content/articles/flu shot é#1.md:3:2` | error | `seo.title` | the title \\<b\\>\\*Flu\\*\\</b\\> \\| \\[x\\](y) |"; !strings.Contains(b.String(), want) {
		t.Errorf("summary: %q, want %q", b.String(), want)
	}
	b.Reset()
	if err := WriteText(&b, r); err != nil || !strings.HasPrefix(b.String(), "content/articles/flu shot é#1.md:3:2:") {
		t.Errorf("text: %q %v", b.String(), err)
	}
}

func TestURIPath(t *testing.T) {
	for in, want := range map[string]string{
		"content/a.md":        "content/a.md",
		"site/a b.md":         "site/a%20b.md",
		"niño/ñ.md":           "ni%C3%B1o/%C3%B1.md",
		"a:b/c?d#e%f.md":      "a%3Ab/c%3Fd%23e%25f.md",
		"x/[1]+(2)&'3'~_-.md": "x/%5B1%5D%2B%282%29%26%273%27~_-.md",
	} {
		if got := URIPath(in); got != want {
			t.Errorf("URIPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSortTies orders findings that differ only in severity or reason the
// same whatever order they come in, and drops every duplicate.
func TestSortTies(t *testing.T) {
	p := Position{File: "content/a.md", Line: 3, Col: 1}
	a := Finding{Position: p, Rule: "r", Severity: Warning, Message: "m"}
	b := Finding{Position: p, Rule: "r", Severity: Error, Message: "m"}
	c := Finding{Position: p, Rule: "r", Severity: Warning, Message: "m", Reason: "why"}
	want := Sort([]Finding{a, b, c})
	if len(want) != 3 {
		t.Fatalf("%d findings, want 3", len(want))
	}
	for _, in := range [][]Finding{{c, b, a, b}, {b, a, c, a, c}, {a, c, b}} {
		if got := Sort(in); !slices.Equal(got, want) {
			t.Errorf("Sort(%v) = %v, want %v", in, got, want)
		}
	}
}
