package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches the site's folders, every folder in them, and folders
// made later, and reports changes as slash paths from the site folder.
type watcher struct {
	root   string
	watch  []string               // slash paths from root
	ignore func(name string) bool // file and folder names passed over
	fsw    *fsnotify.Watcher

	mu     sync.Mutex
	failed error
}

func newWatcher(root string, watch []string, ignore func(name string) bool) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	root, err = filepath.Abs(root)
	if err != nil {
		fsw.Close()
		return nil, err
	}
	if ignore == nil {
		ignore = func(string) bool { return false }
	}
	w := &watcher{root: root, fsw: fsw, ignore: ignore}
	for _, p := range watch {
		w.watch = append(w.watch, filepath.ToSlash(filepath.Clean(p)))
	}
	// The site folder itself, for pamphlet.yaml and for watched folders
	// made after the server starts.
	if err := fsw.Add(root); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, p := range w.watch {
		if err := w.addTree(filepath.Join(root, filepath.FromSlash(p))); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches a folder and every folder in it; a file or a missing
// path is left alone.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while walking
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && w.ignore(d.Name()) {
			return filepath.SkipDir
		}
		return w.fsw.Add(p)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// relevant returns the slash path from the site folder of a changed path,
// and whether it is one of the watched paths or in one, and not passed
// over (such as an editor's temporary file).
func (w *watcher) relevant(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	for _, part := range strings.Split(rel, "/") {
		if w.ignore(part) {
			return "", false
		}
	}
	for _, p := range w.watch {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return rel, true
		}
	}
	return "", false
}

// batches sends the paths changed in each burst of changes once the files
// have been quiet for the given time, or for at most 20 times that when
// changes keep coming. A burst that overflows the system's queue of
// changes sends nil: everything may have changed.
func (w *watcher) batches(ctx context.Context, quiet time.Duration) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		var pending []string
		overflow := false
		var timer <-chan time.Time
		var first time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.fsw.Events:
				if !ok {
					return
				}
				if ev.Op == fsnotify.Chmod {
					continue
				}
				rel, ok := w.relevant(ev.Name)
				if !ok {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
						// Watch the new folder, and what was made in it
						// before the watch began.
						if err := w.addTree(ev.Name); err != nil {
							w.fail(err)
							return
						}
					}
				}
				if !slices.Contains(pending, rel) {
					pending = append(pending, rel)
				}
			case err, ok := <-w.fsw.Errors:
				if !ok {
					return
				}
				if !errors.Is(err, fsnotify.ErrEventOverflow) {
					w.fail(err)
					return
				}
				overflow = true
			case <-timer:
				batch := pending
				if overflow {
					batch = nil
				}
				pending, overflow, timer = nil, false, nil
				select {
				case out <- batch:
				case <-ctx.Done():
					return
				}
				continue
			}
			// Something changed: wait for quiet, but not for ever.
			if timer == nil {
				first = time.Now()
			}
			wait := quiet
			if left := 20*quiet - time.Since(first); left < wait {
				wait = max(left, 0)
			}
			timer = time.After(wait)
		}
	}()
	return out
}

func (w *watcher) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.failed = err
}

// err is why the watcher stopped, if it failed.
func (w *watcher) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failed
}

func (w *watcher) close() { w.fsw.Close() }
