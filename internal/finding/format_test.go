package finding

import (
	"bytes"
	"encoding/json"
	"testing"
)

var sample = []Finding{
	{Position{"content/b.md", 3, 1}, "seo.title", Warning, "the title is long"},
	{Position{"content/a.md", 12, 5}, "frontmatter.unknown", Error, `unknown key "x", here: 50%`},
	{Position{"content/a.md", 12, 5}, "frontmatter.unknown", Error, `unknown key "x", here: 50%`},
	{Position{"content/a.md", 2, 0}, "plain.word", Suggestion, "say high blood pressure"},
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
			"content/b.md:3:1: warning: the title is long (seo.title)\n"},
		{"github", "::notice file=content/a.md,line=2,title=plain.word::say high blood pressure\n" +
			"::error file=content/a.md,line=12,col=5,title=frontmatter.unknown::unknown key \"x\", here: 50%25\n" +
			"::warning file=content/b.md,line=3,col=1,title=seo.title::the title is long\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := Write(&b, tt.format, fs); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.format, b.String(), tt.want)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, "json", fs); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Findings []map[string]any `json:"findings"`
		Errors   int              `json:"errors"`
		Warnings int              `json:"warnings"`
	}
	if err := json.Unmarshal(b.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 3 || r.Errors != 1 || r.Warnings != 1 || r.Findings[1]["column"] != 5.0 || r.Findings[1]["rule"] != "frontmatter.unknown" {
		t.Errorf("json: %s", b.String())
	}
	b.Reset()
	if err := WriteJSON(&b, nil); err != nil || !bytes.Contains(b.Bytes(), []byte(`"findings": []`)) {
		t.Errorf("empty json: %s %v", b.String(), err)
	}
	if err := Write(&b, "yaml", fs); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestSummary(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSummary(&b, "pamphlet check", []Finding{{Position{"a.md", 1, 1}, "r", Error, "a | b"}}); err != nil {
		t.Fatal(err)
	}
	want := "## pamphlet check\n\n1 errors, 0 warnings, 0 suggestions\n\n| Where | Severity | Rule | Message |\n|---|---|---|---|\n| `a.md:1:1` | error | `r` | a \\| b |\n\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}
