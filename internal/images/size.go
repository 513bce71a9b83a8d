// Package images reads the size of the image files a site shows, from
// their headers alone, and makes smaller copies of the large ones for
// srcset, cached on disk by a hash of what they are made from.
package images

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registered for image.DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"io"
	"path"
	"strings"

	_ "golang.org/x/image/webp"
)

// Info is what a file's header says of its image.
type Info struct {
	Width, Height int
	// Format is png, jpeg, gif, webp or svg: what the bytes are, which
	// need not be what the file's extension says.
	Format string
	// Orientation is a JPEG photo's EXIF orientation, 1 to 8, or 0 for
	// other formats. Width and Height are the image's as shown, turned
	// as the orientation says, as browsers show it.
	Orientation int
}

// Extensions are the extensions of the files Size reads, lowercase.
var Extensions = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}

// IsImage reports whether a file name has one of the Extensions.
func IsImage(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Size reads the width and height in pixels of the image in r, a file
// named name: an SVG file (by its extension) from the width and height
// of its root element, or its viewBox; a PNG, JPEG, GIF or WebP file from
// its header, whatever its extension, turned as a JPEG photo's EXIF
// orientation says. It reads no more of r than the header (at most 64 KB).
func Size(name string, r io.Reader) (Info, error) {
	if strings.EqualFold(path.Ext(name), ".svg") {
		w, h, err := SVGSize(r)
		return Info{Width: w, Height: h, Format: "svg"}, err
	}
	br := bufio.NewReaderSize(r, headSize)
	if _, err := br.Peek(1); errors.Is(err, io.EOF) {
		return Info{}, errors.New("the file is empty")
	}
	head, _ := br.Peek(headSize) // all there is of a shorter file
	c, format, err := image.DecodeConfig(br)
	if errors.Is(err, image.ErrFormat) {
		return Info{}, errors.New("it is not a PNG, JPEG, GIF or WebP image")
	}
	if err != nil {
		return Info{}, fmt.Errorf("its header cannot be read: %w", err)
	}
	if c.Width <= 0 || c.Height <= 0 {
		return Info{}, fmt.Errorf("its header gives a size of %d by %d pixels", c.Width, c.Height)
	}
	info := Info{Width: c.Width, Height: c.Height, Format: format}
	if format == "jpeg" {
		if info.Orientation = jpegOrientation(head); turned(info.Orientation) {
			info.Width, info.Height = info.Height, info.Width
		}
	}
	return info, nil
}

// headSize is how much of a file Size reads at most: the header, and a
// JPEG file's EXIF data, which comes before the image.
const headSize = 64 << 10
