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
)

// Marker is a file every build writes (GitHub Pages needs it). A folder
// that has it is taken to be an earlier build and may be replaced.
const Marker = ".nojekyll"

// Write replaces the folder dest with files (slash paths relative to dest),
// atomically: everything is written into a new folder beside dest through
// an os.Root, so that no path can escape it, and only when all of it is
// written does the new folder take dest's place. On any failure dest is
// left as it was. An existing dest must be empty or an earlier build.
func Write(dest string, files map[string][]byte) (err error) {
	if err := replaceable(dest); err != nil {
		return err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		return err
	}
	defer root.Close()
	names := slices.Sorted(maps.Keys(files))
	// Each folder is made once, parents first (sorted order puts "a"
	// before "a/b"); then the files are written in parallel.
	dirs := map[string]bool{}
	for _, name := range names {
		if !fs.ValidPath(name) || name == "." {
			return fmt.Errorf("refusing to write %q: not a path inside the destination", name)
		}
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := root.Mkdir(d, 0o755); err != nil {
			return err
		}
	}
	err = parallel(context.Background(), len(names), 0, func(i int) error {
		return root.WriteFile(names[i], files[names[i]], 0o644)
	})
	if err != nil {
		return err
	}
	return swap(tmp, dest)
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

// swap puts the finished folder tmp in dest's place and removes the old one.
func swap(tmp, dest string) error {
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
	return os.RemoveAll(old)
}
