package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

var (
	fileNameAlt = regexp.MustCompile(`(?i)^[\w.-]+\.(?:png|jpe?g|gif|svg|webp|avif|bmp|tiff?|heic)$|^(?:img|dsc|dscn|pxl|screenshot|image|photo)[ _-]?\d+`)
	urlText     = regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+$`)
)

// genericAlt is alt text that says an image is there but not what it shows.
var genericAlt = map[string]bool{
	"image": true, "picture": true, "photo": true, "photograph": true, "graphic": true,
	"icon": true, "img": true, "illustration": true, "diagram": true, "chart": true, "logo": true,
}

// vagueLinks is link text that says nothing out of context.
var vagueLinks = map[string]bool{
	"click here": true, "here": true, "click": true, "read more": true, "more": true,
	"learn more": true, "find out more": true, "more info": true, "more information": true,
	"this link": true, "link": true, "this page": true, "this": true, "page": true,
	"details": true, "go": true, "continue": true, "website": true, "see more": true,
	"tap here": true, "press here": true, "info": true,
}

// Images reports images without alt text, or whose alt text is a file name
// (a11y.alt, error), and alt text that only says "image" (warning).
func Images(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !live(p) {
			continue
		}
		for _, l := range p.Doc.Links {
			if !l.Image {
				continue
			}
			alt := strings.TrimSpace(l.Text)
			pos := p.BodyPos(l.Offset)
			switch {
			case alt == "":
				out = append(out, errorAt(pos, "a11y.alt", fmt.Sprintf("the image %s has no alt text; write what it shows, in the brackets of ![…](…), for people who cannot see it", l.Dest)))
			case fileNameAlt.MatchString(alt):
				out = append(out, errorAt(pos, "a11y.alt", fmt.Sprintf("the alt text of the image is a file name (%q); write what the image shows instead", alt)))
			case genericAlt[strings.ToLower(strings.TrimRight(alt, "."))]:
				out = append(out, warningAt(pos, "a11y.alt", fmt.Sprintf("the alt text %q says there is an image but not what it shows; describe it", alt)))
			}
		}
		if img := p.Meta.Image; img != nil && img.Path != "" && strings.TrimSpace(img.Alt) == "" {
			out = append(out, errorAt(ShareImagePos(p.Page), "a11y.alt", fmt.Sprintf("the sharing image %s has no alt text; write what it shows, as image: {path: %s, alt: ...}, for people who cannot see it", img.Path, img.Path)))
		}
	}
	return out
}

// ShareImagePos is where a page's front matter names its sharing image:
// the value of image.path, or of image when it is written as the path
// alone.
func ShareImagePos(p *content.Page) finding.Position {
	for _, key := range []string{"image.path", "image"} {
		if pos, ok := p.ValueAt(key); ok {
			return pos
		}
	}
	return p.KeyPos("image")
}

// Headings reports an H1 in the body (a11y.h1, error: the layout shows the
// title as the page's one H1) and headings that skip a level, such as an
// H4 after an H2 (a11y.heading-order, warning).
func Headings(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !live(p) {
			continue
		}
		prev := 1 // the title
		for _, h := range p.Doc.Headings {
			pos := p.BodyPos(h.Offset)
			switch {
			case h.Level == 1:
				out = append(out, errorAt(pos, "a11y.h1", fmt.Sprintf("%s is a first-level heading; the page's title is its only one, so start headings in the text at ## (level 2)", quote(h.Text))))
			case h.Level > prev+1:
				out = append(out, warningAt(pos, "a11y.heading-order", fmt.Sprintf("%s jumps from level %d to level %d; use %s so that people who move by headings do not think something is missing", quote(h.Text), prev, h.Level, strings.Repeat("#", prev+1))))
			}
			prev = h.Level
		}
	}
	return out
}

// LinkText reports links whose text says nothing out of context, such as
// "click here" or "read more", and links whose text is a bare web address
// (a11y.link-text, warning): screen reader users move from link to link.
func LinkText(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !live(p) {
			continue
		}
		for _, l := range p.Doc.Links {
			if l.Image {
				continue
			}
			text := strings.ToLower(strings.Join(strings.Fields(strings.Trim(l.Text, " .:…→>»")), " "))
			pos := p.BodyPos(l.Offset)
			switch {
			case vagueLinks[text]:
				out = append(out, warningAt(pos, "a11y.link-text", fmt.Sprintf("the link text %q says nothing about where it leads; use words that make sense on their own, such as the title of the page", l.Text)))
			case urlText.MatchString(text) && !strings.HasPrefix(l.Dest, "mailto:"):
				out = append(out, warningAt(pos, "a11y.link-text", fmt.Sprintf("the link text is a web address (%s), which screen readers spell out; link words that say where it leads, such as the page's title", l.Text)))
			}
		}
	}
	return out
}

// Tables reports tables whose header row is empty, or has a cell without
// text (a11y.table-header, error): a screen reader reads each cell with
// its column's header, and an empty header cell names nothing.
func Tables(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !live(p) {
			continue
		}
		_ = ast.Walk(p.Doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			t, ok := n.(*east.Table)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			header, ok := t.FirstChild().(*east.TableHeader)
			if !ok {
				return ast.WalkSkipChildren, nil
			}
			var empty []int // the columns without a heading, from 0
			cells := 0
			for c := header.FirstChild(); c != nil; c = c.NextSibling() {
				if markdown.PlainText(c, p.Doc.Source) == "" {
					empty = append(empty, cells)
				}
				cells++
			}
			start := tableStart(t, p.Doc.Source)
			switch {
			case len(empty) == 0:
			case len(empty) == cells:
				out = append(out, errorAt(p.BodyPos(start), "a11y.table-header", "the table's header row is empty; give each column a heading in the first row, so screen readers can say what each cell is"))
			default:
				for _, col := range empty {
					out = append(out, errorAt(p.BodyPos(headerCell(p.Doc.Source, start, col)), "a11y.table-header",
						fmt.Sprintf("column %d of the table has no heading; write one in its cell of the first row, so screen readers can say what each cell of the column is", col+1)))
				}
			}
			return ast.WalkSkipChildren, nil
		})
	}
	return out
}

// headerCell returns the source offset of the col-th cell (from 0) of the
// header row that starts at offset start: where its text would begin,
// after the pipe that opens it. A pipe escaped with a backslash is text.
func headerCell(src []byte, start, col int) int {
	i := start
	if i < len(src) && src[i] == '|' {
		i++
	}
	for n := 0; n < col && i < len(src) && src[i] != '\n'; i++ {
		switch src[i] {
		case '\\':
			i++
		case '|':
			n++
		}
	}
	return min(i, len(src))
}

// tableStart returns the source offset of a table's first line: the pipe
// before its first header cell, or the cell itself.
func tableStart(t *east.Table, src []byte) int {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Lines().Len() == 0 {
				continue
			}
			off := c.Lines().At(0).Start
			for off > 0 && src[off-1] != '\n' && src[off-1] != '|' {
				off--
			}
			if off > 0 && src[off-1] == '|' {
				off--
			}
			return off
		}
	}
	return 0
}
