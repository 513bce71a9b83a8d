package layout

import (
	"strings"
	"testing"
)

func TestDocumentTitle(t *testing.T) {
	site := "Riverside Community Health" // 26 characters
	fits := strings.Repeat("a", MaxTitle-len(TitleSeparator)-len(site))
	for _, tc := range []struct {
		name       string
		home       bool
		page, want string
	}{
		{"home", true, "Welcome", site},
		{"a page", false, "Flu vaccine", "Flu vaccine | " + site},
		{"exactly the limit", false, fits, fits + " | " + site},
		{"one over: the title alone", false, fits + "b", fits + "b"},
		{"non-ASCII letters count once", false, strings.Repeat("é", len(fits)), strings.Repeat("é", len(fits)) + " | " + site},
		{"no title", false, "", site},
	} {
		if got := DocumentTitle(tc.home, tc.page, site); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := DocumentTitle(false, "Flu", ""); got != "Flu" {
		t.Errorf("without a site name: got %q", got)
	}
}
