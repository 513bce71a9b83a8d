//go:build !unix

package build

import (
	"io/fs"
	"os"
)

// newDirFS returns the files of the folder dir.
func newDirFS(dir string) fs.FS { return os.DirFS(dir) }

// writeFile writes data to the file at path, creating it with perm or
// emptying it first.
func writeFile(path string, data []byte, perm os.FileMode) error {
	return os.WriteFile(path, data, perm)
}
