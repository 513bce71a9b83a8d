// Command pagefind measures pamphlet's site search against Pagefind's on
// the same built site. Run it through bench/compare-pagefind, which
// installs Pagefind (from npm) and chromium when they are missing:
//
//	bench/compare-pagefind                          # 1,000 and 10,000 articles
//	bench/compare-pagefind -sizes 1000 -runs 5
//	bench/compare-pagefind -corpus ../shared/corpus # also a site of real articles
//	bench/compare-pagefind -instructions            # also count build instructions
//	bench/compare-pagefind -quick -sizes 10000      # pamphlet's queries alone
//
// For each size it writes a synthetic site (internal/sitegen, as
// bench/compare-hugo does), builds it with pamphlet, and runs Pagefind
// over the built HTML into _pagefind/. It then serves the site from
// 127.0.0.1, compressing what a static host compresses (HTML, CSS,
// JavaScript, JSON and WebAssembly; Pagefind's own index files are
// compressed already), and in headless chromium runs two queries with
// each tool, each with the ten best results' data: pamphlet's search page
// as readers use it, and Pagefind's JavaScript API on a page of its own.
// It reports the bytes each query fetched (everything, pamphlet's result
// pages for their excerpts too; the first query includes the script and
// everything the search loads before it can answer), the time from the
// query's input to its ten best results shown and to their excerpts (the
// first query's the median of several on a page opened afresh, its cache
// emptied; then the median of several warm runs), giving up on a query
// after a minute, the index's size on disk, and what the index adds to pamphlet's
// build: wall and CPU (user and system) time of builds with build.search
// on and off, in pairs run one after the other (on then off, then off
// then on), what search adds being the median of the pairs' ratios, which
// a busy machine moves less than it moves any one build, with a summary
// line against the goal of 15%; and with -instructions the instructions
// of one build each way under valgrind's callgrind, which other work on
// the machine does not change as it changes times.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "compare-pagefind: %v\n", err)
		os.Exit(1)
	}
}

// verbose lists what each search fetched; quick skips all but pamphlet's
// queries.
var verbose, quick bool

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("compare-pagefind", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sizes := fl.String("sizes", "1000,10000", "comma-separated numbers of articles")
	runs := fl.Int("runs", 3, "pairs of timed pamphlet builds, with search and without, at each size, and warm runs of each query")
	work := fl.String("work", "", "folder for the sites and binaries (default: a new temporary folder, removed afterwards)")
	pagefind := fl.String("pagefind", "pagefind", "the pagefind command")
	chromium := fl.String("chromium", "chromium", "the browser")
	fl.BoolVar(&verbose, "v", false, "list every file each search fetched")
	corpus := fl.String("corpus", "", "also measure a site made of the Markdown articles in this folder, such as ../shared/corpus")
	fl.BoolVar(&quick, "quick", false, "build each site once and run pamphlet's queries alone: no timed builds, no Pagefind (a quick look while working on the search)")
	instructions := fl.Bool("instructions", false, "also count the instructions of a build with search off and on, under valgrind's callgrind (slow: about fifty times a build's time)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 || *runs < 1 {
		fl.Usage()
		return flag.ErrHelp
	}
	var ns []int
	for s := range strings.SplitSeq(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a number of articles", s)
		}
		ns = append(ns, n)
	}
	pf, err := exec.LookPath(*pagefind)
	if err != nil {
		return fmt.Errorf("%w (bench/compare-pagefind installs it)", err)
	}
	browser, err := exec.LookPath(*chromium)
	if err != nil {
		return fmt.Errorf("%w (apt-get install chromium)", err)
	}
	valgrind := ""
	if *instructions {
		if valgrind, err = exec.LookPath("valgrind"); err != nil {
			return fmt.Errorf("-instructions: %w (apt-get install valgrind)", err)
		}
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "compare-pagefind-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return err
	}
	bin := filepath.Join(dir, "pamphlet")
	fmt.Fprintf(stderr, "compare-pagefind: building pamphlet into %s\n", bin)
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/pamphlet-health/pamphlet/cmd/pamphlet")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // a static binary, as the instruction counts are made with
	build.Stdout, build.Stderr = stderr, stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build: %w", err)
	}
	version, err := exec.CommandContext(ctx, pf, "--version").Output()
	if err != nil {
		return fmt.Errorf("pagefind --version: %w", err)
	}
	fmt.Fprintf(stdout, "# pamphlet's search against Pagefind\n\n%s, %d runs, queries with the ten best results' data.\n\n", strings.TrimSpace(string(version)), *runs)

	var sites []site
	for _, n := range ns {
		sites = append(sites, site{name: fmt.Sprintf("%d articles", n), dir: filepath.Join(dir, fmt.Sprintf("n%d", n)), articles: n,
			queries: [2]string{"pharmacist medicine", fmt.Sprintf("topic %d", n*3/7)}})
	}
	if *corpus != "" {
		sites = append(sites, site{name: "corpus", dir: filepath.Join(dir, "corpus"), corpus: *corpus, queries: [2]string{"blood pressure", "diabetes"}})
	}
	var results []result
	for _, s := range sites {
		r, err := measureSite(ctx, s, bin, pf, browser, *runs, valgrind, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		results = append(results, r)
	}
	report(stdout, results)
	return nil
}
