package content

import (
	"strings"
	"testing"
)

// webAddresses are values of the address fields of pamphlet.yaml and front
// matter, and whether those fields accept them.
var webAddresses = []struct {
	url string
	ok  bool
}{
	{"https://health.example.org/about/", true},
	{"http://health.example.org", true},
	{"/path/", true},
	{"/articles/flu/#when", true},
	{"javascript:alert(1)", false},
	{"JavaScript:alert(1)", false},
	{"data:text/html,<script>alert(1)</script>", false},
	{"file:///etc/passwd", false},
	{"mailto:info@example.org", false},
	{"https://", false},
	{"health.example.org", false},
	{"about/", false},
	{"../about/", false},
	{"//evil.example.org/", false},
	{"/\\evil.example.org/", false},
	{"/\t/evil.example.org/", false},
}

// TestConfigAddresses: organization.url and each menu item's url take
// http(s) addresses and site paths only, and say which key and line is
// wrong when given anything else.
func TestConfigAddresses(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\n"
	fields := []struct {
		name, key string
		src       func(u string) string
		at        string // line:col of the finding
	}{
		{"organization.url", "organization.url", func(u string) string { return head + "organization:\n  name: Clinic\n  url: " + quote(u) + "\n" }, "5:3"},
		{"menu url", "menu item 2", func(u string) string {
			return head + "menu:\n  - {name: Home, url: /}\n  - name: About\n    url: " + quote(u) + "\n"
		}, "6:5"},
	}
	for _, f := range fields {
		for _, a := range webAddresses {
			t.Run(f.name+" "+a.url, func(t *testing.T) {
				_, found, err := ParseConfig([]byte(f.src(a.url)))
				if err != nil {
					t.Fatal(err)
				}
				got := strings.Join(brief(found), "; ")
				want := ""
				if !a.ok {
					want = f.at + " config.value"
				}
				if got != want {
					t.Fatalf("got %q, want %q (%v)", got, want, found)
				}
				if !a.ok && !strings.Contains(found[0].Message, f.key) {
					t.Errorf("the message %q does not name %s", found[0].Message, f.key)
				}
			})
		}
	}
}

// quote writes s as a YAML double-quoted string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`).Replace(s) + `"`
}
