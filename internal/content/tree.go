package content

import (
	"bytes"
	"cmp"
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
	if off, what := oddLineEnd(src); off >= 0 {
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		return nil, &syntaxError{
			line: firstLine + bytes.Count(src[:off], []byte("\n")), col: utf8.RuneCount(src[start:off]) + 1,
			msg: fmt.Sprintf("a %s here, which YAML takes for the end of a line though editors do not; remove it", what),
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(err, firstLine)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &node{kind: mapNode, line: firstLine, col: 1}, nil
	}
	return fromYAML(doc.Content[0], firstLine-1)
}

// oddLineEnd returns the offset of the first character that YAML takes
// for a line end but editors, and pamphlet's positions, do not: a
// carriage return on its own, or Unicode's next line, line separator or
// paragraph separator. Findings after one would point at the wrong line.
func oddLineEnd(src []byte) (int, string) {
	for i := 0; i < len(src); i++ {
		if c := src[i]; c != '\r' && c != 0xc2 && c != 0xe2 {
			continue // not the first byte of any of them: most bytes
		}
		switch {
		case src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			return i, "carriage return on its own"
		case bytes.HasPrefix(src[i:], []byte("\u0085")):
			return i, "next-line character (U+0085)"
		case bytes.HasPrefix(src[i:], []byte("\u2028")):
			return i, "line separator (U+2028)"
		case bytes.HasPrefix(src[i:], []byte("\u2029")):
			return i, "paragraph separator (U+2029)"
		}
	}
	return -1, ""
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

// parseTOML reads TOML text that starts at line firstLine of its file.
// TOML decoders report no key positions, so tomlScan finds each key, value
// and list item in the text.
func parseTOML(src []byte, firstLine int) (*node, error) {
	var m map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &syntaxError{line: pe.Position.Line + firstLine - 1, col: pe.Position.Col, msg: "TOML syntax: " + pe.Message}
		}
		return nil, &syntaxError{line: firstLine, msg: "TOML syntax: " + err.Error()}
	}
	f := &tomlFinder{places: tomlScan(string(src)), first: firstLine}
	return f.value(m, nil, tomlPos{1, 1}), nil
}

type tomlFinder struct {
	places tomlPlaces
	first  int
}

// at returns the place of a path in places, or fallback.
func (f *tomlFinder) at(places map[string]tomlPos, path []string, fallback tomlPos) tomlPos {
	if p, ok := places[tomlPath(path...)]; ok {
		return p
	}
	return fallback
}

// value turns a decoded TOML value at path, written at pos, into a node.
func (f *tomlFinder) value(v any, path []string, pos tomlPos) *node {
	n := &node{line: f.first + pos.line - 1, col: pos.col}
	child := func(k string) ([]string, tomlPos) {
		p := append(append([]string(nil), path...), k)
		return p, f.at(f.places.values, p, pos)
	}
	switch t := v.(type) {
	case map[string]any:
		n.kind = mapNode
		keyAt := func(k string) tomlPos {
			p, _ := child(k)
			return f.at(f.places.keys, p, pos)
		}
		// Source order, so findings read top to bottom.
		keys := slices.Sorted(maps.Keys(t))
		slices.SortStableFunc(keys, func(a, b string) int {
			pa, pb := keyAt(a), keyAt(b)
			return cmp.Or(pa.line-pb.line, pa.col-pb.col)
		})
		for _, k := range keys {
			kp := keyAt(k)
			n.keys = append(n.keys, &node{kind: scalarNode, line: f.first + kp.line - 1, col: kp.col, value: k})
			p, at := child(k)
			n.items = append(n.items, f.value(t[k], p, at))
		}
	case []map[string]any:
		n.kind = listNode
		for i, item := range t {
			p, at := child(strconv.Itoa(i))
			n.items = append(n.items, f.value(item, p, at))
		}
	case []any:
		n.kind = listNode
		for i, item := range t {
			p, at := child(strconv.Itoa(i))
			n.items = append(n.items, f.value(item, p, at))
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
