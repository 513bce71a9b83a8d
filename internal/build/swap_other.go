//go:build !linux

package build

// exchange reports that this system cannot swap two folders in one step;
// the caller renames twice.
func exchange(tmp, dest string) (bool, error) { return false, nil }
