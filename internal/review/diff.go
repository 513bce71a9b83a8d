package review

import (
	"fmt"
	"strings"
)

// Lines returns the visible text as lines for people to compare: the
// one-line fields labelled, then the body, the questions and answers, and
// the sources.
func (v Text) Lines() []string {
	lines := []string{"Title: " + v.Title, "Description: " + v.Description}
	if v.About != "" {
		lines = append(lines, "About: "+v.About)
	}
	lines = append(lines, "")
	lines = append(lines, strings.Split(v.Body, "\n")...)
	for _, qa := range v.FAQ {
		lines = append(lines, "", "Question: "+qa.Q)
		for i, l := range strings.Split(qa.A, "\n") {
			if i == 0 {
				l = "Answer: " + l
			}
			lines = append(lines, l)
		}
	}
	if len(v.Sources) > 0 {
		lines = append(lines, "")
	}
	for _, s := range v.Sources {
		parts := []string{s.Title}
		for _, p := range []string{s.Publisher, s.URL, s.Date} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		lines = append(lines, "Source: "+strings.Join(parts, " | "))
	}
	return lines
}

// maxCells bounds the work of the line diff; beyond it, the texts are shown
// as wholly replaced.
const maxCells = 16 << 20

// Diff returns a unified diff of two texts given as lines, with context
// lines of context around each change, or "" when they are the same.
func Diff(oldName, newName string, a, b []string, context int) string {
	ops := diffOps(a, b)
	changed := false
	for _, op := range ops {
		changed = changed || op.kind != ' '
	}
	if !changed {
		return ""
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk from context lines before this change to context lines
		// after the last change that is no more than 2*context away.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		end = min(len(ops), end+context+1)
		aStart, bStart, aLen, bLen := ops[start].a, ops[start].b, 0, 0
		var body strings.Builder
		for _, op := range ops[start:end] {
			body.WriteString(string(op.kind) + op.text + "\n")
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(aStart, aLen), hunkRange(bStart, bLen), body.String())
		i = end
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

type diffOp struct {
	kind byte // ' ', '-' or '+'
	text string
	a, b int // line index in a and b where the op stands
}

// diffOps finds a longest common subsequence of lines and returns the
// edit script.
func diffOps(a, b []string) []diffOp {
	// Common lines at both ends are kept out of the table.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []diffOp
	for i := range pre {
		ops = append(ops, diffOp{' ', a[i], i, i})
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(ma), len(mb)
	if n*m > maxCells {
		for i, l := range ma {
			ops = append(ops, diffOp{'-', l, pre + i, pre})
		}
		for j, l := range mb {
			ops = append(ops, diffOp{'+', l, pre + n, pre + j})
		}
	} else {
		// lcs[i][j] is the LCS length of ma[i:] and mb[j:].
		lcs := make([][]int32, n+1)
		for i := range lcs {
			lcs[i] = make([]int32, m+1)
		}
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if ma[i] == mb[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && ma[i] == mb[j]:
				ops = append(ops, diffOp{' ', ma[i], pre + i, pre + j})
				i++
				j++
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				ops = append(ops, diffOp{'-', ma[i], pre + i, pre + j})
				i++
			default:
				ops = append(ops, diffOp{'+', mb[j], pre + i, pre + j})
				j++
			}
		}
	}
	for k := range suf {
		i, j := len(a)-suf+k, len(b)-suf+k
		ops = append(ops, diffOp{' ', a[i], i, j})
	}
	return ops
}
