package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/pamphlet-health/pamphlet/internal/review"
)

// TestChangesMarkdown: a long change is folded in <details>, a diff with
// backtick fences stays one code block, and a title's markup shows as
// written, as GitHub renders it (GFM with the HTML GitHub allows).
func TestChangesMarkdown(t *testing.T) {
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("line %d", i))
	}
	long[10] = "```"
	diff := review.Diff("a", "b", nil, long, 3)
	cs := &changeSet{Base: strings.Repeat("a", 40), Head: strings.Repeat("b", 40), repo: review.Repo{Site: "site"}, Pages: []pageChange{
		{Title: "<img src=x onerror=alert(1)> *Flu* @team", Path: "site/content/articles/flu.md", Status: "changed", Diff: diff},
		{Title: "Short", Path: "site/content/articles/b c.md", Status: "added", Diff: review.Diff("a", "b", nil, []string{"x"}, 3), Files: []fileChange{{"content/articles/chart`1`.svg", "changed"}}},
	}}
	md := changesMarkdown(cs)
	if !strings.Contains(md, "<details><summary>The change (43 lines)</summary>\n\n````diff\n") {
		t.Errorf("the long change is not folded in a four-backtick block:\n%s", md)
	}
	if strings.Count(md, "<details>") != 1 {
		t.Errorf("the short change is folded too:\n%s", md)
	}
	var b bytes.Buffer
	gfm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"<h3>&lt;img src=x onerror=alert(1)&gt; *Flu* @team</h3>",
		"+line 39\n</code></pre>",
		"+```\n+line 11",
		"<code>site/content/articles/chart`1`.svg</code>",
		"<code>site/content/articles/b c.md</code>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the rendered summary has no %q:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<img") {
		t.Errorf("a title's HTML was rendered:\n%s", page)
	}
}
