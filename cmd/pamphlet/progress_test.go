package main

import (
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/build"
)

// fakeClock is a clock whose ticks the test sends.
type fakeClock struct {
	now   time.Time
	ticks chan time.Time
}

func (c *fakeClock) Now() time.Time { return c.now }
func (c *fakeClock) Ticker(time.Duration) (<-chan time.Time, func()) {
	return c.ticks, func() {}
}

// fakeTerminal keeps what is written to it, each write apart.
type fakeTerminal struct {
	mu     sync.Mutex
	writes []string
}

func (t *fakeTerminal) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.writes = append(t.writes, string(p))
	return len(p), nil
}

func TestProgressLine(t *testing.T) {
	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c := &fakeClock{now: start, ticks: make(chan time.Time)}
	term := &fakeTerminal{}
	pr := &build.Progress{}
	stop := showProgress(term, 80, pr, c, time.Second)
	// A tick is taken only once the one before is shown, so after each
	// send the one before is written.
	tick := func(after time.Duration) { c.ticks <- start.Add(after) }

	tick(100 * time.Millisecond) // within the first second: nothing
	pr.Pages.Store(3)
	pr.Read.Store(3)
	tick(900 * time.Millisecond)
	tick(time.Second)             // shown from now
	tick(1100 * time.Millisecond) // unchanged: not written again
	pr.Parsed.Store(3)
	pr.Checked.Store(2)
	pr.Written.Store(1)
	tick(1200 * time.Millisecond)
	stop()
	stop() // a second stop does nothing

	want := []string{
		"\rpamphlet: 3 pages: 3 read, 0 parsed, 0 checked; 0 files written\x1b[K",
		"\rpamphlet: 3 pages: 3 read, 3 parsed, 2 checked; 1 file written\x1b[K",
		"\r\x1b[K",
	}
	if got := term.writes; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("writes:\ngot  %q\nwant %q", got, want)
	}
}

func TestProgressQuick(t *testing.T) {
	// Work done within the delay shows nothing, and clears nothing.
	c := &fakeClock{now: time.Now(), ticks: make(chan time.Time)}
	term := &fakeTerminal{}
	stop := showProgress(term, 80, &build.Progress{}, c, time.Second)
	c.ticks <- c.now.Add(500 * time.Millisecond)
	stop()
	if len(term.writes) != 0 {
		t.Errorf("writes: got %q, want none", term.writes)
	}
}

func TestProgressNarrow(t *testing.T) {
	// On a narrow terminal the line is cut short of the last column, so
	// that it never wraps, which would leave each rewrite on a line of
	// its own; with no delay it shows at once.
	c := &fakeClock{now: time.Now(), ticks: make(chan time.Time)}
	term := &fakeTerminal{}
	pr := &build.Progress{}
	pr.Pages.Store(10000)
	stop := showProgress(term, 22, pr, c, 0)
	stop()
	want := []string{"\rpamphlet: 10000 pages\x1b[K", "\r\x1b[K"}
	if strings.Join(term.writes, "|") != strings.Join(want, "|") {
		t.Errorf("writes:\ngot  %q\nwant %q", term.writes, want)
	}
}

func TestProgressNoTerminal(t *testing.T) {
	// A file, a pipe and a writer that is no file are no terminal.
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []io.Writer{f, w, &fakeTerminal{}} {
		if pr, stop := startProgress(out); pr != nil {
			stop()
			t.Errorf("%T: progress shown on no terminal", out)
		}
	}
}
