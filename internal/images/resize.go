package images

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/image/draw"
)

// JPEGQuality is the quality smaller copies of JPEG images are encoded at.
const JPEGQuality = 82

// MaxPixels is the most pixels an image may have for Resize to decode it:
// 40 megapixels, some 160 MB in memory. Larger images get no copies.
const MaxPixels = 40_000_000

// encoder names how Resize makes copies, so that a change to it makes
// new copies and new names rather than reusing old ones.
const encoder = "catmullrom;png-best,palette;jpeg-q82,oriented"

// Resizable reports whether Resize makes copies of images of a format:
// PNG and JPEG. GIF images may be animated and WebP images are already
// small; both are served as they are.
func Resizable(format string) bool { return format == "png" || format == "jpeg" }

// Key is the hash that names a copy of an image width pixels wide: of the
// source's bytes, the width and how copies are made. The same key always
// names the same bytes.
func Key(src []byte, width int) string {
	h := sha256.New()
	h.Write([]byte(encoder + "\x00" + strconv.Itoa(width) + "\x00"))
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Resize decodes a PNG or JPEG image and returns a copy width pixels
// wide as shown (see Info.Orientation), its height in proportion, turned
// as the image is shown, scaled with Catmull-Rom and encoded in
// the source's format: PNG at best compression, with the source's palette
// when it has one, JPEG at JPEGQuality. The same source and width give
// the same bytes.
func Resize(src []byte, info Info, width int) ([]byte, error) {
	if !Resizable(info.Format) {
		return nil, fmt.Errorf("images: %s images are not resized", info.Format)
	}
	if width <= 0 || width >= info.Width {
		return nil, fmt.Errorf("images: a copy %d pixels wide of an image %d wide", width, info.Width)
	}
	if int64(info.Width)*int64(info.Height) > MaxPixels {
		return nil, errors.New("images: the image is too large to resize")
	}
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	height := max(1, (info.Height*width+info.Width/2)/info.Width)
	var buf bytes.Buffer
	switch info.Format {
	case "png":
		var dst draw.Image = image.NewNRGBA(image.Rect(0, 0, width, height))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		if p, ok := img.(*image.Paletted); ok {
			// A drawing with few colours stays so, each pixel taking the
			// nearest, which keeps the copy small.
			pal := image.NewPaletted(dst.Bounds(), p.Palette)
			draw.Draw(pal, pal.Bounds(), dst, image.Point{}, draw.Src)
			dst = pal
		}
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst)
	case "jpeg":
		// Scaled as stored, then turned as shown: a copy has no EXIF
		// data to say how to turn it.
		sw, sh := width, height
		if turned(info.Orientation) {
			sw, sh = height, width
		}
		dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		err = jpeg.Encode(&buf, orient(dst, info.Orientation), &jpeg.Options{Quality: JPEGQuality})
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Cache holds copies of images on disk, by key, so that a build does not
// make again the copies the last one made. A zero Cache (no Dir) holds
// nothing. Its methods are safe for concurrent use, also by several
// processes.
type Cache struct {
	Dir string
}

// Get returns the copy of a key, and false when the cache has none.
func (c Cache) Get(key string) ([]byte, bool) {
	if c.Dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(c.Dir, key[:2], key))
	return data, err == nil
}

// Put keeps the copy of a key, writing it to a temporary file that takes
// its name once it is whole. A copy that cannot be written is not kept,
// which costs only time: the next build makes it again.
func (c Cache) Put(key string, data []byte) error {
	if c.Dir == "" {
		return nil
	}
	dir := filepath.Join(c.Dir, key[:2])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".new-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, key))
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Prune removes the copies of the cache whose keys used does not hold,
// and the temporary files that writes left behind, once they are older
// than grace: a build that started earlier, or another that shares the
// cache, may be writing or reading them still, and a copy removed too
// soon costs only the time of making it again. It returns how many files
// it removed.
func (c Cache) Prune(used func(key string) bool, grace time.Duration, now time.Time) (int, error) {
	if c.Dir == "" {
		return 0, nil
	}
	dirs, err := os.ReadDir(c.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, d := range dirs {
		if !d.IsDir() || len(d.Name()) != 2 {
			continue // not a folder of the cache's
		}
		dir := filepath.Join(c.Dir, d.Name())
		files, err := os.ReadDir(dir)
		if err != nil {
			return removed, err
		}
		for _, f := range files {
			name := f.Name()
			isKey := len(name) == 2*sha256.Size && strings.HasPrefix(name, d.Name()) && isHex(name)
			if !f.Type().IsRegular() || !isKey && !strings.HasPrefix(name, ".new-") || isKey && used(name) {
				continue
			}
			info, err := f.Info()
			if err != nil || now.Sub(info.ModTime()) < grace {
				continue
			}
			if err := os.Remove(filepath.Join(dir, name)); err == nil {
				removed++
			}
		}
	}
	return removed, nil
}

// isHex reports whether s is lowercase hexadecimal.
func isHex(s string) bool {
	for _, r := range s {
		if !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') {
			return false
		}
	}
	return true
}
