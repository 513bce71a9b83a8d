package build

import (
	"testing"

	"github.com/gohugoio/hashstructure"

	"github.com/pamphlet-health/pamphlet/internal/layout"
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
