package readability

import (
	"cmp"
	"slices"
	"strings"
)

// Sentence is a sentence given to Measure. Ref is the caller's own
// reference to it, such as an index into a list of positions; Measure
// hands it back with the sections and the longest sentences.
type Sentence struct {
	Text string
	Ref  int
}

// Block is a block of a document in reading order: a heading, a
// paragraph, a list item, a table cell. Every block holds whole sentences.
type Block struct {
	Heading int // its level, when the block is a heading; 0 otherwise
	// Label names a section the page shows that is not in its text, such
	// as the heading above a page's questions and answers: a Block with
	// Heading 2, a Label and no sentences starts a section of that name.
	Label     string
	Sentences []Sentence
}

// Report is the readability of a document.
type Report struct {
	Counts
	Sections []Section // the opening before the first H2, then each H2 section, with text
	Longest  []Longest // the longest sentences, longest first
}

// Section is the part of a document from an H1 or H2 heading to the
// next; the opening section, before the first, has no heading.
type Section struct {
	Heading string
	Ref     int // of the heading's first sentence; -1 for the opening or a label
	Counts
}

// Longest is one of a document's longest sentences.
type Longest struct {
	Text  string
	Words int
	Ref   int
}

// LongestKept is how many of the longest sentences a Report keeps.
const LongestKept = 3

// Measure counts and scores an English document given as blocks of
// sentences.
func Measure(blocks []Block) Report {
	var m Meter
	return m.Measure(blocks)
}

// MeasureIn counts and scores a document in lang given as blocks of
// sentences, as Measure does for English.
func MeasureIn(lang Language, blocks []Block) Report {
	return NewMeter(lang).Measure(blocks)
}

// Measure counts and scores a document in the meter's language as the
// function Measure does, remembering the words it meets for the next.
func (m *Meter) Measure(blocks []Block) Report {
	var r Report
	sec := Section{Ref: -1}
	flush := func() {
		if sec.Words > 0 {
			r.Sections = append(r.Sections, sec)
		}
	}
	for _, b := range blocks {
		if b.Heading == 1 || b.Heading == 2 {
			flush()
			sec = Section{Heading: b.Label, Ref: -1}
			if len(b.Sentences) > 0 {
				texts := make([]string, len(b.Sentences))
				for i, s := range b.Sentences {
					texts[i] = s.Text
				}
				sec.Heading = strings.Join(texts, " ")
				sec.Ref = b.Sentences[0].Ref
			}
		}
		for _, s := range b.Sentences {
			c := m.Count(s.Text)
			if c.Sentences == 0 {
				continue
			}
			sec.Add(c)
			r.Add(c)
			r.Longest = keepLongest(r.Longest, Longest{Text: s.Text, Words: c.Words, Ref: s.Ref})
		}
	}
	flush()
	return r
}

// keepLongest adds l to the longest sentences if it is among them; of
// sentences as long, the first stays ahead.
func keepLongest(list []Longest, l Longest) []Longest {
	i, _ := slices.BinarySearchFunc(list, l.Words, func(e Longest, words int) int {
		if e.Words >= words {
			return -1
		}
		return 1
	})
	if i >= LongestKept {
		return list
	}
	list = slices.Insert(list, i, l)
	if len(list) > LongestKept {
		list = list[:LongestKept]
	}
	return list
}

// Hardest returns the sections harder to read than score by formula,
// hardest first: above it for a grade, below it for a reading ease (see
// Harder). Sections of fewer than minWords words are left out: a short
// section's score says little.
func (r Report) Hardest(formula string, score float64, minWords int) []Section {
	var out []Section
	for _, s := range r.Sections {
		if s.Words >= minWords && Harder(formula, s.Score(formula), score) {
			out = append(out, s)
		}
	}
	ease := Ease(formula)
	slices.SortStableFunc(out, func(a, b Section) int {
		if ease {
			return cmp.Compare(a.Score(formula), b.Score(formula))
		}
		return cmp.Compare(b.Score(formula), a.Score(formula))
	})
	return out
}
