package gone

import (
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// TestAliasLine: the hint says what to write in the page's own front
// matter format, or where to add the old address to a list it has.
func TestAliasLine(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: Flu\n---\nText.\n", "the line aliases: [/flu/] in the front matter of content/a.md"},
		{"+++\ntitle = \"Flu\"\n+++\nText.\n", `the line aliases = ["/flu/"] in the front matter of content/a.md`},
		{";;;\n{\"title\": \"Flu\"}\n;;;\nText.\n", `"aliases": ["/flu/"] in the front matter of content/a.md`},
		{"---\ntitle: Flu\naliases:\n  - /old-flu/\n---\nText.\n", "/flu/ added to the aliases list of content/a.md (line 3)"},
	} {
		p, found := content.ParsePage("content/a.md", []byte(tc.src))
		if len(found) > 0 {
			t.Fatalf("%q: %v", tc.src, found)
		}
		if got := aliasLine(p, "/flu/"); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}
