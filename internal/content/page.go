package content

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Kind is what a page is in the site.
type Kind int

// The kinds of page.
const (
	Single  Kind = iota // an article, question page, news item, ...
	Section             // a folder's list page, from its _index.md
	Home                // the home page, from content/_index.md
)

// String returns "single", "section" or "home".
func (k Kind) String() string {
	switch k {
	case Section:
		return "section"
	case Home:
		return "home"
	}
	return "single"
}

// Page is one Markdown file of the content tree, with its front matter
// decoded and the offsets needed to point findings at exact positions.
type Page struct {
	File    string // slash path from the site root, such as content/articles/flu.md; "" when made up for a folder without _index.md
	Kind    Kind
	Section string // the top folder under content/, such as "articles"; "" at the top
	Dir     string // the folder under content/ holding the page (for a list page, its own folder)
	URL     string // the site path, such as /articles/flu/ or /es/articles/flu/, before the base path
	Lang    string // the page's language, one of the site's (see Config.Langs)
	// SourceFile is the file a translation translates, such as
	// content/articles/flu.md for content/articles/flu.es.md; "" for a
	// page in the default language.
	SourceFile string
	Meta       FrontMatter
	Format     string // front matter format: "yaml", "toml", "json" or "" for none
	Source     []byte // the whole file

	// FrontStart and FrontEnd delimit the front matter text between its
	// delimiter lines; both are 0 when there is none. BodyStart is where the
	// Markdown starts.
	FrontStart, FrontEnd, BodyStart int

	// places records where each front matter key is written and where
	// each scalar value starts, by dotted path such as "review" or
	// "faq.0"; see KeyAt and ValueAt.
	places *positions
	// regain, once ReleasePositions let places go, reads them again from
	// the file when first asked.
	regain *regain

	// Withheld marks a page that `build -withhold` leaves out of the site
	// because checks refused it.
	Withheld bool

	// Scheduled marks a page that a build leaves out of the site because
	// its date is after the build date (see ScheduledAfter). Builds set
	// it once the page is checked; the preview does not, and shows it.
	Scheduled bool

	// Unreadable marks a page whose front matter could not be read at all;
	// Meta is then empty, and rules about its keys have nothing to say.
	Unreadable bool

	lines *lineIndex

	// released is set once Release or ReleaseText first lets go of
	// Source: what Reread checks the file read again against, kept while
	// Restore gives the page its text back.
	released *releasedSource
}

// releasedSource is what a page keeps of its file's bytes once it lets go
// of them: their length and checksum.
type releasedSource struct {
	size int
	sum  uint32
}

// crcTable is the checksum Release keeps of a file's bytes (CRC-32C,
// which processors work out in hardware): it tells a file changed since
// it was read, not one forged to look the same, which whoever can write
// the site's files has no need of.
var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Release lets go of Source, the file's bytes, the index of its lines
// and the positions of its keys and values (KeyAt, ValueAt), keeping the
// bytes' length and checksum: a build, which holds every page at once,
// releases each once it is checked and reads it again (Reread) when it
// renders it, so that it never holds the text of the whole site.
// Positions (Pos, KeyPos, TextPos) are not asked of a released page.
func (p *Page) Release() {
	p.ReleaseText()
	p.places, p.regain = nil, nil
}

// ReleasePositions lets go of the positions of the front matter's keys
// and values of a page whose text was let go (see ReleaseText), which a
// build holds for every page until the rules that compare pages have run,
// though only the few pages they report on are asked: asked again (KeyAt,
// ValueAt, KeyPos, KeyPositions), the page reads its file from fsys
// again, as Reread does, and parses its front matter again for them, once.
// A file changed since it was read has none to give (KeyPos then gives
// the first line). A page that keeps its text keeps its positions.
func (p *Page) ReleasePositions(fsys fs.FS) {
	if p.Source != nil || p.released == nil || p.places == nil {
		return
	}
	p.places, p.regain = nil, &regain{fsys: fsys}
}

// regain is how a page gets back the positions ReleasePositions let go.
type regain struct {
	once   sync.Once
	fsys   fs.FS
	places *positions
}

// positions returns the page's positions, read again if they were let
// go; nil for none. Several goroutines may ask at once.
func (p *Page) positions() *positions {
	if p.places != nil || p.regain == nil {
		return p.places
	}
	r := p.regain
	r.once.Do(func() {
		data, err := p.Reread(r.fsys)
		if err != nil {
			return
		}
		if again, _ := ParsePage(p.File, data); again != nil {
			r.places = again.places
		}
	})
	return r.places
}

