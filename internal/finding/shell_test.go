package finding

import "testing"

func TestShellArg(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"content/articles/flu-jab.md", "content/articles/flu-jab.md"},
		{"content/articles/flu jab.md", "'content/articles/flu jab.md'"},
		{"content/articles/don't.md", `'content/articles/don'\''t.md'`},
		{"content/a$HOME.md", "'content/a$HOME.md'"},
		{"content/a;rm -rf.md", "'content/a;rm -rf.md'"},
		{"content/*.md", "'content/*.md'"},
		{"~/site", "'~/site'"},
		{"content/vacunación.md", "content/vacunación.md"},
		{"content/a\u00a0b.md", "'content/a\u00a0b.md'"}, // a no-break space is no letter
		{"", "''"},
	} {
		if got := ShellArg(tc.in); got != tc.want {
			t.Errorf("ShellArg(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
