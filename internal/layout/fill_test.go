package layout

import (
	"math/rand/v2"
	"testing"
)

// fillByPattern is fill as the placeholder pattern writes it, to check
// the quicker fill against.
func fillByPattern(text string, args []string) (string, string) {
	missing := ""
	out := placeholder.ReplaceAllStringFunc(text, func(m string) string {
		name := m[1 : len(m)-1]
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == name {
				return args[i+1]
			}
		}
		if missing == "" {
			missing = name
		}
		return m
	})
	return out, missing
}

func TestFillAsPattern(t *testing.T) {
	cases := []string{"", "plain", "{site}", "Hi {site}, {site}", "{{site}}", "{ab{site}", "{Site} {1a} {a_b} {a-1} {}", "{unknown} {site} {x", "{day} {month} {year}", "{site}{site}"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("{}sitea-1Z_ ")
	for range 20000 {
		b := make([]byte, r.IntN(16))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	args := []string{"site", "S{a}", "a", "A", "day", "4"}
	for _, text := range cases {
		got, gotMissing := fill(text, args)
		want, wantMissing := fillByPattern(text, args)
		if got != want || gotMissing != wantMissing {
			t.Fatalf("fill(%q) = %q, %q; want %q, %q", text, got, gotMissing, want, wantMissing)
		}
	}
}
