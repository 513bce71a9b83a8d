package build

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

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

// BenchmarkBuild builds a generated site of 1,000 articles end to end:
// load, parse, check, render, minify and write.
func BenchmarkBuild(b *testing.B) {
	const n = 1000
	dir := generateSite(b, n)
	dest := filepath.Join(b.TempDir(), "public")
	opts := Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme}
	res, err := Build(context.Background(), opts)
	if err != nil || res.Refused {
		b.Fatalf("%v %v", err, res.Findings)
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

// BenchmarkStages times each stage of a build of 1,000 articles.
func BenchmarkStages(b *testing.B) {
	dir := generateSite(b, 1000)
	opts := Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	b.Run("load+parse+check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(context.Background(), opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gate", func(b *testing.B) {
		p, err := Load(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, pg := range p.Pages {
				p.Gate.Evaluate(pg.Page)
			}
		}
	})
	for _, minify := range []bool{false, true} {
		b.Run(fmt.Sprintf("render/minify=%v", minify), func(b *testing.B) {
			o := opts
			o.NoMinify = !minify
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				p, err := Load(context.Background(), o) // rendering changes the parsed documents
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := p.Render(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
