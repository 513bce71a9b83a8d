//go:build !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd

package main

import "os"

// terminalWidth reports that f is no terminal: on this system pamphlet
// shows no progress line.
func terminalWidth(f *os.File) (int, bool) { return 0, false }
