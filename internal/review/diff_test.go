package review

import (
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	lines := func(s string) []string { return strings.Split(s, " ") }
	tests := []struct {
		name, a, b, want string
	}{
		{"same", "a b c", "a b c", ""},
		{"change in the middle", "a b c d e f g h i", "a b c d X f g h i", "@@ -4,3 +4,3 @@\n d\n-e\n+X\n f\n"},
		{"insert at the start", "a b", "X a b", "@@ -1,1 +1,2 @@\n+X\n a\n"},
		{"delete at the end", "a b c", "a b", "@@ -2,2 +2,1 @@\n b\n-c\n"},
		{"two hunks", "1 2 3 4 5 6 7 8 9 10 11 12", "X 2 3 4 5 6 7 8 9 10 11 Y", "@@ -1,2 +1,2 @@\n-1\n+X\n 2\n@@ -11,2 +11,2 @@\n 11\n-12\n+Y\n"},
	}
	for _, tt := range tests {
		got := Diff("old", "new", lines(tt.a), lines(tt.b), 1)
		want := tt.want
		if want != "" {
			want = "--- old\n+++ new\n" + want
		}
		if got != want {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", tt.name, got, want)
		}
	}
}