// ReleaseText lets go of Source and the index of its lines, as Release
// does, but keeps the positions of the front matter's keys and values,
// for KeyPos; Pos and TextPos are not asked of the page any more.
func (p *Page) ReleaseText() {
	if p.Source == nil {
		return
	}
	if p.released == nil { // a page restored keeps the sum of the bytes it was read from
		p.released = &releasedSource{size: len(p.Source), sum: crc32.Checksum(p.Source, crcTable)}
	}
	p.Source, p.lines = nil, nil
}

// Restore gives a page whose text was let go (see ReleaseText) its
// file's bytes back, read again from fsys, which must hold exactly the
// bytes the page was read from; see Reread.
func (p *Page) Restore(fsys fs.FS) error {
	data, err := p.Reread(fsys)
	if err != nil {
		return err
	}
	p.Source = data
	return nil
}

// Reread returns the file's bytes: Source, or for a released page (see
// Release), the file read again from fsys, the site's folder, which must
// hold exactly the bytes the page was read and checked from. A file
// changed since is an error: the text checked is the text published.
func (p *Page) Reread(fsys fs.FS) ([]byte, error) {
	if p.Source != nil || p.released == nil {
		return p.Source, nil
	}
	data, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return nil, err
	}
	if len(data) != p.released.size || crc32.Checksum(data, crcTable) != p.released.sum {
		return nil, fmt.Errorf("%s changed while the site was being built; build again", p.File)
	}
	return data, nil
}

// Body returns the Markdown after the front matter.
func (p *Page) Body() []byte { return p.Source[p.BodyStart:] }

// ForgetLines lets go of the index of the file's lines that Pos and
// TextPos build when first asked, which is about as large as the file
// itself: once a page is checked, few positions are asked for, and those
// build it again. It must not be called while another goroutine reads the
// page's positions.
func (p *Page) ForgetLines() { p.lines = nil }

// Pos returns the position of byte offset off of the whole file.
func (p *Page) Pos(off int) finding.Position {
	if p.lines == nil {
		p.lines = newLineIndex(p.Source)
	}
	l, c := p.lines.pos(off)
	return finding.Position{File: p.File, Line: l, Col: c}
}

// KeyPos returns where the front matter key is written; for a missing key,
// where the title is, or the first line.
func (p *Page) KeyPos(key string) finding.Position {
	if pos, ok := p.KeyAt(key); ok {
		return pos
	}
	if pos, ok := p.KeyAt("title"); ok {
		return pos
	}
	return finding.Position{File: p.File, Line: 1, Col: 1}
}

// TextPos returns the position of byte off of text, the value of a front
// matter key, when the value is written on one line exactly as text (plain
// or in quotes without escapes); otherwise it returns where the key is.
func (p *Page) TextPos(key, text string, off int) finding.Position {
	vp, ok := p.ValueAt(key)
	if !ok || p.FrontEnd == 0 {
		return p.KeyPos(key)
	}
	if p.lines == nil {
		p.lines = newLineIndex(p.Source)
	}
	if vp.Line < 1 || vp.Line > len(p.lines.starts) {
		return p.KeyPos(key)
	}
	line := p.Source[p.lines.starts[vp.Line-1]:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	rest := string(line)
	for c := 1; c < vp.Col && rest != ""; c++ {
		_, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
	}
	col := vp.Col
	if strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "'") {
		rest, col = rest[1:], col+1
	}
	if !strings.HasPrefix(rest, text) || off < 0 || off > len(text) {
		return p.KeyPos(key)
	}
	return finding.Position{File: p.File, Line: vp.Line, Col: col + utf8.RuneCountInString(text[:off])}
}

// Published reports whether the page goes into the built site: it is not
// a draft, and was neither withheld nor held back for its date.
func (p *Page) Published() bool { return !p.Meta.Draft && !p.Withheld && !p.Scheduled }

// ScheduledAfter reports whether the page waits for a later build: it is
// a single page (not a home or list page) whose date is after the build
// date today. A date without a time is a day, reached by any build on or
// after it in today's time zone; a date with a time is that moment.
func (p *Page) ScheduledAfter(today time.Time) bool {
	d := p.Meta.Date
	switch {
	case p.Kind != Single || d.IsZero():
		return false
	case d.HasTime:
		return d.After(today)
	}
	y, m, day := today.Date()
	return d.After(time.Date(y, m, day, 0, 0, 0, 0, time.UTC))
}

type captured struct {
	format string
	data   []byte
}

func capture(format string) frontmatter.UnmarshalFunc {
	return func(data []byte, v any) error {
		c := v.(*captured)
		c.format, c.data = format, data
		return nil
	}
}

