package preview

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/build"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/review"
	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

// TestSessionFirstUpdate checks that a session's first update of a site
// with no findings gives exactly the files a build writes.
func TestSessionFirstUpdate(t *testing.T) {
	dir := testsite.Example(t)
	opts := build.Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	p, err := build.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) > 0 {
		t.Fatalf("the example site has findings: %v", p.Findings)
	}
	out, err := p.Render(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := s.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, pv.Files, out.Files)
	if pv.Rendered != pv.Pages || pv.Pages != out.Pages {
		t.Errorf("rendered %d of %d pages, want all %d", pv.Rendered, pv.Pages, out.Pages)
	}
}

func sameFiles(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: missing", name)
		} else if !bytes.Equal(g, want[name]) {
			t.Errorf("%s: differs from a fresh build:\n got: %.300s\nwant: %.300s", name, diffAt(g, want[name]), diffAt(want[name], g))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: not in a fresh build", name)
		}
	}
}

// diffAt returns a from a little before where it first differs from b.
func diffAt(a, b []byte) []byte {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[max(0, i-80):]
}

// TestSessionEdits makes edits one after another, updating a session
// after each, and checks after each that the session's files and findings
// are exactly those of a fresh session on the files as they now are, and
// that it rendered no more than the edit needed.
func TestSessionEdits(t *testing.T) {
	dir := testsite.Example(t)
	opts := build.Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	replace := func(name, old, new string) {
		text := read(name)
		if !strings.Contains(text, old) {
			t.Fatalf("%s does not hold %q", name, old)
		}
		write(name, strings.Replace(text, old, new, 1))
	}
	news := "content/news/evening-appointments.md"
	article := "content/articles/handwashing.md"
	steps := []struct {
		name    string
		edit    func()
		changed []string
		// rendered says how many pages the update may render: -1 for any
		// number, -2 for every page.
		rendered int
		err      string
		grep     map[string]string // output file → text it must hold
	}{
		{"body of an unreviewed page", func() {
			replace(news, "\n\n", "\n\nA sentence added while writing.\n\n")
		}, []string{news}, 1, "", map[string]string{"news/evening-appointments/index.html": "A sentence added while writing."}},
		{"the same file saved again", func() {}, []string{news}, 0, "", nil},
		{"body of a signed page", func() {
			replace(article, "\n## ", "\nA change no clinician has seen.\n\n## ")
		}, []string{article}, -1, "", map[string]string{"articles/handwashing/index.html": "Not publishable"}},
		{"the signed page again", func() {
			replace(article, "A change no clinician has seen.", "Another change no clinician has seen.")
		}, []string{article}, 1, "", map[string]string{"articles/handwashing/index.html": "review.changed"}},
		{"a file the signed page shows", func() {
			replace("content/articles/img/handwashing-steps.svg", "20 seconds", "10 seconds")
		}, []string{"content/articles/img/handwashing-steps.svg"}, -1, "", map[string]string{"articles/handwashing/index.html": "content/articles/img/handwashing-steps.svg"}},
		{"the file put back", func() {
			replace("content/articles/img/handwashing-steps.svg", "10 seconds", "20 seconds")
		}, []string{"content/articles/img/handwashing-steps.svg"}, -1, "", nil},
		{"an image of another page shown", func() {
			replace(news, "A sentence added while writing.", "A sentence added while writing.\n\n![A diagram of an article](../articles/img/article-layout.png)")
		}, []string{news}, 1, "", map[string]string{"news/evening-appointments/index.html": `srcset="/articles/img/article-layout-480w.`}},
		{"a wide image of its own", func() {
			writePNG(t, filepath.Join(dir, "content/news/img/wide.png"), 900, 300)
			replace(news, "../articles/img/article-layout.png", "img/wide.png")
		}, []string{news, "content/news/img/wide.png"}, -1, "", map[string]string{"news/evening-appointments/index.html": `width="900" height="300" srcset="/news/img/wide-480w.`}},
		{"the image made narrower", func() {
			writePNG(t, filepath.Join(dir, "content/news/img/wide.png"), 600, 300)
		}, []string{"content/news/img/wide.png"}, -1, "", map[string]string{"news/evening-appointments/index.html": `alt="A diagram of an article" width="600" height="300">`}},
		{"a title", func() {
			replace(news, "title: ", "title: Late ")
		}, []string{news}, -1, "", map[string]string{"news/index.html": "Late "}},
		{"a new page in a new folder", func() {
			write("content/articles/more/new-page.md", "---\ntitle: A new page\ndescription: A page written while the preview runs, to see that new folders are watched.\n---\n\nSome text.\n")
		}, []string{"content/articles/more"}, -1, "", map[string]string{"articles/more/new-page/index.html": "A new page"}},
		{"a link to a heading that is not there", func() {
			replace("content/articles/more/new-page.md", "Some text.", "Some text and [a link](../handwashing.md#no-such-heading).")
		}, []string{"content/articles/more/new-page.md"}, 1, "", map[string]string{"articles/more/new-page/index.html": "links.broken"}},
		{"a folder removed", func() {
			if err := os.RemoveAll(filepath.Join(dir, "content/articles/more")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/articles/more"}, -1, "", nil},
		{"an image added", func() { write("content/images/new.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>") }, []string{"content/images/new.svg"}, -1, "", nil},
		{"an editor's temporary file", func() { write("content/news/.evening.md.tmp", "junk") }, []string{"content/news/.evening.md.tmp"}, 0, "", nil},
		{"an editor's swap file", func() { write("content/news/.evening.md.swp", "junk") }, []string{"content/news/.evening.md.swp"}, 0, "", map[string]string{"!finding": "content/news/.evening.md.swp"}},
		{"a merge leftover", func() { write(news+".orig", read(news)) }, []string{news + ".orig"}, 0, "", map[string]string{"!finding": news + ".orig"}},
		{"a page saved as text", func() { write("content/news/draft.txt", read(news)) }, []string{"content/news/draft.txt"}, 0, "", map[string]string{"!finding": "content/news/draft.txt"}},
		{"a symlinked page", func() {
			if err := os.Symlink("evening-appointments.md", filepath.Join(dir, "content/news/linked.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/news/linked.md"}, 0, "", map[string]string{"!finding": "content/news/linked.md"}},
		{"the leftovers removed", func() {
			for _, f := range []string{"content/news/.evening.md.swp", news + ".orig", "content/news/draft.txt", "content/news/linked.md"} {
				os.Remove(filepath.Join(dir, f))
			}
		}, []string{"content/news"}, 0, "", nil},
		{"a layout", func() {
			write("layouts/partials/footer.html", `<footer class="site-footer"><p>A footer of our own.</p></footer>`)
		}, []string{"layouts/partials/footer.html"}, -2, "", map[string]string{"index.html": "A footer of our own."}},
		{"a broken layout", func() {
			write("layouts/partials/footer.html", `<footer>{{.Nope</footer>`)
		}, []string{"layouts/partials/footer.html"}, 0, "layouts/partials/footer.html:1", nil},
		{"the layout mended", func() {
			write("layouts/partials/footer.html", `<footer class="site-footer"><p>Mended.</p></footer>`)
		}, []string{"layouts/partials/footer.html"}, -2, "", map[string]string{"index.html": "Mended."}},
		{"broken pamphlet.yaml", func() {
			write("pamphlet.yaml", "title: [unclosed\n"+read("pamphlet.yaml"))
		}, []string{"pamphlet.yaml"}, 0, "pamphlet.yaml has", nil},
		{"pamphlet.yaml mended", func() {
			write("pamphlet.yaml", strings.TrimPrefix(read("pamphlet.yaml"), "title: [unclosed\n"))
		}, []string{"pamphlet.yaml"}, -2, "", nil},
		{"a valid pamphlet.yaml edit", func() {
			replace("pamphlet.yaml", "title: Riverside Community Health\n", "title: Riverside Community Health Centre\n")
		}, []string{"pamphlet.yaml"}, -2, "", map[string]string{"index.html": "Riverside Community Health Centre", "articles/handwashing/index.html": "Riverside Community Health Centre"}},
		{"a page after the settings edit", func() {
			replace(news, "A sentence added while writing.", "A sentence changed after the settings.")
		}, []string{news}, 1, "", map[string]string{"news/evening-appointments/index.html": "A sentence changed after the settings."}},
		{"a link to a draft", func() {
			write("content/news/coming-soon.md", "---\ntitle: Coming soon\ndescription: A news item still being written, linked from another before it is published.\ndate: 2026-11-20\ndraft: true\n---\n\nSoon.\n")
			replace(news, "A sentence changed after the settings.", "A sentence with [a link to a draft](coming-soon.md).")
		}, []string{news, "content/news/coming-soon.md"}, -1, "", map[string]string{"news/evening-appointments/index.html": "A sentence with a link to a draft."}},
		{"the draft published", func() {
			replace("content/news/coming-soon.md", "draft: true\n", "")
		}, []string{"content/news/coming-soon.md"}, -1, "", map[string]string{"news/evening-appointments/index.html": `<a href="/news/coming-soon/">a link to a draft</a>`}},
		{"the page drafted again", func() {
			replace("content/news/coming-soon.md", "date: 2026-11-20\n", "date: 2026-11-20\ndraft: true\n")
		}, []string{"content/news/coming-soon.md"}, -1, "", map[string]string{"news/evening-appointments/index.html": "A sentence with a link to a draft."}},
	}
	for _, st := range steps {
		st.edit()
		pv, err := s.Update(context.Background(), st.changed)
		if st.err != "" {
			var le *layout.Error
			var ce *build.ConfigError
			if err == nil || !strings.Contains(err.Error(), st.err) || !(errors.As(err, &le) || errors.As(err, &ce)) {
				t.Fatalf("%s: got error %v, want one naming %s", st.name, err, st.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		fresh, err := NewSession(opts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := fresh.Update(context.Background(), nil)
		if err != nil {
			t.Fatalf("%s: fresh session: %v", st.name, err)
		}
		t.Run(st.name, func(t *testing.T) {
			sameFiles(t, pv.Files, want.Files)
			if got, want := finding.Sort(pv.Findings), want.Findings; !slices.Equal(got, want) {
				t.Errorf("findings:\n got %v\nwant %v", got, want)
			}
			switch {
			case st.rendered == -2 && pv.Rendered != pv.Pages:
				t.Errorf("rendered %d of %d pages, want all", pv.Rendered, pv.Pages)
			case st.rendered >= 0 && pv.Rendered != st.rendered:
				t.Errorf("rendered %d pages, want %d", pv.Rendered, st.rendered)
			case st.rendered == -1 && pv.Rendered == pv.Pages:
				t.Errorf("rendered all %d pages, want only those that show the change", pv.Rendered)
			}
			for file, text := range st.grep {
				if file == "!finding" {
					if !slices.ContainsFunc(pv.Findings, func(f finding.Finding) bool { return f.File == text && f.Rule == "content.stray" }) {
						t.Errorf("no content.stray finding for %s: %v", text, pv.Findings)
					}
					for name := range pv.Files {
						if strings.HasSuffix(name, path.Base(text)) || name == "news/linked/index.html" {
							t.Errorf("%s is published as %s", text, name)
						}
					}
					continue
				}
				if !strings.Contains(string(pv.Files[file]), text) {
					t.Errorf("%s does not hold %q", file, text)
				}
			}
		})
	}
}

var today = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// writePNG writes a PNG image of a gradient, width by height pixels.
func writePNG(t *testing.T, file string, width, height int) {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, width, height))
	for y := range height {
		for x := range width {
			img.Set(x, y, color.NRGBA{uint8(x * 255 / width), uint8(y * 255 / height), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSessionWords: the preview reports a language with no words, as the
// build does, and stops when the words file is added.
func TestSessionWords(t *testing.T) {
	dir := testsite.Example(t)
	cfg := filepath.Join(dir, "pamphlet.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, bytes.Replace(b, []byte("languages: [en, es]\n"), []byte("languages: [en, es, fr]\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := NewSession(build.Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	words := func(fs []finding.Finding) (n int) {
		for _, f := range fs {
			if f.Rule == "layout.word" {
				n++
			}
		}
		return n
	}
	pv, err := s.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if words(pv.Findings) != 1 {
		t.Fatalf("the preview of a site in a language with no words: %v", pv.Findings)
	}
	en, err := fs.ReadFile(pamphlet.Theme, "layouts/words/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "layouts/words"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "layouts/words/fr.yaml"), en, 0o644); err != nil {
		t.Fatal(err)
	}
	if pv, err = s.Update(context.Background(), []string{"layouts/words/fr.yaml"}); err != nil {
		t.Fatal(err)
	}
	if words(pv.Findings) != 0 {
		t.Errorf("the words file was added, but the preview still reports: %v", pv.Findings)
	}
}

// TestSessionTranslationStale: when a page is signed off again with
// other text, the preview finds its translation stale at once, as a fresh
// build does, though only the source was edited.
func TestSessionTranslationStale(t *testing.T) {
	dir := testsite.Example(t)
	opts := build.Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	s, err := NewSession(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	const source = "content/articles/handwashing.md"
	file := filepath.Join(dir, source)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte("at least 20 seconds"), []byte("at least 20 seconds, or longer"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := build.Read(opts)
	if err != nil {
		t.Fatal(err)
	}
	pg := p.Site.PageByFile(source)
	rev, err := p.Gate.NewReview(p.Parsed(pg), p.Files(), "samuel-reyes", today, time.Time{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, err := review.SetBlock(pg, rev)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	pv, err := s.Update(context.Background(), []string{source})
	if err != nil {
		t.Fatal(err)
	}
	stale := func(fs []finding.Finding) []string {
		var out []string
		for _, f := range fs {
			if f.Rule == "review.translation-stale" {
				out = append(out, f.File)
			}
		}
		return out
	}
	want := []string{"content/articles/handwashing.es.md"}
	if got := stale(pv.Findings); !slices.Equal(got, want) {
		t.Errorf("the preview: stale %v, want %v", got, want)
	}
	fresh, err := build.Load(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := stale(fresh.Findings); !slices.Equal(got, want) {
		t.Errorf("a fresh build: stale %v, want %v", got, want)
	}
}

// TestSessionStartLeavesIndex checks that after an edit to a page's text
// Start serves the page as edited with the search index of before,
// marked pending, and that Finish makes the index of the edited text.
func TestSessionStartLeavesIndex(t *testing.T) {
	dir := testsite.Example(t)
	s, err := NewSession(build.Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Pending {
		t.Error("the first update left the search index pending")
	}
	news := "content/news/evening-appointments.md"
	file := filepath.Join(dir, filepath.FromSlash(news))
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const added = "Parking at Kestrelbrook is free."
	const term = "kestrelbrook" // the word of it no other page has, as the index holds it
	if err := os.WriteFile(file, bytes.Replace(text, []byte("\n\n"), []byte("\n\n"+added+"\n\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// indexed reports whether a file of the search index holds the word.
	indexed := func(files map[string][]byte) bool {
		for name, data := range files {
			if strings.HasPrefix(name, "search/index/") && bytes.Contains(data, []byte(term)) {
				return true
			}
		}
		return false
	}
	started, err := s.Start(context.Background(), []string{news})
	if err != nil {
		t.Fatal(err)
	}
	if !started.Pending || started.Rendered != 1 {
		t.Fatalf("Start: pending %v, rendered %d; want the index pending and one page rendered", started.Pending, started.Rendered)
	}
	if !bytes.Contains(started.Files["news/evening-appointments/index.html"], []byte(added)) {
		t.Error("Start did not serve the edited page")
	}
	if indexed(started.Files) {
		t.Error("Start made the search index, which Finish makes")
	}
	done, err := s.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if done.Pending || !indexed(done.Files) {
		t.Errorf("Finish: pending %v, the edited text indexed %v", done.Pending, indexed(done.Files))
	}
	fresh, err := NewSession(build.Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	want, err := fresh.Update(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameFiles(t, done.Files, want.Files)
	again, err := s.Finish(context.Background())
	if err != nil || again.Pending {
		t.Fatalf("a second Finish: %v, pending %v", err, again.Pending)
	}
	sameFiles(t, again.Files, want.Files)
}
