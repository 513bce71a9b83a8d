package content

import (
	"iter"
	"slices"
	"sort"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// positions records where each key of a page's front matter is written,
// and where its value starts when it is a scalar, by dotted path such as
// "review" or "faq.0.a". A large site holds them for every page, so they
// are kept in three blocks the collector has no need to look into: the
// paths, sorted, written one after another in names, where path i ends at
// ends[i], and two places for each path in at, where its key is written
// (at[2i]) and where its scalar value starts (at[2i+1]), zero when there
// is none.
type positions struct {
	names string
	ends  []uint32
	at    []lineCol
}

// lineCol is a 1-based line and column; the zero value is none.
type lineCol struct{ line, col int32 }

// newPositions gathers the positions a decoder recorded.
func newPositions(keys, values map[string]finding.Position) *positions {
	paths := make([]string, 0, len(keys)+len(values))
	size := 0
	for k := range keys {
		paths = append(paths, k)
		size += len(k)
	}
	for k := range values {
		if _, ok := keys[k]; !ok {
			paths = append(paths, k)
			size += len(k)
		}
	}
	slices.Sort(paths)
	var names strings.Builder
	names.Grow(size)
	ps := &positions{ends: make([]uint32, len(paths)), at: make([]lineCol, 2*len(paths))}
	for i, k := range paths {
		names.WriteString(k)
		ps.ends[i] = uint32(names.Len())
		if p, ok := keys[k]; ok {
			ps.at[2*i] = lineCol{int32(p.Line), int32(p.Col)}
		}
		if p, ok := values[k]; ok {
			ps.at[2*i+1] = lineCol{int32(p.Line), int32(p.Col)}
		}
	}
	ps.names = names.String()
	return ps
}

// path returns the path i.
func (ps *positions) path(i int) string {
	start := uint32(0)
	if i > 0 {
		start = ps.ends[i-1]
	}
	return ps.names[start:ps.ends[i]]
}

// find returns where path is in ps, or -1.
func (ps *positions) find(path string) int {
	if ps == nil {
		return -1
	}
	if i := sort.Search(len(ps.ends), func(i int) bool { return ps.path(i) >= path }); i < len(ps.ends) && ps.path(i) == path {
		return i
	}
	return -1
}

// KeyAt returns where the front matter key at the dotted path is written,
// such as "review" or "faq.0".
func (p *Page) KeyAt(path string) (finding.Position, bool) { return p.at(path, 0) }

// ValueAt returns where the scalar value at the dotted path starts.
func (p *Page) ValueAt(path string) (finding.Position, bool) { return p.at(path, 1) }

// at returns place of path (0 its key, 1 its value).
func (p *Page) at(path string, place int) (finding.Position, bool) {
	ps := p.positions()
	i := ps.find(path)
	if i < 0 {
		return finding.Position{}, false
	}
	lc := ps.at[2*i+place]
	if lc.line == 0 {
		return finding.Position{}, false
	}
	return finding.Position{File: p.File, Line: int(lc.line), Col: int(lc.col)}, true
}

// KeyPositions yields every key of the front matter with where it is
// written, in the order of the paths.
func (p *Page) KeyPositions() iter.Seq2[string, finding.Position] {
	return func(yield func(string, finding.Position) bool) {
		ps := p.positions()
		if ps == nil {
			return
		}
		for i := range ps.ends {
			if lc := ps.at[2*i]; lc.line != 0 && !yield(ps.path(i), finding.Position{File: p.File, Line: int(lc.line), Col: int(lc.col)}) {
				return
			}
		}
	}
}
