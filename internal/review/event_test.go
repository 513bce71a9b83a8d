package review

import (
	"strings"
	"testing"
)

const sha1, sha2 = "0123456789abcdef0123456789abcdef01234567", "89abcdef0123456789abcdef0123456789abcdef"

const testEvent = `{"action": "submitted",
 "review": {"state": "approved", "user": {"login": "ada-okafor-md"}, "commit_id": "` + sha1 + `",
  "submitted_at": "2026-11-20T23:30:00Z", "html_url": "https://github.com/o/r/pull/7#pullrequestreview-1"},
 "pull_request": {"number": 7, "head": {"sha": "` + sha1 + `", "repo": {"full_name": "o/r"}},
  "base": {"sha": "` + sha2 + `", "repo": {"full_name": "o/r"}}}}`

func TestParseEvent(t *testing.T) {
	e, err := ParseEvent([]byte(testEvent))
	if err != nil {
		t.Fatal(err)
	}
	if !e.Approved() || e.FromFork() || e.Review.User.Login != "ada-okafor-md" || e.PullRequest.Base.SHA != sha2 {
		t.Errorf("got %+v", e)
	}
	// The REST API writes states in capitals.
	if e, _ := ParseEvent([]byte(strings.Replace(testEvent, `"approved"`, `"APPROVED"`, 1))); e == nil || !e.Approved() {
		t.Error("APPROVED is not an approval")
	}
	fork := strings.Replace(testEvent, `"head": {"sha": "`+sha1+`", "repo": {"full_name": "o/r"}}`, `"head": {"sha": "`+sha1+`", "repo": {"full_name": "writer/r"}}`, 1)
	if e, _ := ParseEvent([]byte(fork)); e == nil || !e.FromFork() {
		t.Error("a fork's pull request is not from a fork")
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"not JSON", testEvent, "{", "not a GitHub event"},
		{"no state", `"state": "approved", `, "", "review.state"},
		{"short commit", `"commit_id": "` + sha1 + `"`, `"commit_id": "0123abc"`, "review.commit_id"},
		{"no base", `"base": {"sha": "` + sha2 + `"`, `"base": {"sha": ""`, "pull_request.base.sha"},
		{"no time", `"submitted_at": "2026-11-20T23:30:00Z", `, "", "review.submitted_at"},
		{"bad time", `2026-11-20T23:30:00Z`, `yesterday`, "not a GitHub event"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseEvent([]byte(strings.Replace(testEvent, tc.old, tc.new, 1)))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzParseEvent: an event file is input from outside; any bytes are
// read without a panic, and an event that is accepted has what approve
// checks.
func FuzzParseEvent(f *testing.F) {
	f.Add([]byte(testEvent))
	f.Add([]byte(`{"review": null, "pull_request": []}`))
	f.Add([]byte(`{"review": {"state": "approved", "commit_id": 7}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEvent(data)
		if err != nil {
			return
		}
		if e.Review.User.Login == "" || !commitPattern.MatchString(e.Review.CommitID) || !commitPattern.MatchString(e.PullRequest.Head.SHA) || e.Review.SubmittedAt.IsZero() {
			t.Fatalf("accepted an event without what approve checks: %+v", e)
		}
	})
}
