package readability

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// handCounted reads testdata files of words counted by hand: sections in
// [brackets], then lines of "word count" or "word count|count".
type handCount struct {
	word    string
	section string
	want    []int
	line    int
}

func readHandCounted(t *testing.T, name string) []handCount {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []handCount
	section := ""
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		switch {
		case text == "" || strings.HasPrefix(text, "#"):
			continue
		case strings.HasPrefix(text, "["):
			section = strings.Trim(text, "[]")
			continue
		}
		f := strings.Fields(text)
		if len(f) != 2 {
			t.Fatalf("%s:%d: want \"word count\", got %q", name, line, text)
		}
		h := handCount{word: f[0], section: section, line: line}
		for c := range strings.SplitSeq(f[1], "|") {
			n, err := strconv.Atoi(c)
			if err != nil {
				t.Fatalf("%s:%d: %v", name, line, err)
			}
			h.want = append(h.want, n)
		}
		out = append(out, h)
	}
	return out
}

// errorRates counts the words Syllables gets wrong, by section, logging each.
func errorRates(t *testing.T, name string) map[string][2]int {
	rates := map[string][2]int{}
	for _, h := range readHandCounted(t, name) {
		got := Syllables(h.word)
		r := rates[h.section]
		r[1]++
		ok := false
		for _, w := range h.want {
			ok = ok || got == w
		}
		if !ok {
			r[0]++
			t.Logf("%s:%d: Syllables(%q) = %d, counted by hand %v", name, h.line, h.word, got, h.want)
		}
		rates[h.section] = r
	}
	return rates
}

// TestSyllables measures the counter against words counted by hand. It
// fails when more than 2% of either section is wrong; go test -v shows
// every miss and the rates.
func TestSyllables(t *testing.T) {
	for _, file := range []string{"testdata/syllables.txt", "testdata/heldout.txt"} {
		rates := errorRates(t, file)
		total := [2]int{}
		for _, section := range []string{"general", "medical"} {
			r := rates[section]
			total[0] += r[0]
			total[1] += r[1]
			t.Logf("%s [%s]: %d of %d wrong (%.1f%%)", file, section, r[0], r[1], 100*float64(r[0])/float64(r[1]))
			if r[1] == 0 {
				t.Errorf("%s has no [%s] words", file, section)
			} else if float64(r[0]) > 0.02*float64(r[1]) {
				t.Errorf("%s [%s]: %d of %d words wrong, more than 2%%", file, section, r[0], r[1])
			}
		}
		t.Logf("%s: %d of %d wrong (%.1f%%)", file, total[0], total[1], 100*float64(total[0])/float64(total[1]))
	}
}

// TestIssueWords pins the words the product names, each its own case.
func TestIssueWords(t *testing.T) {
	for _, tc := range []struct {
		word string
		want int
	}{
		// Dictionaries (Merriam-Webster an·ti·co·ag·u·lant, the CMU
		// pronouncing dictionary) give six: an-ti-co-ag-u-lant.
		{"anticoagulant", 6},
		{"hypertension", 4},
		{"diabetes", 4},
		{"paracetamol", 5},
		{"ibuprofen", 4},
		{"The", 1}, {"cat", 1}, {"mat", 1},
		{"", 0}, {"—", 0},
	} {
		if got := Syllables(tc.word); got != tc.want {
			t.Errorf("Syllables(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}
