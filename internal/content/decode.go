package content

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// scalar is implemented by types that read themselves from one value, such
// as dates and review intervals. The error text becomes the finding message.
type scalar interface {
	decodeScalar(s string) error
}

var scalarType = reflect.TypeFor[scalar]()

// textual is implemented by types written either as one line of text or
// as a set of keys, such as an address: a single value becomes its text,
// and keys fill the struct's fields as for any other struct.
type textual interface {
	decodeText(s string)
}

var textualType = reflect.TypeFor[textual]()

// decoder decodes a node tree into a struct, strictly: a key the struct does
// not have, a value of the wrong shape and a value a scalar type rejects are
// findings, and decoding goes on so that one run reports every problem.
type decoder struct {
	file   string
	prefix string // rule prefix: "frontmatter" or "config"
	found  []finding.Finding
	keys   map[string]finding.Position // dotted key path → where the key is written
	values map[string]finding.Position // dotted key path → where its scalar value is written
}

func newDecoder(file, prefix string) *decoder {
	return &decoder{file: file, prefix: prefix, keys: map[string]finding.Position{}, values: map[string]finding.Position{}}
}

// value records where a scalar value is written.
func (d *decoder) value(path string, n *node) {
	if n.kind == scalarNode && n.line > 0 {
		d.values[path] = finding.Position{File: d.file, Line: n.line, Col: n.col}
	}
}

func (d *decoder) report(n *node, rule, format string, args ...any) {
	d.found = append(d.found, finding.Finding{
		Position: finding.Position{File: d.file, Line: n.line, Col: n.col},
		Rule:     d.prefix + "." + rule,
		Severity: finding.Error,
		Message:  fmt.Sprintf(format, args...),
	})
}

func (d *decoder) decode(n *node, v reflect.Value, path string) {
	if n.kind == nullNode {
		return // an empty value leaves the default
	}
	if v.CanAddr() && v.Addr().Type().Implements(scalarType) {
		if n.kind != scalarNode {
			d.report(n, "type", "%s must be a single value, not %s", label(path), n.kind)
			return
		}
		if err := v.Addr().Interface().(scalar).decodeScalar(n.value); err != nil {
			d.report(n, errRule(err), "%s: %v", label(path), err)
		}
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(textualType) {
		switch n.kind {
		case scalarNode:
			v.Addr().Interface().(textual).decodeText(n.value)
		case mapNode:
			d.decodeStruct(n, v, path)
		default:
			d.report(n, "type", "%s must be one line of text or a set of keys (%s), not %s", label(path), strings.Join(slices.Sorted(maps.Keys(structKeys(v.Type()))), ", "), n.kind)
		}
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path)
	case reflect.Struct:
		if n.kind != mapNode {
			d.report(n, "type", "%s must be a set of keys, not %s", label(path), n.kind)
			return
		}
		d.decodeStruct(n, v, path)
	case reflect.Map:
		if n.kind != mapNode {
			d.report(n, "type", "%s must be a set of keys, not %s", label(path), n.kind)
			return
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
		seen := map[string]bool{}
		for i, k := range n.keys {
			if seen[k.value] {
				d.report(k, "duplicate", "%s is given twice; keep one", label(join(path, k.value)))
				continue
			}
			seen[k.value] = true
			p := join(path, k.value)
			d.keys[p] = finding.Position{File: d.file, Line: k.line, Col: k.col}
			d.value(p, n.items[i])
			elem := reflect.New(v.Type().Elem()).Elem()
			d.decode(n.items[i], elem, p)
			v.SetMapIndex(reflect.ValueOf(k.value), elem)
		}
	case reflect.Slice:
		if n.kind != listNode {
			d.report(n, "type", "%s must be a list, such as [a, b], not %s", label(path), n.kind)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.items), len(n.items))
		for i, item := range n.items {
			p := fmt.Sprintf("%s.%d", path, i)
			d.keys[p] = finding.Position{File: d.file, Line: item.line, Col: item.col}
			d.value(p, item)
			d.decode(item, s.Index(i), p)
		}
		v.Set(s)
	case reflect.String:
		if n.kind != scalarNode {
			d.report(n, "type", "%s must be text, not %s", label(path), n.kind)
			return
		}
		v.SetString(n.value)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.ToLower(n.value))
		if n.kind != scalarNode || err != nil || n.quoted {
			d.report(n, "type", "%s must be true or false", label(path))
			return
		}
		v.SetBool(b)
	case reflect.Int:
		i, err := strconv.Atoi(n.value)
		if n.kind != scalarNode || err != nil {
			d.report(n, "type", "%s must be a whole number", label(path))
			return
		}
		v.SetInt(int64(i))
	case reflect.Float64:
		f, err := strconv.ParseFloat(n.value, 64)
		if n.kind != scalarNode || err != nil {
			d.report(n, "type", "%s must be a number", label(path))
			return
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("content: decoder cannot fill %s", v.Type())) // a programming error, caught by tests
	}
}

func (d *decoder) decodeStruct(n *node, v reflect.Value, path string) {
	fields := structKeys(v.Type())
	seen := map[string]bool{}
	for i, k := range n.keys {
		p := join(path, k.value)
		idx, ok := fields[k.value]
		if !ok {
			names := slices.Sorted(maps.Keys(fields))
			if s := suggest(k.value, names); s != "" {
				d.report(k, "unknown", "unknown key %q; did you mean %q?", p, join(path, s))
			} else {
				d.report(k, "unknown", "unknown key %q; known keys here: %s", p, strings.Join(names, ", "))
			}
			continue
		}
		if seen[k.value] {
			d.report(k, "duplicate", "%s is given twice; keep one", label(p))
			continue
		}
		seen[k.value] = true
		d.keys[p] = finding.Position{File: d.file, Line: k.line, Col: k.col}
		d.value(p, n.items[i])
		d.decode(n.items[i], v.Field(idx), p)
	}
}

// structKeys maps the `key` tag of each field to its index.
func structKeys(t reflect.Type) map[string]int {
	m := map[string]int{}
	for i := range t.NumField() {
		if k := t.Field(i).Tag.Get("key"); k != "" && k != "-" {
			m[k] = i
		}
	}
	return m
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func label(path string) string {
	if path == "" {
		return "the front matter"
	}
	return path
}

// ruleError lets a scalar type choose the rule of its finding.
type ruleError struct {
	rule string
	msg  string
}

func (e *ruleError) Error() string { return e.msg }

func errRule(err error) string {
	if re, ok := err.(*ruleError); ok {
		return re.rule
	}
	return "value"
}

// suggest returns the candidate closest to s when it is a likely typo: at
// most two edits away, and fewer edits than half its length.
func suggest(s string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD > 2 || bestD*2 >= len(s) {
		return ""
	}
	return best
}

// distance is the optimal string alignment distance: edits, with a swap of
// two neighbouring letters counting as one ("reveiw" is one from "review").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// reflectValue returns the settable struct behind a pointer.
func reflectValue(ptr any) reflect.Value { return reflect.ValueOf(ptr).Elem() }
