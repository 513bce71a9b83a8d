package content

import (
	"iter"
	"slices"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// positions records where each key of a page's front matter is written,
// and where its value starts when it is a scalar, by dotted path such as
// "review" or "faq.0.a": sorted by path, in a few slices rather than
// maps, since a large site holds them for every page.
type positions struct {
	paths  []string
	keys   []lineCol // where the key is written; zero when it is not
	values []lineCol // where the scalar value starts; zero when there is none
}

// lineCol is a 1-based line and column; the zero value is none.
type lineCol struct{ line, col int32 }

// newPositions gathers the positions a decoder recorded.
func newPositions(keys, values map[string]finding.Position) *positions {
	paths := make([]string, 0, len(keys)+len(values))
	for k := range keys {
		paths = append(paths, k)
	}
	for k := range values {
		if _, ok := keys[k]; !ok {
			paths = append(paths, k)
		}
	}
	slices.Sort(paths)
	ps := &positions{paths: paths, keys: make([]lineCol, len(paths)), values: make([]lineCol, len(paths))}
	for i, k := range paths {
		if p, ok := keys[k]; ok {
			ps.keys[i] = lineCol{int32(p.Line), int32(p.Col)}
		}
		if p, ok := values[k]; ok {
			ps.values[i] = lineCol{int32(p.Line), int32(p.Col)}
		}
	}
	return ps
}

// find returns where path is in ps, or -1.
func (ps *positions) find(path string) int {
	if ps == nil {
		return -1
	}
	if i, ok := slices.BinarySearchFunc(ps.paths, path, strings.Compare); ok {
		return i
	}
	return -1
}

// KeyAt returns where the front matter key at the dotted path is written,
// such as "review" or "faq.0".
func (p *Page) KeyAt(path string) (finding.Position, bool) {
	return p.at(path, func(ps *positions) []lineCol { return ps.keys })
}

// ValueAt returns where the scalar value at the dotted path starts.
func (p *Page) ValueAt(path string) (finding.Position, bool) {
	return p.at(path, func(ps *positions) []lineCol { return ps.values })
}

func (p *Page) at(path string, of func(*positions) []lineCol) (finding.Position, bool) {
	i := p.places.find(path)
	if i < 0 {
		return finding.Position{}, false
	}
	lc := of(p.places)[i]
	if lc.line == 0 {
		return finding.Position{}, false
	}
	return finding.Position{File: p.File, Line: int(lc.line), Col: int(lc.col)}, true
}

// KeyPositions yields every key of the front matter with where it is
// written, in the order of the paths.
func (p *Page) KeyPositions() iter.Seq2[string, finding.Position] {
	return func(yield func(string, finding.Position) bool) {
		if p.places == nil {
			return
		}
		for i, path := range p.places.paths {
			if lc := p.places.keys[i]; lc.line != 0 && !yield(path, finding.Position{File: p.File, Line: int(lc.line), Col: int(lc.col)}) {
				return
			}
		}
	}
}
