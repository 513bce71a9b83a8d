package review

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func testReview(sig string) *content.Review {
	return &content.Review{
		Reviewer:    "ada-okafor",
		Date:        content.Date{Time: time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)},
		Next:        content.Date{Time: time.Date(2027, 11, 3, 0, 0, 0, 0, time.UTC)},
		Fingerprint: "sha256:abc",
		Signature:   sig,
	}
}

const yamlBlock = "review:\n  reviewer: ada-okafor\n  date: 2026-11-03\n  next: 2027-11-03\n  fingerprint: sha256:abc\n"

func TestSetBlock(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{{
		name: "yaml, no review",
		in:   "---\ntitle: Flu   # the title\n\n# writers: keep it short\ndescription: x\n---\nBody  \n",
		want: "---\ntitle: Flu   # the title\n\n# writers: keep it short\ndescription: x\n" + yamlBlock + "---\nBody  \n",
	}, {
		name: "yaml, replace in the middle, keep following comments",
		in:   "---\ntitle: Flu\nreview:\n    reviewer: old   # hand-written\n    date: 2020-01-01\n\n    fingerprint: sha256:old\n\n# next the tags\ntags: [a]\n---\nBody\n",
		want: "---\ntitle: Flu\n" + yamlBlock + "\n# next the tags\ntags: [a]\n---\nBody\n",
	}, {
		name: "yaml, replace a flow mapping at the end",
		in:   "---\ntitle: Flu\nreview: {reviewer: old, date: 2020-01-01,\n  fingerprint: sha256:old}\n---\nBody\n",
		want: "---\ntitle: Flu\n" + yamlBlock + "---\nBody\n",
	}, {
		name: "yaml, CRLF",
		in:   "---\r\ntitle: Flu\r\ndescription: x\r\n---\r\nBody\r\n",
		want: "---\r\ntitle: Flu\r\ndescription: x\r\n" + strings.ReplaceAll(yamlBlock, "\n", "\r\n") + "---\r\nBody\r\n",
	}, {
		name: "yaml, byte order mark and ---yaml",
		in:   "\uFEFF---yaml\ntitle: Flu\n---\nBody",
		want: "\uFEFF---yaml\ntitle: Flu\n" + yamlBlock + "---\nBody",
	}, {
		name: "yaml, quoted key",
		in:   "---\ntitle: Flu\n\"review\": {reviewer: old}\n---\nBody\n",
		want: "---\ntitle: Flu\n" + yamlBlock + "---\nBody\n",
	}, {
		name: "toml, no review",
		in:   "+++\ntitle = \"Flu\"   # a comment\n[[sources]]\ntitle = \"S\"\n+++\nBody\n",
		want: "+++\ntitle = \"Flu\"   # a comment\n[[sources]]\ntitle = \"S\"\n\n[review]\nreviewer = \"ada-okafor\"\ndate = 2026-11-03\nnext = 2027-11-03\nfingerprint = \"sha256:abc\"\n+++\nBody\n",
	}, {
		name: "toml, replace a table, CRLF",
		in:   "+++\r\ntitle = \"Flu\"\r\n[review]\r\nreviewer = \"old\"\r\ndate = 2020-01-01\r\nfingerprint = \"sha256:old\"\r\n\r\n# sources follow\r\n[[sources]]\r\ntitle = \"S\"\r\n+++\r\nBody\r\n",
		want: "+++\r\ntitle = \"Flu\"\r\n[review]\r\nreviewer = \"ada-okafor\"\r\ndate = 2026-11-03\r\nnext = 2027-11-03\r\nfingerprint = \"sha256:abc\"\r\n\r\n# sources follow\r\n[[sources]]\r\ntitle = \"S\"\r\n+++\r\nBody\r\n",
	}, {
		name: "toml, replace an inline table",
		in:   "---toml\nreview = {reviewer = \"old\", date = 2020-01-01, fingerprint = \"x\"}\ntitle = \"Flu\"\n---\nBody\n",
		want: "---toml\nreview = {reviewer = \"ada-okafor\", date = 2026-11-03, next = 2027-11-03, fingerprint = \"sha256:abc\"}\ntitle = \"Flu\"\n---\nBody\n",
	}, {
		name: "json, no review",
		in:   "---json\n{\n  \"title\": \"Flu\",\n  \"tags\": [\"a\"]\n}\n---\nBody\n",
		want: "---json\n{\n  \"title\": \"Flu\",\n  \"tags\": [\"a\"], \"review\": {\"reviewer\":\"ada-okafor\",\"date\":\"2026-11-03\",\"next\":\"2027-11-03\",\"fingerprint\":\"sha256:abc\"}\n}\n---\nBody\n",
	}, {
		name: "json, replace",
		in:   ";;;\n{\"review\" :  {\"reviewer\": \"old\"},\n \"title\": \"Flu\"}\n;;;\nBody\n",
		want: ";;;\n{\"review\" :  {\"reviewer\":\"ada-okafor\",\"date\":\"2026-11-03\",\"next\":\"2027-11-03\",\"fingerprint\":\"sha256:abc\"},\n \"title\": \"Flu\"}\n;;;\nBody\n",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := content.ParsePage("content/a.md", []byte(tt.in))
			got, err := SetBlock(p, testReview(""))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestSetBlockSignature(t *testing.T) {
	sig := armorBegin + "\nU1NIU0lHAAAAAQ==\n" + armorEnd + "\n"
	for _, in := range []string{
		"---\ntitle: Flu\n---\nBody\n",
		"+++\ntitle = \"Flu\"\n+++\nBody\n",
		"---toml\nreview = {reviewer = \"x\"}\ntitle = \"Flu\"\n---\nBody\n",
		"---json\n{\"title\": \"Flu\"}\n---\nBody\n",
		"---\r\ntitle: Flu\r\n---\r\nBody\r\n",
	} {
		p, _ := content.ParsePage("content/a.md", []byte(in))
		out, err := SetBlock(p, testReview(sig))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		q, found := content.ParsePage("content/a.md", out)
		if len(found) > 0 || strings.TrimSpace(q.Meta.Review.Signature) != strings.TrimSpace(sig) {
			t.Errorf("%q: the signature does not read back: %v\n%s", in, found, out)
		}
		// Signing again replaces the block and changes nothing else.
		again, err := SetBlock(q, testReview(sig))
		if err != nil || string(again) != string(out) {
			t.Errorf("%q: signing twice changed the file: %v\n%s", in, err, again)
		}
	}
}

func TestSetBlockRefuses(t *testing.T) {
	for _, in := range []string{
		"No front matter\n",
		"+++\nreview.reviewer = \"x\"\ntitle = \"Flu\"\n+++\n",
		"---\n{title: Flu, review: {reviewer: x}}\n---\n",
		// YAML ends lines at these too, so the review key's line number
		// points past the front matter.
		"---\ntitle: Flu\rdescription: x\rdate: 2026-01-01\rreview:\n  reviewer: a\n---\nBody\nmore\n",
		"---\ntitle: Flu\u2028draft: false\u2028tags: [a]\u2028review: {reviewer: a}\n---\nBody\nmore\n",
		"---\ntitle: Flu\u0085review: {reviewer: a}\n---\nBody\n",
		"---\n\u2028\u2028\n---\n", // and a review block, once written, could not be found again
	} {
		p, _ := content.ParsePage("content/a.md", []byte(in))
		if out, err := SetBlock(p, testReview("")); err == nil {
			t.Errorf("SetBlock(%q) = %q, want an error", in, out)
		}
	}
}

// TestSetBlockTwice: writing a review block again changes nothing, even
// with a signature that only spaces surround or only spaces make up, or
// with lines that look like a TOML table header or a comment, or one of
// only a carriage return, which would have made the block's line endings
// differ from the page's.
func TestSetBlockTwice(t *testing.T) {
	for _, sig := range []string{" ", "  " + armorBegin + "\nU1NIU0lHAAAAAQ==\n" + armorEnd + "\n  \n", "a\n[b]\nc", "a\n# b", "\r"} {
		for _, in := range []string{
			"---\ntitle: Flu\n---\nBody\n",
			"+++\ntitle = \"Flu\"\n+++\nBody\n",
			"---json\n{\"title\": \"Flu\"}\n---\nBody\n",
		} {
			p, _ := content.ParsePage("content/a.md", []byte(in))
			once, err := SetBlock(p, testReview(sig))
			if err != nil {
				t.Fatalf("%q, signature %q: %v", in, sig, err)
			}
			q, _ := content.ParsePage("content/a.md", once)
			twice, err := SetBlock(q, testReview(sig))
			if err != nil || string(twice) != string(once) {
				t.Errorf("signature %q: writing twice gave %v\n%s\nnot\n%s", sig, err, twice, once)
			}
		}
	}
}

// TestSetBlockUnclosed: front matter that is never closed is not "no
// front matter"; the error sends the writer to pamphlet check.
func TestSetBlockUnclosed(t *testing.T) {
	p, _ := content.ParsePage("content/a.md", []byte("---\ntitle: Flu\n\nBody\n"))
	if _, err := SetBlock(p, testReview("")); err == nil || !strings.Contains(err.Error(), "pamphlet check") {
		t.Errorf("got %v, want an error that says to run pamphlet check", err)
	}
}

// FuzzSetBlock writes review blocks of any text into pages of any bytes.
// SetBlock may refuse, with an error; when it writes, only the review
// block changed: the page's bytes before and after one span of its front
// matter are kept, no other key was in that span, the result reads back
// with the review as given and every other key and the body where they
// were, and writing the same review again changes nothing.
func FuzzSetBlock(f *testing.F) {
	day := time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, src []byte, reviewer, fingerprint, fingerprintV1, signature string, date, next int32) {
		r := &content.Review{
			Reviewer:      reviewer,
			Date:          content.Date{Time: day.AddDate(0, 0, int(date))},
			Next:          content.Date{Time: day.AddDate(0, 0, int(next))},
			Fingerprint:   fingerprint,
			FingerprintV1: fingerprintV1,
			Signature:     signature,
		}
		p, _ := content.ParsePage(fuzzFile, src)
		out, err := SetBlock(p, r)
		if err != nil {
			if out != nil {
				t.Fatalf("SetBlock returned both a page and the error %v", err)
			}
			return
		}

		// One span of the front matter changed, and nothing else.
		pre, suf := 0, 0
		for pre < min(len(src), len(out)) && src[pre] == out[pre] {
			pre++
		}
		for suf < min(len(src), len(out))-pre && src[len(src)-1-suf] == out[len(out)-1-suf] {
			suf++
		}
		end := len(src) - suf // src[pre:end] became out[pre:len(out)-suf]
		if pre < p.FrontStart || end > p.FrontEnd {
			t.Fatalf("bytes %d to %d changed, outside the front matter (%d to %d):\n%q\n%q", pre, end, p.FrontStart, p.FrontEnd, src, out)
		}
		q, found := content.ParsePage(fuzzFile, out)
		if len(found) > 0 || q.Unreadable {
			t.Fatalf("the result does not read back: %v\n%q\n%q", found, src, out)
		}
		got := q.Meta.Review
		if got == nil || got.Reviewer != r.Reviewer || got.Date.String() != r.Date.String() || got.Next.String() != r.Next.String() ||
			got.Fingerprint != r.Fingerprint || got.FingerprintV1 != r.FingerprintV1 || strings.TrimSpace(got.Signature) != strings.TrimSpace(r.Signature) {
			t.Fatalf("the review reads back as %+v, not %+v\n%q", got, r, out)
		}
		a, b := p.Meta, q.Meta
		a.Review, b.Review = nil, nil
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("other front matter changed:\n%+v\n%+v\n%q\n%q", a, b, src, out)
		}
		if !bytes.Equal(p.Body(), q.Body()) {
			t.Fatalf("the body changed:\n%q\n%q", p.Body(), q.Body())
		}
		for k, pos := range p.KeyPositions() {
			if k == "review" || strings.HasPrefix(k, "review.") {
				continue
			}
			off, ok := offset(src, pos)
			if !ok {
				t.Fatalf("key %s at %d:%d is not in the page\n%q", k, pos.Line, pos.Col, src)
			}
			want := off
			switch {
			case off >= end:
				want = off + len(out) - len(src)
			case off >= pre:
				t.Fatalf("key %s at %d:%d was in the span SetBlock rewrote\n%q\n%q", k, pos.Line, pos.Col, src, out)
			}
			qk, _ := q.KeyAt(k)
			if now, ok := offset(out, qk); !ok || now != want {
				t.Fatalf("key %s moved from byte %d to %d (%v), want %d\n%q\n%q", k, off, now, qk, want, src, out)
			}
		}

		again, err := SetBlock(q, r)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("writing the review again changed the page: %v\n%q\n%q", err, out, again)
		}
	})
}

