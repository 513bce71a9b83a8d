package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Event is what pamphlet review approve reads of a pull_request_review
// webhook event, in the shape GitHub documents for it (and the REST API
// gives a review and a pull request in).
type Event struct {
	Action string `json:"action"` // submitted, edited or dismissed
	Review struct {
		State       string    `json:"state"` // approved, commented or changes_requested (the REST API writes them in capitals)
		HTMLURL     string    `json:"html_url"`
		CommitID    string    `json:"commit_id"`
		SubmittedAt time.Time `json:"submitted_at"`
		User        struct {
			Login string `json:"login"`
		} `json:"user"`
	} `json:"review"`
	PullRequest struct {
		Number  int      `json:"number"`
		HTMLURL string   `json:"html_url"`
		Head    EventRef `json:"head"`
		Base    EventRef `json:"base"`
	} `json:"pull_request"`
}

// EventRef is the head or the base of a pull request.
type EventRef struct {
	SHA  string `json:"sha"`
	Ref  string `json:"ref"`
	Repo struct {
		FullName string `json:"full_name"`
	} `json:"repo"`
}

var commitPattern = regexp.MustCompile(`^[0-9a-f]{40}(?:[0-9a-f]{24})?$`)

// ParseEvent reads a pull_request_review event, and refuses one that
// lacks what an approval needs to be checked: the review's state,
// login, address, time and commit, and the pull request's head and base
// commits.
func ParseEvent(data []byte) (*Event, error) {
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, fmt.Errorf("not a GitHub event: %v", err)
	}
	var missing []string
	for _, f := range []struct {
		name string
		bad  bool
	}{
		{"review.state", e.Review.State == ""},
		{"review.user.login", e.Review.User.Login == ""},
		{"review.html_url", e.Review.HTMLURL == ""},
		{"review.submitted_at", e.Review.SubmittedAt.IsZero()},
		{"review.commit_id", !commitPattern.MatchString(e.Review.CommitID)},
		{"pull_request.head.sha", !commitPattern.MatchString(e.PullRequest.Head.SHA)},
		{"pull_request.base.sha", !commitPattern.MatchString(e.PullRequest.Base.SHA)},
	} {
		if f.bad {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return nil, errors.New("not a pull_request_review event: it has no valid " + strings.Join(missing, ", "))
	}
	return &e, nil
}

// Approved reports whether the review approves the pull request.
func (e *Event) Approved() bool { return strings.EqualFold(e.Review.State, "approved") }

// FromFork reports whether the pull request comes from another
// repository than the one it is made to.
func (e *Event) FromFork() bool {
	h, b := e.PullRequest.Head.Repo.FullName, e.PullRequest.Base.Repo.FullName
	return h != "" && b != "" && !strings.EqualFold(h, b)
}

// PullRequestRevisions returns the base and head commits of the pull
// request of any event that has one (pull_request, pull_request_review,
// pull_request_target), or an error when the event has none.
func PullRequestRevisions(data []byte) (base, head string, err error) {
	var e Event
	if err := json.Unmarshal(data, &e); err != nil {
		return "", "", fmt.Errorf("not a GitHub event: %v", err)
	}
	b, h := e.PullRequest.Base.SHA, e.PullRequest.Head.SHA
	if !commitPattern.MatchString(b) || !commitPattern.MatchString(h) {
		return "", "", errors.New("not an event of a pull request: it has no valid pull_request.base.sha and pull_request.head.sha")
	}
	return b, h, nil
}
