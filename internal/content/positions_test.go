package content

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// TestPositions checks the packed positions against the decoder's maps
// they are made from: every path is found with its key's and value's
// places, paths not recorded are not, and KeyPositions yields the keys in
// the order of their paths.
func TestPositions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"faq", "review", "sources", "q", "a", "title", "0", "1", "10", "2", "url", "date", "é", ""}
	for round := range 200 {
		keys, values := map[string]finding.Position{}, map[string]finding.Position{}
		var absent []string
		for range r.IntN(30) {
			path := words[r.IntN(len(words))]
			for range r.IntN(3) {
				path += "." + words[r.IntN(len(words))]
			}
			at := finding.Position{Line: 1 + r.IntN(500), Col: 1 + r.IntN(80)}
			switch r.IntN(4) {
			case 0:
				keys[path] = at
			case 1:
				values[path] = at
			case 2:
				keys[path], values[path] = at, finding.Position{Line: at.Line, Col: at.Col + 2}
			default:
				absent = append(absent, path+".x")
			}
		}
		p := &Page{File: "content/a.md", places: newPositions(keys, values)}
		for path := range maps.Keys(keys) {
			got, ok := p.KeyAt(path)
			if want := keys[path]; !ok || got.Line != want.Line || got.Col != want.Col || got.File != p.File {
				t.Fatalf("round %d: KeyAt(%q) = %v, %v; want %v", round, path, got, ok, want)
			}
		}
		for path, want := range values {
			if got, ok := p.ValueAt(path); !ok || got.Line != want.Line || got.Col != want.Col {
				t.Fatalf("round %d: ValueAt(%q) = %v, %v; want %v", round, path, got, ok, want)
			}
			if _, isKey := keys[path]; !isKey {
				if got, ok := p.KeyAt(path); ok {
					t.Fatalf("round %d: KeyAt(%q) of a value alone = %v", round, path, got)
				}
			}
		}
		for _, path := range absent {
			if _, inKeys := keys[path]; inKeys {
				continue
			}
			if _, inValues := values[path]; inValues {
				continue
			}
			if got, ok := p.KeyAt(path); ok {
				t.Fatalf("round %d: KeyAt(%q) of a path not recorded = %v", round, path, got)
			}
		}
		var order []string
		for path, at := range p.KeyPositions() {
			if want := keys[path]; at.Line != want.Line || at.Col != want.Col {
				t.Fatalf("round %d: KeyPositions gave %q at %v; want %v", round, path, at, want)
			}
			order = append(order, path)
		}
		if want := slices.Sorted(maps.Keys(keys)); fmt.Sprint(order) != fmt.Sprint(want) {
			t.Fatalf("round %d: KeyPositions gave %q; want %q", round, order, want)
		}
	}
}

// TestReleasePositions: a page whose positions were let go gives the same
// ones again, read from its file, to several goroutines at once; from a
// file changed since, none.
func TestReleasePositions(t *testing.T) {
	src := "---\ntitle: Flu vaccine\ndescription: Who should have it.\nfaq:\n  - q: Is it safe?\n    a: Yes.\n---\nBody.\n"
	fsys := fstest.MapFS{"content/flu.md": {Data: []byte(src)}}
	p, _ := ParsePage("content/flu.md", []byte(src))
	want := maps.Collect(p.KeyPositions())
	wantValue, _ := p.ValueAt("faq.0.q")
	p.ReleaseText()
	p.ReleasePositions(fsys)
	if p.places != nil {
		t.Fatal("the positions were kept")
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := maps.Collect(p.KeyPositions()); !maps.Equal(got, want) {
				t.Errorf("read again: %v; want %v", got, want)
			}
			if got, ok := p.ValueAt("faq.0.q"); !ok || got != wantValue {
				t.Errorf("ValueAt(faq.0.q) read again: %v, %v; want %v", got, ok, wantValue)
			}
		})
	}
	wg.Wait()

	changed, _ := ParsePage("content/flu.md", []byte(src))
	changed.ReleaseText()
	changed.ReleasePositions(fstest.MapFS{"content/flu.md": {Data: []byte(strings.Replace(src, "Flu", "Cold", 1))}})
	if got, ok := changed.KeyAt("description"); ok {
		t.Errorf("a changed file gave a position: %v", got)
	}
	if got := changed.KeyPos("description"); got.Line != 1 {
		t.Errorf("KeyPos of a changed file = %v; want the first line", got)
	}

	kept, _ := ParsePage("content/flu.md", []byte(src))
	kept.ReleasePositions(fsys) // its text is kept: so are its positions
	if kept.places == nil {
		t.Error("a page that keeps its text let its positions go")
	}
}
