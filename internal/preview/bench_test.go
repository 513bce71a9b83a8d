package preview

import (
	"context"
	"flag"
	"path/filepath"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// articles is the size of the generated site of the benchmarks:
//
//	go test ./internal/preview -run '^$' -bench First -articles 10000
var articles = flag.Int("articles", 1000, "articles in the benchmarks' generated site")

// BenchmarkFirst compares a session's first update, which pamphlet serve
// makes before it serves anything, with a build of the same generated
// site into a folder (see sitegen), as pamphlet build makes it.
func BenchmarkFirst(b *testing.B) {
	dir := b.TempDir()
	if err := sitegen.Write(dir, *articles); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: dir, Today: sitegen.Today, Theme: pamphlet.Theme}
	b.Run("serve", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := NewSession(opts)
			if err != nil {
				b.Fatal(err)
			}
			pv, err := s.Update(context.Background(), nil)
			if err != nil {
				b.Fatal(err)
			}
			if pv.Rendered != pv.Pages {
				b.Fatalf("rendered %d of %d pages", pv.Rendered, pv.Pages)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		o := opts
		o.Dest = filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			res, err := build.Build(context.Background(), o)
			if err != nil || res.Refused {
				b.Fatalf("%v %v", err, res.Blocking)
			}
		}
	})
}
