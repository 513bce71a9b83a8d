package review

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

const approvalURL = "https://github.com/riverside/site/pull/7#pullrequestreview-101"

// approved returns the page at file signed off by reviewer's approval,
// attested by signer.
func approved(t *testing.T, g *Gate, file, src, reviewer string, signer ssh.Signer) string {
	t.Helper()
	p, _ := content.ParsePage(file, []byte(src))
	rev, err := g.Approve(Parse(testMarkdown, p), nil, reviewer, today.Add(-24*time.Hour), approvalURL, signer)
	if err != nil {
		t.Fatal(err)
	}
	out, err := SetBlock(p, rev)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func attestorGate(t *testing.T, attestor ssh.Signer, extra string) *Gate {
	t.Helper()
	return testGate(t, fmt.Sprintf("attestors:\n  site-ci: {name: CI, keys: [%q]}\n%s", authorized(attestor), extra), newSigner(t))
}

// TestAttestation: the gate takes an attestor's signature over exactly the
// page, its fingerprint, reviewer, dates and approval, for a clinical
// reviewer; any other block is refused.
func TestAttestation(t *testing.T) {
	ci, rogue := newSigner(t), newSigner(t)
	g := attestorGate(t, ci, "")
	const file = "content/articles/flu.md"
	good := approved(t, g, file, statePage, "sam-reyes", ci)
	if !strings.Contains(good, "  approval: \""+approvalURL+"\"\n") {
		t.Fatalf("no approval in the block:\n%s", good)
	}
	st := evaluate(g, file, "articles", good)
	if !st.Valid || !st.Signed || len(st.Findings) > 0 {
		t.Fatalf("approved page: valid %v signed %v %v", st.Valid, st.Signed, st.Findings)
	}
	// A rogue key the writer registered as a reviewer key is not an attestor's.
	byRogue := testGate(t, fmt.Sprintf("attestors:\n  site-ci: {name: CI, keys: [%q]}\n", authorized(ci)), rogue)
	forged := approved(t, attestorGate(t, rogue, ""), file, statePage, "ada-okafor", rogue)

	for _, tc := range []struct {
		name, file, src string
		g               *Gate
		want            string
	}{
		{"copied to another page", "content/articles/flu-copy.md", good, g, "review.signature"},
		{"text edited after", file, strings.Replace(good, "every autumn", "every spring", 1), g, "review.changed"},
		{"approval changed", file, strings.Replace(good, "review-101", "review-102", 1), g, "review.signature"},
		{"reviewer changed", file, strings.Replace(good, "reviewer: sam-reyes", "reviewer: ada-okafor", 1), g, "review.signature"},
		{"next moved", file, strings.Replace(good, "next: 2027-11-20", "next: 2030-11-20", 1), g, "review.signature"},
		{"approval dropped", file, strings.Replace(good, "  approval: \""+approvalURL+"\"\n", "", 1), g, "review.signature"},
		{"approval not https", file, strings.Replace(good, "https://github.com", "http://github.com", 1), g, "review.signature"},
		{"signature dropped", file, good[:strings.Index(good, "  signature: |")] + "---\nGet it every autumn.\n", g, "review.signature"},
		{"attestor retired", file, good, testGate(t, "", newSigner(t)), "review.signature"},
		{"signed by a key that is no attestor's", file, forged, byRogue, "review.signature"},
		{"non-clinical reviewer", file, strings.Replace(good, "reviewer: sam-reyes", "reviewer: comms", 1), g, "review.reviewer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := evaluate(tc.g, tc.file, "articles", tc.src)
			if st.Valid {
				t.Fatalf("valid:\n%s", tc.src)
			}
			var rules []string
			for _, f := range st.Findings {
				rules = append(rules, f.Rule)
			}
			if !strings.Contains(strings.Join(rules, " "), tc.want) {
				t.Errorf("got %v, want %s", st.Findings, tc.want)
			}
		})
	}
}

func TestApproveRefuses(t *testing.T) {
	ci := newSigner(t)
	g := attestorGate(t, ci, "")
	p, _ := content.ParsePage("content/articles/flu.md", []byte(statePage))
	pp := Parse(testMarkdown, p)
	for _, tc := range []struct {
		name, reviewer, url string
		signer              ssh.Signer
		want                string
	}{
		{"no key", "sam-reyes", approvalURL, nil, "no"},
		{"not an attestor's key", "sam-reyes", approvalURL, newSigner(t), "not one of the attestors' keys"},
		{"non-clinical", "comms", approvalURL, ci, "not a clinical reviewer"},
		{"unknown", "nobody", approvalURL, ci, "not in the reviewers"},
		{"bad approval", "sam-reyes", "https://github.com/x\nfile: other.md", ci, "not an https address"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := g.Approve(pp, nil, tc.reviewer, today, tc.url, tc.signer)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// TestApprovalMessage: the message names every field, so that no two
// different blocks are signed by the same message.
func TestApprovalMessage(t *testing.T) {
	r := &content.Review{Reviewer: "sam-reyes", Date: content.Date{Time: today}, Next: content.Date{Time: today.AddDate(1, 0, 0)}, Fingerprint: "sha256:ab", Source: "sha256:cd", Approval: approvalURL}
	got := string(ApprovalMessage("content/articles/flu.es.md", r))
	want := "pamphlet-approval v1\nfile: content/articles/flu.es.md\nfingerprint: sha256:ab\nreviewer: sam-reyes\ndate: 2026-11-21\nnext: 2027-11-21\nsource: sha256:cd\napproval: " + approvalURL + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if string(Message("content/articles/flu.es.md", r)) == got {
		t.Error("an attestation's message is a reviewer signature's")
	}
}

// TestAttestorKeyNotReviewers: CI's key cannot also be a clinician's.
func TestAttestorKeyNotReviewers(t *testing.T) {
	key := newSigner(t)
	cfg, found, err := content.ParseConfig([]byte(fmt.Sprintf("title: Clinic\nbase_url: https://example.org/\nreviewers:\n  ada-okafor: {name: Ada, clinical: true, keys: [%q]}\nattestors:\n  site-ci: {name: CI, keys: [%q]}\n", authorized(key), authorized(key))))
	if err != nil || len(found) > 0 {
		t.Fatalf("config: %v %v", err, found)
	}
	_, found = NewGate(cfg, today)
	if len(found) != 1 || !strings.Contains(found[0].Message, "attestor site-ci's key is also reviewer ada-okafor's") || found[0].Line != 6 {
		t.Errorf("got %v", found)
	}
}
