// Command check-corpus runs pamphlet check over a site made of real
// articles, such as the 1,920 pages of ../shared/corpus, with two pamphlet
// binaries in turn: it times each (wall and CPU time, medians of the runs)
// and counts what each finds, by rule, so that a change to the checks is
// measured on text nobody wrote for it, against the binary before it.
//
//	go run ./bench/check-corpus -corpus ../shared/corpus -against /tmp/pamphlet-before
//
// -pamphlet names the binary to measure (default: one built from this
// tree) and -against the one to compare it with (default: none).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "check-corpus:", err)
		}
		os.Exit(1)
	}
}

// A binary is one pamphlet to run, and what its runs measured.
type binary struct {
	name      string // as given
	path      string
	wall, cpu []time.Duration
	counts    map[string]count // by rule
}

// count is how many findings of a rule a check reported, on how many pages.
type count struct{ findings, pages int }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check-corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	corpus := fl.String("corpus", "", "the folder of Markdown articles, such as ../shared/corpus (required)")
	bin := fl.String("pamphlet", "", "the pamphlet binary to measure (default: build ./cmd/pamphlet)")
	against := fl.String("against", "", "a pamphlet binary to compare it with, such as one built from an earlier commit")
	runs := fl.Int("runs", 5, "timed checks with each binary, after one untimed")
	date := fl.String("date", sitegen.Today.Format(time.DateOnly), "the date the checks judge reviews on")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *corpus == "" || fl.NArg() > 0 || *runs < 1 {
		fl.Usage()
		return flag.ErrHelp
	}
	dir, err := os.MkdirTemp("", "check-corpus-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	site := filepath.Join(dir, "site")
	n, err := sitegen.WriteCorpus(site, *corpus)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "check-corpus: a site of %d articles in %s\n", n, site)
	if *bin == "" {
		*bin = filepath.Join(dir, "pamphlet")
		build := exec.CommandContext(ctx, "go", "build", "-o", *bin, "github.com/pamphlet-health/pamphlet/cmd/pamphlet")
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	}
	bins := []*binary{{name: *bin, path: *bin}}
	if *against != "" {
		bins = append(bins, &binary{name: *against, path: *against})
	}
	for _, b := range bins {
		if b.path, err = filepath.Abs(b.path); err != nil {
			return err
		}
	}
	for i := 0; i <= *runs; i++ {
		for k := range bins {
			b := bins[(i+k)%len(bins)] // each goes first in turn
			wall, cpu, out, err := check(ctx, b.path, site, *date)
			if err != nil {
				return fmt.Errorf("%s: %w", b.name, err)
			}
			if i == 0 {
				if b.counts, err = counts(out); err != nil {
					return fmt.Errorf("%s: %w", b.name, err)
				}
				continue // the untimed run
			}
			b.wall, b.cpu = append(b.wall, wall), append(b.cpu, cpu)
		}
	}
	report(stdout, n, *runs, bins)
	return nil
}

// check runs pamphlet check over the site, and returns its wall and CPU
// time and what it wrote.
func check(ctx context.Context, bin, site, date string) (wall, cpu time.Duration, out []byte, err error) {
	cmd := exec.CommandContext(ctx, bin, "check", "-source", site, "-date", date, "-format", "json")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: the check found errors
		return 0, 0, nil, fmt.Errorf("%w: %s", err, stderr.String())
	}
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		cpu = time.Duration(u.Utime.Nano() + u.Stime.Nano())
	}
	return wall, cpu, stdout.Bytes(), nil
}

// counts reads check's JSON report into findings and pages by rule.
func counts(out []byte) (map[string]count, error) {
	var report struct {
		Findings []struct {
			File string `json:"file"`
			Rule string `json:"rule"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		return nil, fmt.Errorf("reading the JSON report: %w", err)
	}
	pages := map[string]map[string]bool{}
	c := map[string]count{}
	for _, f := range report.Findings {
		if pages[f.Rule] == nil {
			pages[f.Rule] = map[string]bool{}
		}
		pages[f.Rule][f.File] = true
		c[f.Rule] = count{c[f.Rule].findings + 1, len(pages[f.Rule])}
	}
	return c, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// report writes the times and the counts as Markdown tables.
func report(w io.Writer, articles, runs int, bins []*binary) {
	fmt.Fprintf(w, "pamphlet check on a site of %d articles, median of %d runs each\n\n", articles, runs)
	fmt.Fprintln(w, "| binary | wall s | CPU s | wall ÷ first | CPU ÷ first |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	first := bins[0]
	for _, b := range bins {
		fmt.Fprintf(w, "| %s | %.2f | %.2f | %.2f | %.2f |\n", b.name, median(b.wall).Seconds(), median(b.cpu).Seconds(),
			median(b.wall).Seconds()/median(first.wall).Seconds(), median(b.cpu).Seconds()/median(first.cpu).Seconds())
	}
	var rules []string
	for _, b := range bins {
		for r := range b.counts {
			if !slices.Contains(rules, r) {
				rules = append(rules, r)
			}
		}
	}
	slices.Sort(rules)
	fmt.Fprint(w, "\n| rule |")
	for _, b := range bins {
		fmt.Fprintf(w, " %s: findings (pages) |", b.name)
	}
	fmt.Fprint(w, "\n|---|")
	for range bins {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprintln(w)
	for _, r := range rules {
		fmt.Fprintf(w, "| %s |", r)
		for _, b := range bins {
			fmt.Fprintf(w, " %d (%d) |", b.counts[r].findings, b.counts[r].pages)
		}
		fmt.Fprintln(w)
	}
}
