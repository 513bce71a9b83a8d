package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Files lists, in lexical order, the files in the folder dir of fsys
// (content/ or one of its folders) and below it that Load looks at, with
// hidden and temporary files and folders passed over. Classify says what
// each is.
func Files(fsys fs.FS, dir string) ([]string, error) {
	entries, err := walk(fsys, dir)
	files := make([]string, len(entries))
	for i, e := range entries {
		files[i] = e.path
	}
	return files, err
}

// entry is a file that walk found, with the type its folder gives it.
type entry struct {
	path string
	mode fs.FileMode
}

// walk lists the files of Files, each with its type.
func walk(fsys fs.FS, dir string) ([]entry, error) {
	var files []entry
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, entry{p, d.Type()})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	return files, nil
}

// FileKind is what a file under content/ is to the build.
type FileKind int

const (
	GoneFile   FileKind = iota // not there (any more)
	PageFile                   // a page: Markdown
	StaticFile                 // a file published as it is, such as an image
	StrayFile                  // a file never published, and reported
)

// Classify says what a file under content/ is, and for a stray why it is
// not published. Only the first bytes of a file are read.
func Classify(fsys fs.FS, file string) (kind FileKind, why string, err error) {
	info, err := fs.Lstat(fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return GoneFile, "", nil
	case err != nil:
		return 0, "", err
	case info.IsDir():
		return GoneFile, "", nil
	}
	return classify(fsys, file, info.Mode().Type())
}

// classify is Classify for a file whose type is known.
func classify(fsys fs.FS, file string, mode fs.FileMode) (kind FileKind, why string, err error) {
	if why := StrayName(path.Base(file)); why != "" {
		return StrayFile, why, nil
	}
	switch {
	case mode&fs.ModeSymlink != 0:
		return StrayFile, StraySymlink, nil
	case !mode.IsRegular():
		return StrayFile, StrayIrregular, nil
	case IsMarkdown(file):
		return PageFile, "", nil
	}
	front, err := HoldsFrontMatter(fsys, file)
	if err != nil {
		return 0, "", err
	}
	if front {
		return StrayFile, StrayFrontMatter, nil
	}
	return StaticFile, "", nil
}

// Stray is a file under content/ that is not published, and why.
type Stray struct {
	File string
	Why  string // one of the Stray* reasons
}

// Why a stray is not published.
const (
	StrayBackup      = "is an editor's backup or a merge leftover"
	StraySymlink     = "is a symbolic link, which pamphlet does not follow (copy the file here instead)"
	StrayIrregular   = "is not a regular file"
	StrayFrontMatter = "holds front matter but is not a .md page (rename it to .md to publish it as a page)"
)

// Finding is the content.stray warning for a stray.
func (s Stray) Finding() finding.Finding {
	fate := "published" // a file of content/
	if !strings.HasPrefix(s.File, ContentDir+"/") {
		fate = "used" // a layout or an asset
	}
	return finding.Finding{
		Position: finding.Position{File: s.File},
		Rule:     "content.stray", Severity: finding.Warning,
		Message: fmt.Sprintf("this file %s, so it is not %s", s.Why, fate),
	}
}

// StrayName returns why a file is never published by its name alone, or
// "": backups that editors and merge tools leave beside the files they
// change (name.orig, .rej, .bak, name~, #name#, .#name, .name.swp).
func StrayName(name string) string {
	for _, suffix := range []string{".orig", ".rej", ".bak", "~", ".swp", ".swo"} {
		if strings.HasSuffix(name, suffix) {
			return StrayBackup
		}
	}
	if strings.HasPrefix(name, ".#") || len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") {
		return StrayBackup
	}
	return ""
}

// HoldsFrontMatter reports whether a file begins with YAML or TOML front
// matter: a first line of --- or +++ that a later line closes. Only the
// first bytes of other files are read.
func HoldsFrontMatter(fsys fs.FS, file string) (bool, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 4)
	if n, _ := io.ReadFull(f, head); n < 4 {
		return false, nil
	}
	delim := string(head[:3])
	if delim != "---" && delim != "+++" || head[3] != '\n' && head[3] != '\r' {
		return false, nil
	}
	rest, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return false, err
	}
	for line := range strings.Lines(string(rest)) {
		if strings.TrimRight(line, "\r\n") == delim {
			return true, nil
		}
	}
	return false, nil
}

// Ignored reports whether a file or folder name is passed over without a
// word: hidden files and the temporary files editors make for a moment
// while saving, among them JetBrains IDEs' and the file vim makes to test
// that a folder is writable. Backups that stay (see StrayName) are not
// ignored: they are reported, and never published.
func Ignored(name string) bool {
	if StrayName(name) != "" {
		return false
	}
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".swx") ||
		strings.HasSuffix(name, ".tmp") || strings.Contains(name, "___jb_") || name == "4913"
}

// Unused reports whether a file or folder name of layouts/ or assets/ is
// passed over: those Ignored, and backups.
func Unused(name string) bool { return Ignored(name) || StrayName(name) != "" }

// IsMarkdown reports whether a file name is a page.
func IsMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// ThemeStrays returns the symlinks and other files that are not regular
// files in the site's layouts/ and assets/ folders: the build passes them
// over, and says so.
func ThemeStrays(fsys fs.FS) ([]Stray, error) {
	var out []Stray
	for _, dir := range []string{"layouts", "assets"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			switch {
			case errors.Is(err, fs.ErrNotExist) && p == dir:
				return fs.SkipDir
			case err != nil:
				return err
			case p != dir && Unused(d.Name()):
				if d.IsDir() {
					return fs.SkipDir
				}
			case d.Type()&fs.ModeSymlink != 0:
				out = append(out, Stray{p, StraySymlink})
			case !d.IsDir() && !d.Type().IsRegular():
				out = append(out, Stray{p, StrayIrregular})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", dir, err)
		}
	}
	return out, nil
}
