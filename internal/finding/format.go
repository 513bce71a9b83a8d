package finding

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "github"}

// Write prints findings in the named format: "text" (one line each),
// "json" (one object with the findings and their counts) or "github"
// (workflow commands that GitHub turns into line annotations).
func Write(w io.Writer, format string, fs []Finding) error {
	switch format {
	case "text", "":
		return WriteText(w, fs)
	case "json":
		return WriteJSON(w, fs)
	case "github":
		return WriteGitHub(w, fs)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// WriteText prints one finding a line: "file:line:col: severity: message (rule)".
func WriteText(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type jsonFinding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

type jsonReport struct {
	Findings    []jsonFinding `json:"findings"`
	Errors      int           `json:"errors"`
	Warnings    int           `json:"warnings"`
	Suggestions int           `json:"suggestions"`
}

// WriteJSON prints {"findings":[…],"errors":N,"warnings":N,"suggestions":N}
// followed by a newline. The findings array is never null.
func WriteJSON(w io.Writer, fs []Finding) error {
	r := jsonReport{Findings: make([]jsonFinding, 0, len(fs))}
	for _, f := range fs {
		r.Findings = append(r.Findings, jsonFinding{f.File, f.Line, f.Col, f.Rule, f.Severity.String(), f.Message})
	}
	r.Errors, r.Warnings, r.Suggestions = Count(fs)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteGitHub prints one GitHub Actions workflow command a finding:
// "::error file=…,line=…,col=…,title=…::message". Suggestions become notices.
func WriteGitHub(w io.Writer, fs []Finding) error {
	var b strings.Builder
	for _, f := range fs {
		level := "notice"
		switch f.Severity {
		case Error:
			level = "error"
		case Warning:
			level = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s", level, escapeProperty(f.File))
		if f.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", f.Line)
		}
		if f.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", f.Col)
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", escapeProperty(f.Rule), escapeData(f.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteSummary prints a Markdown summary of findings for a GitHub job
// summary: the counts, then a table that carries every finding (GitHub shows
// only the first ten annotations of each kind on a pull request).
func WriteSummary(w io.Writer, title string, fs []Finding) error {
	var b strings.Builder
	e, wa, s := Count(fs)
	fmt.Fprintf(&b, "## %s\n\n", title)
	fmt.Fprintf(&b, "%d errors, %d warnings, %d suggestions\n\n", e, wa, s)
	if len(fs) > 0 {
		b.WriteString("| Where | Severity | Rule | Message |\n|---|---|---|---|\n")
		for _, f := range fs {
			fmt.Fprintf(&b, "| `%s` | %s | `%s` | %s |\n", f.Position, f.Severity, f.Rule, escapeCell(f.Message))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData escapes a workflow command's message as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// escapeCell keeps a message inside one Markdown table cell.
func escapeCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
}
