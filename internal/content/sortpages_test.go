package content

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSortPages: pages by weight (none last), newest first, then by
// title whatever its case, then by URL, as the rule reads written out.
func TestSortPages(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	titles := []string{"Asthma", "asthma", "Flu", "flu jab", "Zika", ""}
	var ps []*Page
	for i := range 500 {
		p := &Page{URL: "/p" + strconv.Itoa(r.IntN(50)) + "/"}
		p.Meta.Weight = r.IntN(3)
		p.Meta.Date = Date{Time: time.Date(2026, 1, 1+r.IntN(3), 0, 0, 0, 0, time.UTC)}
		p.Meta.Title = titles[r.IntN(len(titles))]
		p.File = strconv.Itoa(i) // tells equal pages apart, to see the sort is stable
		ps = append(ps, p)
	}
	want := slices.Clone(ps)
	weight := func(p *Page) int {
		if p.Meta.Weight == 0 {
			return math.MaxInt
		}
		return p.Meta.Weight
	}
	slices.SortStableFunc(want, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(weight(a), weight(b)), b.Meta.Date.Compare(a.Meta.Date.Time),
			cmp.Compare(strings.ToLower(a.Meta.Title), strings.ToLower(b.Meta.Title)), cmp.Compare(a.URL, b.URL))
	})
	SortPages(ps)
	for i := range ps {
		if ps[i] != want[i] {
			t.Fatalf("page %d: got %s, want %s", i, ps[i].File, want[i].File)
		}
	}
}
