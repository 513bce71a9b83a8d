package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// SetBlock returns the page's source with its review block replaced by r,
// or r added at the end of the front matter when the page has none. Every
// byte outside the review block stays as it was; the block uses the line
// endings of the front matter. The result is read back before it is
// returned, and a result whose front matter, body or fingerprint differ
// from the page's in anything but the review is an error, so that signing
// can never lose content.
func SetBlock(p *content.Page, r *content.Review) ([]byte, error) {
	if p.Unreadable { // before Format, which is "" for front matter that is never closed
		return nil, fmt.Errorf("%s: the front matter cannot be read; fix it first (pamphlet check %s)", p.File, finding.ShellArg(p.File))
	}
	if p.Format == "" {
		return nil, fmt.Errorf("%s has no front matter; give it a title and description between --- lines first", p.File)
	}
	nl := "\n"
	if bytes.Contains(p.Source[p.FrontStart:p.FrontEnd], []byte("\r\n")) || (p.FrontStart == p.FrontEnd && bytes.Contains(p.Source, []byte("\r\n"))) {
		nl = "\r\n"
	}
	var out []byte
	var err error
	switch p.Format {
	case "yaml":
		out, err = setYAML(p, r, nl)
	case "toml":
		out, err = setTOML(p, r, nl)
	case "json":
		out, err = setJSON(p, r)
	}
	if err != nil {
		return nil, err
	}
	if err := sameExceptReview(p, out, r); err != nil {
		return nil, fmt.Errorf("%s: the review block could not be written safely (%v); the file was left as it was: delete its review block and sign again", p.File, err)
	}
	return out, nil
}

// splice replaces src[start:end] with text.
func splice(src []byte, start, end int, text string) []byte {
	out := make([]byte, 0, len(src)+len(text))
	out = append(out, src[:start]...)
	out = append(out, text...)
	return append(out, src[end:]...)
}

// lineStart returns the offset of the start of the 1-based line.
func lineStart(src []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// keyLine returns the offset of the start of the 1-based line of the
// front matter where the review key is written, after checking that the
// line is there and starts with one of prefixes. The check matters: YAML
// also ends lines at a lone carriage return and at Unicode line and
// paragraph separators, so its line numbers do not always count the
// newlines of the file.
func keyLine(p *content.Page, line int, prefixes ...string) (int, error) {
	start := lineStart(p.Source, line)
	if start >= p.FrontStart && start < p.FrontEnd {
		text := strings.TrimLeft(string(p.Source[start:p.FrontEnd]), " \t")
		for _, pre := range prefixes {
			if strings.HasPrefix(text, pre) {
				return start, nil
			}
		}
	}
	return 0, errors.New("the review key is not on the line where the front matter says it is; end each line with a newline, not a lone carriage return or a Unicode line separator, and write one key per line")
}

// lineKind is what a line after the first line of a block is to it.
type lineKind int

const (
	after  lineKind = iota // the line ends the block
	filler                 // a blank or comment line: the block's if more of it follows, else what follows's
	held                   // the line holds something of the block
)

// otherLineEnd returns the offset in text of the first line end that YAML
// counts and a count of newlines does not: a carriage return not before a
// newline, or a next line, line separator or paragraph separator
// character; -1 when there is none.
func otherLineEnd(text []byte) int {
	for i, r := range string(text) {
		if r == '\r' && (i+1 == len(text) || text[i+1] != '\n') || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			return i
		}
	}
	return -1
}

// blockEnd returns where a block that starts with the line at start ends:
// before the first later line, up to limit, that classify finds after
// it, less the filler lines just before that line (they belong to what
// follows).
func blockEnd(src []byte, start, limit int, classify func(line string) lineKind) int {
	off := start + bytes.IndexByte(src[start:limit], '\n') + 1
	if off <= start {
		return limit
	}
	end := off // after the block's last line that holds something
	for off < limit {
		n := bytes.IndexByte(src[off:limit], '\n')
		next := limit
		if n >= 0 {
			next = off + n + 1
		}
		kind := classify(strings.TrimRight(string(src[off:next]), "\r\n"))
		if kind == after {
			break
		}
		if kind == held {
			end = next
		}
		off = next
	}
	return end
}

