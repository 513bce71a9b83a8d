package main

import (
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// serving waits, for up to 30 seconds, until URL answers 200 OK with a
// page that holds TEXT: serving URL TEXT.
func serving(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: serving URL TEXT")
	}
	var last string
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(50 * time.Millisecond) {
		resp, err := http.Get(args[0])
		if err != nil {
			last = err.Error()
			continue
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode == http.StatusOK && strings.Contains(string(body), args[1]) {
			return
		}
		last = resp.Status
	}
	ts.Fatalf("%s did not answer with %q: %s", args[0], args[1], last)
}
