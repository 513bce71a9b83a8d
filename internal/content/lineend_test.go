package content

import "testing"

func TestOddLineEnd(t *testing.T) {
	for _, c := range []struct {
		src  string
		off  int
		what string
	}{
		{"title: a\r\nb: c\r\n", -1, ""},
		{"title: £5 — a “quote”\n", -1, ""}, // other characters of the same first bytes
		{"title: a\rb: c\n", 8, "carriage return on its own"},
		{"title: a\r", 8, "carriage return on its own"},
		{"title: £\u0085b\n", 9, "next-line character (U+0085)"},
		{"title: —\u2028\n", 10, "line separator (U+2028)"},
		{"title: a\u2029\n", 8, "paragraph separator (U+2029)"},
	} {
		off, what := oddLineEnd([]byte(c.src))
		if off != c.off || what != c.what {
			t.Errorf("oddLineEnd(%q) = %d, %q; want %d, %q", c.src, off, what, c.off, c.what)
		}
	}
}
