// Package serve is pamphlet's preview server. It serves a site from
// memory on a loopback address, watches the site's files, builds again
// when they change, and tells each open page to reload when its own bytes
// changed, over server-sent events. It knows nothing of how a site is
// built: it is given a build function, and shows the error of a build
// that fails in place of every page until a later build succeeds.
package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// Site is a build of the site.
type Site struct {
	Files    map[string][]byte // by slash path, such as articles/flu/index.html
	BasePath string            // the path the site is published under, such as / or /health/
	Summary  string            // what the build did, for the terminal

	// Changed, when not nil, names the only files that may differ from
	// those of the site the last build served, which has every other
	// file of Files; nil: any may differ.
	Changed []string

	// Finish, when set, makes what the build left to make after the
	// pages, such as a search index, and returns the whole site. The
	// pages whose bytes changed are told to reload before it is called.
	Finish func(ctx context.Context) (*Site, error)
}

// BuildFunc builds the site after the files named in changed changed:
// slash paths from the site folder, such as content/articles/flu.md or
// content/articles for a folder; nil means everything, as at the start.
// Its error is shown in place of every page, so it should name the file
// and line at fault.
type BuildFunc func(ctx context.Context, changed []string) (*Site, error)

// Options configure a Server.
type Options struct {
	Root  string    // the site folder
	Watch []string  // the files and folders under Root to watch, such as content, layouts, assets and pamphlet.yaml
	Build BuildFunc // required
	Log   io.Writer // gets one line per build; may be nil

	// Ignore reports whether a file or folder name is passed over, such
	// as an editor's temporary file, so that writing it builds nothing.
	// Nil passes over nothing.
	Ignore func(name string) bool

	// Quiet is how long the files must stay unchanged before a build, so
	// that an editor's burst of writes, renames and removals for one save
	// builds once. Default 10ms.
	Quiet time.Duration
}

// Server serves a site as it is built.
type Server struct {
	opts Options

	mu      sync.RWMutex
	site    *Site
	err     error             // of the last build; while set, every page shows it
	gen     uint64            // builds done
	errGen  uint64            // the build whose error is shown
	changed map[string]uint64 // the build in which each file last changed
	clients map[*client]bool
}

// client is an open page waiting to hear that it changed.
type client struct {
	file   string // the file the page was served from, or "" for the error page
	reload chan struct{}
}

// New returns a server for the options.
func New(opts Options) *Server {
	if opts.Quiet <= 0 {
		opts.Quiet = 10 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	return &Server{opts: opts, changed: map[string]uint64{}, clients: map[*client]bool{}}
}

// Run builds the site, serves it on ln and builds again whenever the
// watched files change, until ctx is done. When the first build fails,
// there is nothing to preview, and Run returns its error. It refuses a
// listener that is not on a loopback address: the preview shows pages
// that are not publishable.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	if a, ok := ln.Addr().(*net.TCPAddr); !ok || !a.IP.IsLoopback() {
		return fmt.Errorf("serve: %s is not a loopback address; the preview listens on 127.0.0.1 or ::1 only", ln.Addr())
	}
	w, err := newWatcher(s.opts.Root, s.opts.Watch, s.opts.Ignore)
	if err != nil {
		return err
	}
	defer w.close()
	if err := s.Rebuild(ctx, nil); err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	batches := w.batches(ctx, s.opts.Quiet)
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = srv.Shutdown(shut)
			return nil
		case err := <-done:
			return err
		case changed, ok := <-batches:
			if !ok {
				return w.err()
			}
			s.Rebuild(ctx, changed)
		}
	}
}

// Rebuild builds the site after the files named in changed changed (nil:
// everything), and tells the open pages whose bytes changed to reload.
// Run calls it when the watched files change. It returns the build's
// error, which the pages show until a later build succeeds.
func (s *Server) Rebuild(ctx context.Context, changed []string) error {
	start := time.Now()
	site, err := s.opts.Build(ctx, changed)
	took := time.Since(start)
	told := map[*client]bool{}
	s.publish(site, err, told)
	what := "the site"
	if changed != nil {
		what = describeChanges(changed)
	}
	var rest string
	if err == nil && site.Finish != nil {
		finish := time.Now()
		var done *Site
		if done, err = site.Finish(ctx); err == nil {
			site = done
		}
		s.publish(done, err, told)
		rest = fmt.Sprintf(" (and %s after the reload)", time.Since(finish).Round(time.Millisecond))
	}
	reloaded := len(told)
	if err != nil {
		fmt.Fprintf(s.opts.Log, "pamphlet: %s%s: %s: build failed: %s\n", took.Round(time.Millisecond), rest, what, oneLine(err.Error()))
		return err
	}
	fmt.Fprintf(s.opts.Log, "pamphlet: %s%s: %s: %s; %d open %s reloaded\n", took.Round(time.Millisecond), rest, what, site.Summary, reloaded, plural(reloaded, "page", "pages"))
	return nil
}

// publish serves a build's site, or its error in place of every page,
// and tells the open pages whose bytes changed to reload, adding each to
// told.
func (s *Server) publish(site *Site, err error, told map[*client]bool) {
	s.mu.Lock()
	s.gen++
	failed := err != nil
	// Every open page reloads when a build fails or the next one mends
	// it, or when a stylesheet, script or image changed; otherwise only
	// those whose own file changed.
	all := failed || s.err != nil
	if failed {
		s.err, s.errGen = err, s.gen
	} else {
		s.err = nil
		var old map[string][]byte
		if s.site != nil {
			old = s.site.Files
		}
		differs := func(name string) {
			if prev, ok := old[name]; !ok || !sameBytes(prev, site.Files[name]) {
				s.changed[name] = s.gen
				all = all || reloadsPages(name)
			}
		}
		if site.Changed != nil && old != nil {
			for _, name := range site.Changed {
				if _, ok := site.Files[name]; ok {
					differs(name)
				} else if _, ok := old[name]; ok {
					s.changed[name] = s.gen
				}
			}
		} else {
			for name := range site.Files {
				differs(name)
			}
			for name := range old {
				if _, ok := site.Files[name]; !ok {
					s.changed[name] = s.gen
				}
			}
		}
		s.site = site
	}
	for c := range s.clients {
		if all || c.file == "" || s.changed[c.file] == s.gen {
			told[c] = true
			select {
			case c.reload <- struct{}{}:
			default: // already told
			}
		}
	}
	s.mu.Unlock()
}

// reloadsPages reports whether a file is one that pages show without its
// bytes being in theirs: stylesheets, scripts and images.
func reloadsPages(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico":
		return true
	}
	return false
}

// sameBytes reports whether two files are the same, without comparing a
// file kept from the last build with itself byte by byte.
func sameBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return bytes.Equal(a, b)
}

// describeChanges names the files that changed, shortly.
func describeChanges(changed []string) string {
	switch len(changed) {
	case 0:
		return "nothing"
	case 1:
		return changed[0]
	}
	return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// oneLine joins the lines of a message.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (s *Server) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c.reload)
		delete(s.clients, c)
	}
}
