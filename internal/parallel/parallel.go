// Package parallel runs the iterations of a loop on every CPU. The
// pipeline's stages use it to read, parse, check, render and write pages
// several at a time.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(0) … fn(n-1) on up to workers goroutines (default: the
// number of CPUs) and returns the error of the lowest index that failed, so
// that the error reported does not depend on scheduling. Once ctx is done
// it starts no more calls and, if none failed, returns ctx's error.
func For(ctx context.Context, n, workers int, fn func(i int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n && ctx.Err() == nil; i = int(next.Add(1)) - 1 {
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Each calls f(0) … f(n-1), as many at once as there are CPUs.
func Each(n int, f func(i int)) {
	_ = For(context.Background(), n, 0, func(i int) error {
		f(i)
		return nil
	})
}
