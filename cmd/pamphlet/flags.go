package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// flagSet is a command's flags. It reports as the rest of pamphlet does:
// the usage, asked for with -h, on stdout; a mistake on stderr as
// "pamphlet: …", with a hint.
type flagSet struct {
	*flag.FlagSet
	args           string // what follows the flags in the usage line, such as "FILE..."
	stdout, stderr io.Writer
}

// newFlags returns the flag set of the command name (such as "review
// sign"), whose other arguments are args.
func newFlags(name, args string, stdout, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), args: args, stdout: stdout, stderr: stderr}
	fs.SetOutput(io.Discard) // fail reports, in pamphlet's words
	return fs
}

// parse parses flags that may come before, between or after the other
// arguments, as people type both, and returns the other arguments. "--"
// ends the flags: every argument after it is one of the others, even one
// that starts with "-". The error, flag.ErrHelp for -h, is for fail.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		taken := args[:len(args)-fs.NArg()]
		args = fs.Args()
		if endsFlags(fs.FlagSet, taken) {
			return append(rest, args...), nil
		}
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// endsFlags reports whether the arguments one Parse took end with a "--"
// that ended the flags (Parse drops it), and not with a flag or a flag's
// value (the "--" of "-source --" is a folder).
func endsFlags(fs *flag.FlagSet, taken []string) bool {
	for i := 0; i < len(taken); i++ {
		if taken[i] == "--" {
			return true
		}
		name := strings.TrimPrefix(strings.TrimPrefix(taken[i], "-"), "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && !isBool(f.Value) {
			i++ // the flag's value
		}
	}
	return false
}

// isBool reports whether a flag takes no value, as -withhold does.
func isBool(v flag.Value) bool {
	b, ok := v.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// fail reports an error of parse and returns the exit code: for -h or
// -help, which ask for it, the usage on stdout and exitOK; for a mistake,
// the error and a hint on stderr, and exitUsage.
func (fs *flagSet) fail(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fs.usage(fs.stdout)
		return exitOK
	}
	msg(fs.stderr, "%v", err)
	hint(fs.stderr, `run "pamphlet %s -h" for its flags`, fs.Name())
	return exitUsage
}

// usage prints the command's usage line and its flags to w.
func (fs *flagSet) usage(w io.Writer) {
	line := "usage: pamphlet " + fs.Name()
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		line += " [flags]"
	}
	if fs.args != "" {
		line += " " + fs.args
	}
	fmt.Fprintln(w, line)
	if n > 0 {
		fmt.Fprint(w, "\nflags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// dateFlag is a -date flag: YYYY-MM-DD or an RFC 3339 time. Unset, it is
// the current time.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

func (d *dateFlag) Set(s string) error {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		d.t = t
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("%q is not a date; write YYYY-MM-DD or a time such as 2026-11-21T09:00:00Z", s)
	}
	d.t = t
	return nil
}

func (d *dateFlag) today() time.Time {
	if d.t.IsZero() {
		return time.Now()
	}
	return d.t
}

// formatFlag accepts one of a fixed list of output formats.
type formatFlag struct {
	value   string
	allowed []string
}

func (f *formatFlag) String() string { return f.value }

func (f *formatFlag) Set(s string) error {
	for _, a := range f.allowed {
		if s == a {
			f.value = s
			return nil
		}
	}
	return fmt.Errorf("unknown format %q; use %s", s, strings.Join(f.allowed, ", "))
}
