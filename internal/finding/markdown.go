package finding

import (
	"strings"
)

// EscapeMarkdown returns s as Markdown text that GitHub shows as s and
// nothing else, wherever in a line or a table cell it stands: on one
// line, with a backslash before every character that can start markup
// anywhere (emphasis, code, links, HTML, tables, strikethrough, math,
// mentions), before what starts a block at its start (a heading, list,
// quote or rule), and before what makes an autolink (the colon of ://,
// the dot of www.); & is written as &amp; so that no entity is read. The
// rest stays as it is, so that the text reads well in the Markdown too.
func EscapeMarkdown(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	digits := 0 // of a number that starts s, which a dot or parenthesis makes a list item
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '&':
			b.WriteString("&amp;")
			continue
		case strings.IndexByte("\\`*_{}[]<>|~$@", c) >= 0,
			i == 0 && strings.IndexByte("#+-=", c) >= 0,
			i == digits && digits > 0 && (c == '.' || c == ')') && (i+1 == len(s) || s[i+1] == ' '),
			c == ':' && strings.HasPrefix(s[i+1:], "//"),
			c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
		}
		if i == digits && '0' <= c && c <= '9' {
			digits++
		}
		b.WriteByte(c)
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
