package build

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/images"
	"github.com/pamphlet-health/pamphlet/internal/layout"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/parallel"
	"github.com/pamphlet-health/pamphlet/internal/view"
)

// ColumnWidth is the width in CSS pixels of the built-in theme's text
// column at the default font size: .container's max-width of 46rem, less
// its padding of 1rem on each side, at 16 pixels to the rem. Raster
// images wider than it get smaller copies.
const ColumnWidth = 704

// CopyWidths are the widths of the smaller copies of a PNG or JPEG image
// wider than the column: those narrower than the image itself, and of
// those only the copies whose files are smaller than the image's.
var CopyWidths = []int{480, 800, 2 * ColumnWidth}

// copySizes is the sizes attribute of an image with copies: the width
// of the column, which fills the window less its padding on small
// screens.
const copySizes = "(max-width: 46rem) calc(100vw - 2rem), 44rem"

// EagerWords is how many words of a page's text may come before an
// image that still loads at once: one later than that, and not the
// page's first image, gets loading="lazy" and decoding="async".
const EagerWords = 50

// picture is what the build knows of one image file: its size, read from
// its header once, and its smaller copies, made once.
type picture struct {
	file string // from the site root
	url  string // its site path, such as /articles/img/chart.png

	header sync.Once
	info   images.Info
	err    error // the header cannot be read

	copying sync.Once
	copies  []imageCopy
	copyErr error // the image cannot be decoded to make its copies
}

// imageCopy is a smaller copy of an image.
type imageCopy struct {
	width int
	out   string // its output path, such as articles/img/chart-480w.1a2b3c4d5e.png
	data  []byte
}

// wantsCopies reports whether an image gets smaller copies: a PNG or JPEG
// image wider than the column, and not too large to decode.
func (pic *picture) wantsCopies() bool {
	return pic.err == nil && images.Resizable(pic.info.Format) && pic.info.Width > ColumnWidth &&
		int64(pic.info.Width)*int64(pic.info.Height) <= images.MaxPixels
}

// picture returns what the build knows of the image file a link leads
// to, its header read, or nil when the link leads to no local file.
func (p *Project) picture(from *content.Page, dest string) *picture {
	t, internal := p.Site.Resolve(from, dest)
	if !internal || t.Static == "" {
		return nil
	}
	file := p.Site.Static[t.Static]
	c := p.sums
	c.mu.Lock()
	if c.pictures == nil {
		c.pictures = map[string]*picture{}
	}
	pic := c.pictures[file]
	if pic == nil {
		pic = &picture{file: file, url: t.Static}
		c.pictures[file] = pic
	}
	c.mu.Unlock()
	pic.header.Do(func() {
		f, err := p.openFile(file)
		if err != nil {
			pic.err = fmt.Errorf("it cannot be read: %w", err)
			return
		}
		defer f.Close()
		pic.info, pic.err = images.Size(file, f)
	})
	return pic
}

// openFile opens a file of the site by its path from the site root,
// where the assets come from the layer (site or theme) that has them.
func (p *Project) openFile(file string) (fs.File, error) {
	if rel, ok := strings.CutPrefix(file, "assets/"); ok && p.assets[rel] != nil {
		return p.assets[rel].Open(file)
	}
	return p.siteFS.Open(file)
}

// readFile reads a file of the site as openFile opens it.
func (p *Project) readFile(file string) ([]byte, error) {
	if rel, ok := strings.CutPrefix(file, "assets/"); ok && p.assets[rel] != nil {
		return fs.ReadFile(p.assets[rel], file)
	}
	return fs.ReadFile(p.siteFS, file)
}

