package pamphlet

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/pamphlet-health/pamphlet"

// allowed is the import table: which of the project's packages each
// package may import. Data flows one way; nothing imports cmd.
var allowed = map[string][]string{
	"":                     {},
	"internal/finding":     {},
	"internal/markdown":    {},
	"internal/prose":       {},
	"internal/readability": {},
	"internal/claims":      {"internal/prose"},
	"internal/plain":       {"internal/prose"},
	"internal/search":      {"internal/plain", "internal/prose"},
	"internal/layout":      {"internal/finding"},
	"internal/seo":         {},
	"internal/ics":         {},
	"internal/parallel":    {},
	"internal/images":      {},
	"internal/testsite":    {},
	"internal/content":     {"internal/finding", "internal/parallel"},
	"internal/review":      {"internal/content", "internal/finding", "internal/markdown"},
	"internal/check":       {"internal/claims", "internal/content", "internal/finding", "internal/layout", "internal/markdown", "internal/parallel", "internal/plain", "internal/prose", "internal/readability", "internal/review"},
	"internal/sitegen":     {"internal/content", "internal/markdown", "internal/review"},
	"bench/loopback":       {},
	"bench/hugo":           {"", "bench/loopback", "internal/sitegen"},
	"bench/check-corpus":   {"internal/sitegen"},
	"bench/pagefind":       {"bench/loopback", "internal/sitegen"},
	"internal/serve":       {},
	"internal/view":        {"internal/check", "internal/content", "internal/layout", "internal/markdown", "internal/seo"},
	"internal/build":       {"internal/check", "internal/content", "internal/finding", "internal/images", "internal/layout", "internal/markdown", "internal/ics", "internal/parallel", "internal/review", "internal/search", "internal/seo", "internal/view"},
	"internal/gone":        {"internal/build", "internal/content", "internal/finding", "internal/review"},
	"internal/preview":     {"internal/build", "internal/check", "internal/content", "internal/finding", "internal/layout", "internal/parallel", "internal/review"},
	"cmd/pamphlet":         {"", "internal/build", "internal/check", "internal/content", "internal/finding", "internal/gone", "internal/layout", "internal/markdown", "internal/preview", "internal/readability", "internal/review", "internal/serve"},
}

func TestImportTable(t *testing.T) {
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		pkg := filepath.ToSlash(filepath.Dir(path))
		if pkg == "." {
			pkg = ""
		}
		seen[pkg] = true
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("package %q is not in the import table in deps_test.go", pkg)
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != module && !strings.HasPrefix(p, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
			if !slices.Contains(ok, dep) {
				t.Errorf("%s imports %q, which the import table does not allow", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for pkg := range allowed {
		if !seen[pkg] {
			t.Errorf("the import table names %q, which has no Go files", pkg)
		}
	}
}
