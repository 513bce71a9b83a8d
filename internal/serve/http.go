package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Paths the server answers itself, outside the site.
const (
	ScriptPath = "/_pamphlet/reload.js" // the reload script every page served gets
	EventsPath = "/_pamphlet/events"    // the stream that tells a page to reload
)

// reloadScript listens for the page's reload event. The page's build is
// in the address, so a page served just before a build reloads as soon as
// it connects. When the server stops, the browser tries again, and the
// page reloads when the server is back.
const reloadScript = `(function () {
  var me = document.currentScript;
  var url = "` + EventsPath + `?page=" + encodeURIComponent(location.pathname) + "&build=" + me.getAttribute("data-build");
  var events = new EventSource(url), lost = false;
  events.addEventListener("reload", function () { events.close(); location.reload(); });
  events.onerror = function () { lost = true; };
  events.onopen = function () { if (lost) { location.reload(); } };
})();
`

// ServeHTTP serves the site's files from memory, the reload script and
// the reload events. Requests that name the server by anything but a
// loopback address or localhost are refused, so that other sites cannot
// read the preview through a browser.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !Loopback(r.Host) {
		http.Error(w, "pamphlet serve answers only on 127.0.0.1, ::1 and localhost", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		fmt.Fprint(w, reloadScript)
		return
	case EventsPath:
		s.events(w, r)
		return
	}
	s.mu.RLock()
	site, err, errGen := s.site, s.err, s.errGen
	var name string
	var data []byte
	found := false
	if site != nil {
		name, data, found = lookup(site, r.URL.Path)
	}
	built, notFound := s.changed[name], s.changed["404.html"]
	s.mu.RUnlock()

	if site == nil && err == nil {
		http.Error(w, "the site is being built", http.StatusServiceUnavailable)
		return
	}
	if err != nil && (!found || isPage(name)) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write(errorPage(err, errGen))
		return
	}
	if !found {
		if to, ok := redirect(site, r.URL.Path); ok {
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		if page, ok := site.Files["404.html"]; ok {
			_, _ = w.Write(withScript(page, notFound))
		} else {
			fmt.Fprintf(w, "<!DOCTYPE html><title>Not found</title><p>%s is not a page of the site.", template.HTMLEscapeString(r.URL.Path))
		}
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	if isPage(name) {
		data = withScript(data, built)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	if r.Method == http.MethodHead {
		return
	}
	_, _ = w.Write(data)
}

// lookup finds the file a request path names: the file itself, or the
// index.html of a folder.
func lookup(site *Site, urlPath string) (string, []byte, bool) {
	rel, ok := strings.CutPrefix(urlPath, site.basePath())
	if !ok {
		return "", nil, false
	}
	name := strings.TrimPrefix(path.Clean("/"+rel), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok := site.Files[name]
	return name, data, ok
}

// redirect sends a folder's address without its slash, or the site's root
// when it is published under a base path, to the page's own address.
func redirect(site *Site, urlPath string) (string, bool) {
	base := site.basePath()
	if urlPath == "/" && base != "/" {
		return base, true
	}
	if _, _, ok := lookup(site, urlPath+"/"); ok && !strings.HasSuffix(urlPath, "/") {
		return urlPath + "/", true
	}
	return "", false
}

func (site *Site) basePath() string {
	if site.BasePath == "" {
		return "/"
	}
	return site.BasePath
}

// isPage reports whether a file is an HTML page, which gets the reload
// script.
func isPage(name string) bool { return strings.HasSuffix(name, ".html") }

// withScript returns a page with the reload script before its </body>, or
// at its end. build is the build that last changed the page.
func withScript(page []byte, build uint64) []byte {
	tag := fmt.Sprintf(`<script src="%s" data-build="%d"></script>`, ScriptPath, build)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// errorPageTemplate shows a build's error in place of every page.
var errorPageTemplate = template.Must(template.New("error").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site could not be built</title>
<style>body{margin:0;background:#fff;color:#1b1b1b;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}main{max-width:48rem;margin:0 auto;padding:2rem 1rem}h1{color:#b00020}pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f4f4;border-left:6px solid #b00020;padding:1rem;font:1rem/1.5 ui-monospace,monospace}</style>
</head>
<body>
<main>
<h1>The site could not be built</h1>
<p>pamphlet serve shows the last good build again as soon as this is fixed and saved.</p>
<pre>{{.}}</pre>
</main>
</body>
</html>
`))

// errorPage is the page every page shows while the build fails.
func errorPage(err error, build uint64) []byte {
	var b bytes.Buffer
	_ = errorPageTemplate.Execute(&b, err.Error())
	return withScript(b.Bytes(), build)
}

// events streams a page's reload event: at once when the page was
// served from an older build than the last that changed it, else when a
// later build changes it.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c := &client{reload: make(chan struct{}, 1)}
	seen, _ := strconv.ParseUint(r.URL.Query().Get("build"), 10, 64)
	s.mu.Lock()
	want := s.errGen // the page was served from the build that last changed it
	if s.err == nil && s.site != nil {
		var found bool
		if c.file, _, found = lookup(s.site, r.URL.Query().Get("page")); !found {
			c.file = "404.html"
		}
		want = s.changed[c.file]
	}
	if seen != want {
		c.reload <- struct{}{}
	}
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 500\n\n")
	flusher.Flush()
	select {
	case _, open := <-c.reload:
		if open {
			fmt.Fprint(w, "event: reload\ndata: changed\n\n")
			flusher.Flush()
		}
	case <-r.Context().Done():
	}
}

// Loopback reports whether a host, with or without its port, names this
// machine: localhost or a loopback address.
func Loopback(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
