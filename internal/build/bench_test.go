package build

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// articles is the size of the generated site the benchmarks build:
//
//	go test ./internal/build -run '^$' -bench . -articles 10000
var articles = flag.Int("articles", 1000, "articles in the benchmarks' generated site")

// corpus is a folder of real articles for BenchmarkCorpus.
var corpus = flag.String("corpus", "../../../shared/corpus", "folder of real articles for BenchmarkCorpus (skipped when missing)")

// generateSite writes a site of n articles (see sitegen) into a new
// folder.
func generateSite(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := sitegen.Write(dir, n); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// BenchmarkBuild builds a generated site end to end, as pamphlet build
// does: load, parse, check, render, minify and write.
func BenchmarkBuild(b *testing.B) {
	benchmarkBuild(b, generateSite(b, *articles), false)
}

// BenchmarkCorpus builds a site made of real articles (see
// sitegen.WriteCorpus), leaving out the pages that fail the checks, as
// pamphlet build -withhold does.
func BenchmarkCorpus(b *testing.B) {
	if _, err := os.Stat(*corpus); err != nil {
		b.Skipf("no corpus: %v", err)
	}
	dir := b.TempDir()
	if _, err := sitegen.WriteCorpus(dir, *corpus); err != nil {
		b.Fatal(err)
	}
	benchmarkBuild(b, dir, true)
}

func benchmarkBuild(b *testing.B, dir string, withhold bool) {
	dest := filepath.Join(b.TempDir(), "public")
	opts := Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme, Withhold: withhold}
	res, err := Build(context.Background(), opts)
	if err != nil || res.Refused {
		b.Fatalf("%v %v", err, res.Blocking)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkStages times each stage of a build of the generated site on
// its own, with what it allocates: read (pamphlet.yaml, the files and
// their front matter), parse (Markdown, the review gate and the rules that
// read one page), check (the rules that compare pages), render (views, Markdown to HTML, JSON-LD, templates), minify and
// write.
func BenchmarkStages(b *testing.B) {
	dir := generateSite(b, *articles)
	opts := Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	ctx := context.Background()
	// stage runs the stages before the one measured, untimed, for each
	// run of it.
	stage := func(name string, before func(b *testing.B) *Project, measured func(b *testing.B, p *Project)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				p := before(b)
				b.StartTimer()
				measured(b, p)
			}
		})
	}
	read := func(b *testing.B) *Project {
		p, err := Read(opts)
		if err != nil {
			b.Fatal(err)
		}
		return p
	}
	parsed := func(b *testing.B) *Project {
		p := read(b)
		if err := p.parse(ctx, true); err != nil {
			b.Fatal(err)
		}
		return p
	}
	checked := func(b *testing.B) *Project {
		p := parsed(b)
		p.check(ctx)
		return p
	}
	stage("read", func(*testing.B) *Project { return nil }, func(b *testing.B, _ *Project) { read(b) })
	stage("parse", read, func(b *testing.B, p *Project) {
		if err := p.parse(ctx, true); err != nil {
			b.Fatal(err)
		}
	})
	stage("check", parsed, func(b *testing.B, p *Project) { p.check(ctx) })
	stage("render", func(b *testing.B) *Project {
		p := checked(b)
		p.Options.NoMinify = true
		return p
	}, func(b *testing.B, p *Project) {
		if _, err := p.RenderTo(ctx, func(string, []byte) error { return nil }); err != nil {
			b.Fatal(err)
		}
	})
	// The output of a render without minifying, to minify and to write.
	p := checked(b)
	p.Options.NoMinify = true
	out, err := p.Render(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("minify", func(b *testing.B) {
		m := newMinifier()
		names := make([]string, 0, len(out.Files))
		for name := range out.Files {
			names = append(names, name)
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := parallel.For(ctx, len(names), 0, func(i int) error {
				_, err := m.bytes(names[i], out.Files[names[i]])
				return err
			}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		dest := filepath.Join(b.TempDir(), "public")
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			if err := os.RemoveAll(dest); err != nil { // into an empty folder, as a first build
				b.Fatal(err)
			}
			b.StartTimer()
			if err := Write(dest, out.Files); err != nil {
				b.Fatal(err)
			}
		}
	})
}
