package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// Text is the reader-visible clinical text of a page as its writer wrote
// it, for people to compare (see Lines and review diff): the fields a
// sign-off covers, with the Markdown as written but for what a reader
// cannot see. Until fingerprints were taken from the parsed page (see
// Fingerprint), its SHA-256 was the fingerprint; LegacyFingerprint still
// takes it, for sign-offs made then.
type Text struct {
	Title       string       `json:"title"`
	Description string       `json:"description"`
	About       string       `json:"about"`
	Body        string       `json:"body"`
	FAQ         []TextQA     `json:"faq"`
	Sources     []TextSource `json:"sources"`
}

// TextQA is one question of a page's FAQ, normalised.
type TextQA struct {
	Q string `json:"q"`
	A string `json:"a"`
}

// TextSource is one source of a page, normalised.
type TextSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	URL       string `json:"url"`
	Date      string `json:"date"`
}

// TextOf returns the page's reader-visible text, normalised so that
// only what a reader cannot see is removed, as a line-based reading of
// the Markdown can tell:
//
//   - one-line fields (title, description, about, questions, sources) have
//     runs of white space made one space and are trimmed, as a browser shows
//     them;
//   - Markdown (the body and FAQ answers) has its line endings made \n, a
//     byte order mark dropped, spaces and tabs at line ends removed (except
//     two spaces before a following line, which Markdown shows as a line
//     break), lines holding only an HTML comment dropped (outside code
//     blocks), and blank lines at the start and end dropped.
func TextOf(p *content.Page) Text { return textOf(p, NormalizeMarkdown) }

// ReadableOf returns the page's text for people to compare, as TextOf
// does but keeping lines that hold only a comment: which of them a reader
// sees depends on the blocks around them, so review diff shows them all.
func ReadableOf(p *content.Page) Text {
	return textOf(p, func(src []byte) string { return normalize(src, false) })
}

func textOf(p *content.Page, markdown func([]byte) string) Text {
	m := &p.Meta
	v := Text{
		Title:       oneLine(m.Title),
		Description: oneLine(m.Description),
		About:       oneLine(m.About),
		Body:        markdown(p.Body()),
		FAQ:         []TextQA{},
		Sources:     []TextSource{},
	}
	for _, qa := range m.FAQ {
		v.FAQ = append(v.FAQ, TextQA{Q: oneLine(qa.Q), A: markdown([]byte(qa.A))})
	}
	for _, s := range m.Sources {
		date := ""
		if !s.Date.IsZero() {
			date = s.Date.String()
		}
		v.Sources = append(v.Sources, TextSource{
			Title: oneLine(s.Title), Publisher: oneLine(s.Publisher), URL: strings.TrimSpace(s.URL), Date: date,
		})
	}
	return v
}

// LegacyFingerprint returns the fingerprint pamphlet took before it took
// them from the parsed page: "sha256:" and the SHA-256 of the page's Text
// written as compact JSON, keys in the order of Text, without HTML
// escaping. Sign-offs made then record it; see Migrate.
func LegacyFingerprint(p *content.Page) string {
	return sum(TextOf(p))
}

// sum returns "sha256:" and the SHA-256 of v written as compact JSON
// without HTML escaping.
func sum(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // strings and slices of strings always encode
	}
	s := sha256.Sum256(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return "sha256:" + hex.EncodeToString(s[:])
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// NormalizeMarkdown returns Markdown text without what a line-based reading
// takes a reader not to see; see TextOf for the rules.
func NormalizeMarkdown(src []byte) string { return normalize(src, true) }

// normalize is NormalizeMarkdown, dropping lines that hold only a comment
// when comments is true.
func normalize(src []byte, comments bool) string {
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
		case comments && indent < 4 && strings.HasPrefix(lead, "<!--"):
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
