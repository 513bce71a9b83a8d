package build

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	pamphlet "github.com/pamphlet-health/pamphlet"
)

// scheduledSite has a news item published before the build date and one
// dated after it, on a topic of its own.
const scheduledSite = `
-- pamphlet.yaml --
title: Test Clinic
base_url: https://clinic.example/
clinical_sections: []
trust: {publisher: Test clinic, funding: Public grants, advertising: None, process: Written from sources, review: Checked by a clinician, feedback: Write to us}
-- content/_index.md --
---
title: Test Clinic
description: The home page of the test clinic, with links to every section of the site.
---
Welcome.
-- content/news/hours.md --
---
title: Longer opening hours
description: The clinic now opens at eight in the morning on every weekday, starting in November.
date: 2026-11-01
tags: [opening hours]
---
We open at 8am.
-- content/news/later.md --
---
title: A new clinic opens in December
description: Our second clinic opens its doors on the first of December, on Market Street.
date: 2026-12-01
tags: [new clinic]
---
Our new clinic opens on Market Street.
`

// TestScheduled: a page dated after the build date is checked and said to
// be scheduled, but no build before its date publishes it: no page, no
// list, topic, feed or sitemap entry, and the home page's lastmod is not
// its date. A build on its date publishes it. The preview (a project
// rendered without Build) shows it, with a banner that says when it
// appears.
func TestScheduled(t *testing.T) {
	dir := writeSite(t, txtar.Parse([]byte(scheduledSite)))
	before, after := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC)

	dest := filepath.Join(t.TempDir(), "before")
	res, err := Build(context.Background(), Options{Source: dir, Dest: dest, Today: before, Theme: pamphlet.Theme, NoMinify: true})
	if err != nil || res.Refused {
		t.Fatalf("build: %v %+v", err, res)
	}
	if want := []string{"content/news/later.md"}; !slices.Equal(res.Scheduled, want) {
		t.Errorf("scheduled %v, want %v", res.Scheduled, want)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "content.scheduled" || res.Findings[0].File != "content/news/later.md" || !strings.Contains(res.Findings[0].Message, "2026-12-01") {
		t.Errorf("findings: %v", res.Findings)
	}
	files := tree(t, dest)
	for _, name := range []string{"news/later/index.html", "tags/new-clinic/index.html"} {
		if _, ok := files[name]; ok {
			t.Errorf("%s is written before its date", name)
		}
	}
	for _, name := range []string{"index.html", "news/index.html", "feed.xml", "sitemap.xml", "tags/index.html"} {
		if strings.Contains(files[name], "new clinic") || strings.Contains(files[name], "news/later/") {
			t.Errorf("%s shows the scheduled page:\n%s", name, files[name])
		}
	}
	if !strings.Contains(files["sitemap.xml"], "<loc>https://clinic.example/</loc>\n    <lastmod>2026-11-01</lastmod>") {
		t.Errorf("the home page's lastmod is not that of its newest published page:\n%s", files["sitemap.xml"])
	}

	dest = filepath.Join(t.TempDir(), "after")
	res, err = Build(context.Background(), Options{Source: dir, Dest: dest, Today: after, Theme: pamphlet.Theme, NoMinify: true})
	if err != nil || res.Refused || len(res.Scheduled) > 0 || len(res.Findings) > 0 {
		t.Fatalf("build on the day: %v %+v", err, res)
	}
	files = tree(t, dest)
	for _, name := range []string{"news/index.html", "feed.xml", "sitemap.xml"} {
		if !strings.Contains(files[name], "news/later/") {
			t.Errorf("%s does not list the page on its date", name)
		}
	}
	if strings.Contains(files["news/later/index.html"], "Scheduled:") {
		t.Errorf("a published page has the preview's banner")
	}

	p, err := Load(context.Background(), Options{Source: dir, Today: before, Theme: pamphlet.Theme, NoMinify: true})
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.Render(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if page := string(out.Files["news/later/index.html"]); !strings.Contains(page, "<strong>Scheduled:</strong> this page is published on 1 December 2026.") {
		t.Errorf("the preview does not show the scheduled page with its banner:\n%s", page)
	}
	if strings.Contains(string(out.Files["news/hours/index.html"]), "Scheduled:") {
		t.Errorf("a page of the past has the banner")
	}
}
