package sitegen

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// dirFiles reads the files beside a site's pages from its folder.
type dirFiles string

func (d dirFiles) Local(from *content.Page, dest string) (review.File, bool) {
	p := path.Join(path.Dir(from.File), dest)
	data, err := os.ReadFile(filepath.Join(string(d), filepath.FromSlash(p)))
	if err != nil {
		return review.File{}, false
	}
	return review.SumFile(p, data), true
}

// TestWrite: the same n gives the same files, every article signed off
// and current on Today.
func TestWrite(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := Write(dir, 4); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 4 {
		x, _ := os.ReadFile(filepath.Join(a, ArticleFile(i)))
		y, _ := os.ReadFile(filepath.Join(b, ArticleFile(i)))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two sites of 4", ArticleFile(i))
		}
	}
	requireCurrent(t, a)
}

// TestWriteCorpus turns articles in the corpus's form into pages that
// pamphlet reads without a finding about their front matter, signed off;
// files named in capitals are not articles.
func TestWriteCorpus(t *testing.T) {
	corpus := t.TempDir()
	files := map[string]string{
		"nhs/README.md":      "# Not an article\n",
		"nhs/ATTRIBUTION.md": "# Not an article either\n",
		"nhs/flu.md": "---\ntitle: \"Flu\"\ndescription: \"Short.\"\npublisher: \"NHS\"\nsource_url: \"https://www.nhs.uk/conditions/flu/\"\n" +
			"date_modified: \"2025-02-20T13:24:49+00:00\"\nfaq:\n  - question: \"How long does flu last?\"\n    answer: \"About a week.\"\n---\n\nFlu is a common infection.\n",
		"cdc/measles.md": "---\ntitle: \"Measles\"\ndescription: \"" + strings.Repeat("Measles is an infection that spreads easily. ", 6) + "\"\n---\n\n## Symptoms\n\nA rash and a fever.\n",
	}
	for name, text := range files {
		p := filepath.Join(corpus, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	n, err := WriteCorpus(dir, corpus)
	if err != nil || n != 2 {
		t.Fatalf("WriteCorpus = %d, %v; want 2 articles", n, err)
	}
	for _, f := range []string{"content/nhs/flu.md", "content/cdc/measles.md"} {
		src, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		p, found := content.ParsePage(f, src)
		if finding.HasErrors(found) {
			t.Errorf("%s: %v\n%s", f, found, src)
		}
		if d := len(p.Meta.Description); d < 50 || d > 160 {
			t.Errorf("%s: description of %d characters: %q", f, d, p.Meta.Description)
		}
	}
	flu, _ := os.ReadFile(filepath.Join(dir, "content/nhs/flu.md"))
	for _, want := range []string{"q: \"How long does flu last?\"", "url: \"https://www.nhs.uk/conditions/flu/\"", "date: 2025-02-20", "tags: [nhs]"} {
		if !strings.Contains(string(flu), want) {
			t.Errorf("flu.md lacks %s:\n%s", want, flu)
		}
	}
	requireCurrent(t, dir)
}

// requireCurrent fails unless every page of the site in dir has a current
// sign-off.
func requireCurrent(t *testing.T, dir string) {
	t.Helper()
	cfg, found, err := content.LoadConfig(os.DirFS(dir))
	if err != nil || finding.HasErrors(found) {
		t.Fatalf("pamphlet.yaml: %v %v", err, found)
	}
	site, _, err := content.Load(os.DirFS(dir), cfg)
	if err != nil {
		t.Fatal(err)
	}
	gate, _ := review.NewGate(cfg, Today)
	md := markdown.New(markdown.Options{})
	for _, p := range site.Pages {
		if p.File == "" || p.URL == "/" {
			continue
		}
		if st := gate.Evaluate(review.Parse(md, p), dirFiles(dir)); st.State != review.OK || !st.Valid {
			t.Errorf("%s: %v %v", p.File, st.State, st.Findings)
		}
	}
}
