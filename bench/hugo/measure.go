package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// A tool is one of the two site generators, set up to build a site.
type tool struct {
	name  string
	args  []string // the command
	dest  string   // its output folder, removed before each build
	clean []string // its caches, removed before each build
}

// A measure is one timed build.
type measure struct {
	wall, cpu time.Duration
	peak      int64 // bytes of the largest resident set
}

// A result is what the builds of one site measured.
type result struct {
	site           site
	pamphlet, hugo []measure
	pages          [2]int // HTML files each tool wrote
}

// compare times builds of s by both tools: one warm-up each, then runs
// of each, alternating which goes first.
func compare(ctx context.Context, s site, bin, hugo string, runs int, log io.Writer) (result, error) {
	pamphletArgs := []string{bin, "build", "-source", s.pamphlet(), "-dest", s.out("pamphlet"), "-date", sitegen.Today.Format(time.DateOnly)}
	if s.corpus != "" {
		// Real articles fail pamphlet's checks by the thousand: unsourced
		// statistics, reading grades. Every check still runs on every
		// page; the pages that fail are left out of the site.
		pamphletArgs = append(pamphletArgs, "-withhold")
	}
	tools := []tool{
		{name: "pamphlet", args: pamphletArgs, dest: s.out("pamphlet")},
		{name: "hugo", args: []string{hugo, "--minify", "--quiet", "--source", s.hugo(), "--destination", s.out("hugo")}, dest: s.out("hugo"), clean: s.hugoCaches()},
	}
	r := result{site: s}
	for i, t := range tools {
		fmt.Fprintf(log, "compare-hugo: %s: warm-up build with %s\n", s.name, t.name)
		if _, err := t.build(ctx); err != nil {
			return r, err
		}
		n, err := htmlFiles(t.dest)
		if err != nil {
			return r, err
		}
		r.pages[i] = n
	}
	for run := range runs {
		order := []int{0, 1}
		if run%2 == 1 {
			order = []int{1, 0}
		}
		for _, i := range order {
			m, err := tools[i].build(ctx)
			if err != nil {
				return r, err
			}
			fmt.Fprintf(log, "compare-hugo: %s: run %d: %s %v, %s\n", s.name, run+1, tools[i].name, m.wall.Round(time.Millisecond), megabytes(m.peak))
			if i == 0 {
				r.pamphlet = append(r.pamphlet, m)
			} else {
				r.hugo = append(r.hugo, m)
			}
		}
	}
	return r, nil
}

// build runs one whole build into an empty folder, with no caches left
// from the last.
func (t tool) build(ctx context.Context) (measure, error) {
	for _, d := range append([]string{t.dest}, t.clean...) {
		if err := os.RemoveAll(d); err != nil {
			return measure{}, err
		}
	}
	// The file system finishes removing the last build's files now, not
	// during this one.
	syscall.Sync()
	cmd := exec.CommandContext(ctx, t.args[0], t.args[1:]...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, fmt.Errorf("%s: %w\n%s", strings.Join(t.args, " "), err, out.String())
	}
	m := measure{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.peak = ru.Maxrss * 1024 // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			m.peak = ru.Maxrss // bytes on macOS
		}
	}
	return m, nil
}

// htmlFiles counts the HTML files under dir.
func htmlFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".html") {
			n++
		}
		return err
	})
	return n, err
}

// median returns the median of what f reads from each measure.
func median(ms []measure, f func(measure) float64) float64 {
	v := make([]float64, len(ms))
	for i, m := range ms {
		v[i] = f(m)
	}
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func wall(m measure) float64 { return m.wall.Seconds() }
func cpu(m measure) float64  { return m.cpu.Seconds() }
func peak(m measure) float64 { return float64(m.peak) }

func megabytes(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/1e6) }

// span gives the fastest and slowest of the runs' wall times.
func span(ms []measure) string {
	lo, hi := ms[0].wall, ms[0].wall
	for _, m := range ms {
		lo, hi = min(lo, m.wall), max(hi, m.wall)
	}
	return fmt.Sprintf("%.2f–%.2f", lo.Seconds(), hi.Seconds())
}

// report writes the results as a Markdown table, and whether pamphlet was
// at least as fast as Hugo, with no more memory, on every site.
func report(w io.Writer, results []result) {
	fmt.Fprintln(w, "| site | HTML pages (pamphlet, Hugo) | pamphlet wall s (median, range) | Hugo wall s (median, range) | Hugo ÷ pamphlet time | pamphlet CPU s | Hugo CPU s | pamphlet peak memory | Hugo peak memory | Hugo ÷ pamphlet memory |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|")
	met := true
	for _, r := range results {
		pw, hw := median(r.pamphlet, wall), median(r.hugo, wall)
		pm, hm := median(r.pamphlet, peak), median(r.hugo, peak)
		fmt.Fprintf(w, "| %s | %d, %d | %.2f (%s) | %.2f (%s) | **%.2f×** | %.2f | %.2f | %s | %s | **%.2f×** |\n",
			r.site.name, r.pages[0], r.pages[1], pw, span(r.pamphlet), hw, span(r.hugo), hw/pw,
			median(r.pamphlet, cpu), median(r.hugo, cpu), megabytes(int64(pm)), megabytes(int64(hm)), hm/pm)
		met = met && pw <= hw && pm <= hm
	}
	fmt.Fprintln(w)
	if met {
		fmt.Fprintln(w, "pamphlet was at least as fast as Hugo, with no more peak memory, on every site.")
	} else {
		fmt.Fprintln(w, "pamphlet was slower than Hugo, or used more memory, on at least one site.")
	}
}