// makeCopies makes the smaller copies of an image that wants them, once,
// taking each from the cache when it holds it.
func (p *Project) makeCopies(pic *picture) {
	pic.copying.Do(func() {
		if !pic.wantsCopies() {
			return
		}
		src, err := p.readFile(pic.file)
		if err != nil {
			pic.copyErr = fmt.Errorf("it cannot be read: %w", err)
			return
		}
		dir, name := path.Split(strings.TrimPrefix(pic.url, "/"))
		ext := path.Ext(name)
		for _, w := range CopyWidths {
			if w >= pic.info.Width {
				continue
			}
			key := images.Key(src, w)
			data, ok := p.imageCache.Get(key)
			if ok {
				// A file of the cache someone changed is made again.
				got, err := images.Size(name, bytes.NewReader(data))
				ok = err == nil && got.Width == w && got.Format == pic.info.Format
			}
			if !ok {
				if data, err = images.Resize(src, pic.info, w); err != nil {
					pic.copies, pic.copyErr = nil, fmt.Errorf("it cannot be decoded: %w", err)
					return
				}
				_ = p.imageCache.Put(key, data) // a copy not kept is made again next time
			}
			p.imageStats.use(key, !ok)
			if len(data) >= len(src) {
				continue // no smaller to fetch than the image itself
			}
			out := dir + strings.TrimSuffix(name, ext) + "-" + strconv.Itoa(w) + "w." + key[:10] + ext
			pic.copies = append(pic.copies, imageCopy{width: w, out: out, data: data})
		}
	})
}

// imageRef is an image a page shows, and where.
type imageRef struct {
	page  *check.Page
	dest  string
	pos   finding.Position
	share bool // the page's sharing image, which gets no copies
}

// imageRefs lists every image the pages show in their bodies and answers,
// in the site's order.
func (p *Project) imageRefs(pages []check.Page) []imageRef {
	var out []imageRef
	for i := range pages {
		pg := &pages[i]
		if pg.Doc == nil {
			continue
		}
		if img := pg.Meta.Image; img != nil && img.Path != "" {
			out = append(out, imageRef{page: pg, dest: img.Path, pos: check.ShareImagePos(pg.Page), share: true})
		}
		for n, l := range pg.Doc.Links {
			if l.Image {
				out = append(out, imageRef{page: pg, dest: l.Dest, pos: pg.LinkPos(n)})
			}
		}
		for k, a := range pg.Answers {
			if a == nil || k >= len(pg.Meta.FAQ) {
				continue
			}
			for n, l := range a.Links {
				if l.Image {
					out = append(out, imageRef{page: pg, dest: l.Dest, pos: pg.AnswerLinkPos(k, n)})
				}
			}
		}
	}
	return out
}

// pictureFindings reads the header of every image file that pages show
// and reports those that cannot be read (images.size): an error for a
// file of a format pamphlet reads, a warning for other formats, whose
// size it cannot give. With copies it makes the smaller copies of large
// images instead, which decodes them whole, and reports those that
// cannot be decoded.
func (p *Project) pictureFindings(ctx context.Context, copies bool) []finding.Finding {
	return p.picturesOf(ctx, p.Pages, copies)
}

// picturesOf is what pictureFindings finds of the images some pages show.
func (p *Project) picturesOf(ctx context.Context, pages []check.Page, copies bool) []finding.Finding {
	refs := p.imageRefs(pages)
	pics := make([]*picture, len(refs))
	_ = parallel.For(ctx, len(refs), p.Options.Workers, func(i int) error {
		pics[i] = p.picture(refs[i].page.Page, refs[i].dest)
		if copies && pics[i] != nil && !refs[i].share {
			p.makeCopies(pics[i])
		}
		return nil
	})
	var out []finding.Finding
	for i, pic := range pics {
		if pic == nil {
			continue // a link to no file is links.broken
		}
		pos := refs[i].pos
		switch {
		case copies:
			if pic.copyErr != nil && !refs[i].share {
				out = append(out, finding.Finding{Position: pos, Rule: "images.size", Severity: finding.Error,
					Message: fmt.Sprintf("the image %s cannot be shown: %v; save it again from an image editor", pic.file, pic.copyErr)})
			}
		case !images.IsImage(pic.file):
			out = append(out, finding.Finding{Position: pos, Rule: "images.size", Severity: finding.Warning,
				Message: fmt.Sprintf("pamphlet cannot read the size of %s, so the page may jump as it loads; use a PNG, JPEG, GIF, WebP or SVG image", pic.file)})
		case pic.err != nil:
			out = append(out, finding.Finding{Position: pos, Rule: "images.size", Severity: finding.Error,
				Message: fmt.Sprintf("the image %s cannot be shown: %v; save it again from an image editor", pic.file, pic.err)})
		case refs[i].share && pic.info.Format == "svg":
			out = append(out, finding.Finding{Position: pos, Rule: "images.size", Severity: finding.Warning,
				Message: fmt.Sprintf("the sharing image %s is an SVG image, which Open Graph and Twitter cards do not show; use a PNG or JPEG image, 1200 by 630 pixels", pic.file)})
		}
	}
	return out
}

