package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/sitegen"
)

// writerPause is how long after the server finished an edit the
// benchmark saves the next.
const writerPause = 500 * time.Millisecond

// BenchmarkServeEdit measures the preview on a generated site of 10,000
// articles (see sitegen): from saving an edit to one article's text to
// its page's reload event, through the file watcher, the wait for quiet,
// the update of the session (reading, parsing and checking the page, the
// checks across the site, rendering) and the server; the search index,
// made again after the page is told to reload, is not timed, and each
// save comes after it. Each save changes a sentence of the same
// signed article, as a writer does while working.
func BenchmarkServeEdit(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := sitegen.Write(dir, n); err != nil {
				b.Fatal(err)
			}
			base, log := startPreview(b, dir)
			file := filepath.Join(dir, filepath.FromSlash(sitegen.ArticleFile(n/2)))
			page := fmt.Sprintf("/articles/topic-%d/", n/2)
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			edit := func(k int) {
				text := strings.Replace(string(orig), "Most people get better", fmt.Sprintf("Edit %d: most people get better", k), 1)
				_, body := get(b, base+page)
				ch := reloads(b, base, page, body)
				if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				waitReload(b, ch, "an edit")
			}
			// A writer saves again after looking at the page: each save
			// comes half a second after the server has finished the last
			// (its line on the terminal, written once the search index is
			// made again), not while it is still collecting its garbage.
			builds := 1
			idle := func() {
				for start := time.Now(); strings.Count(log.String(), " reloaded\n") < builds; time.Sleep(time.Millisecond) {
					if time.Since(start) > time.Minute {
						b.Fatalf("the server did not finish build %d: %s", builds, log)
					}
				}
				builds++
				time.Sleep(writerPause)
			}
			idle()
			edit(-1) // the first edit unsigns the page, which its lists show
			idle()
			// The whole-site build and the first edit, to compare with.
			b.Logf("%s", strings.TrimSpace(log.String()))
			b.ResetTimer()
			for k := 0; b.Loop(); k++ {
				b.StopTimer()
				_, body := get(b, base+page)
				ch := reloads(b, base, page, body)
				text := strings.Replace(string(orig), "Most people get better", fmt.Sprintf("Edit %d: most people get better", k), 1)
				b.StartTimer()
				if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
					b.Fatal(err)
				}
				waitReload(b, ch, "an edit")
				b.StopTimer()
				idle()
				b.StartTimer()
			}
		})
	}
}
