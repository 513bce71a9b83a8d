package content

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// tomlPos is a place in TOML text: a 1-based line and character column.
type tomlPos struct{ line, col int }

// tomlPlaces are where each key and each value of a TOML text is written,
// by path: the keys from the top joined by tomlSep, with list items and
// array-of-tables entries as their index from 0. TOML decoders report no
// positions, so tomlScan reads them from the text itself. It reads text
// the decoder has accepted, and only as far as it needs to find them.
type tomlPlaces struct {
	keys, values map[string]tomlPos
}

const tomlSep = "\x00"

func tomlPath(parts ...string) string { return strings.Join(parts, tomlSep) }

// tomlScan finds the keys and values of TOML text.
func tomlScan(src string) tomlPlaces {
	s := &tomlScanner{src: src, line: 1, col: 1, tables: map[string]int{},
		places: tomlPlaces{keys: map[string]tomlPos{}, values: map[string]tomlPos{}}}
	var table []string
	for {
		s.blank(true)
		if s.eof() {
			return s.places
		}
		switch {
		case strings.HasPrefix(s.rest(), "[["):
			at := s.pos()
			s.skip(2)
			name := s.key()
			s.blank(false)
			s.skip(2) // ]]
			p := tomlPath(name...)
			n := s.tables[p]
			s.tables[p] = n + 1
			table = append(name, strconv.Itoa(n))
			s.mark(s.places.keys, p, at)
			s.mark(s.places.values, tomlPath(table...), at)
		case s.peek() == '[':
			at := s.pos()
			s.skip(1)
			table = s.key()
			s.blank(false)
			s.skip(1) // ]
			s.mark(s.places.keys, tomlPath(table...), at)
			s.mark(s.places.values, tomlPath(table...), at)
		default:
			s.pair(table)
		}
		s.line1()
	}
}

type tomlScanner struct {
	src       string
	off       int
	line, col int
	tables    map[string]int // entries of each array of tables so far
	places    tomlPlaces
}

func (s *tomlScanner) eof() bool    { return s.off >= len(s.src) }
func (s *tomlScanner) rest() string { return s.src[s.off:] }
func (s *tomlScanner) pos() tomlPos { return tomlPos{s.line, s.col} }
func (s *tomlScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

// mark records a place the first time a path is seen.
func (s *tomlScanner) mark(m map[string]tomlPos, path string, at tomlPos) {
	if _, ok := m[path]; !ok {
		m[path] = at
	}
}

// skip moves past n bytes, counting lines and characters.
func (s *tomlScanner) skip(n int) {
	for ; n > 0 && !s.eof(); n-- {
		b := s.src[s.off]
		switch {
		case b == '\n':
			s.line, s.col = s.line+1, 1
		case utf8.RuneStart(b):
			s.col++
		}
		s.off++
	}
}

// blank skips spaces and comments, and line ends too when lines is set.
func (s *tomlScanner) blank(lines bool) {
	for !s.eof() {
		switch b := s.peek(); {
		case b == ' ' || b == '\t' || b == '\r':
			s.skip(1)
		case b == '\n' && lines:
			s.skip(1)
		case b == '#':
			for !s.eof() && s.peek() != '\n' {
				s.skip(1)
			}
		default:
			return
		}
	}
}

// line1 skips what is left of a line.
func (s *tomlScanner) line1() {
	for !s.eof() && s.peek() != '\n' {
		s.skip(1)
	}
}

// key reads a dotted key: bare or quoted parts with dots between.
func (s *tomlScanner) key() []string {
	var parts []string
	for {
		s.blank(false)
		switch s.peek() {
		case '"', '\'':
			parts = append(parts, s.quoted())
		default:
			start := s.off
			for !s.eof() && isBareKey(s.peek()) {
				s.skip(1)
			}
			parts = append(parts, s.src[start:s.off])
		}
		s.blank(false)
		if s.peek() != '.' {
			return parts
		}
		s.skip(1)
	}
}

func isBareKey(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
}

// quoted reads a quoted key and returns its text.
func (s *tomlScanner) quoted() string {
	q := s.peek()
	start := s.off
	s.skip(1)
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.skip(1)
		}
		s.skip(1)
	}
	s.skip(1)
	if q == '"' {
		if v, err := strconv.Unquote(s.src[start:s.off]); err == nil {
			return v
		}
	}
	return strings.Trim(s.src[start:s.off], string(q))
}

// pair reads "key = value" under the path table.
func (s *tomlScanner) pair(table []string) {
	at := s.pos()
	path := append(append([]string(nil), table...), s.key()...)
	s.mark(s.places.keys, tomlPath(path...), at)
	s.blank(false)
	if s.peek() != '=' {
		return
	}
	s.skip(1)
	s.blank(false)
	s.value(path)
}

// value reads a value, recording where it and what it holds begin.
func (s *tomlScanner) value(path []string) {
	s.mark(s.places.values, tomlPath(path...), s.pos())
	switch r := s.rest(); {
	case strings.HasPrefix(r, `"""`), strings.HasPrefix(r, "'''"):
		q := r[:3]
		s.skip(3)
		for !s.eof() && !strings.HasPrefix(s.rest(), q) {
			if q == `"""` && s.peek() == '\\' {
				s.skip(1)
			}
			s.skip(1)
		}
		s.skip(3)
		for !s.eof() && s.peek() == q[0] { // up to two quotes may end the text
			s.skip(1)
		}
	case r != "" && (r[0] == '"' || r[0] == '\''):
		s.quoted()
	case r != "" && r[0] == '[':
		s.skip(1)
		for i := 0; ; i++ {
			s.blank(true)
			if s.eof() || s.peek() == ']' {
				s.skip(1)
				return
			}
			s.value(append(append([]string(nil), path...), strconv.Itoa(i)))
			s.blank(true)
			if s.peek() == ',' {
				s.skip(1)
			}
		}
	case r != "" && r[0] == '{':
		s.skip(1)
		for {
			s.blank(false)
			if s.eof() || s.peek() == '}' || s.peek() == '\n' {
				s.skip(1)
				return
			}
			at := s.pos()
			sub := append(append([]string(nil), path...), s.key()...)
			s.mark(s.places.keys, tomlPath(sub...), at)
			s.blank(false)
			if s.peek() != '=' {
				return
			}
			s.skip(1)
			s.blank(false)
			s.value(sub)
			s.blank(false)
			if s.peek() == ',' {
				s.skip(1)
			}
		}
	default:
		for !s.eof() && !strings.ContainsRune(",]}\n#", rune(s.peek())) {
			s.skip(1)
		}
	}
}
