package finding

import (
	"strings"
)

// EscapeMarkdown returns s as Markdown text that GitHub shows as s and
// nothing else: on one line, with every ASCII punctuation character that
// Markdown or GitHub could read as markup (emphasis, links, code, HTML,
// tables, mentions' neighbours, autolinks' brackets) escaped with a
// backslash, and & written as &amp; so that no entity is read.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case strings.ContainsRune("\\`*_{}[]()<>#+-.!|~=:\"'$@%^", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CodeSpan returns s as a Markdown code span that shows it as it is, on
// one line: delimited by more backticks than any run inside it, with a
// space inside the delimiters when it starts or ends with a backtick or
// a space. Pipes are escaped, so that the span can stand in a table
// cell (GitHub reads \| in a table's code span as |).
func CodeSpan(s string) string {
	s = strings.Join(strings.Split(strings.ReplaceAll(s, "\r", ""), "\n"), " ")
	fence := strings.Repeat("`", longestRun(s, '`')+1)
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ") && strings.Trim(s, " ") != "" {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "|", `\|`) + pad + fence
}

// CodeBlock returns text as a fenced Markdown code block of the language
// info (such as "diff"), fenced with more backticks than any run of them
// inside it, so that no line of it can close the block.
func CodeBlock(info, text string) string {
	fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return fence + info + "\n" + text + fence + "\n"
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
