package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected files of the scripts from what the commands print")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"pamphlet": func() {
			// As main does: an interrupt (kill -INT in a script) stops serve.
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
			code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
	})
}

// TestScripts runs the command-line scripts in testdata/script: each is a
// txtar archive of a site and the commands to run on it, with their exit
// codes and output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", UpdateScripts: *update, Cmds: map[string]func(*testscript.TestScript, bool, []string){
		"edit":    edit,
		"serving": serving,
	}})
}

// edit replaces the first OLD in FILE with NEW: edit FILE OLD NEW.
func edit(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: edit FILE OLD NEW")
	}
	src := ts.ReadFile(args[0])
	if !strings.Contains(src, args[1]) {
		ts.Fatalf("%s does not contain %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Replace(src, args[1], args[2], 1)), 0o644))
}

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
