package build

import (
	"sync/atomic"

	"github.com/pamphlet-health/pamphlet/internal/content"
)

// Progress counts how far a build or a load has got, for a progress line:
// the build adds to it as it goes, from any goroutine, and anyone may read
// it meanwhile. Each count only grows.
type Progress struct {
	Pages   atomic.Int64 // pages: 0 until listed, then the page files, then with the list pages made for folders without one
	Read    atomic.Int64 // pages read, front matter parsed (the made-up list pages once made)
	Parsed  atomic.Int64 // pages whose Markdown is parsed and judged by the review gate
	Checked atomic.Int64 // pages every local check has read
	Written atomic.Int64 // files written to the destination
}

// counter tells pr, which may be nil, what content.LoadCounted reads.
func (pr *Progress) counter() content.Counter {
	if pr == nil {
		return content.Counter{}
	}
	return content.Counter{
		Listed: func(n int) { pr.Pages.Store(int64(n)) },
		Read:   func() { pr.Read.Add(1) },
	}
}

// checked tells pr, which may be nil, how many pages the checks have read.
func (pr *Progress) checked() func(int) {
	if pr == nil {
		return nil
	}
	return func(n int) { pr.Checked.Add(int64(n)) }
}

// loaded tells pr, which may be nil, that every page of site is read, the
// list pages made up for folders without an _index.md too.
func (pr *Progress) loaded(site *content.Site) {
	if pr == nil {
		return
	}
	n := int64(len(site.Pages))
	pr.Pages.Store(n)
	pr.Read.Store(n)
}
