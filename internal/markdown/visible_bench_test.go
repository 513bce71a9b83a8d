package markdown

import (
	"os"
	"testing"
)

// BenchmarkParse measures parsing a long page, with the sum of what a
// reader gets that Parse works out.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		b.Skip(err)
	}
	m := New(Options{})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		m.Parse(src)
	}
}

// BenchmarkVisible measures writing what a reader gets of a long page.
func BenchmarkVisible(b *testing.B) {
	src, err := os.ReadFile("../../README.md")
	if err != nil {
		b.Skip(err)
	}
	d := New(Options{}).Parse(src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		d.Visible()
	}
}
