package build

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders tmp and dest in one step, so that dest is
// never missing: afterwards tmp holds the previous build. It reports false
// when the system or file system cannot, and the caller falls back to two
// renames.
func exchange(tmp, dest string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOENT):
		// An old kernel, a file system without exchange, or no previous
		// build to exchange with.
		return false, nil
	}
	return false, err
}
