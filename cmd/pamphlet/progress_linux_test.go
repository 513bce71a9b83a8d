package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its two ends: what is
// written to the terminal end can be read from the other.
func openPTY(t *testing.T) (reader, terminal *os.File) {
	t.Helper()
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	reader = os.NewFile(uintptr(fd), "/dev/ptmx")
	t.Cleanup(func() { reader.Close() })
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skipf("unlocking the pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skipf("naming the pseudo-terminal: %v", err)
	}
	terminal, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { terminal.Close() })
	return reader, terminal
}

// TestProgressTerminal runs pamphlet build and check with stderr on a
// real (pseudo-)terminal: the progress line shows, and is cleared before
// the findings; with $CI set it does not show.
func TestProgressTerminal(t *testing.T) {
	reader, terminal := openPTY(t)
	var got bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&got, reader); close(copied) }()

	site := filepath.Join(t.TempDir(), "site")
	if code := run(context.Background(), []string{"new", "site", site}, io.Discard, io.Discard); code != 0 {
		t.Fatalf("new site: exit %d", code)
	}
	t.Setenv("PAMPHLET_PROGRESS_DELAY", "0")
	t.Setenv("TERM", "xterm")
	t.Setenv("CI", "")
	var out bytes.Buffer
	for _, args := range [][]string{{"build", "-source", site}, {"check", "-source", site}} {
		if code := run(context.Background(), args, &out, terminal); code != 0 {
			t.Fatalf("%s: exit %d", args[0], code)
		}
	}
	t.Setenv("CI", "true")
	if code := run(context.Background(), []string{"check", "-source", site}, &out, terminal); code != 0 {
		t.Fatalf("check in CI: exit %d", code)
	}
	terminal.Close()
	<-copied
	text := got.String()
	if n := strings.Count(text, "\r\x1b[K"); n != 2 {
		t.Errorf("the line was cleared %d times, want 2 (build and check, not in CI):\n%q", n, text)
	}
	// What the line says depends on how far the work got by the first
	// tick (TestProgressLine holds the words); a line is shown, then
	// cleared.
	if n := strings.Count(text, "\rpamphlet: "); n < 2 {
		t.Errorf("%d progress lines on the terminal, want one for build and one for check at least:\n%q", n, text)
	}
	// Each clear comes before the command's own last message.
	for _, part := range strings.Split(text, "\r\x1b[K")[1:] {
		if !strings.Contains(part, "pamphlet: ") {
			t.Errorf("nothing printed after the line was cleared: %q", part)
		}
	}
}
