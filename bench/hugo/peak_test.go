//go:build !race

// The race detector's shadow memory stays resident whatever the program
// returns, so this test runs without it.

package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestForgetPeak: a tool's peak memory is its own, not this program's,
// however much more this program held before it started the tool.
func TestForgetPeak(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the peak a child inherits is Linux's (vfork)")
	}
	held := make([]byte, 256<<20)
	for i := range held {
		held[i] = 1 // resident
	}
	held = nil
	tl := tool{args: []string{os.Args[0], "-test.run=^$"}, dest: filepath.Join(t.TempDir(), "out")}
	m, err := tl.build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if m.peak == 0 || m.peak > 128<<20 {
		t.Errorf("the tool's peak is %d MB; it holds far less than the 256 MB this test held", m.peak>>20)
	}
}
