package sitegen

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/adrg/frontmatter"
)

// corpusMeta is what WriteCorpus reads of an article's front matter.
type corpusMeta struct {
	Title        string `yaml:"title"`
	Description  string `yaml:"description"`
	Publisher    string `yaml:"publisher"`
	SourceURL    string `yaml:"source_url"`
	DateModified string `yaml:"date_modified"`
	FAQ          []struct {
		Question string `yaml:"question"`
		Answer   string `yaml:"answer"`
	} `yaml:"faq"`
}

// WriteCorpus writes into dir a site made of the Markdown articles in the
// folders of corpus (such as ../shared/corpus: one folder per source,
// each article with title, description, publisher, source_url and faq in
// its front matter). Each folder becomes a section, and each article a
// page with its body as it is and front matter in pamphlet's terms: its
// source as a source, its questions as its faq, signed off like Write's.
// Files named in capitals, such as README.md, are not articles. It
// returns how many articles it wrote.
func WriteCorpus(dir, corpus string) (int, error) {
	var pages []generated
	err := fs.WalkDir(os.DirFS(corpus), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || !strings.Contains(p, "/") {
			return err
		}
		if name := strings.TrimSuffix(path.Base(p), ".md"); strings.ToUpper(name) == name {
			return nil // README.md, ATTRIBUTION.md
		}
		src, err := os.ReadFile(filepath.Join(corpus, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		page, err := corpusPage(path.Dir(p), src)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		pages = append(pages, generated{file: "content/" + p, text: page})
		return nil
	})
	if err != nil {
		return 0, err
	}
	if len(pages) == 0 {
		return 0, fmt.Errorf("no articles in the folders of %s", corpus)
	}
	var sections []string
	for _, p := range pages {
		if s := path.Base(path.Dir(p.file)); !slices.Contains(sections, s) {
			sections = append(sections, s)
		}
	}
	cfg := "title: Corpus Clinic\nbase_url: " + BaseURL + "\n" +
		"organization: {name: Corpus Clinic, emergency_number: \"911\"}\n" +
		"clinical_sections: [" + strings.Join(sections, ", ") + "]\n"
	return len(pages), write(dir, cfg, "Corpus Clinic", "", pages)
}

// corpusPage turns an article of the corpus into a pamphlet page.
func corpusPage(section string, src []byte) (string, error) {
	var m corpusMeta
	body, err := frontmatter.Parse(bytes.NewReader(src), &m)
	if err != nil {
		return "", err
	}
	if m.Title == "" {
		return "", fmt.Errorf("no title")
	}
	q := func(s string) string {
		b, _ := json.Marshal(s) // a JSON string is a YAML one
		return string(b)
	}
	date := Today.AddDate(-1, 0, 0)
	if t, err := time.Parse(time.RFC3339, m.DateModified); err == nil && t.Before(Today) {
		date = t
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\n", q(m.Title), q(description(m)))
	fmt.Fprintf(&b, "date: %s\naudience: [patients]\nabout: %s\ntags: [%s]\n", date.Format(time.DateOnly), q(m.Title), section)
	if m.SourceURL != "" {
		fmt.Fprintf(&b, "sources:\n  - {title: %s, publisher: %s, url: %s}\n", q(m.Title), q(cmp.Or(m.Publisher, "Unknown")), q(m.SourceURL))
	}
	if len(m.FAQ) > 0 {
		b.WriteString("faq:\n")
		for _, qa := range m.FAQ {
			fmt.Fprintf(&b, "  - q: %s\n    a: %s\n", q(qa.Question), q(qa.Answer))
		}
	}
	b.WriteString("---\n\n")
	b.Write(body)
	return b.String(), nil
}

// description keeps an article's description within the 50 to 160
// characters pamphlet asks for.
func description(m corpusMeta) string {
	d := strings.Join(strings.Fields(m.Description), " ")
	if len(d) < 50 {
		d = strings.TrimSpace(d + " What " + m.Title + " is, and where to find help and support.")
	}
	if len(d) > 160 {
		cut := strings.LastIndex(d[:157], " ")
		d = strings.TrimRight(d[:max(cut, 50)], ",;:") + "..."
	}
	return d
}