// yamlValue classifies the lines after a top-level YAML key: indented
// lines are its value's (a comment among them too, and a line of a literal
// block such as a signature's may start with #), and the first line at the
// start of its line that is not a comment is the next key.
func yamlValue(line string) lineKind {
	switch {
	case strings.TrimSpace(line) == "" || line[0] == '#':
		return filler
	case line[0] == ' ' || line[0] == '\t':
		return held
	}
	return after
}

func setYAML(p *content.Page, r *content.Review, nl string) ([]byte, error) {
	if off := otherLineEnd(p.Source[p.FrontStart:p.FrontEnd]); off >= 0 {
		// The review key's line number would not be the file's, so the
		// block could be written once and never again.
		pos := p.Pos(p.FrontStart + off)
		return nil, fmt.Errorf("%s:%d:%d: a lone carriage return or a Unicode line separator, which YAML takes for the end of a line and editors do not show; remove it, then sign again", p.File, pos.Line, pos.Col)
	}
	var b strings.Builder
	b.WriteString("review:" + nl)
	field := func(k, v string) { b.WriteString("  " + k + ": " + v + nl) }
	field("reviewer", yamlString(r.Reviewer))
	field("date", r.Date.String())
	field("next", r.Next.String())
	field("fingerprint", r.Fingerprint)
	if r.FingerprintV1 != "" {
		field("fingerprint_v1", r.FingerprintV1)
	}
	if r.Source != "" {
		field("source", r.Source)
	}
	if r.Approval != "" {
		field("approval", yamlString(r.Approval))
	}
	if lines := signatureLines(r.Signature); lines != nil {
		b.WriteString("  signature: |" + nl)
		for _, l := range lines {
			b.WriteString("    " + l + nl)
		}
	}
	pos, ok := p.KeyAt("review")
	if !ok {
		return splice(p.Source, p.FrontEnd, p.FrontEnd, b.String()), nil
	}
	if pos.Col != 1 {
		return nil, errors.New("the review key is not at the start of its line; write the front matter as one key per line")
	}
	start, err := keyLine(p, pos.Line, "review", `"review"`, "'review'")
	if err != nil {
		return nil, err
	}
	end := blockEnd(p.Source, start, p.FrontEnd, yamlValue)
	return splice(p.Source, start, end, b.String()), nil
}

