package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestSiteFS holds the site's files, as a build reads them, to what
// io/fs asks of a file system, and their errors to os.DirFS's.
func TestSiteFS(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("a line of Markdown\n"), 10000)
	for name, data := range map[string][]byte{"pamphlet.yaml": []byte("title: T\n"), "content/a.md": big, "content/empty.md": nil} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "content", "linked.md")); err != nil {
		t.Fatal(err)
	}
	fsys := newDirFS(dir)
	if err := fstest.TestFS(fsys, "pamphlet.yaml", "content/a.md", "content/empty.md", "content/linked.md"); err != nil {
		t.Fatal(err)
	}
	// The site's files are read as os.DirFS reads them: a symlink, which
	// content refuses, is told from the file it leads to.
	if info, err := fs.Lstat(fsys, "content/linked.md"); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("fs.Lstat(content/linked.md) = %v, %v; want a symlink", info, err)
	}
	got, err := fs.ReadFile(fsys, "content/a.md")
	if err != nil || !bytes.Equal(got, big) {
		t.Fatalf("content/a.md: %d bytes, %v; want %d", len(got), err, len(big))
	}
	for _, name := range []string{"content/missing.md", "../x", "content"} {
		_, err := fs.ReadFile(fsys, name)
		_, want := fs.ReadFile(os.DirFS(dir), name)
		if err == nil || want == nil || errors.Is(err, fs.ErrNotExist) != errors.Is(want, fs.ErrNotExist) ||
			!strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v, want an error like %v", name, err, want)
		}
	}
}

// TestWriteFile replaces a file's bytes, shorter or longer, with the
// mode given to a new one.
func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "index.html")
	for _, data := range []string{"<p>a longer first version</p>", "<p>short</p>", ""} {
		if err := writeFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(p); err != nil || string(got) != data {
			t.Fatalf("%q, %v; want %q", got, err, data)
		}
	}
	if st, err := os.Stat(p); err != nil || st.Mode().Perm()&0o600 != 0o600 {
		t.Fatalf("%v, %v", st.Mode(), err)
	}
	if err := writeFile(filepath.Join(p, "x"), nil, 0o644); err == nil {
		t.Error("wrote a file inside a file")
	}
}
