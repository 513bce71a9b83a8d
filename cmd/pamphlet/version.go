package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", stdout, stderr)
	rest, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(rest) > 0 {
		msg(stderr, "version takes no arguments, got %q", rest[0])
		return exitUsage
	}
	fmt.Fprintf(stdout, "pamphlet %s\n", versionString())
	return exitOK
}

// versionString returns pamphlet's version: set at link time, from the
// module's build information, or "(devel)".
func versionString() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
