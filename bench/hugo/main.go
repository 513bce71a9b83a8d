// Command hugo times pamphlet's full build against Hugo's on the same
// content. Run it through bench/compare-hugo, which installs Hugo when it
// is missing:
//
//	bench/compare-hugo                       # 1,000 and 10,000 articles, 5 runs each
//	bench/compare-hugo -sizes 1000 -runs 9
//	bench/compare-hugo -sizes 1000,10000,100000 -runs 1
//	bench/compare-hugo -sizes 1000,10000,100000 -hugo-max 10000
//	bench/compare-hugo -corpus ../shared/corpus
//	bench/compare-hugo -out /dev/shm          # output to memory: no disk in the times
//
// For each size it writes one synthetic site (internal/sitegen: articles
// of about 800 words with headings, lists, a table, a callout, links, an
// image and a FAQ, a Spanish translation of every tenth, every page
// signed off), and two Hugo sites whose content folder is that same
// content/ folder: one with the theme in site/ (article, list, taxonomy
// and FAQ pages, related pages, a sitemap and an RSS feed), and one with
// Hugo's minimal list and single templates in minimal/, which does far
// less than pamphlet. It builds pamphlet's command once, then times whole
// builds of each, `pamphlet build` (every check, the gate, readability,
// translations, the search index, JSON-LD, minify) and `hugo --minify`,
// into empty folders, over several runs whose order turns so that no tool
// always runs on a warmer machine. It reports each tool's median wall
// time and peak memory (the largest resident set, from the kernel's
// rusage), pamphlet's as fractions of each Hugo site's, and which of the
// goals were met: memory at most 0.25 of either Hugo site's, time at most
// 0.25 of the theme's and 0.5 of the minimal site's, and from 10,000 to
// 100,000 articles, time at most 11 times and memory within 2 GB.
//
// Then, on each synthetic site, it measures the live previews (see
// preview.go): `pamphlet serve`, and `hugo server` of the themed site
// rendering to memory, each on a free port of 127.0.0.1, from its start
// to its first page served, and over -edits one-article edits (20 by
// default), each from the save to pamphlet's reload event or to Hugo's
// page holding the edited text. A second table gives them, and the goals
// say whether an edit on 10,000 articles or more reached the reload
// event within 40 ms (median) and whether pamphlet serve was ready no
// later than pamphlet build had built the site. Sites of more articles
// than -hugo-max get no previews either: a preview holds the whole site
// in memory.
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
		fmt.Fprintf(os.Stderr, "compare-hugo: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("compare-hugo", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sizes := fl.String("sizes", "1000,10000", "comma-separated numbers of articles")
	runs := fl.Int("runs", 5, "timed builds of each tool at each size, after one untimed warm-up")
	work := fl.String("work", "", "folder for the sites, binaries and output (default: a new temporary folder, removed afterwards)")
	hugo := fl.String("hugo", "hugo", "the hugo command")
	outDir := fl.String("out", "", "folder for the builds' output, such as /dev/shm to leave the disk out of the times (default: in -work)")
	prebuilt := fl.String("pamphlet", "", "a pamphlet binary to time, such as one built from an earlier commit (default: build ./cmd/pamphlet)")
	corpus := fl.String("corpus", "", "also time a site made of the Markdown articles in this folder, such as ../shared/corpus")
	hugoMax := fl.Int("hugo-max", 0, "build sites of more articles than this with pamphlet alone and no previews, such as 10000 to leave Hugo out at 100,000 (default: no limit)")
	edits := fl.Int("edits", 20, "timed one-article edits under each live preview (pamphlet serve, hugo server) at each size; 0 leaves the previews out")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 || *runs < 1 || *edits < 0 {
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
	hugoPath, err := exec.LookPath(*hugo)
	if err != nil {
		return fmt.Errorf("%w (bench/compare-hugo installs it)", err)
	}
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "compare-hugo-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return err
	}
	if *outDir != "" {
		// Hugo reads a relative --destination from its site folder.
		if *outDir, err = filepath.Abs(*outDir); err != nil {
			return err
		}
	}
	bin := *prebuilt
	if bin == "" {
		bin = filepath.Join(dir, "pamphlet")
		fmt.Fprintf(stderr, "compare-hugo: building pamphlet into %s\n", bin)
		build := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/pamphlet-health/pamphlet/cmd/pamphlet")
		build.Stdout, build.Stderr = stderr, stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %w", err)
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	version, err := exec.CommandContext(ctx, hugoPath, "version").Output()
	if err != nil {
		return fmt.Errorf("hugo version: %w", err)
	}
	goVersion, _ := exec.CommandContext(ctx, "go", "version").Output()
	fmt.Fprintf(stdout, "# pamphlet against Hugo\n\n%s, %s, %d timed runs of each tool per site after a warm-up, in alternating order.\n\n",
		strings.TrimSpace(string(version)), strings.TrimSpace(string(goVersion)), *runs)

	var sites []site
	for _, n := range ns {
		sites = append(sites, site{name: fmt.Sprintf("%d articles", n), dir: filepath.Join(dir, fmt.Sprintf("n%d", n)), articles: n, outDir: *outDir})
	}
	if *corpus != "" {
		sites = append(sites, site{name: "corpus", dir: filepath.Join(dir, "corpus"), corpus: *corpus, outDir: *outDir})
	}
	var results []result
	for _, s := range sites {
		fmt.Fprintf(stderr, "compare-hugo: writing %s into %s\n", s.name, s.dir)
		if err := s.write(); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		withHugo := *hugoMax == 0 || s.articles <= *hugoMax
		r, err := compare(ctx, s, bin, hugoPath, *runs, withHugo, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		if *edits > 0 && s.articles > 0 && withHugo { // a preview holds the whole site: not beyond -hugo-max
			if r.previews[pamphletServe], err = previewPamphlet(ctx, s, bin, *edits, stderr); err != nil {
				return fmt.Errorf("%s: pamphlet serve: %w", s.name, err)
			}
			if r.previews[hugoServer], err = previewHugo(ctx, s, hugoPath, *edits, stderr); err != nil {
				return fmt.Errorf("%s: hugo server: %w", s.name, err)
			}
		}
		results = append(results, r)
	}
	report(stdout, results)
	return nil
}
