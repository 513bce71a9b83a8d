package parallel

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// TestFor: every index is called once, and the error is the lowest
// index's whatever the order the calls ran in.
func TestFor(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 100} {
		var calls [50]atomic.Int32
		err := For(context.Background(), len(calls), workers, func(i int) error {
			calls[i].Add(1)
			if i%7 == 3 {
				return fmt.Errorf("failed at %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "failed at 3" {
			t.Errorf("workers %d: error %v, want failed at 3", workers, err)
		}
		for i := range calls {
			if n := calls[i].Load(); n != 1 {
				t.Errorf("workers %d: index %d called %d times", workers, i, n)
			}
		}
	}
	if err := For(context.Background(), 0, 0, func(int) error { return errors.New("called") }); err != nil {
		t.Errorf("no iterations: %v", err)
	}
}

// TestForCancelled: a done context starts no calls and is the error.
func TestForCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var called atomic.Bool
	if err := For(ctx, 10, 2, func(int) error { called.Store(true); return nil }); !errors.Is(err, context.Canceled) || called.Load() {
		t.Errorf("error %v, called %v; want context.Canceled and no calls", err, called.Load())
	}
}

// TestEach: every index once.
func TestEach(t *testing.T) {
	var sum atomic.Int64
	Each(100, func(i int) { sum.Add(int64(i)) })
	if got := sum.Load(); got != 4950 {
		t.Errorf("sum of indexes %d, want 4950", got)
	}
}