// CopyFindings makes the smaller copies of the large images pages show,
// or takes them from the cache, and returns the findings about images
// that cannot be decoded. Build calls it before the review gate judges
// the findings; a check alone reads only the images' headers.
func (p *Project) CopyFindings(ctx context.Context) []finding.Finding {
	return p.pictureFindings(ctx, true)
}

// pictures returns what the pages' images write on their <img> elements
// for one page rendered: width and height, copies in srcset, and lazy
// loading for the images below the first screen (see EagerWords). state
// carries the count of images and words from the body to the answers.
func (r *Renderer) pictures(pg *content.Page, doc *markdown.Document, state *pageImages) markdown.Pictures {
	return func(l markdown.Link, _ int) (markdown.Picture, bool) {
		words := state.words + doc.WordsBefore(l.Offset)
		first := state.images == 0
		state.images++
		lazy := !first && words >= EagerWords
		pic := r.p.picture(pg, l.Dest)
		if pic == nil {
			return markdown.Picture{}, false // not a file of the site
		}
		if pic.err != nil || !images.IsImage(pic.file) {
			return markdown.Picture{Lazy: lazy}, true // of a size pamphlet cannot read
		}
		out := markdown.Picture{Width: pic.info.Width, Height: pic.info.Height, Lazy: lazy}
		r.p.makeCopies(pic)
		if len(pic.copies) > 0 && pic.copyErr == nil {
			var set []string
			for _, c := range pic.copies {
				set = append(set, r.relURL("/"+c.out)+" "+strconv.Itoa(c.width)+"w")
			}
			set = append(set, r.relURL(pic.url)+" "+strconv.Itoa(pic.info.Width)+"w")
			out.SrcSet, out.Sizes = strings.Join(set, ", "), copySizes
		}
		return out, true
	}
}

// shareImage is the page's own sharing image, or nil when it has none.
func (r *Renderer) shareImage(pg *check.Page) *layout.Image {
	img := pg.Meta.Image
	if img == nil || img.Path == "" {
		return nil
	}
	pic := r.p.picture(pg.Page, img.Path)
	if pic == nil {
		return nil
	}
	li := view.PageImage(r.absURL(pic.url), strings.TrimSpace(img.Alt), pic.info.Width, pic.info.Height)
	return &li
}

// answersShowImages reports whether a page's FAQ answers show an image.
func (p *Project) answersShowImages(pg *check.Page) bool {
	for _, qa := range pg.Meta.FAQ {
		if !strings.Contains(qa.A, "![") {
			continue
		}
		for _, l := range p.md.Parse([]byte(qa.A)).Links {
			if l.Image {
				return true
			}
		}
	}
	return false
}

// pageImages is what one page's render has seen of its images so far.
type pageImages struct {
	images int // images rendered
	words  int // words of the documents rendered before
}

// done counts the words of a document the page has rendered.
func (s *pageImages) done(doc *markdown.Document) { s.words += doc.WordsBefore(len(doc.Source)) }

// imageCopies returns the smaller copies made so far, by output path.
func (p *Project) imageCopies() map[string][]byte {
	c := p.sums
	c.mu.Lock()
	pics := slices.Collect(maps.Values(c.pictures))
	c.mu.Unlock()
	out := map[string][]byte{}
	for _, pic := range pics {
		for _, cp := range pic.copies {
			out[cp.out] = cp.data
		}
	}
	return out
}
