package review

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
)

// Repo is the Git repository that holds a site, in its root folder or in
// one of its folders.
type Repo struct {
	Root string // the top folder of the work tree
	Site string // the site's folder from Root, with slashes; "" for Root itself
}

// OpenRepo returns the repository whose work tree holds the site folder
// dir, or an error wrapping ErrNotInGit.
func OpenRepo(dir string) (Repo, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Repo{}, err
	}
	top, err := git(abs, "rev-parse", "--show-toplevel")
	if err != nil {
		return Repo{}, fmt.Errorf("%w: %s is not in a Git work tree", ErrNotInGit, dir)
	}
	root := strings.TrimSpace(string(top))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if d, err := filepath.EvalSymlinks(abs); err == nil {
		abs = d
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return Repo{}, fmt.Errorf("%s is not inside the work tree %s", dir, root)
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	return Repo{Root: root, Site: rel}, nil
}

// Git runs git with args in the work tree's top folder and returns what
// it prints; an error holds what it said.
func (r Repo) Git(args ...string) ([]byte, error) { return git(r.Root, args...) }

// Path returns the path from the repository root of a file given by its
// path from the site root, as GitHub names files.
func (r Repo) Path(file string) string { return path.Join(r.Site, file) }

// Commit returns the full hash of the commit rev names.
func (r Repo) Commit(rev string) (string, error) {
	if strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%q is not a revision", rev)
	}
	out, err := git(r.Root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("%s is not a commit of the repository; fetch it first (actions/checkout with fetch-depth: 0)", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// MergeBase returns the best common ancestor of two commits: what a pull
// request of b into a changes is what b changed since then.
func (r Repo) MergeBase(a, b string) (string, error) {
	out, err := git(r.Root, "merge-base", a, b)
	if err != nil {
		return "", fmt.Errorf("%s and %s have no common ancestor in the clone; fetch the whole history (fetch-depth: 0)", short(a), short(b))
	}
	return strings.TrimSpace(string(out)), nil
}

// Dirty returns the files of the site folder that differ from the commit
// checked out (changed, added or not tracked, leaving out what
// .gitignore ignores), sorted.
func (r Repo) Dirty() ([]string, error) {
	out, err := git(r.Root, "-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--", cmpDot(r.Site))
	if err != nil {
		return nil, err
	}
	var files []string
	for _, e := range strings.Split(string(out), "\x00") {
		if len(e) > 3 {
			files = append(files, e[3:])
		}
	}
	return files, nil
}

func cmpDot(s string) string {
	if s == "" {
		return "."
	}
	return s
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// TreeFS returns the site folder as the commit rev has it, read from Git
// without touching the work tree: its files, by their paths from the
// site root. Symbolic links and submodules are left out.
func (r Repo) TreeFS(rev string) (fs.FS, error) {
	out, err := git(r.Root, "-c", "core.quotePath=false", "ls-tree", "-r", "-z", "--full-tree", rev, "--", cmpDot(r.Site))
	if err != nil {
		return nil, err
	}
	prefix := ""
	if r.Site != "" {
		prefix = r.Site + "/"
	}
	var names, objects []string
	for _, e := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(e, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 || f[1] != "blob" || f[0] == "120000" || !strings.HasPrefix(name, prefix) {
			continue
		}
		names = append(names, strings.TrimPrefix(name, prefix))
		objects = append(objects, f[2])
	}
	tree := fstest.MapFS{}
	if len(objects) == 0 {
		return tree, nil
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = r.Root
	cmd.Stdin = strings.NewReader(strings.Join(objects, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	br := bufio.NewReader(stdout)
	for i, name := range names {
		data, err := readBlob(br, objects[i])
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, fmt.Errorf("git cat-file: %s: %w", name, err)
		}
		tree[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return tree, nil
}

// readBlob reads one object of git cat-file --batch's output.
func readBlob(br *bufio.Reader, object string) ([]byte, error) {
	header, err := br.ReadString('\n')
	if err != nil {
		return nil, err
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != object || f[1] != "blob" {
		return nil, fmt.Errorf("unexpected header %q", strings.TrimSpace(header))
	}
	size, err := strconv.Atoi(f[2])
	if err != nil || size < 0 {
		return nil, fmt.Errorf("unexpected size in %q", strings.TrimSpace(header))
	}
	data := make([]byte, size+1) // and the newline after it
	if _, err := io.ReadFull(br, data); err != nil {
		return nil, err
	}
	return data[:size], nil
}

// Show returns a file of the site (by its path from the site root) as the
// commit rev has it, and false when the commit has no such file.
func (r Repo) Show(rev, file string) ([]byte, bool) {
	data, err := git(r.Root, "show", rev+":"+r.Path(file))
	return data, err == nil
}
