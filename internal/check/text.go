package check

import (
	"strconv"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/prose"
)

// Text is one piece of the text a reader sees on a page: a block of the
// body, a question or answer of its faq, its title or its description.
type Text struct {
	markdown.TextBlock
	Field     string // the front matter key it comes from, such as "faq.0.a"; "" for the body
	Sentences []Sentence

	page   *content.Page
	value  string // the front matter value it comes from
	parsed bool   // parsed Markdown: its offsets map to the source through TextBlock.Offset
}

// Pos returns the position of a byte offset of the text. Positions in the
// body are exact, and so are those in front matter values written on one
// line; other front matter text is placed at its key.
func (t Text) Pos(off int) finding.Position {
	if t.parsed {
		off = t.Offset(off)
	}
	if t.Field == "" {
		return t.page.Pos(t.page.BodyStart + off)
	}
	return t.page.TextPos(t.Field, t.value, off)
}

// Sentence is a sentence of a text, with its words.
type Sentence struct {
	prose.Span               // in the text
	Text       string        // the sentence itself
	Tokens     []prose.Token // spans in Text
}

// sentences splits a text into sentences and their words.
func sentences(text string) []Sentence {
	var out []Sentence
	for _, s := range prose.Sentences(text) {
		st := text[s.Start:s.End]
		out = append(out, Sentence{s, st, prose.Tokens(st)})
	}
	return out
}

// Texts returns the visible text of a page (see Page.Texts), worked out
// once for all the rules.
func (in *Input) Texts(i int) []Text {
	if in.texts == nil {
		in.prepare()
	}
	return in.texts[i]
}

// prepare works out the text of every page, in parallel.
func (in *Input) prepare() {
	in.texts = make([][]Text, len(in.Pages))
	parallel.Each(len(in.Pages), func(i int) { in.texts[i] = in.Pages[i].Texts() })
}

// Texts returns the visible text of a page in reading order: title,
// description, body, then each question and answer, split into sentences.
// A page without a parsed body has none.
func (p Page) Texts() []Text {
	if !written(p) || p.Doc == nil {
		return nil
	}
	var out []Text
	field := func(key, text string, kind markdown.BlockKind) {
		if text != "" {
			out = append(out, Text{TextBlock: markdown.TextBlock{Kind: kind, Text: text}, Field: key, page: p.Page, value: text})
		}
	}
	field("title", p.Meta.Title, markdown.HeadingText)
	field("description", p.Meta.Description, markdown.ParagraphText)
	for _, b := range p.Doc.TextBlocks() {
		out = append(out, Text{TextBlock: b, page: p.Page, parsed: true})
	}
	for i, qa := range p.Meta.FAQ {
		field("faq."+strconv.Itoa(i)+".q", qa.Q, markdown.HeadingText)
		if i < len(p.Answers) && p.Answers[i] != nil {
			key := "faq." + strconv.Itoa(i) + ".a"
			for _, b := range p.Answers[i].TextBlocks() {
				out = append(out, Text{TextBlock: b, Field: key, page: p.Page, value: qa.A, parsed: true})
			}
		}
	}
	for i := range out {
		out[i].Sentences = sentences(out[i].TextBlock.Text)
	}
	return out
}
