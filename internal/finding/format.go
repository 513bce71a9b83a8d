package finding

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "json", "github", "sarif"}

// Report is what a check found: the findings, those that pamphlet-ignore
// comments silenced, and what the tool knows about its rules for the
// formats that describe them.
type Report struct {
	Findings []Finding
	Silenced []Finding
	Rules    []Rule // what the tool knows of its rules
	Version  string // of the tool, for SARIF
	// Root is the site's folder from the repository root, with slashes,
	// such as "site"; "" when the site is the repository. The github and
	// sarif formats and the job summary name files from the repository
	// root, as GitHub does; text and json name them from the site root.
	Root string
}

// Path returns a finding's file from the repository root (see Root).
func (r Report) Path(f Finding) string {
	if r.Root == "" || f.File == "" {
		return f.File
	}
	return strings.TrimSuffix(r.Root, "/") + "/" + f.File
}

// Write prints a report in the named format: "text" (one line a finding),
// "json" (one object with the findings, the silenced findings and their
// counts), "github" (workflow commands that GitHub turns into line
// annotations) or "sarif" (SARIF 2.1.0 for code scanning).
func Write(w io.Writer, format string, r Report) error {
	switch format {
	case "text", "":
		return WriteText(w, r)
	case "json":
		return WriteJSON(w, r)
	case "github":
		return WriteGitHub(w, r)
	case "sarif":
		return WriteSARIF(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// WriteText prints one finding a line, "file:line:col: severity: message
// (rule)", then one line a silenced finding,
// "file:line:col: silenced severity: message (rule) because: reason".
func WriteText(w io.Writer, r Report) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	for _, f := range r.Silenced {
		fmt.Fprintf(&b, "%s: silenced %s: %s (%s) because: %s\n", f.Position, f.Severity, f.Message, f.Rule, f.Reason)
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
	Reason   string `json:"reason,omitempty"`
}

type jsonReport struct {
	Findings    []jsonFinding `json:"findings"`
	Silenced    []jsonFinding `json:"silenced"`
	Errors      int           `json:"errors"`
	Warnings    int           `json:"warnings"`
	Suggestions int           `json:"suggestions"`
}

func jsonFindings(fs []Finding) []jsonFinding {
	out := make([]jsonFinding, 0, len(fs))
	for _, f := range fs {
		out = append(out, jsonFinding{f.File, f.Line, f.Col, f.Rule, f.Severity.String(), f.Message, f.Reason})
	}
	return out
}

// WriteJSON prints {"findings":[…],"silenced":[…],"errors":N,"warnings":N,
// "suggestions":N} followed by a newline; a silenced finding also has its
// "reason". The arrays are never null, and the counts are of the findings
// that were not silenced.
func WriteJSON(w io.Writer, r Report) error {
	out := jsonReport{Findings: jsonFindings(r.Findings), Silenced: jsonFindings(r.Silenced)}
	out.Errors, out.Warnings, out.Suggestions = Count(r.Findings)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteGitHub prints one GitHub Actions workflow command a finding:
// "::error file=…,line=…,col=…,title=…::message", the file from the
// repository root. Suggestions become notices.
func WriteGitHub(w io.Writer, r Report) error {
	var b strings.Builder
	for _, f := range r.Findings {
		level := "notice"
		switch f.Severity {
		case Error:
			level = "error"
		case Warning:
			level = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s", level, escapeProperty(r.Path(f)))
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

// WriteSummary prints a Markdown summary of a report for a GitHub job
// summary: the counts, a table that carries every finding (GitHub shows
// only the first ten annotations of each kind on a pull request), and a
// table of the silenced findings with their reasons. Files are named from
// the repository root, and every text is escaped (see EscapeMarkdown and
// CodeSpan), so that a message quoting a page's Markdown or HTML shows as
// written.
func WriteSummary(w io.Writer, title string, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", EscapeMarkdown(title), r.Totals())
	where := func(f Finding) string {
		p := f.Position
		p.File = r.Path(f)
		return CodeSpan(p.String())
	}
	if len(r.Findings) > 0 {
		b.WriteString("| Where | Severity | Rule | Message |\n|---|---|---|---|\n")
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", where(f), f.Severity, CodeSpan(f.Rule), EscapeMarkdown(f.Message))
		}
		b.WriteByte('\n')
	}
	if len(r.Silenced) > 0 {
		b.WriteString("### Silenced\n\n| Where | Rule | Message | Reason |\n|---|---|---|---|\n")
		for _, f := range r.Silenced {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", where(f), CodeSpan(f.Rule), EscapeMarkdown(f.Message), EscapeMarkdown(f.Reason))
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Totals says how many findings of each severity the report has, and how
// many were silenced: "1 error, 2 warnings, 0 suggestions, 1 silenced".
func (r Report) Totals() string {
	e, w, s := Count(r.Findings)
	return fmt.Sprintf("%s, %s, %s, %d silenced", count(e, "error", "errors"), count(w, "warning", "warnings"),
		count(s, "suggestion", "suggestions"), len(r.Silenced))
}

// count says how many there are of a thing: "1 error", "2 errors".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// escapeData escapes a workflow command's message as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
