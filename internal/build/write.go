package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/parallel"
)

// Marker is a file every build writes (GitHub Pages needs it). A folder
// that has it is taken to be an earlier build and may be replaced.
const Marker = ".nojekyll"

// Write replaces the folder dest with files (slash paths relative to dest),
// atomically: see writer.
func Write(dest string, files map[string][]byte) (err error) {
	w, err := newWriter(dest)
	if err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(files))
	err = parallel.For(context.Background(), len(names), 0, func(i int) error {
		return w.file(names[i], files[names[i]])
	})
	if err != nil {
		w.abort()
		return err
	}
	return w.commit()
}

// writer replaces a folder with new files atomically: it writes them into
// a new folder beside the destination, and only when all of them are
// written does commit put the new folder in the destination's place. The
// new folder is the build's own: made afresh, writable by its user alone,
// and holding only the folders and files the writer makes, never a link,
// so a path inside it (fs.ValidPath) cannot lead out of it. Each file is
// opened by its path, in one system call, rather than through an os.Root,
// which opens each folder of the path in turn: three opens for each page
// rather than one, on disks where each costs a tenth of a millisecond.
// Until then, and after abort, the destination is as it was. Files may
// be written from several goroutines at once, as they are made, so a
// build need not hold them all.
//
// The new folder is named .DEST.new-* and locked while the build runs; a
// build killed before it finishes leaves it behind, and the next build
// removes it (see removeLeftovers).
type writer struct {
	dest, tmp string
	lock      *os.File // tmp, open and locked
	mu        sync.Mutex
	dirs      map[string]*made // the folders of tmp, by slash path
}

// leftoverPrefix begins the names of the folders a build of dest writes
// into before they take dest's place.
func leftoverPrefix(dest string) string {
	return "." + filepath.Base(dest) + ".new-"
}

// newWriter starts replacing dest, which must be missing, empty or an
// earlier build.
func newWriter(dest string) (_ *writer, err error) {
	if err := replaceable(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeLeftovers(dest)
	tmp, err := os.MkdirTemp(parent, leftoverPrefix(dest))
	if err != nil {
		return nil, err
	}
	lock, err := os.Open(tmp)
	if err == nil {
		err = lockDir(lock)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
			if lock != nil {
				lock.Close()
			}
		}
	}()
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &writer{dest: dest, tmp: tmp, lock: lock, dirs: map[string]*made{}}, nil
}

// removeLeftovers removes what builds of dest that were killed before they
// finished left beside it: folders named .DEST.new-*, never a symlink or a
// file, and never one that a running build holds locked.
func removeLeftovers(dest string) {
	parent, prefix := filepath.Dir(dest), leftoverPrefix(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		p := filepath.Join(parent, e.Name())
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		if lockDir(f) == nil {
			os.RemoveAll(p)
		}
		f.Close()
	}
}

// file writes one file, making its folders first.
func (w *writer) file(name string, data []byte) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("refusing to write %q: not a path inside the destination", name)
	}
	if err := w.mkdir(path.Dir(name)); err != nil {
		return err
	}
	return writeFile(w.path(name), data, 0o644)
}

// path returns where a file of the new folder is, by its slash path.
func (w *writer) path(name string) string {
	return filepath.Join(w.tmp, filepath.FromSlash(name))
}

// mkdir makes a folder, after its parent, once however many files of it
// are written at once.
func (w *writer) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	w.mu.Lock()
	d := w.dirs[dir]
	if d == nil {
		d = &made{}
		w.dirs[dir] = d
	}
	w.mu.Unlock()
	d.once.Do(func() {
		if d.err = w.mkdir(path.Dir(dir)); d.err == nil {
			d.err = os.Mkdir(w.path(dir), 0o755)
		}
	})
	return d.err
}

// made is a folder that a writer makes once.
type made struct {
	once sync.Once
	err  error
}

// commit puts the new folder in the destination's place.
func (w *writer) commit() error {
	defer w.lock.Close()
	if err := swap(w.tmp, w.dest); err != nil {
		os.RemoveAll(w.tmp)
		return err
	}
	return nil
}

// abort removes the new folder, leaving the destination as it was.
func (w *writer) abort() {
	os.RemoveAll(w.tmp)
	w.lock.Close()
}

// replaceable refuses a destination that is neither missing, empty, nor an
// earlier build, so a mistyped -dest cannot wipe out someone's files.
func replaceable(dest string) error {
	entries, err := os.ReadDir(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("destination: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil {
		return nil
	}
	return fmt.Errorf("destination %s has files but is not an earlier pamphlet build (no %s); remove it or choose another -dest", dest, Marker)
}

// swap puts the finished folder tmp in dest's place and removes the old
// one. Where the system can, the two change places in one step, so that
// there is no moment without dest; elsewhere the old folder is renamed
// aside first. Once the new folder is in place, failing to remove the old
// one is no error: it is a leftover that the next build removes.
func swap(tmp, dest string) error {
	switch ok, err := exchange(tmp, dest); {
	case err != nil:
		return err
	case ok:
		os.RemoveAll(tmp) // now the previous build
		return nil
	}
	old := tmp + ".old"
	if err := os.Rename(dest, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		if rerr := os.Rename(old, dest); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return fmt.Errorf("%w (and restoring the previous build failed: %v)", err, rerr)
		}
		return err
	}
	os.RemoveAll(old)
	return nil
}
