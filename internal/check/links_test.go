package check

import (
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/layout"
)

func TestReservedID(t *testing.T) {
	for id, want := range map[string]bool{
		"main": true, "faq": true, "sources": true, "review": true, "related": true, "topics": true,
		"faq-1": true, "faq-12": true, "faq-": false, "faq-1a": false, "faq-1-section": false,
		"az-a": true, "az-é": true, "az-digits": true, "az-ab": false, "topic-flu": true, "topic-flu-2-q3": true,
		"sources-section": false, "using-a-spacer": false, "topical": false,
	} {
		if got := layout.ReservedID(id); got != want {
			t.Errorf("ReservedID(%q) = %v, want %v", id, got, want)
		}
	}
}
