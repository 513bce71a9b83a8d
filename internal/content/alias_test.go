package content

import (
	"strings"
	"testing"
)

func TestParseAlias(t *testing.T) {
	for _, tc := range []struct {
		in, path, out string
		err           string // part of the error; "" for none
	}{
		{in: "/flu/", path: "/flu/", out: "flu/index.html"},
		{in: "/flu", path: "/flu", out: "flu/index.html"},
		{in: "/flu/index.html", path: "/flu/index.html", out: "flu/index.html"},
		{in: "/flu/index.htm", path: "/flu/index.htm", out: "flu/index.htm"},
		{in: "/leaflets/flu.html", path: "/leaflets/flu.html", out: "leaflets/flu.html"},
		{in: "/Leaflets/FLU.HTM", path: "/Leaflets/FLU.HTM", out: "Leaflets/FLU.HTM"},
		{in: "/", path: "/", out: "index.html"},
		{in: "/vacunaci%C3%B3n/", path: "/vacunación/", out: "vacunación/index.html"},
		{in: "/vacunación/", path: "/vacunación/", out: "vacunación/index.html"},
		{in: "", err: "cannot be empty"},
		{in: "flu/", err: "must start with /, as an address of this site from its root; write /flu/"},
		{in: "https://old.example.org/flu/", err: "cannot name a host"},
		{in: "//old.example.org/flu/", err: "cannot name a host"},
		{in: "/\\old.example.org/", err: "cannot name a host"},
		{in: "/flu/?from=leaflet", err: "query string"},
		{in: "/flu/#top", err: "#fragment"},
		{in: "/a/../../etc/", err: ". or .. parts"},
		{in: "/a/./b/", err: ". or .. parts"},
		{in: "/a%2F..%2Fb/", err: "escaped slash"},
		{in: "/a/%2e%2e/b/", err: ". or .. parts"},
		{in: "/a//b/", err: "two slashes"},
		{in: "/flu jab/", err: "spaces"},
		{in: "/flu%0A/", err: "spaces or control"},
		{in: "/flu%zz/", err: "starts no escape"},
		{in: "/a\\b/", err: "backslash"},
		{in: "/leaflets/flu.pdf", err: "a host would serve /leaflets/flu.pdf as a .pdf file"},
		{in: "/sitemap.xml", err: "ends in / or .html"},
	} {
		p, out, err := ParseAlias(tc.in)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("ParseAlias(%q): %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseAlias(%q) = %q, %q, %v; want an error with %q", tc.in, p, out, err, tc.err)
		case tc.err == "" && (p != tc.path || out != tc.out):
			t.Errorf("ParseAlias(%q) = %q, %q; want %q, %q", tc.in, p, out, tc.path, tc.out)
		}
	}
}

// FuzzParseAlias: an alias ParseAlias accepts is written inside the
// destination, to a file under a folder (never .. or an absolute path).
func FuzzParseAlias(f *testing.F) {
	for _, s := range []string{"/flu/", "/a/../b", "/x.html", "/%2e%2e/", "//h/", "/a\\..\\b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, out, err := ParseAlias(s)
		if err != nil {
			return
		}
		if out == "" || strings.HasPrefix(out, "/") || strings.Contains(out, "\\") {
			t.Fatalf("ParseAlias(%q) writes %q", s, out)
		}
		for _, part := range strings.Split(out, "/") {
			if part == "" || part == "." || part == ".." {
				t.Fatalf("ParseAlias(%q) writes %q", s, out)
			}
		}
	})
}
