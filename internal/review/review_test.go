package review

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the test names a zone on a machine without a zone database

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

var today = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

func newSigner(t *testing.T) ssh.Signer {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := ssh.NewSignerFromKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorized(s ssh.Signer) string {
	return strings.TrimSpace(string(ssh.MarshalAuthorizedKey(s.PublicKey())))
}

func testGate(t *testing.T, extra string, keyed ssh.Signer) *Gate {
	t.Helper()
	cfg, found, err := content.ParseConfig([]byte(fmt.Sprintf(`title: Clinic
base_url: https://example.org/
reviewers:
  ada-okafor: {name: Ada Okafor, credentials: MD, clinical: true, keys: [%q]}
  sam-reyes: {name: Sam Reyes, credentials: RN, clinical: true}
  comms: {name: Comms team, clinical: false}
%s`, authorized(keyed), extra)))
	if err != nil || len(found) > 0 {
		t.Fatalf("config: %v %v", err, found)
	}
	g, found := NewGate(cfg, today)
	if len(found) > 0 {
		t.Fatalf("gate: %v", found)
	}
	return g
}

const statePage = "---\ntitle: Flu vaccine\ndescription: Who should get the flu vaccine and when.\n---\nGet it every autumn.\n"

// signed returns the page at file signed by reviewer on date.
func signed(t *testing.T, g *Gate, file, src, reviewer string, date time.Time, signer ssh.Signer) string {
	t.Helper()
	p, _ := content.ParsePage(file, []byte(src))
	rev, err := g.NewReview(Parse(testMarkdown, p), nil, reviewer, date, time.Time{}, signer)
	if err != nil {
		t.Fatal(err)
	}
	out, err := SetBlock(p, rev)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func evaluate(g *Gate, file, section, src string) Status {
	return evaluateWith(g, file, section, src, nil)
}

func evaluateWith(g *Gate, file, section, src string, files Files) Status {
	p, found := content.ParsePage(file, []byte(src))
	if len(found) > 0 {
		panic(fmt.Sprint(found))
	}
	p.Section = section
	return g.Evaluate(Parse(testMarkdown, p), files)
}

func TestEvaluate(t *testing.T) {
	key, other := newSigner(t), newSigner(t)
	g := testGate(t, "", key)
	warnOverdue := testGate(t, "review: {overdue: warning}", key)
	strict := testGate(t, "review: {require_signatures: true}", key)
	excepted := testGate(t, "clinical_exceptions: [articles/f*.md]", key)
	const file = "content/articles/flu.md"
	sam := signed(t, g, file, statePage, "sam-reyes", today.AddDate(0, -1, 0), nil)
	ada := signed(t, g, file, statePage, "ada-okafor", today.AddDate(0, -1, 0), key)
	old := signed(t, g, file, statePage, "sam-reyes", today.AddDate(-1, 0, -1), nil)
	soon := signed(t, g, file, statePage, "sam-reyes", today.AddDate(-1, 0, 10), nil)
	forged := strings.Replace(ada, "reviewer: ada-okafor", "reviewer: sam-reyes", 1)

	type want struct {
		state State
		valid bool
		rules string // "rule:severity:line ..." sorted as findings are
	}
	tests := []struct {
		name    string
		gate    *Gate
		file    string
		section string
		src     string
		want    want
	}{
		{"unreviewed clinical page", g, file, "articles", statePage, want{Unreviewed, false, "review.missing:error:2"}},
		{"unreviewed page of another section", g, "content/news/a.md", "news", statePage, want{Unreviewed, false, ""}},
		{"clinical: true outside a clinical section", g, "content/news/a.md", "news", strings.Replace(statePage, "---\n", "---\nclinical: true\n", 1), want{Unreviewed, false, "review.missing:error:3"}},
		{"clinical: false in a clinical section", g, file, "articles", strings.Replace(statePage, "---\n", "---\nclinical: false\n", 1), want{Unreviewed, false, "review.opt-out:error:2 review.missing:error:3"}},
		{"clinical: false on a clinical_exceptions page", excepted, file, "articles", strings.Replace(statePage, "---\n", "---\nclinical: false\n", 1), want{Unreviewed, false, ""}},
		{"a clinical_exceptions page", excepted, file, "articles", statePage, want{Unreviewed, false, ""}},
		{"clinical: true on a clinical_exceptions page", excepted, file, "articles", strings.Replace(statePage, "---\n", "---\nclinical: true\n", 1), want{Unreviewed, false, "review.missing:error:3"}},
		{"clinical_exceptions name other pages", excepted, "content/articles/a.md", "articles", statePage, want{Unreviewed, false, "review.missing:error:2"}},
		{"clinical: false outside a clinical section", g, "content/news/a.md", "news", strings.Replace(statePage, "---\n", "---\nclinical: false\n", 1), want{Unreviewed, false, ""}},
		{"clinical: false on a draft", g, file, "articles", strings.Replace(statePage, "---\n", "---\nclinical: false\ndraft: true\n", 1), want{Unreviewed, false, ""}},
		{"unreviewed draft", g, file, "articles", strings.Replace(statePage, "---\n", "---\ndraft: true\n", 1), want{Unreviewed, false, ""}},
		{"signed without a key", g, file, "articles", sam, want{OK, true, ""}},
		{"signed with a key", g, file, "articles", ada, want{OK, true, ""}},
		{"signed, then the body changed", g, file, "articles", strings.Replace(sam, "every autumn", "every spring", 1), want{Changed, false, "review.changed:error:4"}},
		{"signed, then the title changed", g, file, "articles", strings.Replace(sam, "title: Flu vaccine", "title: Flu vaccines", 1), want{Changed, false, "review.changed:error:4"}},
		{"signed, then CRLF and trailing spaces", g, file, "articles", strings.ReplaceAll(strings.Replace(sam, "autumn.", "autumn.  ", 1), "\n", "\r\n"), want{OK, true, ""}},
		{"changed draft", g, file, "articles", strings.Replace(strings.Replace(sam, "autumn", "spring", 1), "---\n", "---\ndraft: true\n", 1), want{Changed, false, ""}},
		{"changed non-clinical page", g, "content/news/a.md", "news", strings.Replace(signed(t, g, "content/news/a.md", statePage, "sam-reyes", today, nil), "autumn", "spring", 1), want{Changed, false, "review.changed:warning:4"}},
		{"overdue", g, file, "articles", old, want{Overdue, false, "review.overdue:error:4"}},
		{"overdue as a warning", warnOverdue, file, "articles", old, want{Overdue, true, "review.overdue:warning:4"}},
		{"due soon", g, file, "articles", soon, want{DueSoon, true, "review.due-soon:warning:4"}},
		{"due today is not overdue", g, file, "articles", signed(t, g, file, statePage, "sam-reyes", today.AddDate(-1, 0, 0), nil), want{DueSoon, true, "review.due-soon:warning:4"}},
		{"unknown reviewer", g, file, "articles", strings.Replace(sam, "reviewer: sam-reyes", "reviewer: sam-reyez", 1), want{Invalid, false, "review.reviewer:error:5"}},
		{"non-clinical reviewer", g, file, "articles", strings.Replace(sam, "reviewer: sam-reyes", "reviewer: comms", 1), want{Invalid, false, "review.reviewer:error:5"}},
		{"dated in the future", g, file, "articles", strings.Replace(sam, "date: 2026-10-21", "date: 2026-11-22", 1), want{Invalid, false, "review.date:error:6"}},
		{"next before the date", g, file, "articles", strings.Replace(sam, "next: 2027-10-21", "next: 2026-10-20", 1), want{Invalid, false, "review.date:error:7"}},
		{"keyed reviewer without a signature", g, file, "articles", strings.Replace(sam, "sam-reyes", "ada-okafor", 1), want{Invalid, false, "review.signature:error:4"}},
		{"signed with an unregistered key", g, file, "articles", signed(t, testGate(t, "", other), file, statePage, "ada-okafor", today, other), want{Invalid, false, "review.signature:error:9"}},
		{"signature copied to another reviewer", g, file, "articles", forged, want{Invalid, false, "review.signature:error:9"}},
		{"sign-off copied to another file", g, "content/articles/other.md", "articles", ada, want{Invalid, false, "review.signature:error:9"}},
		{"next date edited after signing", g, file, "articles", strings.Replace(ada, "next: 2027-10-21", "next: 2028-10-21", 1), want{Invalid, false, "review.signature:error:9"}},
		{"signatures required, reviewer without keys", strict, file, "articles", sam, want{Invalid, false, "review.signature:error:4"}},
		{"signatures required, signed", strict, file, "articles", ada, want{OK, true, ""}},
		{"incomplete review block", g, file, "articles", strings.Replace(statePage, "---\n", "---\nreview: {reviewer: sam-reyes}\n", 1), want{Unreviewed, false, "review.missing:error:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := evaluate(tt.gate, tt.file, tt.section, tt.src)
			var rules []string
			for _, f := range st.Findings {
				rules = append(rules, fmt.Sprintf("%s:%s:%d", f.Rule, f.Severity, f.Line))
			}
			got := want{st.State, st.Valid, strings.Join(rules, " ")}
			if got != tt.want {
				t.Errorf("got %+v, want %+v\nfindings: %v\n%s", got, tt.want, st.Findings, tt.src)
			}
			for _, f := range st.Findings {
				if !strings.Contains(f.Message, "pamphlet review") && !strings.Contains(f.Message, "reviewer") {
					t.Errorf("finding %q does not say what to do next", f.Message)
				}
			}
		})
	}
}

func TestNewReviewRefuses(t *testing.T) {
	key, other := newSigner(t), newSigner(t)
	g := testGate(t, "", key)
	page, _ := content.ParsePage("content/articles/a.md", []byte(statePage))
	p := Parse(testMarkdown, page)
	for name, tc := range map[string]struct {
		reviewer   string
		date, next time.Time
		signer     ssh.Signer
		want       string
	}{
		"unknown reviewer":      {"nobody", today, time.Time{}, nil, "not in the reviewers"},
		"non-clinical reviewer": {"comms", today, time.Time{}, nil, "not a clinical reviewer"},
		"future date":           {"sam-reyes", today.AddDate(0, 0, 1), time.Time{}, nil, "after today"},
		"next before date":      {"sam-reyes", today, today, nil, "must be after"},
		"keyed without a key":   {"ada-okafor", today, time.Time{}, nil, "-key"},
		"unregistered key":      {"ada-okafor", today, time.Time{}, other, "is not one of"},
	} {
		if _, err := g.NewReview(p, nil, tc.reviewer, tc.date, tc.next, tc.signer); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", name, err, tc.want)
		}
	}
	rev, err := g.NewReview(p, nil, "sam-reyes", today, time.Time{}, nil)
	if err != nil || rev.Next.String() != "2027-11-21" {
		t.Errorf("the next review defaults to the policy's interval: got %v, %v", rev, err)
	}
}

func TestNewGateBadKey(t *testing.T) {
	cfg, _, _ := content.ParseConfig([]byte("title: C\nbase_url: https://e.org/\nreviewers:\n  a:\n    name: A\n    keys:\n      - ssh-ed25519 notbase64\n"))
	_, found := NewGate(cfg, today)
	if len(found) != 1 || found[0].Line != 7 || found[0].Severity != finding.Error {
		t.Errorf("got %v, want one error at line 7", found)
	}
}

// TestGateTodayInTimeZone: on a clock that reads UTC, the day of a site
// far east of it is already the next one, and an approval dated with it
// is not after today; a day given as a date stays that day.
func TestGateTodayInTimeZone(t *testing.T) {
	cfg := &content.Config{TimeZone: "Pacific/Auckland"}
	now := time.Date(2026, 12, 3, 20, 0, 0, 0, time.FixedZone("runner", 0)) // 09:00 on 4 December in Auckland
	if g, _ := NewGate(cfg, now); g.Today != time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC) {
		t.Errorf("the clock at %v: today is %v, want 4 December", now, g.Today)
	}
	date := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	if g, _ := NewGate(cfg, date); g.Today != date {
		t.Errorf("the date %v: today is %v", date, g.Today)
	}
	if g, _ := NewGate(&content.Config{}, now); g.Today != date {
		t.Errorf("no time zone: today is %v, want 3 December", g.Today)
	}
}
