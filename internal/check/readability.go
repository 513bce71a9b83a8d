package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/readability"
)

// Scored is the readability of a page, with the positions of its
// sentences.
type Scored struct {
	readability.Report
	texts []Text
	refs  [][2]int // of each sentence: its text and its index there
}

// Pos returns where the sentence Measure handed back as ref begins: a
// longest sentence or a section's heading.
func (s Scored) Pos(ref int) finding.Position {
	r := s.refs[ref]
	t := s.texts[r[0]]
	return t.Pos(t.Sentences[r[1]].Start)
}

// Score measures the readability of a page's text as Texts gives it: the
// body, and the questions and answers under their own section; not the
// title or the description, which are front matter.
func Score(texts []Text) Scored {
	var m readability.Meter
	return score(&m, texts)
}

// score is Score with a meter that remembers words from page to page.
func score(m *readability.Meter, texts []Text) Scored {
	s := Scored{texts: texts}
	var blocks []readability.Block
	faq := false
	for i, t := range texts {
		if t.Field == "title" || t.Field == "description" {
			continue
		}
		if strings.HasPrefix(t.Field, "faq.") && !faq {
			faq = true
			blocks = append(blocks, readability.Block{Heading: 2, Label: layout.FAQHeading})
		}
		b := readability.Block{}
		switch {
		case t.Kind != markdown.HeadingText:
		case t.Field == "":
			b.Heading = t.Level
		default:
			b.Heading = max(t.Level, 3) // a question, or a heading in an answer, sits under the FAQ heading
		}
		for j, sen := range t.Sentences {
			b.Sentences = append(b.Sentences, readability.Sentence{Text: sen.Text, Ref: len(s.refs)})
			s.refs = append(s.refs, [2]int{i, j})
		}
		blocks = append(blocks, b)
	}
	s.Report = m.Measure(blocks)
	return s
}

// ReadingGrade holds each page's reading grade to its target
// (readability.grade): a warning above the target, an error above the
// maximum. Pages written only for clinicians are reported, not held to
// it: their finding is a suggestion. Pages of fewer than GradeMinWords
// words are not held to a target. The finding names the hardest
// sections and sits at the longest sentence, which it quotes.
func ReadingGrade(in *Input) []finding.Finding {
	var out []finding.Finding
	var m readability.Meter // Run checks a batch of pages at a time, each batch on its own goroutine
	for i, p := range in.Pages {
		if !live(p) {
			continue
		}
		if f, ok := gradeFinding(in.Site.Config.ReadingTarget(p.Meta), score(&m, in.Texts(i))); ok {
			out = append(out, f)
		}
	}
	return out
}

// gradeFinding returns the finding for a page's grade, if it is above
// its target.
func gradeFinding(t content.ReadingTarget, s Scored) (finding.Finding, bool) {
	grade, standing := Judge(t, s.Counts)
	f := finding.Finding{Rule: "readability.grade"}
	var b strings.Builder
	fmt.Fprintf(&b, "reading grade %.1f (%s) is above ", grade, readability.FormulaName(t.Formula))
	switch {
	case standing == ForClinicians && grade > t.Target:
		f.Severity = finding.Suggestion
		fmt.Fprintf(&b, "the target of %s; the page is for clinicians, so this is reported, not enforced", grades(t.Target))
	case standing == AboveMax:
		f.Severity = finding.Error
		fmt.Fprintf(&b, "this page's maximum of %s (target %s)", grades(t.Max), grades(t.Target))
	case standing == AboveTarget:
		f.Severity = finding.Warning
		fmt.Fprintf(&b, "this page's target of %s", grades(t.Target))
	default:
		return finding.Finding{}, false
	}
	f.Position = s.Pos(s.Longest[0].Ref)
	if hard := s.Hardest(t.Formula, t.Target, HardestMinWords); len(hard) > 0 && len(s.Sections) > 1 {
		b.WriteString("; hardest sections: ")
		for i, h := range hard[:min(len(hard), 2)] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %.1f", sectionName(h), h.Grade(t.Formula))
		}
	}
	l := s.Longest[0]
	fmt.Fprintf(&b, "; longest sentence (%d words): %s; shorter sentences and everyday words bring the grade down", l.Words, quote(l.Text))
	f.Message = b.String()
	return f, true
}

// Standing is how a page's reading grade stands against its target.
type Standing string

// The standings, from no grade at all to above the maximum.
const (
	NoText        Standing = "empty"        // no words to score
	Short         Standing = "short"        // fewer than GradeMinWords words: scored, not held to a target
	ForClinicians Standing = "clinicians"   // only for clinicians: reported, not held to a target
	Within        Standing = "within"       // at or below the target
	AboveTarget   Standing = "above-target" // a warning
	AboveMax      Standing = "above-max"    // an error
)

// Judge returns a page's reading grade by its target's formula, to one
// decimal place as people read it (a page shown as grade 8.0 meets a
// target of 8), and how it stands against the target.
func Judge(t content.ReadingTarget, c readability.Counts) (float64, Standing) {
	grade := math.Round(c.Grade(t.Formula)*10) / 10
	switch {
	case c.Empty():
		return grade, NoText
	case c.Words < GradeMinWords:
		return grade, Short
	case !t.Enforced:
		return grade, ForClinicians
	case grade > t.Max:
		return grade, AboveMax
	case grade > t.Target:
		return grade, AboveTarget
	}
	return grade, Within
}

// GradeMinWords is the fewest words a page needs to be held to its
// target. A grade worked out from a few sentences says little: SMOG was
// made for thirty sentences, and in a short text one long word moves it
// by grades.
const GradeMinWords = 100

// HardestMinWords is the fewest words a section needs to be named among
// the hardest: a short section's grade says little.
const HardestMinWords = 30

// sectionName quotes a section's heading, or names the opening.
func sectionName(s readability.Section) string {
	if s.Heading == "" {
		return "the opening"
	}
	return quote(s.Heading)
}

// grades writes a target grade without needless decimals: 8, 8.5.
func grades(g float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", g), ".0") }
