package review

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// ErrNotInGit is returned by FindSigned for a file outside a Git work tree
// or one Git does not track.
var ErrNotInGit = errors.New("not in Git")

// ErrNotFound is returned by FindSigned when no version in the file's Git
// history has the signed fingerprint.
var ErrNotFound = errors.New("no version with that fingerprint")

// Version is a file as it was in a commit.
type Version struct {
	Commit string // full hash
	Date   string // commit date, YYYY-MM-DD
	Path   string // the file's path in that commit, from the repository root
	Page   *content.Page
	Files  []File // the local files it showed or linked, as that commit had them
}

// Resolver returns the path from the site root of the local file that a
// link written in a page leads to, and false when it leads to no local
// file.
type Resolver func(from *content.Page, dest string) (string, bool)

var commitLine = regexp.MustCompile(`^[0-9a-f]{40} \d{4}-\d{2}-\d{2}$`)

// FindSigned looks through the Git history of the file at path (newest
// first, following renames) for the version that has the given
// fingerprint: taken as Fingerprint takes it, parsed with md, with the
// local files its links lead to (by resolve, as the site is now) as that
// commit had them; or as LegacyFingerprint took it. file is the page's
// path from the site root, as the fingerprint's page had it.
func FindSigned(path, file, fingerprint string, md *markdown.Markdown, resolve Resolver) (*Version, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(abs)
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not in a Git work tree", ErrNotInGit, path)
	}
	root := strings.TrimSpace(string(top))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		abs = filepath.Join(d, filepath.Base(abs))
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, err
	}
	rel = filepath.ToSlash(rel)
	site := strings.TrimSuffix(rel, file) // the site's folder in the repository, with its slash, or ""
	out, err := git(root, "-c", "core.quotePath=false", "log", "--follow", "--format=%H %cs", "--name-only", "--", rel)
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return nil, fmt.Errorf("%w: Git has no history of %s; commit it first", ErrNotInGit, path)
	}
	var commit, date string
	for _, line := range strings.Split(string(out), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case commitLine.MatchString(line):
			commit, date, _ = strings.Cut(line, " ")
		case commit != "":
			c := commit
			commit = ""
			src, err := git(root, "show", c+":"+line)
			if err != nil {
				continue // deleted in this commit
			}
			p, _ := content.ParsePage(file, src)
			if p.Unreadable {
				continue
			}
			if LegacyFingerprint(p) == fingerprint {
				return &Version{Commit: c, Date: date, Path: line, Page: p}, nil
			}
			files := &gitFiles{root: root, commit: c, site: site, resolve: resolve}
			if fp, covered := Fingerprint(Parse(md, p), files); fp == fingerprint {
				return &Version{Commit: c, Date: date, Path: line, Page: p, Files: covered}, nil
			}
		}
	}
	return nil, ErrNotFound
}

// gitFiles reads the files a page's links lead to as a commit had them.
type gitFiles struct {
	root, commit, site string
	resolve            Resolver
}

func (g *gitFiles) Local(from *content.Page, dest string) (File, bool) {
	if g.resolve == nil {
		return File{}, false
	}
	path, ok := g.resolve(from, dest)
	if !ok {
		return File{}, false
	}
	data, err := git(g.root, "show", g.commit+":"+g.site+path)
	if err != nil {
		return File{Path: path}, true
	}
	return SumFile(path, data), true
}

// SumFile returns the File of a local file's bytes.
func SumFile(path string, data []byte) File {
	s := sha256.Sum256(data)
	return File{Path: path, SHA256: hex.EncodeToString(s[:])}
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
