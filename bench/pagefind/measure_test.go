package main

import (
	"math"
	"strings"
	"testing"
	"time"
)

// TestPairAdds: what search adds is the median of the pairs' ratios, so
// that one pair slowed by other work on the machine does not move it.
func TestPairAdds(t *testing.T) {
	s := time.Second
	for _, c := range []struct {
		on, off []time.Duration
		want    float64
	}{
		{[]time.Duration{11 * s}, []time.Duration{10 * s}, 0.10},
		{[]time.Duration{11 * s, 30 * s, 12 * s}, []time.Duration{10 * s, 10 * s, 10 * s}, 0.20}, // one slowed pair
		{[]time.Duration{11 * s, 12 * s}, []time.Duration{10 * s, 10 * s}, 0.15},
		{nil, nil, 0},
	} {
		if got := pairAdds(c.on, c.off); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("pairAdds(%v, %v) = %v, want %v", c.on, c.off, got, c.want)
		}
	}
}

// TestSummary: the summary line gives both ratios against the goal.
func TestSummary(t *testing.T) {
	r := result{site: site{name: "1000 articles"}, wallAdds: 0.062, cpuAdds: 0.051, pairs: 3, load: [2]string{"4.10", "5.20"}}
	got := summary(r)
	for _, want := range []string{"1000 articles", "+6.2% to the build's wall time", "+5.1% to its CPU time", "3 pairs", "load average 4.10 to 5.20", "within the 15% goal"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	r.wallAdds = 0.2
	if got := summary(r); !strings.Contains(got, "over the 15% goal") {
		t.Errorf("summary %q, want over the goal", got)
	}
}
