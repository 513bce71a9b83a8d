package loopback

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestServeAndWait: a server started on 127.0.0.1 is waited for until
// it answers as asked, after answering otherwise first.
func TestServeAndWait(t *testing.T) {
	var calls atomic.Int32
	base, stop, err := Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready"))
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base %q, want http://127.0.0.1:PORT", base)
	}
	ok := func(code int, body []byte) bool { return code == http.StatusOK && string(body) == "ready" }
	if _, err := Wait(context.Background(), base+"/", time.Millisecond, 10*time.Second, nil, ok); err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 3 {
		t.Errorf("%d requests, want 3", got)
	}
}

// TestWaitGivesUp: a wait ends after its limit, and at once when the
// server's process has stopped.
func TestWaitGivesUp(t *testing.T) {
	base, stop, err := Serve(http.NotFoundHandler())
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	ok := func(code int, _ []byte) bool { return code == http.StatusOK }
	if _, err := Wait(context.Background(), base+"/", time.Millisecond, 20*time.Millisecond, nil, ok); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("after the limit: %v, want an error with the last status", err)
	}
	stopped := make(chan struct{})
	close(stopped)
	if _, err := Wait(context.Background(), base+"/", time.Millisecond, time.Minute, stopped, ok); !errors.Is(err, ErrStopped) {
		t.Errorf("stopped: %v, want ErrStopped", err)
	}
}

// TestFreeAddr: the address is on 127.0.0.1 and free to listen on.
func TestFreeAddr(t *testing.T) {
	addr, err := FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("address %q, want 127.0.0.1:PORT", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("listening on the free address: %v", err)
	}
	ln.Close()
}
