// Package loopback starts the benchmarks' servers on a free port of
// 127.0.0.1 and waits for a server to answer as it should: what
// bench/hugo's previews and bench/pagefind's static host share.
package loopback

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// FreeAddr returns an address on 127.0.0.1 that nothing listens on now,
// for a server that another process starts there.
func FreeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// Serve serves h on a free port of 127.0.0.1 until stop is called, and
// returns its base address, such as http://127.0.0.1:43127.
func Serve(h http.Handler) (base string, stop func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), srv.Close, nil
}

// Get fetches url and returns its status code and body.
func Get(ctx context.Context, url string) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// ErrStopped is the error of Wait when the server stopped first.
var ErrStopped = errors.New("the server stopped")

// Wait fetches url every interval until ok accepts what it answered,
// and returns when it first did. It gives up after limit, when ctx is
// done, or when stopped (the server's process ended; nil for none) is
// closed, with ErrStopped.
func Wait(ctx context.Context, url string, every, limit time.Duration, stopped <-chan struct{}, ok func(code int, body []byte) bool) (time.Time, error) {
	deadline := time.Now().Add(limit)
	for {
		code, body, err := Get(ctx, url)
		if err == nil && ok(code, body) {
			return time.Now(), nil
		}
		select {
		case <-stopped:
			return time.Time{}, ErrStopped
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		default:
		}
		if time.Now().After(deadline) {
			return time.Time{}, fmt.Errorf("%s did not answer as it should after %s (last: %d %v)", url, limit, code, err)
		}
		time.Sleep(every)
	}
}
