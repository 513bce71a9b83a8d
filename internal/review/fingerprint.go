package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// Visible is the reader-visible clinical text of a page: what a sign-off
// approves and what its fingerprint covers. It leaves out the review block,
// tags, dates, audience, layout settings and anything else a reader does
// not read as the page's clinical content.
type Visible struct {
	Title       string          `json:"title"`
	Description string          `json:"description"`
	About       string          `json:"about"`
	Body        string          `json:"body"`
	FAQ         []VisibleQA     `json:"faq"`
	Sources     []VisibleSource `json:"sources"`
}

// VisibleQA is one question of a page's FAQ, normalised.
type VisibleQA struct {
	Q string `json:"q"`
	A string `json:"a"`
}

// VisibleSource is one source of a page, normalised.
type VisibleSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Date      string `json:"date"`
}

// VisibleText returns the page's reader-visible text, normalised so that
// only what a reader cannot see is removed:
//
//   - one-line fields (title, description, about, questions, sources) have
//     runs of white space made one space and are trimmed, as a browser shows
//     them;
//   - Markdown (the body and FAQ answers) has its line endings made \n, a
//     byte order mark dropped, spaces and tabs at line ends removed (except
//     two spaces before a following line, which Markdown shows as a line
//     break), lines holding only an HTML comment dropped (outside code
//     blocks), and blank lines at the start and end dropped.
func VisibleText(p *content.Page) Visible {
	m := &p.Meta
	v := Visible{
		Title:       oneLine(m.Title),
		Description: oneLine(m.Description),
		About:       oneLine(m.About),
		Body:        NormalizeMarkdown(p.Body()),
		FAQ:         []VisibleQA{},
		Sources:     []VisibleSource{},
	}
	for _, qa := range m.FAQ {
		v.FAQ = append(v.FAQ, VisibleQA{Q: oneLine(qa.Q), A: NormalizeMarkdown([]byte(qa.A))})
	}
	for _, s := range m.Sources {
		date := ""
		if !s.Date.IsZero() {
			date = s.Date.String()
		}
		v.Sources = append(v.Sources, VisibleSource{
			Title: oneLine(s.Title), Publisher: oneLine(s.Publisher), URL: strings.TrimSpace(s.URL), Date: date,
		})
	}
	return v
}

// Fingerprint returns "sha256:" and the hexadecimal SHA-256 of the page's
// visible text (see VisibleText) written as compact JSON with the keys in
// the order of Visible and no HTML escaping.
func Fingerprint(p *content.Page) string {
	return VisibleText(p).Fingerprint()
}

// Fingerprint returns the fingerprint of already normalised text.
func (v Visible) Fingerprint() string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // strings and slices of strings always encode
	}
	sum := sha256.Sum256(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return "sha256:" + hex.EncodeToString(sum[:])
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// NormalizeMarkdown returns Markdown text without what a reader cannot see;
// see VisibleText for the rules.
func NormalizeMarkdown(src []byte) string {
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	fence := ""      // the open code fence, or ""
	comment := false // inside a whole-line HTML comment
	for i, line := range lines {
		trimmed := strings.TrimRight(line, " \t")
		lead := strings.TrimLeft(trimmed, " ")
		indent := len(trimmed) - len(lead)
		switch {
		case comment:
			if strings.Contains(line, "-->") {
				comment = false
			}
			continue
		case fence != "":
			if indent < 4 && strings.HasPrefix(lead, fence) && strings.Trim(lead, fence[:1]) == "" {
				fence = ""
			}
		case indent < 4 && (strings.HasPrefix(lead, "```") || strings.HasPrefix(lead, "~~~")):
			fence = lead[:len(lead)-len(strings.TrimLeft(lead, lead[:1]))]
		case indent < 4 && strings.HasPrefix(lead, "<!--"):
			end := strings.Index(lead, "-->")
			if end < 0 {
				comment = true
				continue
			}
			if strings.TrimSpace(lead[end+3:]) == "" {
				continue
			}
		}
		if fence == "" && strings.HasSuffix(line, "  ") && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			trimmed += "  " // a hard line break
		}
		out = append(out, trimmed)
	}
	for len(out) > 0 && out[0] == "" {
		out = out[1:]
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}