// signatureLines returns the lines of a signature as a YAML or TOML review
// block writes them, or none for no signature. The white space around the
// signature, which Verify passes over, is left out: a YAML literal block
// takes its indentation from its first line, and a rewrite would leave
// lines of only spaces at its end behind. Carriage returns at the ends of
// lines are left out too, so that the block's lines end as the front
// matter's do and the next rewrite finds the same line endings.
func signatureLines(sig string) []string {
	sig = strings.TrimSpace(sig)
	if sig == "" {
		return nil
	}
	lines := strings.Split(sig, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// yamlString writes s plain when YAML reads it back as the same string.
func yamlString(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == "" && s[0] != '-' {
		return s
	}
	q, _ := json.Marshal(s)
	return string(q)
}

func setTOML(p *content.Page, r *content.Review, nl string) ([]byte, error) {
	str := func(s string) string { q, _ := json.Marshal(s); return string(q) }
	pos, ok := p.KeyAt("review")
	var start int
	if ok {
		var err error
		if start, err = keyLine(p, pos.Line, "review", "[review]"); err != nil {
			return nil, err
		}
		line := strings.TrimSpace(string(p.Source[start : start+bytes.IndexByte(p.Source[start:], '\n')+1]))
		switch {
		case strings.HasPrefix(line, "review") && strings.HasPrefix(strings.TrimSpace(line[len("review"):]), "="):
			// An inline table: write one back on the same line.
			var b strings.Builder
			fmt.Fprintf(&b, "review = {reviewer = %s, date = %s, next = %s, fingerprint = %s", str(r.Reviewer), r.Date, r.Next, str(r.Fingerprint))
			if r.FingerprintV1 != "" {
				fmt.Fprintf(&b, ", fingerprint_v1 = %s", str(r.FingerprintV1))
			}
			if r.Source != "" {
				fmt.Fprintf(&b, ", source = %s", str(r.Source))
			}
			if r.Approval != "" {
				fmt.Fprintf(&b, ", approval = %s", str(r.Approval))
			}
			if r.Signature != "" {
				fmt.Fprintf(&b, ", signature = %s", str(r.Signature))
			}
			b.WriteString("}" + nl)
			end := start + bytes.IndexByte(p.Source[start:], '\n') + 1
			return splice(p.Source, start, end, b.String()), nil
		case !strings.HasPrefix(line, "[review]"):
			return nil, errors.New("the review is written with dotted keys; write it as a [review] table")
		}
	}
	var b strings.Builder
	b.WriteString("[review]" + nl)
	fmt.Fprintf(&b, "reviewer = %s%sdate = %s%snext = %s%sfingerprint = %s%s", str(r.Reviewer), nl, r.Date, nl, r.Next, nl, str(r.Fingerprint), nl)
	if r.FingerprintV1 != "" {
		fmt.Fprintf(&b, "fingerprint_v1 = %s%s", str(r.FingerprintV1), nl)
	}
	if r.Source != "" {
		fmt.Fprintf(&b, "source = %s%s", str(r.Source), nl)
	}
	if r.Approval != "" {
		fmt.Fprintf(&b, "approval = %s%s", str(r.Approval), nl)
	}
	if lines := signatureLines(r.Signature); lines != nil {
		b.WriteString(`signature = """` + nl)
		for _, l := range lines {
			b.WriteString(l + nl)
		}
		b.WriteString(`"""` + nl)
	}
	if !ok {
		text := b.String()
		if fm := string(p.Source[p.FrontStart:p.FrontEnd]); strings.TrimSpace(fm) != "" && !strings.HasSuffix(fm, nl+nl) {
			text = nl + text // a blank line before the new table
		}
		return splice(p.Source, p.FrontEnd, p.FrontEnd, text), nil
	}
	end := blockEnd(p.Source, start, p.FrontEnd, tomlTable())
	return splice(p.Source, start, end, b.String()), nil
}

// tomlTable returns the classifier of blockEnd for the lines after a
// TOML table's header: they are the table's up to the next header, and
// lines inside a multi-line string (such as a signature's) are the
// table's whatever they look like.
func tomlTable() func(line string) lineKind {
	open := "" // the delimiter of the multi-line string the line is in
	return func(line string) lineKind {
		if open == "" {
			switch t := strings.TrimSpace(line); {
			case strings.HasPrefix(t, "["):
				return after
			case t == "" || strings.HasPrefix(t, "#"):
				return filler
			}
		}
		for rest := line; ; {
			if open != "" {
				i := strings.Index(rest, open)
				if i < 0 {
					return held
				}
				rest, open = rest[i+3:], ""
				continue
			}
			i, d := strings.Index(rest, `"""`), `"""`
			if j := strings.Index(rest, "'''"); j >= 0 && (i < 0 || j < i) {
				i, d = j, "'''"
			}
			if i < 0 {
				return held
			}
			rest, open = rest[i+3:], d
		}
	}
}

// jsonReview is the review block as JSON front matter holds it.
type jsonReview struct {
	Reviewer      string `json:"reviewer"`
	Date          string `json:"date"`
	Next          string `json:"next"`
	Fingerprint   string `json:"fingerprint"`
	FingerprintV1 string `json:"fingerprint_v1,omitempty"`
	Source        string `json:"source,omitempty"`
	Approval      string `json:"approval,omitempty"`
	Signature     string `json:"signature,omitempty"`
}

func setJSON(p *content.Page, r *content.Review) ([]byte, error) {
	val, err := json.Marshal(jsonReview{r.Reviewer, r.Date.String(), r.Next.String(), r.Fingerprint, r.FingerprintV1, r.Source, r.Approval, r.Signature})
	if err != nil {
		return nil, err
	}
	front := p.Source[p.FrontStart:p.FrontEnd]
	dec := json.NewDecoder(bytes.NewReader(front))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("the JSON front matter is not an object")
	}
	lastEnd := int(dec.InputOffset()) // after '{' or the last value
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		valueStart := int(dec.InputOffset())
		for valueStart < len(front) && strings.ContainsRune(" \t\r\n:", rune(front[valueStart])) {
			valueStart++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		lastEnd = int(dec.InputOffset())
		if t == "review" {
			return splice(p.Source, p.FrontStart+valueStart, p.FrontStart+lastEnd, string(val)), nil
		}
	}
	sep := ""
	if lastEnd > bytes.IndexByte(front, '{')+1 {
		sep = ","
	}
	return splice(p.Source, p.FrontStart+lastEnd, p.FrontStart+lastEnd, sep+` "review": `+string(val)), nil
}

// sameExceptReview reads out back and compares it with the page.
func sameExceptReview(p *content.Page, out []byte, r *content.Review) error {
	q, found := content.ParsePage(p.File, out)
	if q.Unreadable || len(found) > 0 {
		if len(found) > 0 {
			return errors.New(found[0].Message)
		}
		return errors.New("the result cannot be read")
	}
	got := q.Meta.Review
	if got == nil || got.Reviewer != r.Reviewer || got.Date.String() != r.Date.String() || got.Next.String() != r.Next.String() ||
		got.Fingerprint != r.Fingerprint || got.FingerprintV1 != r.FingerprintV1 || got.Source != r.Source || got.Approval != r.Approval || strings.TrimSpace(got.Signature) != strings.TrimSpace(r.Signature) {
		return errors.New("the review block does not read back as written")
	}
	a, b := p.Meta, q.Meta
	a.Review, b.Review = nil, nil
	if !reflect.DeepEqual(a, b) {
		return errors.New("other front matter would change")
	}
	if !bytes.Equal(p.Body(), q.Body()) {
		return errors.New("the body would change")
	}
	return nil
}

// WithoutBlock returns the page's source with its review block taken out
// and every other byte as it was: the start of a translation, which a
// reviewer who reads its language signs on its own. A page with no review
// block comes back as it is. The result is read back, and one that still
// has a review, or differs in its body, is an error.
func WithoutBlock(p *content.Page) ([]byte, error) {
	pos, ok := p.KeyAt("review")
	if !ok || p.Unreadable {
		return p.Source, nil
	}
	var out []byte
	switch p.Format {
	case "yaml":
		if pos.Col != 1 {
			return nil, fmt.Errorf("%s: the review key is not at the start of its line; take the review block out by hand", p.File)
		}
		start, err := keyLine(p, pos.Line, "review", `"review"`, "'review'")
		if err != nil {
			return nil, err
		}
		out = splice(p.Source, start, blockEnd(p.Source, start, p.FrontEnd, yamlValue), "")
	case "toml":
		start, err := keyLine(p, pos.Line, "review", "[review]")
		if err != nil {
			return nil, err
		}
		end := start + bytes.IndexByte(p.Source[start:], '\n') + 1
		if !strings.HasPrefix(strings.TrimSpace(string(p.Source[start:end])), "review") {
			end = blockEnd(p.Source, start, p.FrontEnd, tomlTable()) // a [review] table
		}
		out = splice(p.Source, start, end, "")
	default:
		return nil, fmt.Errorf("%s has JSON front matter; take the review block out by hand", p.File)
	}
	q, _ := content.ParsePage(p.File, out)
	if q.Unreadable || q.Meta.Review != nil || !bytes.Equal(q.Body(), p.Body()) {
		return nil, fmt.Errorf("%s: the review block could not be taken out safely; copy the page and take it out by hand", p.File)
	}
	return out, nil
}
