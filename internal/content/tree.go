package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v3"
)

// nodeKind is the shape of a front matter or configuration value.
type nodeKind int

const (
	nullNode nodeKind = iota
	scalarNode
	mapNode
	listNode
)

func (k nodeKind) String() string {
	switch k {
	case scalarNode:
		return "a single value"
	case mapNode:
		return "a set of keys"
	case listNode:
		return "a list"
	}
	return "empty"
}

// node is a value read from YAML, TOML or JSON with the position it came
// from, so that every problem can be reported at its line and column. The
// three formats are read into this one shape and decoded by one strict
// decoder.
type node struct {
	kind   nodeKind
	line   int // 1-based, in the whole file
	col    int // 1-based, in characters
	value  string
	quoted bool    // a scalar written as a string in the source
	keys   []*node // mapNode: the keys, in source order
	items  []*node // mapNode: the values; listNode: the items
}

// syntaxError is a front matter or configuration file that cannot be read at
// all. Line is 1-based in the whole file, or 0 when unknown.
type syntaxError struct {
	line, col int
	msg       string
}

func (e *syntaxError) Error() string { return e.msg }

// parseYAML reads YAML text that starts at line firstLine of its file.
func parseYAML(src []byte, firstLine int) (*node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(err, firstLine)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &node{kind: mapNode, line: firstLine, col: 1}, nil
	}
	return fromYAML(doc.Content[0], firstLine-1)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func yamlError(err error, firstLine int) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line := 0
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			// yaml.v3 numbers the lines of parser errors ("did not find
			// expected ...") from 0 and those of scanner errors from 1.
			if strings.HasPrefix(m[2], "did not find expected") {
				n++
			}
			line = n + firstLine - 1
		}
		return &syntaxError{line: line, col: 0, msg: "YAML syntax: " + m[2]}
	}
	return &syntaxError{line: firstLine, msg: "YAML syntax: " + strings.TrimPrefix(msg, "yaml: ")}
}

func fromYAML(y *yaml.Node, lineOffset int) (*node, error) {
	n := &node{line: y.Line + lineOffset, col: y.Column}
	switch y.Kind {
	case yaml.AliasNode:
		return nil, &syntaxError{line: n.line, col: n.col, msg: "YAML aliases (*name) are not allowed; write the value out"}
	case yaml.ScalarNode:
		if y.Tag == "!!null" {
			n.kind = nullNode
			return n, nil
		}
		n.kind = scalarNode
		n.value = y.Value
		n.quoted = y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 || y.Tag == "!!str"
	case yaml.SequenceNode:
		n.kind = listNode
		for _, c := range y.Content {
			item, err := fromYAML(c, lineOffset)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
		}
	case yaml.MappingNode:
		n.kind = mapNode
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &syntaxError{line: k.Line + lineOffset, col: k.Column, msg: "a key must be a plain name"}
			}
			if k.Value == "<<" {
				return nil, &syntaxError{line: k.Line + lineOffset, col: k.Column, msg: "YAML merge keys (<<) are not allowed; write the keys out"}
			}
			key := &node{kind: scalarNode, line: k.Line + lineOffset, col: k.Column, value: k.Value}
			val, err := fromYAML(v, lineOffset)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.items = append(n.items, val)
		}
	default:
		return nil, &syntaxError{line: n.line, col: n.col, msg: "unexpected YAML content"}
	}
	return n, nil
}

// parseJSON reads a JSON object that starts at byte offset start of src
// (the whole file), keeping positions.
func parseJSON(src []byte, start, end int) (*node, error) {
	lines := newLineIndex(src)
	dec := json.NewDecoder(bytes.NewReader(src[start:end]))
	dec.UseNumber()
	pos := func(off int) (int, int) { return lines.pos(start + off) }
	n, err := jsonValue(dec, pos, src[start:end])
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			l, c := pos(int(se.Offset))
			return nil, &syntaxError{line: l, col: c, msg: "JSON syntax: " + se.Error()}
		}
		var serr *syntaxError
		if errors.As(err, &serr) {
			return nil, err
		}
		l, c := pos(int(dec.InputOffset()))
		return nil, &syntaxError{line: l, col: c, msg: "JSON syntax: " + err.Error()}
	}
	return n, nil
}

// jsonValue reads one value. The position of a token is found by skipping
// white space and separators after the decoder's offset.
func jsonValue(dec *json.Decoder, pos func(int) (int, int), src []byte) (*node, error) {
	off := skipJSONSpace(src, int(dec.InputOffset()))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	l, c := pos(off)
	n := &node{line: l, col: c}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = mapNode
			for dec.More() {
				koff := skipJSONSpace(src, int(dec.InputOffset()))
				ktok, err := dec.Token()
				if err != nil {
					return nil, err
				}
				kl, kc := pos(koff)
				key := &node{kind: scalarNode, line: kl, col: kc, value: fmt.Sprint(ktok)}
				val, err := jsonValue(dec, pos, src)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.items = append(n.items, val)
			}
		case '[':
			n.kind = listNode
			for dec.More() {
				item, err := jsonValue(dec, pos, src)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		}
		if _, err := dec.Token(); err != nil { // closing delimiter
			return nil, err
		}
	case nil:
		n.kind = nullNode
	case string:
		n.kind, n.value, n.quoted = scalarNode, t, true
	default:
		n.kind, n.value = scalarNode, fmt.Sprint(t)
	}
	return n, nil
}

