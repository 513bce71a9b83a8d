package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args   []string
		rest   []string
		source string
		n      bool
	}{
		{args: []string{"a", "-n", "b"}, rest: []string{"a", "b"}, n: true},
		{args: []string{"-source", "x", "a", "-source=y"}, rest: []string{"a"}, source: "y"},
		{args: []string{"--", "-a", "-b"}, rest: []string{"-a", "-b"}},
		{args: []string{"a", "--", "-n", "-b"}, rest: []string{"a", "-n", "-b"}},
		{args: []string{"-n", "--", "a", "-b"}, rest: []string{"a", "-b"}, n: true},
		{args: []string{"--", "a", "-h"}, rest: []string{"a", "-h"}},
		{args: []string{"-source=x", "--", "-a"}, rest: []string{"-a"}, source: "x"},
		{args: []string{"--", "--"}, rest: []string{"--"}},
		{args: []string{"a", "--"}, rest: []string{"a"}},
		// A "--" that is a flag's value is a value, not the end of the flags.
		{args: []string{"-source", "--", "a", "-n"}, rest: []string{"a"}, source: "--", n: true},
		{args: []string{"--source", "-n", "--", "-n"}, rest: []string{"-n"}, source: "-n"},
	}
	for _, tt := range tests {
		fs := newFlags("test", "", &bytes.Buffer{}, &bytes.Buffer{})
		source := fs.String("source", "", "")
		n := fs.Bool("n", false, "")
		rest, err := fs.parse(tt.args)
		if err != nil {
			t.Errorf("parse(%q): %v", tt.args, err)
			continue
		}
		if !slices.Equal(rest, tt.rest) || *source != tt.source || *n != tt.n {
			t.Errorf("parse(%q) = %q, -source %q, -n %v; want %q, %q, %v", tt.args, rest, *source, *n, tt.rest, tt.source, tt.n)
		}
	}
}

// TestFlagExit holds every command to one way of answering -h and a
// mistake in the flags: usage on stdout and exit 0 for -h; for a mistake,
// exit 2 and only "pamphlet: " lines on stderr.
func TestFlagExit(t *testing.T) {
	commands := [][]string{{"build"}, {"check"}, {"serve"}, {"new"}, {"readability"},
		{"review", "sign"}, {"review", "status"}, {"review", "diff"}, {"review", "migrate"}, {"version"}}
	for _, cmd := range commands {
		name := strings.Join(cmd, " ")
		for _, h := range []string{"-h", "-help", "--help"} {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append(slices.Clone(cmd), h), &stdout, &stderr)
			if code != exitOK || !strings.HasPrefix(stdout.String(), "usage: pamphlet "+name) || stderr.Len() > 0 {
				t.Errorf("pamphlet %s %s: exit %d, stdout %q, stderr %q; want exit 0 and the usage on stdout", name, h, code, stdout.String(), stderr.String())
			}
		}
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), append(slices.Clone(cmd), "-no-such-flag"), &stdout, &stderr)
		if code != exitUsage || stdout.Len() > 0 {
			t.Errorf("pamphlet %s -no-such-flag: exit %d, stdout %q; want exit 2 and nothing on stdout", name, code, stdout.String())
		}
		want := "pamphlet: flag provided but not defined: -no-such-flag\n" +
			`pamphlet: hint: run "pamphlet ` + name + ` -h" for its flags` + "\n"
		if stderr.String() != want {
			t.Errorf("pamphlet %s -no-such-flag: stderr\n%s\nwant\n%s", name, stderr.String(), want)
		}
	}
}
