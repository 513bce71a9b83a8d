package search

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// The index's largest files, the shards, the files of near terms and
// the pages' cards, are written by the functions below rather than by
// encoding/json, which reflects on every value and sorts every map's keys
// through reflection: the bytes are the same as marshal's (a test holds
// them to it), at a fraction of the cost.

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it without HTML escaping: quotes, backslashes and control
// characters, U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none of them needs a look.
		for i+8 <= len(s) && plain8(load64(s, i)) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// load64 reads the eight bytes of s from i as one number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 | uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plain8 reports whether none of the eight bytes in x is a control
// character, a quote, a backslash or part of a multi-byte character: the
// bytes a JSON string holds as they are.
func plain8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) & ^v & highs } // a byte of v is 0
	return printable8(x) && zero(x^'"'*ones)|zero(x^'\\'*ones) == 0
}

// printable8 reports whether the eight bytes in x are all ASCII and
// none a control character.
func printable8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x&highs | (x-0x20*ones)&^x&highs) == 0
}

// appendInts appends a JSON array of whole numbers.
func appendInts[T int | int32](dst []byte, list []T) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, v := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = strconv.AppendInt(dst, int64(v), 10)
	}
	return append(dst, ']')
}

// appendMap appends a JSON object of m, its keys sorted as encoding/json
// sorts them (by their bytes).
func appendMap[V any](dst []byte, m map[string]V, value func([]byte, V) []byte) []byte {
	if m == nil {
		return append(dst, "null"...)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, k)
		dst = append(dst, ':')
		dst = value(dst, m[k])
	}
	return append(dst, '}')
}

// appendCards appends the file of the cards of entries, a JSON array of
// cards as marshal writes them.
func appendCards(dst []byte, entries []*Entry) []byte {
	dst = append(dst, '[')
	for i, e := range entries {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendCard(dst, card{URL: e.page.URL, Title: e.page.Title, Summary: e.page.Summary, Reviewed: e.page.Reviewed, Section: e.page.SectionTitle})
	}
	return append(dst, ']')
}

// appendCard appends a page's card, as marshal writes it.
func appendCard(dst []byte, d card) []byte {
	dst = append(dst, `{"u":`...)
	dst = appendJSONString(dst, d.URL)
	dst = append(dst, `,"t":`...)
	dst = appendJSONString(dst, d.Title)
	for _, f := range [...]struct {
		name, value string
	}{{`,"s":`, d.Summary}, {`,"r":`, d.Reviewed}, {`,"x":`, d.Section}} {
		if f.value != "" {
			dst = append(dst, f.name...)
			dst = appendJSONString(dst, f.value)
		}
	}
	return append(dst, '}')
}