func skipJSONSpace(src []byte, off int) int {
	for off < len(src) {
		switch src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// parseTOML reads TOML text that starts at line firstLine of its file. TOML
// decoders report no key positions, so each key is found by looking for its
// "key =" line or "[table]" header in the text.
func parseTOML(src []byte, firstLine int) (*node, error) {
	var m map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &syntaxError{line: pe.Position.Line + firstLine - 1, col: pe.Position.Col, msg: "TOML syntax: " + pe.Message}
		}
		return nil, &syntaxError{line: firstLine, msg: "TOML syntax: " + err.Error()}
	}
	f := &tomlFinder{lines: strings.Split(string(src), "\n"), first: firstLine}
	return f.value(m, nil, firstLine), nil
}

type tomlFinder struct {
	lines []string
	first int
}

// locate returns the file line and column of the last key of path.
func (f *tomlFinder) locate(path []string, fallback int) (int, int) {
	key := path[len(path)-1]
	table := strings.Join(path, ".")
	from := 0
	if len(path) > 1 { // look after the table's header when there is one
		parent := strings.Join(path[:len(path)-1], ".")
		for i, l := range f.lines {
			t := strings.TrimSpace(l)
			if t == "["+parent+"]" || t == "[["+parent+"]]" {
				from = i
				break
			}
		}
	}
	for i := from; i < len(f.lines); i++ {
		l := f.lines[i]
		t := strings.TrimLeft(l, " \t")
		col := utf8.RuneCountInString(l[:len(l)-len(t)]) + 1
		if t == "["+table+"]" || t == "[["+table+"]]" || strings.HasPrefix(t, "["+table+"]") {
			return f.first + i, col
		}
		for _, k := range []string{key, `"` + key + `"`} {
			if rest, ok := strings.CutPrefix(t, k); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "=") {
				return f.first + i, col
			}
		}
	}
	return fallback, 1
}

func (f *tomlFinder) value(v any, path []string, line int) *node {
	col := 1
	if len(path) > 0 {
		line, col = f.locate(path, line)
	}
	n := &node{line: line, col: col}
	switch t := v.(type) {
	case map[string]any:
		n.kind = mapNode
		// Source order, so findings read top to bottom.
		keys := slices.Sorted(maps.Keys(t))
		slices.SortStableFunc(keys, func(a, b string) int {
			la, _ := f.locate(append(path, a), line)
			lb, _ := f.locate(append(path, b), line)
			return la - lb
		})
		for _, k := range keys {
			kp := append(append([]string(nil), path...), k)
			kl, kc := f.locate(kp, line)
			n.keys = append(n.keys, &node{kind: scalarNode, line: kl, col: kc, value: k})
			n.items = append(n.items, f.value(t[k], kp, line))
		}
	case []map[string]any:
		n.kind = listNode
		for _, item := range t {
			c := f.value(item, nil, line)
			c.line, c.col = line, col
			n.items = append(n.items, c)
		}
	case []any:
		n.kind = listNode
		for _, item := range t {
			c := f.value(item, nil, line)
			c.line, c.col = line, col
			n.items = append(n.items, c)
		}
	case string:
		n.kind, n.value, n.quoted = scalarNode, t, true
	case time.Time:
		// BurntSushi/toml marks TOML's local date and date-time by the
		// names of their zones; a local date-time has no zone, which the
		// date decoder then reports.
		n.kind = scalarNode
		switch t.Location().String() {
		case "date-local":
			n.value = t.Format("2006-01-02")
		case "datetime-local":
			n.value = t.Format("2006-01-02T15:04:05")
		default:
			n.value = t.Format(time.RFC3339)
		}
	default:
		n.kind, n.value = scalarNode, fmt.Sprint(t)
	}
	return n
}

// lineIndex maps byte offsets in a file to lines and character columns.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of each line's start
	// chars[k] counts the characters (the bytes that begin one) in
	// src[:k*charBlock], so that a column on a long line is found without
	// counting the whole line each time.
	chars []int
}

// charBlock is the span of bytes that lineIndex.chars counts by.
const charBlock = 256

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	chars := make([]int, 1, len(src)/charBlock+1)
	n := 0
	for i, b := range src {
		if i > 0 && i%charBlock == 0 {
			chars = append(chars, n)
		}
		if b&0xC0 != 0x80 {
			n++
		}
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts, chars: chars}
}

// pos returns the 1-based line and character column of byte offset off.
func (x *lineIndex) pos(off int) (line, col int) {
	off = min(max(off, 0), len(x.src))
	lo, hi := 0, len(x.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, x.count(x.starts[lo], off) + 1
}

// count returns the number of characters in src[from:to]. A short span is
// counted as it is; a long one from the blocks, counting only the bytes
// at its ends. (Counting the bytes that begin a character is exact for
// UTF-8, which a long span past the first encoding error never matters
// for: findings stop at that error.)
func (x *lineIndex) count(from, to int) int {
	if to-from < 2*charBlock {
		return utf8.RuneCount(x.src[from:to])
	}
	a, b := from/charBlock+1, to/charBlock // whole blocks from a*charBlock to b*charBlock
	return begins(x.src[from:a*charBlock]) + x.chars[b] - x.chars[a] + begins(x.src[b*charBlock:to])
}

// begins counts the bytes of b that begin a UTF-8 character.
func begins(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
