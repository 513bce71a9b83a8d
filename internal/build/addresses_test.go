package build

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	pamphlet "github.com/pamphlet-health/pamphlet"
)

// TestAddresses: every address Addresses lists for the example site is a
// file its build writes, of the kind it says; the aliases are there as
// aliases of their pages, and neither the topic pages nor the assets
// whose names change with their bytes are.
func TestAddresses(t *testing.T) {
	dir := exampleSite(t)
	p, err := LoadUnchecked(context.Background(), Options{Source: dir, Today: today, Theme: pamphlet.Theme})
	if err != nil {
		t.Fatal(err)
	}
	p.Schedule()
	addrs, err := p.Addresses()
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "out")
	if res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme}); err != nil || res.Refused {
		t.Fatalf("build: %v %v", err, res)
	}
	written := tree(t, dest)
	kinds := map[string]AddressKind{}
	for _, a := range addrs {
		kinds[a.Path] = a.Kind
		file := strings.TrimPrefix(a.Path, "/")
		if file == "" || strings.HasSuffix(file, "/") {
			file += "index.html"
		}
		if _, ok := written[file]; !ok {
			t.Errorf("%s (kind %d) is not a file the build writes", a.Path, a.Kind)
		}
		if (a.Kind == PageAddress || a.Kind == AliasAddress || a.Kind == CalendarAddress) != (a.Page != nil) || (a.Kind == FileAddress) != (a.File != "") {
			t.Errorf("%+v: the page or file does not go with the kind", a)
		}
		if strings.HasPrefix(a.Path, "/tags/") || strings.HasPrefix(a.Path, "/css/") {
			t.Errorf("%s is listed", a.Path)
		}
	}
	for path, want := range map[string]AddressKind{
		"/flu/": AliasAddress, "/leaflets/flu-jab.html": AliasAddress, "/es/gripe/": AliasAddress,
		"/articles/flu-vaccine/": PageAddress, "/": PageAddress, "/how-we-make-our-health-information/": BuiltAddress,
		"/feed.xml": BuiltAddress, "/articles/img/handwashing-steps.svg": FileAddress, "/favicon.svg": FileAddress,
		"/events/foot-care-class/foot-care-class.ics": CalendarAddress,
	} {
		if got, ok := kinds[path]; !ok || got != want {
			t.Errorf("%s: kind %d (listed %v), want %d", path, got, ok, want)
		}
	}
}
