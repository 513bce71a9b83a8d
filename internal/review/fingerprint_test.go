package review

import (
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

const basePage = `---
title: Using an asthma inhaler
description: How to use a reliever inhaler, and when to get help.
about: Asthma
tags: [asthma]
date: 2026-10-01
faq:
  - q: Can I use it too often?
    a: If you need it more than **three times** a week, see your nurse.
sources:
  - title: Asthma
    publisher: MedlinePlus
    url: https://medlineplus.gov/asthma.html
    date: 2025-05-01
---
Shake the inhaler.  
Breathe out fully.

Call us if it does not help.

` + "```" + `
code  
` + "```" + `
`

func mustPage(t *testing.T, src string) *content.Page {
	t.Helper()
	p, found := content.ParsePage("content/articles/a.md", []byte(src))
	if len(found) > 0 || p.Unreadable {
		t.Fatalf("page does not parse: %v", found)
	}
	p.Section = "articles"
	return p
}

var testMarkdown = markdown.New(markdown.Options{})

// fingerprint returns the fingerprint of a page's source, with the local
// files of files.
func fingerprint(t *testing.T, src string, files Files) string {
	t.Helper()
	fp, _ := Fingerprint(Parse(testMarkdown, mustPage(t, src)), files)
	return fp
}

// mapFiles are local files by the link that leads to them.
type mapFiles map[string]string

func (m mapFiles) Local(_ *content.Page, dest string) (File, bool) {
	data, ok := m[dest]
	if !ok {
		return File{}, false
	}
	return SumFile("content/articles/"+dest, []byte(data)), true
}

func TestFingerprintHarmlessEdits(t *testing.T) {
	want := fingerprint(t, basePage, nil)
	if !strings.HasPrefix(want, "sha256:") || len(want) != len("sha256:")+64 {
		t.Fatalf("fingerprint %q is not sha256:<64 hex>", want)
	}
	edits := map[string]string{
		"CRLF line endings":                   strings.ReplaceAll(basePage, "\n", "\r\n"),
		"trailing spaces":                     strings.Replace(basePage, "Call us if it does not help.", "Call us if it does not help.   \t", 1),
		"blank lines at the end":              basePage + "\n\n\n",
		"blank lines at the start":            strings.Replace(basePage, "---\nShake", "---\n\n\nShake", 1),
		"tags changed":                        strings.Replace(basePage, "tags: [asthma]", "tags: [asthma, lungs]", 1),
		"date changed":                        strings.Replace(basePage, "date: 2026-10-01", "date: 2026-10-02\nupdated: 2026-11-01", 1),
		"YAML comment":                        strings.Replace(basePage, "about: Asthma", "about: Asthma # the topic", 1),
		"title re-wrapped":                    strings.Replace(basePage, "title: Using an asthma inhaler", "title: >-\n  Using an\n  asthma   inhaler", 1),
		"quoted description":                  strings.Replace(basePage, "description: How to use a reliever inhaler, and when to get help.", `description: "How to use a reliever inhaler, and when to get help."`, 1),
		"HTML comment line":                   strings.Replace(basePage, "Call us", "<!-- a note for writers -->\nCall us", 1),
		"review block added":                  strings.Replace(basePage, "date: 2026-10-01\n", "date: 2026-10-01\nreview: {reviewer: x, date: 2026-10-01, fingerprint: sha256:00}\n", 1),
		"a byte order mark":                   "\uFEFF" + basePage,
		"hard break at paragraph end removed": strings.Replace(basePage, "Breathe out fully.", "Breathe out fully.  ", 1),
	}
	for name, src := range edits {
		if got := fingerprint(t, src, nil); got != want {
			t.Errorf("%s: fingerprint changed to %s; a reader sees no difference", name, got)
		}
	}
}

func TestFingerprintVisibleEdits(t *testing.T) {
	base := fingerprint(t, basePage, nil)
	edits := map[string][2]string{
		"title":             {"title: Using an asthma inhaler", "title: Using a asthma inhaler"},
		"description":       {"and when to get help.", "and when to get help now."},
		"about":             {"about: Asthma", "about: Asthma in children"},
		"body word":         {"Shake the inhaler.", "Shake the inhaler well."},
		"body emphasis":     {"Call us if", "Call us *now* if"},
		"hard line break":   {"Shake the inhaler.  \n", "Shake the inhaler.\n"},
		"paragraph split":   {"Shake the inhaler.  \nBreathe", "Shake the inhaler.\n\nBreathe"},
		"code block":        {"code  \n", "code more\n"},
		"faq question":      {"Can I use it too often?", "Can I use it often?"},
		"faq answer":        {"**three times**", "**four times**"},
		"faq answer markup": {"**three times**", "three times"},
		"source title":      {"  - title: Asthma\n", "  - title: Asthma care\n"},
		"source publisher":  {"publisher: MedlinePlus", "publisher: NHS"},
		"source url":        {"asthma.html", "asthma2.html"},
		"source date":       {"date: 2025-05-01", "date: 2025-05-02"},
		"source added":      {"    date: 2025-05-01\n", "    date: 2025-05-01\n  - title: Another\n"},
		"faq removed":       {"faq:\n  - q: Can I use it too often?\n    a: If you need it more than **three times** a week, see your nurse.\n", ""},
		"dose digit":        {"Breathe out fully.", "Breathe out fully 2 times."},
		// What the Markdown source reads as a comment, the renderer shows as code.
		"comment in an unclosed fence": {"Call us if it does not help.\n", "Call us if it does not help.\n\n````\n<!-- take 4 -->\n"},
		"fence closed differently":     {"```" + "\ncode  \n```", "````" + "\ncode  \n```\n<!-- more -->"},
	}
	for name, e := range edits {
		src := strings.Replace(basePage, e[0], e[1], 1)
		if src == basePage {
			t.Fatalf("%s: the edit %q does not apply", name, e[0])
		}
		if got := fingerprint(t, src, nil); got == base {
			t.Errorf("%s: fingerprint did not change, but a reader sees the edit", name)
		}
	}
}

func TestNormalizeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a  \nb", "a  \nb"},
		{"a  \n\nb", "a\n\nb"},
		{"a \t\r\nb\r\n", "a\nb"},
		{"<!-- x\ny -->\ntext", "text"},
		{"```\n<!-- kept -->\n```", "```\n<!-- kept -->\n```"},
		{"````\n```\n<!-- kept -->\n````\n<!-- gone -->", "````\n```\n<!-- kept -->\n````"},
		{"text <!-- inline --> more", "text <!-- inline --> more"},
		{"<!-- c --> text", "<!-- c --> text"},
	}
	for _, tt := range tests {
		if got := NormalizeMarkdown([]byte(tt.in)); got != tt.want {
			t.Errorf("NormalizeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFingerprintFiles: the bytes of every local file a page shows or
// links belong to its fingerprint.
func TestFingerprintFiles(t *testing.T) {
	src := strings.Replace(basePage, "Call us if it does not help.", "![Dose chart](chart.png) See the [leaflet](leaflet.pdf).", 1)
	files := mapFiles{"chart.png": "PNG one", "leaflet.pdf": "PDF"}
	base := fingerprint(t, src, files)
	_, covered := Fingerprint(Parse(testMarkdown, mustPage(t, src)), files)
	if got := FileNames(covered); got != "content/articles/chart.png, content/articles/leaflet.pdf" {
		t.Errorf("the fingerprint covers %q", got)
	}
	if fingerprint(t, src, nil) == base {
		t.Error("the files make no difference to the fingerprint")
	}
	if fingerprint(t, src, mapFiles{"chart.png": "PNG two", "leaflet.pdf": "PDF"}) == base {
		t.Error("swapping the dose chart left the fingerprint as it was")
	}
	if fingerprint(t, src, mapFiles{"chart.png": "PNG one", "leaflet.pdf": "PDF v2"}) == base {
		t.Error("changing the linked leaflet left the fingerprint as it was")
	}
	answer := strings.Replace(basePage, "see your nurse.", "see [the chart](chart.png).", 1)
	if fingerprint(t, answer, mapFiles{"chart.png": "1"}) == fingerprint(t, answer, mapFiles{"chart.png": "2"}) {
		t.Error("a file linked from a FAQ answer is not covered")
	}
}

// TestFingerprintStable pins the fingerprint of one page. Every sign-off
// ever written depends on it: if this test fails, the change to
// fingerprinting would invalidate every review on every site (and needs
// a migration, as review migrate carries sign-offs over from the legacy
// fingerprint).
func TestFingerprintStable(t *testing.T) {
	const want = "sha256:d68785bd10e1e4da2363dca55ea6cc2cd0ca11bc145238172bacc56bcc8033cb"
	if got := fingerprint(t, basePage, nil); got != want {
		t.Errorf("Fingerprint = %s, want %s", got, want)
	}
	const legacy = "sha256:3306492c6be43c400da5a9b4d9101270efbc905d99893a08321a0507cb65c73f"
	if got := LegacyFingerprint(mustPage(t, basePage)); got != legacy {
		t.Errorf("LegacyFingerprint = %s, want %s; sign-offs made before fingerprints were taken from the parsed page could no longer be migrated", got, legacy)
	}
}
