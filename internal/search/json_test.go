package search

import (
	"bytes"
	"hash/crc32"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// jsonTexts are strings with every kind of byte the encoders treat apart,
// at every place within eight bytes.
var jsonTexts = func() []string {
	out := []string{"", "a", "plain ASCII text of more than eight bytes", "café naïve", "\u2028\u2029", "\xff\xfe", "a\"b\\c", "\x00\x01\x1f\x7f", "\b\f\n\r\t", "<&>", "ΟΔΟΣ", "😀 emoji", "\xe2\x80"}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "bcdefgh", " ", "\"", "\\", "\n", "\x01", "é", "\u2028", "\xff", "\xe2\x80", "~", "\x7f", "日本"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		out = append(out, b.String())
	}
	return out
}()

// TestJSONLikeMarshal holds the index's own encoders to encoding/json's
// bytes (as marshal writes them) for strings, lists, maps and pages.
func TestJSONLikeMarshal(t *testing.T) {
	same := func(what string, got []byte, v any) {
		t.Helper()
		want, err := marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: got %s, want %s", what, got, want)
		}
	}
	for _, s := range jsonTexts {
		same("string", appendJSONString(nil, s), s)
	}
	same("ints", appendInts(nil, []int{0, 1, -2, 300, 1 << 40}), []int{0, 1, -2, 300, 1 << 40})
	same("no ints", appendInts[int](nil, nil), []int(nil))
	same("empty ints", appendInts(nil, []int{}), []int{})
	lists := map[string][]int{}
	near := map[string]string{}
	for i, s := range jsonTexts[:200] {
		lists[s] = []int{i, 255}
		near[s] = jsonTexts[len(jsonTexts)-1-i]
	}
	same("shard", appendMap(nil, lists, appendInts[int]), lists)
	same("near", appendMap(nil, near, appendJSONString), near)
	same("empty map", appendMap(nil, map[string]string{}, appendJSONString), map[string]string{})
	var entries []*Entry
	var cards []card
	for i := range 300 {
		d := card{URL: jsonTexts[i], Title: jsonTexts[i+1]}
		if i%2 == 0 {
			d.Summary = jsonTexts[i+2]
		}
		if i%3 == 0 {
			d.Reviewed = jsonTexts[i+3]
		}
		if i%5 == 0 {
			d.Section = jsonTexts[i+4]
		}
		same("card", appendCard(nil, d), d)
		entries = append(entries, &Entry{page: Page{URL: d.URL, Title: d.Title, Summary: d.Summary, Reviewed: d.Reviewed, SectionTitle: d.Section, Section: "key"}})
		cards = append(cards, d)
	}
	same("cards", appendCards(nil, entries), cards)
	same("no cards", appendCards(nil, nil), []card{})
}

// FuzzJSONString holds appendJSONString to encoding/json on any text.
func FuzzJSONString(f *testing.F) {
	for _, s := range jsonTexts[:20] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("got %s, want %s", got, want)
		}
	})
}

// TestCRC32Combine: the CRC-32 of two strings one after the other comes
// from the CRC-32s of each and the second's length, for both polynomials
// the index's version uses, and for lengths of every bit pattern.
func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, poly := range []uint32{crc32.Castagnoli, crc32.IEEE} {
		tab := crc32.MakeTable(poly)
		for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {3, 1000}, {1000, 3}, {77, 4096}, {4097, 65537}} {
			a, b := make([]byte, n[0]), make([]byte, n[1])
			for i := range a {
				a[i] = byte(rng.IntN(256))
			}
			for i := range b {
				b[i] = byte(rng.IntN(256))
			}
			want := crc32.Checksum(append(slices.Clone(a), b...), tab)
			if got := crc32Combine(crc32.Checksum(a, tab), crc32.Checksum(b, tab), int64(len(b)), poly); got != want {
				t.Errorf("poly %#x, lengths %v: combined %#x, want %#x", poly, n, got, want)
			}
		}
	}
}