var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", capture("yaml")),
	frontmatter.NewFormat("---yaml", "---", capture("yaml")),
	frontmatter.NewFormat("+++", "+++", capture("toml")),
	frontmatter.NewFormat("---toml", "---", capture("toml")),
	frontmatter.NewFormat(";;;", ";;;", capture("json")),
	frontmatter.NewFormat("---json", "---", capture("json")),
}

// frontCut returns how much of a file the front matter parser needs: up
// to the end of the first line after the first that holds nothing but a
// closing delimiter, or the whole file when none does. The parser reads
// lines, white space trimmed, until the one that closes what the first
// line opened, so given that much it finds the same front matter.
func frontCut(src []byte) int {
	i := bytes.IndexByte(src, '\n') + 1
	if i == 0 {
		return len(src)
	}
	for i < len(src) {
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j + 1
		}
		switch string(bytes.TrimSpace(src[i:end])) {
		case "---", "+++", ";;;":
			return end
		}
		i = end
	}
	return len(src)
}

// ParsePage reads one Markdown file. file is its slash path from the site
// root, used in findings. Front matter problems are findings; the page is
// returned whenever its text could be split from its front matter, so that
// the rest of the checks can still run.
func ParsePage(file string, src []byte) (*Page, []finding.Finding) {
	p := &Page{File: file, Source: src}
	fail := func(line, col int, rule, msg string) (*Page, []finding.Finding) {
		p.Unreadable = true
		return p, []finding.Finding{{Position: finding.Position{File: file, Line: line, Col: col}, Rule: rule, Severity: finding.Error, Message: msg}}
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		pos := p.Pos(off)
		return fail(pos.Line, pos.Col, "content.encoding", "the file is not valid UTF-8 text here; save it as UTF-8")
	}
	skip := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		skip = 3 // a byte order mark some editors write
	}
	var c captured
	// The front matter parser copies what it reads: it is given the file
	// up to the first line that may close the front matter, and all of
	// it only when that line does not.
	in := src[skip:]
	cut := frontCut(in)
	rest, err := frontmatter.Parse(bytes.NewReader(in[:cut]), &c, formats...)
	if err == nil && c.format == "" && cut < len(in) {
		cut = len(in)
		rest, err = frontmatter.Parse(bytes.NewReader(in), &c, formats...)
	}
	if err != nil { // the capture never fails, so this is a read error
		return fail(1, 1, "frontmatter.syntax", "cannot read the front matter: "+err.Error())
	}
	if c.format == "" {
		if open := openingDelimiter(src[skip:]); open != "" {
			pos := p.Pos(skip + strings.Index(string(src[skip:]), open))
			return fail(pos.Line, pos.Col, "frontmatter.syntax", "the front matter that opens with "+open+" is never closed; end it with a line holding only "+closing(open))
		}
		p.BodyStart = skip
		return p, nil
	}
	p.Format = c.format
	p.BodyStart = skip + cut - len(rest)
	// The closing delimiter is the line that ends where the body starts.
	end := p.BodyStart
	if end > 0 && src[end-1] == '\n' {
		end--
	}
	p.FrontEnd = bytes.LastIndexByte(src[:end], '\n') + 1
	p.FrontStart = p.FrontEnd - len(c.data)

	first := p.Pos(p.FrontStart).Line
	var tree *node
	switch c.format {
	case "yaml":
		tree, err = parseYAML(c.data, first)
	case "toml":
		tree, err = parseTOML(c.data, first)
	case "json":
		tree, err = parseJSON(src, p.FrontStart, p.FrontEnd)
	}
	if err != nil {
		var se *syntaxError
		if !errors.As(err, &se) {
			return fail(first, 1, "frontmatter.syntax", err.Error())
		}
		line := se.line
		if line == 0 {
			line = first
		}
		return fail(line, max(se.col, 1), "frontmatter.syntax", se.msg)
	}
	d := newDecoder(file, "frontmatter")
	switch tree.kind {
	case mapNode:
		d.decode(tree, reflectValue(&p.Meta), "")
	case nullNode:
	default:
		d.report(tree, "type", "the front matter must be a set of keys, such as title: Flu vaccine")
	}
	p.places = newPositions(d.keys, d.values)
	found := append(d.found, p.Meta.validate(file, d.keys)...)
	return p, finding.Sort(found)
}

// openingDelimiter returns the front matter delimiter the file opens with,
// or "" when its first non-blank line is not one.
func openingDelimiter(src []byte) string {
	for line := range strings.Lines(string(src)) {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		for _, f := range formats {
			if t == f.Start {
				return t
			}
		}
		return ""
	}
	return ""
}

func closing(open string) string {
	for _, f := range formats {
		if f.Start == open {
			return f.End
		}
	}
	return open
}
