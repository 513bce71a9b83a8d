package review

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// legacySigned returns src signed off by reviewer the way an earlier
// pamphlet did: the legacy fingerprint, and a signature over it when
// signer is not nil.
func legacySigned(t *testing.T, g *Gate, file, src, reviewer string, signer ssh.Signer) string {
	t.Helper()
	p, _ := content.ParsePage(file, []byte(src))
	date := today.AddDate(0, -1, 0)
	rev := &content.Review{Reviewer: reviewer, Date: content.Date{Time: date}, Next: content.Date{Time: g.NextDate(date)}, Fingerprint: LegacyFingerprint(p)}
	if signer != nil {
		sig, err := Sign(signer, Namespace, Message(file, rev))
		if err != nil {
			t.Fatal(err)
		}
		rev.Signature = sig
	}
	out, err := SetBlock(p, rev)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func migrate(t *testing.T, g *Gate, file, src string, files Files) (string, error) {
	t.Helper()
	p, _ := content.ParsePage(file, []byte(src))
	p.Section = "articles"
	rev, err := g.Migrate(Parse(testMarkdown, p), files)
	if err != nil {
		return "", err
	}
	out, err := SetBlock(p, rev)
	if err != nil {
		t.Fatal(err)
	}
	return string(out), nil
}

func TestMigrate(t *testing.T) {
	key := newSigner(t)
	g := testGate(t, "", key)
	const file = "content/articles/flu.md"
	// A legacy reading of the last block takes the first line for a code
	// fence, where the renderer shows a paragraph.
	page := statePage + "\n<!-- a note for writers -->\n\nAsk at the pharmacy.\n\n```x`\nline one\nline two\n"

	// Unsigned: carried over, and then the gate accepts it.
	old := legacySigned(t, g, file, page, "sam-reyes", nil)
	if st := evaluate(g, file, "articles", old); st.State != Changed || !st.Legacy || !strings.Contains(st.Findings[0].Message, "review migrate") {
		t.Fatalf("a legacy sign-off: got %v %v, want changed, legacy, a hint to migrate", st.State, st.Findings)
	}
	now, err := migrate(t, g, file, old, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st := evaluate(g, file, "articles", now); st.State != OK || strings.Contains(now, "fingerprint_v1") {
		t.Errorf("after migrating: %v %v\n%s", st.State, st.Findings, now)
	}
	if _, err := migrate(t, g, file, now, nil); !errors.Is(err, ErrCurrent) {
		t.Errorf("migrating twice: %v, want ErrCurrent", err)
	}

	// Signed: the signature stays valid over the legacy fingerprint.
	oldSigned := legacySigned(t, g, file, page, "ada-okafor", key)
	nowSigned, err := migrate(t, g, file, oldSigned, nil)
	if err != nil {
		t.Fatal(err)
	}
	if st := evaluate(g, file, "articles", nowSigned); st.State != OK || !st.Signed || !strings.Contains(nowSigned, "fingerprint_v1: sha256:") {
		t.Errorf("after migrating a signed page: %v %v\n%s", st.State, st.Findings, nowSigned)
	}
	// A writer who changes what the legacy reading cannot see, and writes
	// the new fingerprint by hand, is caught: the signature no longer holds.
	tampered := strings.Replace(nowSigned, "line one\n", "line one  \n", 1) // a line break only the renderer sees
	p, _ := content.ParsePage(file, []byte(tampered))
	fp, _ := Fingerprint(Parse(testMarkdown, p), nil)
	tampered = strings.Replace(tampered, p.Meta.Review.Fingerprint, fp, 1)
	if st := evaluate(g, file, "articles", tampered); st.Valid || st.Findings[0].Rule != "review.signature" {
		t.Errorf("a hand-written fingerprint over a change the legacy reading misses: %v %v", st.State, st.Findings)
	}

	// Refused: the text changed, the legacy reading was not faithful, or
	// a signed page shows files its signature never covered.
	for name, tc := range map[string]struct {
		src   string
		files Files
		want  string
	}{
		"changed text":   {strings.Replace(old, "every autumn", "every spring", 1), nil, "changed after"},
		"unfaithful":     {legacySigned(t, g, file, statePage+"\n```x`\n```\n<!-- take 8 a day -->\n", "sam-reyes", nil), nil, "reads differently"},
		"signed, files":  {legacySigned(t, g, file, statePage+"\n![chart](chart.png)\n", "ada-okafor", key), mapFiles{"chart.png": "x"}, "does not cover"},
		"never signed":   {statePage, nil, "not been signed off"},
		"files unsigned": {legacySigned(t, g, file, statePage+"\n![chart](chart.png)\n", "sam-reyes", nil), mapFiles{"chart.png": "x"}, ""},
	} {
		_, err := migrate(t, g, file, tc.src, tc.files)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, tc.want)
		}
	}
}
