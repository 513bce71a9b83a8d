//go:build unix

package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir holds an exclusive lock on the open folder f until it is closed
// or the process ends, however it ends, so that a later build can tell the
// folder of a build still running from the leftover of one that was
// killed.
func lockDir(f *os.File) error {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
}
