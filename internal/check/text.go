package check

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/pamphlet-health/pamphlet/internal/claims"
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

	verdict *verdict // what the claim detector finds, shared by the sentences of the same text; see judge
}

// verdict is what the claim detector finds in a sentence, worked out once
// for every rule that asks and every page that has the same sentence:
// promises alone [0], or claims and promises [1].
type verdict struct {
	once [2]sync.Once
	done atomic.Bool // [1] is worked out
	v    [2]claims.Verdict
}

// judge returns what the claim detector finds in the sentence: a promise,
// and a claim when claims is true.
func (s *Sentence) judge(d claimReader, claims bool) claims.Verdict {
	if s.verdict == nil {
		s.verdict = &verdict{} // a sentence made outside Input.prepare
	}
	v := s.verdict
	if !claims && v.done.Load() {
		return v.v[1] // the same promise
	}
	i := 0
	if claims {
		i = 1
	}
	v.once[i].Do(func() {
		v.v[i] = d.Judge(s.Text, s.Tokens, claims)
		if claims {
			v.done.Store(true)
		}
	})
	return v.v[i]
}

// sentences splits a text into sentences and their words.
func sentences(text string) []Sentence {
	var out []Sentence
	for _, s := range prose.Sentences(text) {
		st := text[s.Start:s.End]
		out = append(out, Sentence{Span: s, Text: st, Tokens: prose.Tokens(st)})
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

// prepare works out the text of every page, in parallel, and gives the
// sentences of the same text in the same language one verdict: pages
// repeat sentences (a note on every page, answers that repeat the body),
// and the detector reads each once.
func (in *Input) prepare() {
	in.texts = make([][]Text, len(in.Pages))
	parallel.Each(len(in.Pages), func(i int) { in.texts[i] = in.Pages[i].Texts() })
	shared := map[[2]string]*verdict{} // by language and sentence: each language has its own detector
	for i, texts := range in.texts {
		lang := ""
		if in.Pages[i].Page != nil {
			lang = in.Pages[i].Lang
		}
		for _, t := range texts {
			for k := range t.Sentences {
				s := &t.Sentences[k]
				key := [2]string{lang, s.Text}
				v := shared[key]
				if v == nil {
					v = &verdict{}
					shared[key] = v
				}
				s.verdict = v
			}
		}
	}
}

// Texts returns the visible text of a page in reading order: title,
// description, body, then each question and answer, split into sentences.
// A page without a parsed body has none.
func (p Page) Texts() []Text {
	if !written(p) || p.Doc == nil {
		return nil
	}
	blocks := p.Doc.TextBlocks()
	out := make([]Text, 0, len(blocks)+2+2*len(p.Meta.FAQ))
	field := func(key, text string, kind markdown.BlockKind) {
		if text != "" {
			out = append(out, Text{TextBlock: markdown.TextBlock{Kind: kind, Text: text}, Field: key, page: p.Page, value: text})
		}
	}
	field("title", p.Meta.Title, markdown.HeadingText)
	field("description", p.Meta.Description, markdown.ParagraphText)
	for _, b := range blocks {
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
