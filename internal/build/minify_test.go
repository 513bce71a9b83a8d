package build

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
)

// TestScriptsKept: the inline scripts minified once and kept come out as
// js.Minify makes them, page after page, and no more are kept than
// scriptsKept.
func TestScriptsKept(t *testing.T) {
	plain := minify.New()
	plain.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	plain.AddFunc("application/javascript", js.Minify)
	mn := newMinifier()
	page := func(n int) string {
		return fmt.Sprintf(`<!doctype html><html><head><title>t</title></head><body>
<button onclick="var  x = %d;  go( x )">Go</button>
<script>(function (box) {
  var   count = %d;
  box.addEventListener("focus", function () { count  =  count + 1; });
})(document.body);</script></body></html>`, n%3, n)
	}
	for n := range scriptsKept * 2 {
		for range 2 { // the second time, from what was kept
			got, err := mn.bytes("page.html", []byte(page(n)))
			if err != nil {
				t.Fatal(err)
			}
			want, err := plain.Bytes("text/html", []byte(page(n)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("page %d:\n got %s\nwant %s", n, got, want)
			}
		}
	}
	if got := scriptsKeptBy(mn); got != scriptsKept {
		t.Errorf("%d scripts kept, want %d", got, scriptsKept)
	}
	if _, err := mn.bytes("broken.js", []byte("function (")); err == nil {
		t.Error("a broken script minified without an error")
	}
}

// scriptsKeptBy returns how many minified scripts mn keeps.
func scriptsKeptBy(mn *minifier) int {
	mn.scripts.mu.Lock()
	defer mn.scripts.mu.Unlock()
	return len(mn.scripts.done)
}
