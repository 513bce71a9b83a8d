package check

import "testing"

func TestReservedID(t *testing.T) {
	for id, want := range map[string]bool{
		"main": true, "faq": true, "sources": true, "review": true, "related": true,
		"faq-1": true, "faq-12": true, "faq-": false, "faq-1a": false, "faq-1-section": false,
		"sources-section": false, "using-a-spacer": false,
	} {
		if got := ReservedID(id); got != want {
			t.Errorf("ReservedID(%q) = %v, want %v", id, got, want)
		}
	}
}
