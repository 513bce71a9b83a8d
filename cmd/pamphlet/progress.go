package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/build"
)

// Progress on a terminal: a build or check that takes longer than
// progressDelay shows one line on stderr, rewritten in place, of the
// pages read, parsed and checked and the files written, and clears it
// when it is done, before any finding is printed. In CI, on a dumb
// terminal, or when stderr is not a terminal nothing is shown.
const (
	progressDelay = time.Second            // nothing is shown for work done sooner
	progressEvery = 100 * time.Millisecond // how often the line is rewritten
)

// clock is the time the progress line goes by; a test gives its own.
type clock interface {
	Now() time.Time
	// Ticker returns a channel that receives the time every d, and a
	// function that stops it.
	Ticker(d time.Duration) (<-chan time.Time, func())
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }
func (realClock) Ticker(d time.Duration) (<-chan time.Time, func()) {
	t := time.NewTicker(d)
	return t.C, t.Stop
}

// progressTerminal returns the terminal to show progress on, with its
// width in columns (0 when unknown), or nil when stderr is no terminal,
// when $CI is set, or when $TERM is "dumb" (it cannot clear a line).
func progressTerminal(stderr io.Writer) (io.Writer, int) {
	f, ok := stderr.(*os.File)
	if !ok || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil, 0
	}
	width, ok := terminalWidth(f)
	if !ok {
		return nil, 0
	}
	return f, width
}

// progressWait is how long work runs before its progress is shown:
// progressDelay, or $PAMPHLET_PROGRESS_DELAY seconds (as Git's
// GIT_PROGRESS_DELAY; 0 shows it at once).
func progressWait() time.Duration {
	if s := os.Getenv("PAMPHLET_PROGRESS_DELAY"); s != "" {
		if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 0 {
			return time.Duration(n * float64(time.Second))
		}
	}
	return progressDelay
}

// startProgress shows pr on stderr when it is a terminal (see
// progressTerminal) and returns the function that stops showing it and
// clears the line; it must be called before anything else is written to
// stderr. With no terminal, it does nothing and pr is nil, which a build
// takes as nothing to count.
func startProgress(stderr io.Writer) (pr *build.Progress, stop func()) {
	term, width := progressTerminal(stderr)
	if term == nil {
		return nil, func() {}
	}
	pr = &build.Progress{}
	return pr, showProgress(term, width, pr, realClock{}, progressWait())
}

// showProgress rewrites the progress line of pr on w every progressEvery,
// from delay after it starts, until the returned function is called,
// which clears the line and returns once nothing more is written.
func showProgress(w io.Writer, width int, pr *build.Progress, c clock, delay time.Duration) func() {
	l := &progressLine{w: w, width: width, pr: pr, from: c.Now().Add(delay)}
	ticks, stopTicker := c.Ticker(progressEvery)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		if delay <= 0 {
			l.show(c.Now())
		}
		for {
			select {
			case now := <-ticks:
				l.show(now)
			case <-done:
				return
			}
		}
	})
	var once sync.Once
	return func() {
		once.Do(func() {
			stopTicker()
			close(done)
			wg.Wait()
			l.clear()
		})
	}
}

// progressLine is the line on the terminal; only its goroutine uses it
// until it is stopped.
type progressLine struct {
	w     io.Writer
	width int
	pr    *build.Progress
	from  time.Time // nothing is shown before
	shown string    // the text on the terminal now, "" for none
}

// show writes the line as it is at now, when it is time to and the text
// changed: a carriage return, the text, and an erase to the end of the
// line, so a shorter text leaves nothing of a longer one.
func (l *progressLine) show(now time.Time) {
	if now.Before(l.from) {
		return
	}
	text := progressText(l.pr)
	if l.width > 1 && len(text) > l.width-1 {
		text = text[:l.width-1] // a line that wraps cannot be rewritten in place
	}
	if text == l.shown {
		return
	}
	io.WriteString(l.w, "\r"+text+"\x1b[K")
	l.shown = text
}

// clear erases the line, if one is shown.
func (l *progressLine) clear() {
	if l.shown != "" {
		io.WriteString(l.w, "\r\x1b[K")
		l.shown = ""
	}
}

// progressText says how far the work has got, such as "pamphlet: 5060
// pages: 5060 read, 5060 parsed, 1216 checked; 0 files written".
func progressText(pr *build.Progress) string {
	n := pr.Pages.Load()
	if n == 0 {
		return "pamphlet: finding the pages"
	}
	return fmt.Sprintf("pamphlet: %d pages: %d read, %d parsed, %d checked; %s written",
		n, pr.Read.Load(), pr.Parsed.Load(), pr.Checked.Load(), count(int(pr.Written.Load()), "file", "files"))
}
