package build

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// destination returns the real path of the destination folder and refuses
// one that would replace the site's own files: a destination that is the
// site, holds it, or lies inside one of its source folders. Both the site
// and the destination are resolved through every symlink first, so a link
// cannot hide the site from the check; the build then writes to the real
// path it checked.
func destination(opts Options) (string, error) {
	src, err := realPath(cmp.Or(opts.Source, "."))
	if err != nil {
		return "", fmt.Errorf("site folder: %w", err)
	}
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	real, err := realPath(dest)
	if err != nil {
		return "", fmt.Errorf("destination %s: %w", dest, err)
	}
	shown := dest
	if real != dest {
		shown = fmt.Sprintf("%s (%s)", dest, real)
	}
	suggest := filepath.Join(src, "public")
	if within(src, real) {
		return "", fmt.Errorf("destination %s holds the site itself; choose a folder such as %s", shown, suggest)
	}
	for _, d := range []string{content.ContentDir, "layouts", "assets"} {
		dir, err := realPath(filepath.Join(src, d))
		if err != nil {
			return "", fmt.Errorf("site folder: %w", err)
		}
		if within(real, dir) {
			return "", fmt.Errorf("destination %s is inside the site's %s/ folder; choose a folder such as %s", shown, d, suggest)
		}
	}
	return real, nil
}

// realPath returns the absolute path that p names once every symlink in it
// is followed, component by component as the system does: "link/.." is
// the folder above the link's target, not the folder holding the link.
// Components that do not exist yet are kept as written, since a missing
// name cannot be a link.
func realPath(p string) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + string(filepath.Separator) + p
	}
	vol := filepath.VolumeName(p)
	links := 0
	return resolve(vol+string(filepath.Separator), p[len(vol):], &links)
}

// maxLinks bounds the symlinks followed in one path, as the system does.
const maxLinks = 255

// resolve follows rest, a path relative to the real folder dir, and returns
// the real path it names; links counts the symlinks followed so far.
func resolve(dir, rest string, links *int) (string, error) {
	parts := strings.FieldsFunc(rest, func(r rune) bool { return os.IsPathSeparator(uint8(r)) })
	missing := false
	for i, part := range parts {
		switch {
		case part == ".":
			continue
		case part == "..":
			dir = filepath.Dir(dir)
			continue
		case missing:
			dir = filepath.Join(dir, part)
			continue
		}
		next := filepath.Join(dir, part)
		info, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = true
			dir = next
			continue
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink == 0:
			dir = next
			continue
		}
		if *links++; *links > maxLinks {
			return "", fmt.Errorf("%s: too many levels of symbolic links", next)
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		base := dir
		if filepath.IsAbs(target) {
			vol := filepath.VolumeName(target)
			base, target = vol+string(filepath.Separator), target[len(vol):]
		}
		if dir, err = resolve(base, target, links); err != nil {
			return "", err
		}
		if i < len(parts)-1 {
			if info, err := os.Stat(dir); err == nil && !info.IsDir() {
				return "", fmt.Errorf("%s is not a folder", next)
			}
		}
	}
	return dir, nil
}
