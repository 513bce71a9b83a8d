package review

import (
	"strings"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
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
	} {
		p, _ := content.ParsePage("content/a.md", []byte(in))
		if out, err := SetBlock(p, testReview("")); err == nil {
			t.Errorf("SetBlock(%q) = %q, want an error", in, out)
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
