package images

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/testsite"
)

var update = flag.Bool("update", false, "rewrite the example site's generated images")

// The example site's images are drawn here, so that they are ours and can
// be made again: go test ./internal/images -run TestExampleImages -update.

var palette = color.Palette{
	color.RGBA{0xf4, 0xf7, 0xfb, 0xff}, // background
	color.RGBA{0xff, 0xff, 0xff, 0xff}, // paper
	color.RGBA{0x0b, 0x4f, 0x8a, 0xff}, // the theme's link blue
	color.RGBA{0xdd, 0xe8, 0xf3, 0xff}, // panel
	color.RGBA{0x8a, 0x96, 0xa3, 0xff}, // text lines
	color.RGBA{0x1e, 0x7b, 0x4a, 0xff}, // green
}

const (
	cBackground = iota
	cPaper
	cBlue
	cPanel
	cText
	cGreen
)

func fill(img *image.Paletted, x0, y0, x1, y1 int, c uint8) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			img.SetColorIndex(x, y, c)
		}
	}
}

// articleLayout draws the parts of an article, top to bottom: title,
// summary, sections with headings, questions, and who checked it.
func articleLayout() *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, 1600, 1000), palette)
	fill(img, 300, 40, 1300, 960, cBlue) // the page's edge
	fill(img, 306, 46, 1294, 954, cPaper)
	fill(img, 360, 90, 1100, 140, cBlue)   // title
	fill(img, 360, 170, 1240, 250, cPanel) // summary
	fill(img, 390, 195, 1100, 210, cText)
	fill(img, 390, 220, 900, 235, cText)
	y := 290
	for range 3 { // sections
		fill(img, 360, y, 760, y+28, cBlue)
		for i, w := range []int{860, 820, 600} {
			fill(img, 360, y+50+i*26, 360+w, y+64+i*26, cText)
		}
		y += 150
	}
	fill(img, 360, 745, 372, 845, cGreen) // questions
	for i, w := range []int{500, 700, 450} {
		fill(img, 395, 760+i*28, 395+w, 776+i*28, cText)
	}
	fill(img, 360, 880, 1240, 920, cPanel) // reviewed by, sources
	fill(img, 380, 893, 700, 907, cText)
	return img
}

// calendarCard draws a calendar page with one day marked, to share an
// event with.
func calendarCard() *image.Paletted {
	img := image.NewPaletted(image.Rect(0, 0, 1200, 630), palette)
	fill(img, 0, 0, 1200, 630, cBlue)
	fill(img, 390, 95, 810, 535, cPaper)
	fill(img, 390, 95, 810, 175, cPanel)
	fill(img, 470, 70, 490, 125, cPaper) // rings
	fill(img, 710, 70, 730, 125, cPaper)
	for row := range 5 {
		for col := range 7 {
			x, y := 415+col*56, 200+row*64
			c := uint8(cPanel)
			if row == 2 && col == 3 {
				c = cGreen
			}
			fill(img, x, y, x+42, y+46, c)
		}
	}
	return img
}

func TestExampleImages(t *testing.T) {
	root := testsite.Root(t)
	for name, img := range map[string]*image.Paletted{
		"content/articles/img/article-layout.png": articleLayout(),
		"content/events/img/foot-care-class.png":  calendarCard(),
	} {
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(root, filepath.FromSlash(name))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update to make it)", err)
		}
		if !bytes.Equal(got, buf.Bytes()) {
			t.Errorf("%s is not what TestExampleImages draws; run go test -update", name)
		}
	}
}
