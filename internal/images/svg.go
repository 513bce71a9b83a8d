package images

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// svgProlog is how much of an SVG file SVGSize reads to find its root
// element, past any XML declaration, comments and doctype.
const svgProlog = 1 << 20

// maxSide is the largest width or height in pixels SVGSize accepts.
const maxSide = 1 << 20

// SVGSize reads the size in CSS pixels of an SVG image from its root
// <svg> element: its width and height attributes (in px, or in absolute
// units at 96 pixels to the inch), the one missing worked out from the
// viewBox's aspect ratio, or else the viewBox's width and height. Relative
// lengths (%, em, ex) count as missing. It reads up to the root element's
// start tag and no further.
func SVGSize(r io.Reader) (width, height int, err error) {
	d := xml.NewDecoder(io.LimitReader(r, svgProlog))
	d.Strict = true
	// The root element's attributes are ASCII in any encoding a file
	// declares that browsers read.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root xml.StartElement
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return 0, 0, errors.New("it has no <svg> element")
		}
		if err != nil {
			return 0, 0, fmt.Errorf("it is not well-formed XML: %w", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
		if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(strings.TrimPrefix(string(cd), "\ufeff")) != "" { // a byte order mark is not text
			return 0, 0, errors.New("it has text before its <svg> element")
		}
	}
	if root.Name.Local != "svg" {
		return 0, 0, fmt.Errorf("its root element is <%s>, not <svg>", root.Name.Local)
	}
	var w, h, vw, vh float64
	for _, a := range root.Attr {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			w = svgLength(a.Value)
		case "height":
			h = svgLength(a.Value)
		case "viewBox":
			vw, vh = viewBox(a.Value)
		}
	}
	switch {
	case w > 0 && h > 0:
	case w > 0 && vw > 0:
		h = w * vh / vw
	case h > 0 && vw > 0:
		w = h * vw / vh
	case vw > 0:
		w, h = vw, vh
	default:
		return 0, 0, errors.New("its <svg> element gives neither a width and height in pixels nor a viewBox")
	}
	if w > maxSide || h > maxSide {
		return 0, 0, fmt.Errorf("its <svg> element is %.0f by %.0f pixels, more than %d on a side", w, h, maxSide)
	}
	return max(1, int(math.Round(w))), max(1, int(math.Round(h))), nil
}

// svgUnits are the absolute units of SVG lengths, in CSS pixels.
var svgUnits = map[string]float64{"": 1, "px": 1, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6, "pt": 96.0 / 72, "pc": 16}

// svgLength reads an SVG length in pixels, or 0 for one that is not a
// positive length in an absolute unit.
func svgLength(s string) float64 {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool {
		return (r < '0' || r > '9') && r != '.' && r != '-' && r != '+' && r != 'e' && r != 'E'
	})
	num, unit := s, ""
	if i >= 0 {
		num, unit = s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	}
	scale, ok := svgUnits[unit]
	if !ok {
		return 0
	}
	return positive(num) * scale
}

// viewBox reads the width and height of a viewBox, "min-x min-y width
// height", or 0, 0 when it is not one.
func viewBox(s string) (w, h float64) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0
	}
	w, h = positive(f[2]), positive(f[3])
	if w == 0 || h == 0 {
		return 0, 0
	}
	return w, h
}

// positive reads a positive finite number, or 0.
func positive(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return 0
	}
	return v
}
