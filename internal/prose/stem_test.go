package prose

import "testing"

func TestStem(t *testing.T) {
	// Each group holds forms of one word, which must stem alike.
	groups := [][]string{
		{"tablet", "tablets"},
		{"reduce", "reduces", "reduced", "reducing"},
		{"allergy", "allergies"},
		{"stop", "stops", "stopped", "stopping"},
		{"take", "takes", "taking"},
		{"cause", "causes", "caused", "causing"},
		{"virus", "viruses"},
		{"artery", "arteries"},
		{"lower", "lowers", "lowered", "lowering"},
		{"use", "uses", "used", "using"},
		{"dose", "doses", "dosing"},
		{"child's", "child"},
		{"knee", "knees"},
		{"patch", "patches"},
		{"relieve", "relieves", "relieved", "relieving"},
	}
	for _, g := range groups {
		want := Stem(g[0])
		for _, w := range g[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
	// Words that must not lose an ending that is part of them.
	for _, w := range []string{"diagnosis", "serious", "less", "bring", "need", "its", "virus"} {
		if got := Stem(w); got != w {
			t.Errorf("Stem(%q) = %q, want it unchanged", w, got)
		}
	}
}
