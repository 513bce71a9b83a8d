package check

import (
	"cmp"
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

// Score measures the readability of a page's text in lang as Texts
// gives it: the body, and the questions and answers under their own
// section; not the title or the description, which are front matter.
// Syllables are counted by the rules of the language (see
// readability.LanguageOf); a language readability cannot count has its
// words and sentences counted, and no syllables.
func Score(lang string, texts []Text) Scored {
	return score(readability.NewMeter(readability.LanguageOf(lang)), texts)
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

// ReadingGrade holds each page's readability to its target
// (readability.grade), by a formula made for the page's language: an
// English page's reading grade (SMOG or Flesch-Kincaid) gets a warning
// above the target and an error above the maximum; a Spanish page's
// reading ease (Szigriszt-Pazos or Fernández Huerta, where higher is
// easier) a warning below the target and an error below the minimum.
// Pages in a language with no formula are not scored; LoadWords says so
// once for the site (config.language). Pages written only for clinicians
// are reported, not held to it: their finding is a suggestion. Pages of
// fewer than GradeMinWords words are not held to a target. The finding
// names the hardest sections and sits at the longest sentence, which it
// quotes. A page's own readability front matter that does not fit its
// formula (max on a Spanish page, min on an English one) is a
// frontmatter.value error.
func ReadingGrade(in *Input) []finding.Finding {
	var out []finding.Finding
	// Run checks a batch of pages at a time, each batch on its own
	// goroutine, with a meter for each language.
	meters := map[readability.Language]*readability.Meter{}
	for i, p := range in.Pages {
		if !live(p) {
			continue
		}
		t := in.Site.Config.ReadingTarget(p.Lang, p.Meta)
		out = append(out, targetKeys(p, t)...)
		if t.Formula == "" {
			continue
		}
		lang := readability.LanguageOf(cmp.Or(p.Lang, in.Site.Config.Language))
		m := meters[lang]
		if m == nil {
			m = readability.NewMeter(lang)
			meters[lang] = m
		}
		if f, ok := gradeFinding(t, score(m, in.Texts(i))); ok {
			out = append(out, f)
		}
	}
	return out
}

// targetKeys reports a page's own readability front matter that does not
// fit the formula it is held to: max, a grade, on a page held to a
// reading ease, and min, a reading ease, on a page held to a grade.
func targetKeys(p Page, t content.ReadingTarget) []finding.Finding {
	r := p.Meta.Readability
	switch {
	case r == nil || t.Formula == "" || r.Max > 0 && r.Min > 0: // both: the front matter's own error
		return nil
	case t.Ease() && r.Max > 0:
		return []finding.Finding{errorAt(p.KeyPos("readability.max"), "frontmatter.value", fmt.Sprintf(
			"readability max is a reading grade, for English pages; this page is in %s and held to a reading ease by %s, where higher is easier: write min, the lowest ease it may have, such as readability: {target: %s, min: %s}",
			p.Lang, readability.FormulaName(t.Formula), grades(t.Target), grades(t.Min)))}
	case !t.Ease() && r.Min > 0:
		return []finding.Finding{errorAt(p.KeyPos("readability.min"), "frontmatter.value", fmt.Sprintf(
			"readability min is a reading ease, for Spanish pages; this page is held to a reading grade by %s, where lower is easier: write max, the highest grade it may have, such as readability: {target: %s, max: %s}",
			readability.FormulaName(t.Formula), grades(t.Target), grades(t.Max)))}
	}
	return nil
}

// gradeFinding returns the finding for a page's score, if it is harder
// to read than its target: a reading grade above it, or a reading ease
// below it. The message gives the score, the formula (and for an ease,
// the score's band on the formula's scale in words), the limit passed,
// the hardest sections, the longest sentence and what helps.
func gradeFinding(t content.ReadingTarget, s Scored) (finding.Finding, bool) {
	score, standing := Judge(t, s.Counts)
	// A grade is held under its target and maximum; an ease above its
	// target and minimum.
	what, side, limitName, limit, beyond, off, past, helps := "reading grade", "above", "maximum", t.Max, AboveMax, AboveTarget, score > t.Target,
		"shorter sentences and everyday words bring the grade down"
	if t.Ease() {
		what, side, limitName, limit, beyond, off, past, helps = "reading ease", "below", "minimum", t.Min, BelowMin, BelowTarget, score < t.Target,
			"shorter sentences and everyday words of fewer syllables raise the score"
	}
	f := finding.Finding{Rule: "readability.grade"}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %.1f (%s) is ", what, score, readability.FormulaName(t.Formula))
	if t.Ease() {
		fmt.Fprintf(&b, "%s, ", BandText(t.Formula, score))
	}
	b.WriteString(side + " ")
	switch {
	case standing == ForClinicians && past:
		f.Severity = finding.Suggestion
		fmt.Fprintf(&b, "the target of %s; the page is for clinicians, so this is reported, not enforced", grades(t.Target))
	case standing == beyond:
		f.Severity = finding.Error
		fmt.Fprintf(&b, "this page's %s of %s (target %s)", limitName, grades(limit), grades(t.Target))
	case standing == off:
		f.Severity = finding.Warning
		fmt.Fprintf(&b, "this page's target of %s", grades(t.Target))
	default:
		return finding.Finding{}, false
	}
	f.Position = s.Pos(s.Longest[0].Ref)
	hardest(&b, t, s)
	l := s.Longest[0]
	fmt.Fprintf(&b, "; longest sentence (%d words): %s; %s", l.Words, quote(l.Text), helps)
	f.Message = b.String()
	return f, true
}

// hardest names the two hardest sections of a page of several, those
// harder to read than its target.
func hardest(b *strings.Builder, t content.ReadingTarget, s Scored) {
	hard := s.Hardest(t.Formula, t.Target, HardestMinWords)
	if len(hard) == 0 || len(s.Sections) < 2 {
		return
	}
	b.WriteString("; hardest sections: ")
	for i, h := range hard[:min(len(hard), 2)] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%s %.1f", sectionName(h), h.Score(t.Formula))
	}
}

// BandText names the band of its formula's scale a score falls in, in
// Spanish and English, with the scale: “normal” on the INFLESZ scale;
// "" for a formula without bands.
func BandText(formula string, score float64) string {
	es, en, ok := readability.Band(formula, score)
	if !ok {
		return ""
	}
	scale := "the INFLESZ scale"
	if formula == readability.FormulaFernandezHuerta {
		scale = "Fernández Huerta's scale"
	}
	if es == en {
		return fmt.Sprintf("“%s” on %s", es, scale)
	}
	return fmt.Sprintf("“%s” (%s) on %s", es, en, scale)
}

// Standing is how a page's reading grade stands against its target.
type Standing string

// The standings, from no score at all to past the limit.
const (
	Unscored      Standing = "no-formula"   // the page's language has no readability formula
	NoText        Standing = "empty"        // no words to score
	Short         Standing = "short"        // fewer than GradeMinWords words: scored, not held to a target
	ForClinicians Standing = "clinicians"   // only for clinicians: reported, not held to a target
	Within        Standing = "within"       // at or below the target grade, or at or above the target ease
	AboveTarget   Standing = "above-target" // a grade above the target: a warning
	AboveMax      Standing = "above-max"    // a grade above the maximum: an error
	BelowTarget   Standing = "below-target" // a reading ease below the target: a warning
	BelowMin      Standing = "below-min"    // a reading ease below the minimum: an error
)

// Judge returns a page's score by its target's formula, to one decimal
// place as people read it (a page shown as grade 8.0 meets a target of
// 8), and how it stands against the target: a grade against its target
// and maximum, a reading ease (see content.ReadingTarget.Ease) against
// its target and minimum. A target with no formula scores nothing.
func Judge(t content.ReadingTarget, c readability.Counts) (float64, Standing) {
	if t.Formula == "" {
		return 0, Unscored
	}
	score := math.Round(c.Score(t.Formula)*10) / 10
	switch {
	case c.Empty():
		return score, NoText
	case c.Words < GradeMinWords:
		return score, Short
	case !t.Enforced:
		return score, ForClinicians
	case t.Ease() && score < t.Min:
		return score, BelowMin
	case t.Ease() && score < t.Target:
		return score, BelowTarget
	case t.Ease():
		return score, Within
	case score > t.Max:
		return score, AboveMax
	case score > t.Target:
		return score, AboveTarget
	}
	return score, Within
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
