// Package pamphlet embeds the built-in theme: the layouts/ and assets/
// folders of this repository, which are also the example site's. A site's
// own layouts/ and assets/ files override these file by file.
package pamphlet

import "embed"

// Theme holds the built-in layouts/ and assets/ folders.
//
//go:embed layouts assets
var Theme embed.FS
