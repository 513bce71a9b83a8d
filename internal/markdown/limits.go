package markdown

import (
	"bytes"
	"fmt"
)

// Limits of what a page may hold, far beyond what any page needs: past
// them the Markdown parser's time grows with the square of the input or
// worse, so that one file of a few megabytes could hold a build for
// minutes.
const (
	// MaxDepth is how deeply block quotes and lists may nest.
	MaxDepth = 100
	// MaxDefinitions is how many link reference definitions ([name]: url
	// lines) may follow one another with no blank line between them.
	MaxDefinitions = 1000
)

// Excess is where a body goes past one of the limits, and how.
type Excess struct {
	Offset  int    // of the line, in the body
	Message string // for the writer, saying what to change
}

// excess returns where src first goes past a limit, or nil. It reads each
// line's leading markers alone, without parsing: the block quotes and
// lists open on a line cannot outnumber its > and list markers plus half
// its columns of indentation (a nested list item is indented two columns
// at least; the spaces after a marker are the marker's), so the count is
// an upper bound that ordinary pages stay far below. Lines in a fenced code block at the top level are code, and are
// passed over as the parser passes them over.
func excess(src []byte) *Excess {
	var fence []byte // the top-level fence that is open, if any
	defs := 0        // link reference definitions in a row
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		next := end + 1
		depth, cols, i := 0, 0, 0
		spaced := false // the spaces that follow a list marker, which belong to it
	markers:
		for i < len(line) {
			switch c := line[i]; {
			case c == ' ' && !spaced:
				cols++
			case c == '\t' && !spaced:
				cols += 4 // at most
			case c == ' ' || c == '\t': // after a list marker
			case c == '>':
				depth++
				spaced = false
				if i+1 < len(line) && line[i+1] == ' ' {
					i++ // a > takes one space with it
				}
			case c == '-' || c == '+' || c == '*':
				if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' && line[i+1] != '\r' {
					break markers
				}
				depth++
				spaced = true
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j == len(line) || line[j] != '.' && line[j] != ')' || j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
					break markers
				}
				depth++
				spaced = true
				i = j
			default:
				break markers
			}
			i++
		}
		rest := line[i:]
		top := depth == 0 && cols < 4
		switch {
		case fence != nil:
			if top && bytes.HasPrefix(rest, fence) && len(bytes.TrimSpace(bytes.TrimLeft(rest, string(fence[:1])))) == 0 {
				fence = nil
			}
			off = next
			continue
		case top && opensFence(rest):
			n := 0
			for n < len(rest) && rest[n] == rest[0] {
				n++
			}
			fence = rest[:n]
			off = next
			continue
		}
		if d := depth + cols/2; d > MaxDepth {
			return &Excess{Offset: off, Message: fmt.Sprintf("block quotes and lists nest too deep here, more than any page needs (pamphlet allows %d levels, counting two columns of indentation as one); flatten them", MaxDepth)}
		}
		switch {
		case len(bytes.TrimSpace(line)) == 0:
			defs = 0
		case isDefinition(line):
			if defs++; defs > MaxDefinitions {
				return &Excess{Offset: off, Message: fmt.Sprintf("over %d link definitions ([name]: address lines) follow one another here; put a blank line between groups of them, or link in the text", MaxDefinitions)}
			}
		}
		off = next
	}
	return nil
}

// opensFence reports whether a line, without its indentation, opens a
// fenced code block: three backticks or tildes or more, and for backticks
// no backtick after them.
func opensFence(rest []byte) bool {
	switch {
	case bytes.HasPrefix(rest, []byte("~~~")):
		return true
	case bytes.HasPrefix(rest, []byte("```")):
		return !bytes.ContainsRune(bytes.TrimLeft(rest, "`"), '`')
	}
	return false
}

// isDefinition reports whether a line may begin a link reference
// definition: up to three spaces, [, a label, ] and a colon.
func isDefinition(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i == len(line) || line[i] != '[' {
		return false
	}
	j := bytes.Index(line[i:], []byte("]:"))
	return j > 1
}
