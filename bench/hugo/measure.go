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
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// A tool is one of the site generators, set up to build a site.
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

// The tools, by their place in a result: pamphlet, then Hugo with the
// theme of site/, then Hugo with the minimal templates of minimal/.
const (
	pamphletTool = iota
	hugoThemed
	hugoMinimal
)

var toolNames = []string{"pamphlet", "Hugo (theme)", "Hugo (minimal)"}

// A result is what the builds of one site measured.
type result struct {
	site     site
	measures [][]measure // by tool; nil for a tool not run on the site
	pages    []int       // HTML files each tool wrote
	previews []previewed // by preview (pamphletServe, hugoServer); a zero one for a preview not run
}

// ran reports whether tool t built the site.
func (r result) ran(t int) bool { return t < len(r.measures) && len(r.measures[t]) > 0 }

// compare times builds of s by the tools: one warm-up each, then runs of
// each, the order turning each run so that no tool always goes first.
// With withHugo false, pamphlet alone builds it.
func compare(ctx context.Context, s site, bin, hugo string, runs int, withHugo bool, log io.Writer) (result, error) {
	pamphletArgs := []string{bin, "build", "-source", s.pamphlet(), "-dest", s.out("pamphlet"), "-date", sitegen.Today.Format(time.DateOnly)}
	if s.corpus != "" {
		// Real articles fail pamphlet's checks by the thousand: unsourced
		// statistics, reading grades. Every check still runs on every
		// page; the pages that fail are left out of the site.
		pamphletArgs = append(pamphletArgs, "-withhold")
	}
	hugoTool := func(kind, out string) tool {
		return tool{args: []string{hugo, "--minify", "--quiet", "--source", s.hugo(kind), "--destination", s.out(out)}, dest: s.out(out), clean: s.hugoCaches(kind)}
	}
	tools := []tool{{args: pamphletArgs, dest: s.out("pamphlet")}, hugoTool(themed, "hugo"), hugoTool(minimal, "hugo-minimal")}
	if !withHugo {
		tools = tools[:1]
	}
	for i := range tools {
		tools[i].name = toolNames[i]
	}
	r := result{site: s, measures: make([][]measure, len(tools)), pages: make([]int, len(tools)), previews: make([]previewed, len(previewNames))}
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
		for k := range tools {
			i := (k + run) % len(tools)
			m, err := tools[i].build(ctx)
			if err != nil {
				return r, err
			}
			fmt.Fprintf(log, "compare-hugo: %s: run %d: %s %v, %s\n", s.name, run+1, tools[i].name, m.wall.Round(time.Millisecond), megabytes(m.peak))
			r.measures[i] = append(r.measures[i], m)
		}
	}
	for _, t := range tools {
		if err := os.RemoveAll(t.dest); err != nil {
			return r, err
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
	forgetPeak()
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

// forgetPeak lowers this process's peak resident memory to what it now
// holds. On Linux a child started by os/exec (vfork, sharing this
// process's memory until it runs its program) inherits the parent's peak
// as its own: a child's rusage would report, as its peak, this program's
// own when that was the larger, such as after writing a site of 100,000
// articles. The memory this program no longer uses is returned first,
// and the peak cleared (/proc/self/clear_refs, Linux 4.0 on); elsewhere
// it does nothing.
func forgetPeak() {
	if runtime.GOOS != "linux" {
		return
	}
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
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

// The goals: pamphlet's peak memory and time as fractions of each Hugo
// site's, measured in the same run, and how time and memory grow from
// 10,000 to 100,000 articles.
const (
	memoryGoal      = 0.25 // of either Hugo site's peak memory
	themedTimeGoal  = 0.25 // of the Hugo theme's time
	minimalTimeGoal = 0.5  // of the minimal Hugo site's time
	growthGoal      = 11   // 100,000 articles in at most 11 times the time of 10,000
	largeMemoryGoal = 2e9  // bytes of peak memory at 100,000 articles

	editGoal     = 40 * time.Millisecond // median from saving a one-article edit to its page's reload event, from 10,000 articles
	editGoalFrom = 10000                 // articles from which the edit goal is judged
)

// report writes the results as a Markdown table, with pamphlet's time and
// memory as fractions of each Hugo site's, and which goals were met.
func report(w io.Writer, results []result) {
	fmt.Fprintln(w, "| site | HTML pages (pamphlet, Hugo theme, Hugo minimal) | pamphlet wall s (median, range) | Hugo theme wall s | Hugo minimal wall s | pamphlet CPU s | pamphlet peak memory | Hugo theme peak memory | Hugo minimal peak memory | time ÷ Hugo theme | time ÷ Hugo minimal | memory ÷ Hugo theme | memory ÷ Hugo minimal |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
	var goals []string
	goal := func(met bool, format string, args ...any) {
		mark := "met"
		if !met {
			mark = "NOT met"
		}
		goals = append(goals, fmt.Sprintf("- %s: %s", mark, fmt.Sprintf(format, args...)))
	}
	byArticles := map[int]result{}
	for _, r := range results {
		if r.site.articles > 0 {
			byArticles[r.site.articles] = r
		}
		cells := []string{r.site.name}
		var pages []string
		for _, n := range r.pages {
			pages = append(pages, strconv.Itoa(n))
		}
		cells = append(cells, strings.Join(pages, ", "))
		pw := median(r.measures[pamphletTool], wall)
		pm := median(r.measures[pamphletTool], peak)
		cells = append(cells, fmt.Sprintf("%.2f (%s)", pw, span(r.measures[pamphletTool])))
		for _, t := range []int{hugoThemed, hugoMinimal} {
			cells = append(cells, orDash(r.ran(t), func() string { return fmt.Sprintf("%.2f (%s)", median(r.measures[t], wall), span(r.measures[t])) }))
		}
		cells = append(cells, fmt.Sprintf("%.2f", median(r.measures[pamphletTool], cpu)), megabytes(int64(pm)))
		for _, t := range []int{hugoThemed, hugoMinimal} {
			cells = append(cells, orDash(r.ran(t), func() string { return megabytes(int64(median(r.measures[t], peak))) }))
		}
		for _, f := range []func(measure) float64{wall, peak} {
			for _, t := range []int{hugoThemed, hugoMinimal} {
				cells = append(cells, orDash(r.ran(t), func() string {
					return fmt.Sprintf("**%.2f**", median(r.measures[pamphletTool], f)/median(r.measures[t], f))
				}))
			}
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		if r.site.corpus != "" || !r.ran(hugoThemed) {
			continue
		}
		theme, least := median(r.measures[hugoThemed], wall), median(r.measures[hugoMinimal], wall)
		goal(pm <= memoryGoal*median(r.measures[hugoThemed], peak) && pm <= memoryGoal*median(r.measures[hugoMinimal], peak),
			"%s: peak memory at most %.2f of each Hugo site's (%.2f, %.2f)", r.site.name, memoryGoal, pm/median(r.measures[hugoThemed], peak), pm/median(r.measures[hugoMinimal], peak))
		goal(pw <= themedTimeGoal*theme, "%s: time at most %.2f of the Hugo theme's (%.2f)", r.site.name, themedTimeGoal, pw/theme)
		goal(pw <= minimalTimeGoal*least, "%s: time at most %.2f of the minimal Hugo site's (%.2f)", r.site.name, minimalTimeGoal, pw/least)
	}
	if small, ok := byArticles[10000]; ok {
		if large, ok := byArticles[100000]; ok {
			g := median(large.measures[pamphletTool], wall) / median(small.measures[pamphletTool], wall)
			goal(g <= growthGoal, "100,000 articles in at most %d times the time of 10,000 (%.1f)", growthGoal, g)
			m := median(large.measures[pamphletTool], peak)
			goal(m <= largeMemoryGoal, "100,000 articles within %s of peak memory (%s)", megabytes(largeMemoryGoal), megabytes(int64(m)))
		}
	}
	fmt.Fprintln(w)
	previewTable(w, results, goal)
	if len(goals) > 0 {
		fmt.Fprintln(w, "Goals:")
		fmt.Fprintln(w)
		for _, g := range goals {
			fmt.Fprintln(w, g)
		}
	}
}

// orDash is what cell gives when ok, and a dash for a tool not run.
func orDash(ok bool, cell func() string) string {
	if !ok {
		return "–"
	}
	return cell()
}

// previewTable writes the previews' table, when any ran: for each site
// and preview, the time from its start to its first page served, the
// first build's time as pamphlet serve logs it, the median and range of
// the one-article edits, its peak memory, and its time to ready as a
// fraction of the median build of its tool; and judges the preview
// goals: an edit on 10,000 articles or more reaches the reload event in
// at most editGoal (median), and pamphlet serve is ready no later than
// the median pamphlet build of the same site.
func previewTable(w io.Writer, results []result, goal func(bool, string, ...any)) {
	ran := false
	for _, r := range results {
		for _, p := range r.previews {
			ran = ran || len(p.edits) > 0
		}
	}
	if !ran {
		return
	}
	fmt.Fprintln(w, "| site | preview | first build to ready s | first build s (logged) | edits | one-article edit ms (median, range) | peak memory | ready ÷ the tool's build |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	for _, r := range results {
		build := median(r.measures[pamphletTool], wall)
		for i, p := range r.previews {
			if len(p.edits) == 0 {
				continue
			}
			own := build // the build of the tool whose preview it is
			if i == hugoServer {
				own = median(r.measures[hugoThemed], wall)
			}
			lo, hi := slices.Min(p.edits), slices.Max(p.edits)
			cells := []string{r.site.name, previewNames[i], fmt.Sprintf("%.2f", p.ready.Seconds()),
				orDash(p.logged > 0, func() string { return fmt.Sprintf("%.2f", p.logged.Seconds()) }),
				strconv.Itoa(len(p.edits)), fmt.Sprintf("%s (%s–%s)", ms(medianDuration(p.edits)), ms(lo), ms(hi)),
				orDash(p.peak > 0, func() string { return megabytes(p.peak) }),
				fmt.Sprintf("**%.2f**", p.ready.Seconds()/own)}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		p := r.previews[pamphletServe]
		if len(p.edits) == 0 {
			continue
		}
		if r.site.articles >= editGoalFrom {
			med := medianDuration(p.edits)
			goal(med <= editGoal, "%s: a one-article edit under pamphlet serve reaches the reload event in at most %v (median %s ms)", r.site.name, editGoal, ms(med))
		}
		goal(p.ready.Seconds() <= build, "%s: pamphlet serve's first build no slower than pamphlet build (%.2f s to ready, %.2f s to build)", r.site.name, p.ready.Seconds(), build)
	}
	fmt.Fprintln(w)
}
