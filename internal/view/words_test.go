package view

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// TestWordKeys: every word the views say (Words.Say and Words.Time with a
// constant key) is a key of the theme's English words, given a value for
// each of its placeholders and no others, so that a typo fails here
// rather than on a page; and the keys made from front matter values
// (an audience, an alert's severity) are there for every value.
func TestWordKeys(t *testing.T) {
	en := themeWords(t, "en")
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	uses := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Say" && sel.Sel.Name != "Time" || len(call.Args) == 0 {
				return true
			}
			where := fset.Position(call.Pos()).String()
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok {
				// A key made from a value, checked below.
				if bin, ok := call.Args[0].(*ast.BinaryExpr); !ok || !slices.Contains([]string{`"alert."`, `"audiences."`}, litText(bin.X)) {
					t.Errorf("%s: the key is not a constant, so no test can check it", where)
				}
				return true
			}
			uses++
			key, _ := strconv.Unquote(lit.Value)
			if !en.Has(key) {
				t.Errorf("%s: %s is not a key of layouts/words/en.yaml", where, key)
				return true
			}
			if sel.Sel.Name == "Time" {
				return true
			}
			var given []string
			for i := 1; i < len(call.Args); i += 2 {
				name, _ := strconv.Unquote(litText(call.Args[i]))
				given = append(given, name)
			}
			slices.Sort(given)
			if places := placesOf(t, en.Say(key)); !slices.Equal(given, places) {
				t.Errorf("%s: %s fills in %v; it has %v", where, key, given, places)
			}
			return true
		})
	}
	if uses < 30 {
		t.Errorf("found %d words said: the walk misses some", uses)
	}
	for a := range content.AudienceNames {
		if !en.Has("audiences." + a) {
			t.Errorf("the audience %s has no word audiences.%s", a, a)
		}
	}
	for _, sev := range content.Severities {
		if !en.Has("alert." + sev) {
			t.Errorf("the severity %s has no word alert.%s", sev, sev)
		}
	}
}

// litText is the text of a literal as written, or "".
func litText(e ast.Expr) string {
	if lit, ok := e.(*ast.BasicLit); ok {
		return lit.Value
	}
	return ""
}

// placesOf lists the placeholders of an English word, sorted.
func placesOf(t *testing.T, word string) []string {
	t.Helper()
	var out []string
	for rest := word; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			break
		}
		if name := rest[i+1 : i+j]; !slices.Contains(out, name) {
			out = append(out, name)
		}
		rest = rest[i+j+1:]
	}
	slices.Sort(out)
	return out
}