// offset returns the byte offset of a position, whose lines end at '\n'
// and whose columns count characters.
func offset(src []byte, pos finding.Position) (int, bool) {
	off := lineStart(src, pos.Line)
	if pos.Line < 1 || off == len(src) && pos.Line > 1 && bytes.Count(src, []byte("\n")) < pos.Line-1 {
		return 0, false
	}
	for c := 1; c < pos.Col; c++ {
		if off >= len(src) || src[off] == '\n' {
			return 0, false
		}
		_, n := utf8.DecodeRune(src[off:])
		off += n
	}
	return off, true
}

// TestWithoutBlock: the review block is taken out of YAML and TOML front
// matter (a table or an inline table), every other byte kept.
func TestWithoutBlock(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"---\ntitle: T\nreview:\n  reviewer: a\n  date: 2026-01-01\n  signature: |\n    x\n    y\ntags: [a]\n---\nBody.\n", "---\ntitle: T\ntags: [a]\n---\nBody.\n"},
		{"---\ntitle: T\nreview: {reviewer: a, date: 2026-01-01}\n---\nBody.\n", "---\ntitle: T\n---\nBody.\n"},
		{"+++\ntitle = \"T\"\n[review]\nreviewer = \"a\"\nsignature = \"\"\"\n[x]\n\"\"\"\n[other]\n+++\nBody.\n", "+++\ntitle = \"T\"\n[other]\n+++\nBody.\n"},
		{"+++\ntitle = \"T\"\nreview = {reviewer = \"a\"}\n+++\nBody.\n", "+++\ntitle = \"T\"\n+++\nBody.\n"},
		{"---\ntitle: T\n---\nBody.\n", "---\ntitle: T\n---\nBody.\n"},
	} {
		p, _ := content.ParsePage("content/articles/a.md", []byte(tc.src))
		got, err := WithoutBlock(p)
		if err != nil || string(got) != tc.want {
			t.Errorf("%q:\ngot  %q, %v\nwant %q", tc.src, got, err, tc.want)
		}
	}
	p, _ := content.ParsePage("content/articles/a.md", []byte("---json\n{\"title\": \"T\", \"review\": {\"reviewer\": \"a\"}}\n---\nBody.\n"))
	if _, err := WithoutBlock(p); err == nil {
		t.Error("JSON front matter: no error")
	}
}
