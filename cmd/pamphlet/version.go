package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

func runVersion(stdout io.Writer) int {
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
