package content

import (
	"strings"
	"testing"
)

// TestLocationURL: an event's location.url takes http(s) addresses and
// site paths only, and says so at its line when given anything else.
func TestLocationURL(t *testing.T) {
	for _, a := range webAddresses {
		t.Run(a.url, func(t *testing.T) {
			src := "---\ntitle: Foot care class\nlocation:\n  name: Riverside Hall\n  url: " + quote(a.url) + "\n---\nBring your shoes.\n"
			_, found := ParsePage("content/events/a.md", []byte(src))
			got := strings.Join(brief(found), "; ")
			want := ""
			if !a.ok {
				want = "5:3 frontmatter.value"
			}
			if got != want {
				t.Fatalf("got %q, want %q (%v)", got, want, found)
			}
			if !a.ok && !strings.Contains(found[0].Message, "location.url") {
				t.Errorf("the message %q does not name location.url", found[0].Message)
			}
		})
	}
}
