//go:build unix

package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// readFile and writeFile read and write a whole file in as few system
// calls as they can: os.Open and os.Create also try every file they open
// in the runtime's poller, which a regular file refuses, and set it to
// non-blocking and back (five more calls a file: a build of 10,000
// articles opens some 45,000 files).

// readFile reads the whole file at path.
func readFile(path string) ([]byte, error) {
	fd, err := retry(func() (int, error) { return unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	data := make([]byte, 0, max(int(st.Size)+1, 512))
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := retry(func() (int, error) { return unix.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

// writeFile writes data to the file at path, creating it with perm or
// emptying it first.
func writeFile(path string, data []byte, perm os.FileMode) error {
	fd, err := retry(func() (int, error) {
		return unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, uint32(perm.Perm()))
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := retry(func() (int, error) { return unix.Write(fd, data) })
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// retry makes a system call again for as long as a signal interrupts it.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if !errors.Is(err, unix.EINTR) {
			return n, err
		}
	}
}

// dirFS is os.DirFS of a folder, but that reads a whole file with
// readFile: a build reads each page's file two or three times (see Read
// and whole).
type dirFS struct {
	os  dirFSMethods // os.DirFS(dir)
	dir string
}

// dirFSMethods are the methods of os.DirFS that dirFS hands on.
type dirFSMethods interface {
	fs.StatFS
	fs.ReadDirFS
	fs.ReadLinkFS // so that fs.Lstat tells a symlink, which content refuses
}

// newDirFS returns the files of the folder dir, as os.DirFS does.
func newDirFS(dir string) fs.FS {
	d, ok := os.DirFS(dir).(dirFSMethods)
	if !ok {
		return os.DirFS(dir)
	}
	return dirFS{os: d, dir: dir}
}

func (d dirFS) Open(name string) (fs.File, error)          { return d.os.Open(name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return d.os.Stat(name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return d.os.ReadDir(name) }
func (d dirFS) Lstat(name string) (fs.FileInfo, error)     { return d.os.Lstat(name) }
func (d dirFS) ReadLink(name string) (string, error)       { return d.os.ReadLink(name) }

// ReadFile reads a whole file, as os.DirFS does: its errors name the
// file by its slash path in the folder.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	data, err := readFile(filepath.Join(d.dir, filepath.FromSlash(name)))
	if e, ok := err.(*fs.PathError); ok {
		e.Path = name
	}
	return data, err
}
