package preview

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

// TestSessionRandomEdits applies random sequences of edits to the example
// site under a session (pages changed, created, deleted, renamed, drafted
// and published again, linked to one another; pamphlet.yaml, layouts,
// assets and files beside the pages changed), and after each compares
// every file the session serves, and its findings, with a fresh session of
// the files as they now are; when the site has no findings, also with a
// fresh build, byte for byte.
func TestSessionRandomEdits(t *testing.T) {
	seeds := []uint64{1, 2}
	steps := 30
	if testing.Short() {
		seeds, steps = seeds[:1], 15
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { randomEdits(t, seed, steps) })
	}
}

func randomEdits(t *testing.T, seed uint64, steps int) {
	dir := testsite.Example(t)
	opts := build.Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 7))
	abs := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	write := func(name, text string) {
		os.MkdirAll(filepath.Dir(abs(name)), 0o755)
		if err := os.WriteFile(abs(name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(abs(name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	exists := func(name string) bool { _, err := os.Stat(abs(name)); return err == nil }
	var made []string // pages this test made, which it may change freely
	page := func(title string, draft bool, links string) string {
		fm := fmt.Sprintf("---\ntitle: %s\ndescription: A news item made by the test of random edits, long enough to describe it.\ndate: 2026-11-%02d\ntags: [%s]\n", title, 1+r.IntN(20), []string{"clinic", "Opening hours", "winter"}[r.IntN(3)])
		if draft {
			fm += "draft: true\n"
		}
		return fm + "---\n\nThe clinic has news for you. " + links + "\n"
	}
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	cfg := read("pamphlet.yaml")
	edits := []func() (string, []string){
		func() (string, []string) { // a body
			f := pick([]string{"content/news/evening-appointments.md", "content/articles/handwashing.md", "content/events/foot-care-class.md", "content/_index.md"})
			text := read(f)
			i := strings.LastIndex(text, "\n\n")
			write(f, text[:i]+"\n\nA sentence added in an edit.\n"+text[i:])
			return "body " + f, []string{f}
		},
		func() (string, []string) { // a new page
			f := fmt.Sprintf("content/news/item-%d.md", r.IntN(1000))
			links := ""
			if len(made) > 0 {
				links = fmt.Sprintf("See [the other item](%s).", filepath.Base(pick(made)))
			}
			write(f, page("News item "+f[13:len(f)-3], r.IntN(4) == 0, links))
			if !slices.Contains(made, f) {
				made = append(made, f)
			}
			return "create " + f, []string{f}
		},
		func() (string, []string) { // a page removed
			if len(made) == 0 {
				return "nothing to remove", nil
			}
			i := r.IntN(len(made))
			f := made[i]
			os.Remove(abs(f))
			made = slices.Delete(made, i, i+1)
			return "remove " + f, []string{f}
		},
		func() (string, []string) { // a page renamed
			if len(made) == 0 {
				return "nothing to rename", nil
			}
			i := r.IntN(len(made))
			from, to := made[i], fmt.Sprintf("content/news/renamed-%d.md", r.IntN(1000))
			if exists(to) {
				return "no rename", nil
			}
			if err := os.Rename(abs(from), abs(to)); err != nil {
				t.Fatal(err)
			}
			made[i] = to
			return "rename " + from + " " + to, []string{from, to}
		},
		func() (string, []string) { // drafted, or published
			if len(made) == 0 {
				return "nothing to draft", nil
			}
			f := pick(made)
			text := read(f)
			if strings.Contains(text, "draft: true\n") {
				write(f, strings.Replace(text, "draft: true\n", "", 1))
				return "publish " + f, []string{f}
			}
			write(f, strings.Replace(text, "---\n\n", "draft: true\n---\n\n", 1))
			return "draft " + f, []string{f}
		},
		func() (string, []string) { // pamphlet.yaml
			text := read("pamphlet.yaml")
			if text == cfg {
				write("pamphlet.yaml", strings.Replace(text, "title: Riverside Community Health\n", fmt.Sprintf("title: Riverside Health %d\n", r.IntN(100)), 1))
			} else {
				write("pamphlet.yaml", cfg)
			}
			return "pamphlet.yaml", []string{"pamphlet.yaml"}
		},
		func() (string, []string) { // a layout
			f := "layouts/partials/footer.html"
			if exists(f) && r.IntN(2) == 0 {
				os.Remove(abs(f))
				return "layout removed", []string{f}
			}
			write(f, fmt.Sprintf(`<footer class="site-footer"><p>Footer %d.</p></footer>`, r.IntN(100)))
			return "layout", []string{f}
		},
		func() (string, []string) { // an asset
			f := "assets/favicon.svg"
			if exists(f) && r.IntN(2) == 0 {
				os.Remove(abs(f))
				return "asset removed", []string{f}
			}
			write(f, fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="16"/>`, 1+r.IntN(30)))
			return "asset", []string{f}
		},
		func() (string, []string) { // a file beside the pages
			f := "content/news/img/chart.svg"
			if exists(f) && r.IntN(2) == 0 {
				os.RemoveAll(abs("content/news/img"))
				return "folder removed", []string{"content/news/img"}
			}
			write(f, fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="10"/>`, 1+r.IntN(30)))
			return "file", []string{f}
		},
	}
	built := 0   // steps compared with a fresh build too
	pending := 0 // steps whose Start left the search index to Finish
	defer func() {
		t.Logf("%d steps, %d of them compared with a fresh build, %d left the search index pending", steps, built, pending)
	}()
	var before map[string][]byte // the files of the last step
	for step := range steps {
		what, changed := edits[r.IntN(len(edits))]()
		started, err := s.Start(context.Background(), changed)
		if err != nil {
			t.Fatalf("step %d (%s): %v", step, what, err)
		}
		pv, err := s.Finish(context.Background())
		if err != nil {
			t.Fatalf("step %d (%s): finish: %v", step, what, err)
		}
		fresh, err := NewSession(opts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Update(context.Background(), nil)
		if err != nil {
			t.Fatalf("step %d (%s): fresh session: %v", step, what, err)
		}
		ok := t.Run(fmt.Sprintf("%d %s", step, what), func(t *testing.T) {
			sameFiles(t, pv.Files, want.Files)
			// What Start served before the search index was made again is
			// the whole site but for the index.
			if started.Pending {
				pending++
			}
			sameFiles(t, withoutIndex(started.Files, started.Pending), withoutIndex(want.Files, started.Pending))
			if !slices.Equal(started.Findings, pv.Findings) {
				t.Errorf("Start found %v, Finish %v", started.Findings, pv.Findings)
			}
			// Start names every file that changed, when it names them.
			if started.Changed != nil && before != nil {
				for name := range mergedKeys(before, started.Files) {
					if !bytes.Equal(before[name], started.Files[name]) && !slices.Contains(started.Changed, name) {
						t.Errorf("%s changed, but Start named only %v", name, started.Changed)
					}
				}
			}
			if got := finding.Sort(pv.Findings); !slices.Equal(got, want.Findings) {
				t.Errorf("findings:\n got %v\nwant %v", got, want.Findings)
			}
			if len(want.Findings) > 0 {
				return
			}
			built++
			p, err := build.Load(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			out, err := p.Render(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			sameFiles(t, pv.Files, out.Files)
		})
		if !ok {
			t.FailNow()
		}
		before = pv.Files
	}
}

// mergedKeys is the set of the names of both maps.
func mergedKeys(a, b map[string][]byte) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// withoutIndex returns the files but for those of the search indexes
// (in a folder index/ of a search page), when leave is set.
func withoutIndex(files map[string][]byte, leave bool) map[string][]byte {
	if !leave {
		return files
	}
	out := map[string][]byte{}
	for name, data := range files {
		if !strings.Contains(name, "search/index/") {
			out[name] = data
		}
	}
	return out
}
