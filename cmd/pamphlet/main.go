// Command pamphlet turns Markdown patient-education content into an
// accessible static website and refuses to publish clinical content that a
// clinician has not signed off. Run "pamphlet help" for the commands.
package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	_ "time/tzdata" // time_zone in pamphlet.yaml names a zone on any computer, with its database or without
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Exit codes.
const (
	exitOK      = 0 // success
	exitRefused = 1 // content refused or error-level findings
	exitUsage   = 2 // usage, configuration or internal error
)

const usage = `usage: pamphlet <command> [flags] [arguments]

commands:
  build     build the site into public/, refusing content that fails the checks
  check     run every check and print the findings
  new       create a site, or a page with its front matter laid out
  readability  score how easy Markdown files are to read
  review    sign off pages, show review status, see what changed since sign-off
  serve     preview the site as you write, with every finding on its page
  version   print the version

Run "pamphlet <command> -h" for a command's flags.
`

// run is the whole program: it parses args, runs a command and returns the
// exit code. Output goes to stdout; messages go to stderr as "pamphlet: …".
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(ctx, rest, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdout, stderr)
	case "new":
		return runNew(ctx, rest, stdout, stderr)
	case "readability":
		return runReadability(ctx, rest, stdout, stderr)
	case "review":
		return runReview(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "version", "-version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		io.WriteString(stdout, usage)
		return exitOK
	}
	msg(stderr, "unknown command %q", cmd)
	hint(stderr, `run "pamphlet help" for the commands`)
	return exitUsage
}
