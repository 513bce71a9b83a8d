package main

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFirstHourIsTheREADME holds testdata/script/first-hour.txtar to the
// commands of README.md's "Starting a site", so the two cannot drift
// apart: the same commands, with the same arguments, in the same order.
func TestFirstHourIsTheREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want, err := readmeCommands(string(readme), "## Starting a site")
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 5 {
		t.Fatalf("README.md's Starting a site has %d commands, want the whole first hour: %q", len(want), want)
	}
	script, err := os.ReadFile("testdata/script/first-hour.txtar")
	if err != nil {
		t.Fatal(err)
	}
	got, err := scriptCommands(string(script))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("first-hour.txtar runs\n%s\nREADME.md's Starting a site says\n%s", show(got), show(want))
	}
}

func show(cmds [][]string) string {
	var b strings.Builder
	for _, c := range cmds {
		fmt.Fprintf(&b, "\t%q\n", c)
	}
	return b.String()
}

// readmeCommands returns the commands of the sh code blocks in the section
// of README text under heading, up to the next heading, each split into
// words as a POSIX shell does, comments left out.
func readmeCommands(readme, heading string) ([][]string, error) {
	i := strings.Index(readme, "\n"+heading+"\n")
	if i < 0 {
		return nil, fmt.Errorf("README.md has no %q", heading)
	}
	var cmds [][]string
	fence := "" // the info string of the code block the line is in; "" outside
	inFence := false
	for _, line := range strings.Split(readme[i+len(heading)+2:], "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !inFence && strings.HasPrefix(trimmed, "```"):
			inFence, fence = true, strings.TrimPrefix(trimmed, "```")
		case inFence && trimmed == "```":
			inFence = false
		case !inFence && strings.HasPrefix(line, "#"):
			return cmds, nil // the next heading
		case inFence && fence == "sh" && trimmed != "":
			words, err := shellWords(trimmed)
			if err != nil {
				return nil, fmt.Errorf("README.md: %q: %v", trimmed, err)
			}
			if len(words) > 0 {
				cmds = append(cmds, words)
			}
		}
	}
	return cmds, nil
}

// shellWords splits a command line as a POSIX shell does, for the quoting
// a README uses: '…', "…" with \" \\ \$ \` escapes, \ outside quotes, and
// # starting a comment at the start of a word.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			return words, nil
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed '")
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte("\"\\$`", line[i+1]) >= 0 {
					i++
				}
				w.WriteByte(line[i])
			}
			if i == len(line) {
				return nil, fmt.Errorf("unclosed \"")
			}
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// scriptCommands returns the commands a testscript runs that a reader of
// the README would type: "exec pamphlet …" (negated or in the background
// or not) as "pamphlet …", and "cd DIR", with testscript's quoting undone.
func scriptCommands(script string) ([][]string, error) {
	var cmds [][]string
	for _, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --") {
			break // the files of the archive
		}
		words, err := scriptWords(line)
		if err != nil {
			return nil, fmt.Errorf("first-hour.txtar: %q: %v", line, err)
		}
		if len(words) > 0 && words[0] == "!" {
			words = words[1:]
		}
		if n := len(words); n > 0 && strings.HasPrefix(words[n-1], "&") && strings.HasSuffix(words[n-1], "&") {
			words = words[:n-1]
		}
		switch {
		case len(words) >= 2 && words[0] == "exec" && words[1] == "pamphlet":
			cmds = append(cmds, words[1:])
		case len(words) >= 1 && words[0] == "cd":
			cmds = append(cmds, words)
		}
	}
	return cmds, nil
}

// scriptWords splits a line of a testscript as testscript does: words
// apart by spaces, '…' quoting with ” for a quote, # starting a comment.
func scriptWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			return words, nil
		case c == '\'':
			inWord = true
			for i++; ; i++ {
				if i == len(line) {
					return nil, fmt.Errorf("unclosed '")
				}
				if line[i] == '\'' {
					if i+1 < len(line) && line[i+1] == '\'' {
						w.WriteByte('\'')
						i++
						continue
					}
					break
				}
				w.WriteByte(line[i])
			}
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

func TestShellWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`pamphlet build                   # public/, ready to upload`, []string{"pamphlet", "build"}},
		{`pamphlet new article x -description "Say \"hi\", it's fine."`, []string{"pamphlet", "new", "article", "x", "-description", `Say "hi", it's fine.`}},
		{`pamphlet check 'peak flow.md' a\ b`, []string{"pamphlet", "check", "peak flow.md", "a b"}},
		{`pamphlet x#y`, []string{"pamphlet", "x#y"}},
	} {
		got, err := shellWords(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("shellWords(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{`! exec pamphlet check`, []string{"!", "exec", "pamphlet", "check"}},
		{`exec pamphlet new article x -description 'It''s fine.' # why`, []string{"exec", "pamphlet", "new", "article", "x", "-description", "It's fine."}},
	} {
		got, err := scriptWords(tc.in)
		if err != nil || !slices.Equal(got, tc.want) {
			t.Errorf("scriptWords(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}
