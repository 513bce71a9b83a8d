package images

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// withOrientation puts an EXIF segment saying orientation after a JPEG
// file's start, in the byte order given.
func withOrientation(jpg []byte, orientation int, order binary.ByteOrder) []byte {
	tiff := make([]byte, 8+2+12+4)
	if order == binary.LittleEndian {
		copy(tiff, "II")
	} else {
		copy(tiff, "MM")
	}
	order.PutUint16(tiff[2:], 42)
	order.PutUint32(tiff[4:], 8)
	order.PutUint16(tiff[8:], 1)       // one entry
	order.PutUint16(tiff[10:], 0x0112) // Orientation
	order.PutUint16(tiff[12:], 3)      // SHORT
	order.PutUint32(tiff[14:], 1)      // one value
	order.PutUint16(tiff[18:], uint16(orientation))
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(append(out, app1...), seg...)
	return append(out, jpg[2:]...)
}

// TestOrientation: a photo stored on its side, with EXIF saying to turn
// it, has the size it is shown at, and its copies are turned, since they
// carry no EXIF.
func TestOrientation(t *testing.T) {
	// Stored 120 by 60: the left half dark, the right half light.
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for y := range 60 {
		for x := range 120 {
			v := uint8(20)
			if x >= 60 {
				v = 230
			}
			img.Set(x, y, color.RGBA{v, v, v, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		orientation int
		order       binary.ByteOrder
		w, h        int
		dark        image.Point // a point of the copy, 30 by 15, that is dark
	}{
		{1, binary.BigEndian, 120, 60, image.Point{5, 7}},
		{3, binary.LittleEndian, 120, 60, image.Point{25, 7}}, // upside down: dark on the right
		{6, binary.BigEndian, 60, 120, image.Point{7, 5}},     // a quarter turn clockwise: dark at the top
		{8, binary.LittleEndian, 60, 120, image.Point{7, 25}}, // anticlockwise: dark at the bottom
	} {
		src := withOrientation(buf.Bytes(), tc.orientation, tc.order)
		info, err := Size("photo.jpg", bytes.NewReader(src))
		if err != nil || info.Width != tc.w || info.Height != tc.h || info.Orientation != tc.orientation {
			t.Errorf("orientation %d: Size = %+v, %v; want %d by %d", tc.orientation, info, err, tc.w, tc.h)
			continue
		}
		cp, err := Resize(src, info, info.Width/4)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := image.Decode(bytes.NewReader(cp))
		if err != nil {
			t.Fatal(err)
		}
		if b := got.Bounds(); b.Dx() != tc.w/4 || b.Dy() != tc.h/4 {
			t.Errorf("orientation %d: the copy is %v, want %d by %d", tc.orientation, b, tc.w/4, tc.h/4)
		}
		if r, _, _, _ := got.At(tc.dark.X, tc.dark.Y).RGBA(); r > 0x4000 {
			t.Errorf("orientation %d: the copy is light at %v, where the turned photo is dark", tc.orientation, tc.dark)
		}
	}
}

// FuzzJPEGOrientation feeds the EXIF reader arbitrary file starts: it
// must never panic, and always give an orientation of 1 to 8.
func FuzzJPEGOrientation(f *testing.F) {
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, 2, 2)), nil)
	f.Add(buf.Bytes())
	for _, o := range []int{1, 6, 8} {
		f.Add(withOrientation(buf.Bytes(), o, binary.BigEndian))
		f.Add(withOrientation(buf.Bytes(), o, binary.LittleEndian))
	}
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02})
	f.Fuzz(func(t *testing.T, data []byte) {
		if o := jpegOrientation(data); o < 1 || o > 8 {
			t.Errorf("jpegOrientation = %d", o)
		}
	})
}
