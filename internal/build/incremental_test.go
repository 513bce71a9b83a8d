package build

import (
	"context"
	"reflect"
	"testing"

	"github.com/gohugoio/hashstructure"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// TestCardHash: a page's card hash changes with what other pages show of
// it, and not with what only it shows or what others feed it.
func TestCardHash(t *testing.T) {
	hash := func(v *layout.Page) uint64 {
		h, err := hashstructure.Hash(v, cardOnly)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	base := &layout.Page{Title: "Flu", URL: "/flu/", Body: "<p>a</p>"}
	same := *base
	same.Body, same.Breadcrumbs, same.Related = "<p>b</p>", []layout.Link{{Title: "Home"}}, []*layout.Page{base}
	if hash(base) != hash(&same) {
		t.Error("the body, breadcrumbs or related pages changed the card")
	}
	other := *base
	other.Title = "Flu jab"
	if hash(base) == hash(&other) {
		t.Error("the title did not change the card")
	}
}

// TestJoinTag: a view made again from its page alone (view.Page) equals
// the planned view in every field but those tagged layout.JoinTag, so a
// field that the join fills in without the tag fails here, before the
// preview could keep a stale value of it.
func TestJoinTag(t *testing.T) {
	p, err := Load(context.Background(), Options{Source: exampleSite(t), Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	r.Plan(p)
	tagged := 0
	for i := range r.Jobs() {
		pg := r.Page(i)
		if pg == nil {
			continue
		}
		planned := *r.jobs[i].view
		pv := reflect.ValueOf(&planned).Elem()
		for _, f := range joined {
			if !pv.Field(f).IsZero() {
				tagged++
			}
			pv.Field(f).SetZero()
		}
		fresh := view.Page(p.Site.Config, pg, r.relURL, r.absURL)
		if !reflect.DeepEqual(*fresh, planned) {
			ft := reflect.ValueOf(fresh).Elem()
			for f := range ft.NumField() {
				if !reflect.DeepEqual(ft.Field(f).Interface(), pv.Field(f).Interface()) {
					t.Errorf("%s: the join fills in %s, which is not tagged %s", pg.File, ft.Type().Field(f).Name, layout.JoinTag)
				}
			}
		}
	}
	if tagged == 0 {
		t.Error("no page has a joined field set: the test sees nothing")
	}
}
