// Package finding defines what every check reports: a rule id, a severity,
// an exact position in a source file and a message that says what to do.
//
// It sits at the bottom of the import graph so that loading, parsing and
// checking can all report problems in one shape, and it knows how to print a
// list of findings in the formats the command line offers.
package finding

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says how much a finding matters. Only errors fail a check or a
// build; warnings and suggestions are reported.
type Severity int

// The severities, from least to most serious.
const (
	Suggestion Severity = iota
	Warning
	Error
)

// String returns the lowercase name used in every output format.
func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "suggestion"
	}
}

// Position is a place in a source file. Line and Col are 1-based; Col counts
// characters (Unicode code points), not bytes, so editors and GitHub point at
// the right place in lines with accented letters. A zero Line means the whole
// file.
type Position struct {
	File string // slash-separated, relative to the site root
	Line int
	Col  int
}

// String returns "file:line:col", "file:line" or "file".
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Finding is one problem found in the content.
type Finding struct {
	Position
	Rule     string // dotted rule id, such as "frontmatter.unknown"
	Severity Severity
	Message  string // lowercase, says what is wrong and what to do
	Reason   string // for a silenced finding: the reason its pamphlet-ignore comment gives
}

// String returns the finding in the text format:
// "file:line:col: severity: message (rule)".
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s (%s)", f.Position, f.Severity, f.Message, f.Rule)
}

// Compare orders findings by file, line, column, rule, message, severity
// and reason, so that every output is deterministic and Sort drops every
// duplicate.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Severity, b.Severity),
		cmp.Compare(a.Reason, b.Reason),
	)
}

// Sort sorts findings in place with Compare and drops exact duplicates.
func Sort(fs []Finding) []Finding {
	slices.SortFunc(fs, Compare)
	return slices.Compact(fs)
}

// Count returns the number of findings at each severity.
func Count(fs []Finding) (errors, warnings, suggestions int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		default:
			suggestions++
		}
	}
	return
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	e, _, _ := Count(fs)
	return e > 0
}
