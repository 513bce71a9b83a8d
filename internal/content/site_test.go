package content

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

func testSite(t *testing.T) *Site {
	t.Helper()
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText\n")}
	}
	fsys := fstest.MapFS{
		"content/_index.md":                page("Home"),
		"content/about.md":                 page("About"),
		"content/articles/flu.md":          page("Flu"),
		"content/articles/Asthma Guide.md": page("Asthma"),
		"content/articles/slugged.md":      {Data: []byte("---\ntitle: S\nslug: other-name\n---\n")},
		"content/articles/img/chart.png":   {Data: []byte("png")},
		"content/faq/_index.md":            page("Questions"),
		"content/faq/flu.md":               page("Flu questions"),
		"content/news/2026/open.md":        page("Open"),
		"content/.hidden.md":               page("Hidden"),
		"content/.flu.md.tmp":              page("Saving"),
	}
	cfg := DefaultConfig()
	cfg.Title = "Site"
	s, fs, err := Load(fsys, cfg)
	if err != nil || len(fs) != 0 {
		t.Fatalf("Load: %v %v", err, fs)
	}
	return s
}

func TestLoadPlacesPages(t *testing.T) {
	s := testSite(t)
	var got []string
	for _, p := range s.Pages {
		got = append(got, fmt.Sprintf("%s %s %s %q", p.URL, p.Kind, p.File, p.Section))
	}
	want := []string{
		`/ home content/_index.md ""`,
		`/about/ single content/about.md ""`,
		`/articles/ section  "articles"`,
		`/articles/asthma-guide/ single content/articles/Asthma Guide.md "articles"`,
		`/articles/flu/ single content/articles/flu.md "articles"`,
		`/articles/other-name/ single content/articles/slugged.md "articles"`,
		`/faq/ section content/faq/_index.md "faq"`,
		`/faq/flu/ single content/faq/flu.md "faq"`,
		`/news/ section  "news"`,
		`/news/2026/ section  "news"`,
		`/news/2026/open/ single content/news/2026/open.md "news"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s.Static["/articles/img/chart.png"] != "content/articles/img/chart.png" {
		t.Errorf("static files: %v", s.Static)
	}
	if got := s.Children(s.PageByURL("/news/")); len(got) != 1 || got[0].URL != "/news/2026/" {
		t.Errorf("children of /news/: %v", got)
	}
}

func TestResolve(t *testing.T) {
	s := testSite(t)
	from := s.PageByFile("content/articles/flu.md")
	tests := []struct {
		dest     string
		internal bool
		want     string // URL, or "" when not found
	}{
		{"https://example.org/", false, ""},
		{"mailto:a@example.org", false, ""},
		{"//cdn.example.org/x.js", false, ""},
		{"#top", true, "/articles/flu/#top"},
		{"slugged.md", true, "/articles/other-name/"},
		{"Asthma%20Guide.md", true, "/articles/asthma-guide/"},
		{"../faq/flu.md#when", true, "/faq/flu/#when"},
		{"/content/faq/flu.md", true, "/faq/flu/"},
		{"/faq/flu.md", true, "/faq/flu/"},
		{"/faq/flu/", true, "/faq/flu/"},
		{"/faq/flu", true, "/faq/flu/"},
		{"/faq/flu/index.html", true, "/faq/flu/"},
		{"/", true, "/"},
		{"img/chart.png", true, "/articles/img/chart.png"},
		{"/articles/img/chart.png", true, "/articles/img/chart.png"},
		{"missing.md", true, ""},
		{"/nowhere/", true, ""},
		{"img/missing.png", true, ""},
	}
	for _, tt := range tests {
		target, internal := s.Resolve(from, tt.dest)
		got := ""
		if target.Found() {
			got = target.URL()
		}
		if internal != tt.internal || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tt.dest, got, internal, tt.want, tt.internal)
		}
	}
}

func TestDuplicateURL(t *testing.T) {
	fsys := fstest.MapFS{
		"content/a.md": {Data: []byte("---\ntitle: A\nslug: same\n---\n")},
		"content/b.md": {Data: []byte("---\ntitle: B\nslug: same\n---\n")},
	}
	_, fs, err := Load(fsys, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Rule != "content.url" || fs[0].File != "content/b.md" || fs[0].Line != 3 {
		t.Errorf("findings: %v", fs)
	}
}

// TestReservedURL: content pages cannot take the addresses of the pages
// pamphlet builds itself; content/faq/_index.md gives the FAQ hub its text.
func TestReservedURL(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n")}
	fsys := fstest.MapFS{
		"content/how-we-make-our-health-information.md": page,
		"content/faq.md":        page,
		"content/tags/flu.md":   page,
		"content/audiences.md":  page,
		"content/faq/_index.md": page,
		"content/faq/colds.md":  page,
	}
	_, fs, err := Load(fsys, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.File+" "+f.Rule)
	}
	want := "content/audiences.md content.url; content/faq.md content.url; content/how-we-make-our-health-information.md content.url; content/tags/flu.md content.url"
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// /accessibility/ is the accessibility statement's only when
	// pamphlet.yaml has one; else a site may write its own page there.
	fsys = fstest.MapFS{"content/accessibility.md": page, "content/accessibility.es.md": page}
	cfg := DefaultConfig()
	cfg.Languages = []string{"en", "es"}
	if _, fs, _ := Load(fsys, cfg); len(fs) != 0 {
		t.Errorf("without a statement: %v", fs)
	}
	cfg.Accessibility = &Accessibility{}
	_, fs, _ = Load(fsys, cfg)
	got = nil
	for _, f := range fs {
		got = append(got, f.File+" "+f.Rule)
	}
	if want := "content/accessibility.es.md content.url; content/accessibility.md content.url"; strings.Join(got, "; ") != want {
		t.Errorf("with a statement: got %q, want %q", got, want)
	}
}

func TestSlugifyHumanize(t *testing.T) {
	for in, want := range map[string]string{"Asthma Guide": "asthma-guide", "flu_jab 2026": "flu-jab-2026", "--": "page", "Café": "cafe", "vacunación-gripe": "vacunacion-gripe", "Γρίπη": "γρίπη"} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"patient-stories": "Patient stories", "faq": "FAQ", "news": "News"} {
		if got := Humanize(in); got != want {
			t.Errorf("Humanize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"minimal", "title: T\nbase_url: https://h.example.org\n", nil},
		{"unknown key", "title: T\nbase_url: https://h.example.org/\ntitel: x\n", []string{"3:1 config.unknown"}},
		{"missing base url", "title: T\n", []string{"1:1 config.value"}},
		{"relative base url", "title: T\nbase_url: /docs/\n", []string{"2:1 config.value"}},
		{"bad period", "title: T\nbase_url: https://h.example.org/\nreview:\n  interval: 12 months\n", []string{"4:13 config.value"}},
		{"bad overdue", "title: T\nbase_url: https://h.example.org/\nreview:\n  overdue: never\n", []string{"4:3 config.value"}},
		{"reviewer typo", "title: T\nbase_url: https://h.example.org/\nreviewers:\n  ada:\n    name: Ada\n    clincal: true\n", []string{"6:5 config.unknown"}},
		{"syntax", "title: T\nbase_url: [\n", []string{"3:1 config.syntax"}},
		{"organization type", "title: T\nbase_url: https://h.example.org/\norganization:\n  type: Clinic\n", []string{"4:3 config.value"}},
		{"theme colour", "title: T\nbase_url: https://h.example.org/\ntheme_color: blue\n", []string{"3:1 config.value"}},
		{"social", "title: T\nbase_url: https://h.example.org/\nsocial:\n  image: ftp://x/y.png\n  twitter: clinic\n", []string{"4:3 config.value", "5:3 config.value"}},
		{"social image path", "title: T\nbase_url: https://h.example.org/\nsocial: {image: images/card.png, twitter: '@clinic'}\n", nil},
		{"media contact", "title: T\nbase_url: https://h.example.org/\nmedia_contact: {name: Press office, email: press.example.org}\n", []string{"3:37 config.value"}},
		{"syntax in flow", "title: T\nbase_url: [a\nx: 1\n", []string{"2:1 config.syntax"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, fs, err := ParseConfig([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := brief(fs)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q (%v)", got, tt.want, fs)
			}
			if tt.name == "social image path" && cfg.Social.Image != "/images/card.png" {
				t.Errorf("social.image = %q, want a site path", cfg.Social.Image)
			}
			if tt.name == "minimal" && (cfg.Social.Image != DefaultImage || cfg.ThemeColor != DefaultThemeColor || !reflect.DeepEqual(cfg.Trust, Trust{Disclaimer: DefaultDisclaimer})) {
				t.Errorf("defaults: %+v", cfg)
			}
			if tt.name == "minimal" && (cfg.BaseURL != "https://h.example.org/" || cfg.BasePath() != "/" || cfg.Review.Interval.String() != "12mo") {
				t.Errorf("defaults: %+v", cfg)
			}
		})
	}
}

func TestPeriod(t *testing.T) {
	var p Period
	if err := p.decodeScalar("12mo"); err != nil {
		t.Fatal(err)
	}
	d := Date{}
	_ = d.decodeScalar("2026-01-31")
	if got := p.After(d.Time).Format("2006-01-02"); got != "2027-01-31" {
		t.Errorf("12mo after 2026-01-31 = %s", got)
	}
	if got := (Period{30, "d"}).Before(d.Time).Format("2006-01-02"); got != "2026-01-01" {
		t.Errorf("30d before = %s", got)
	}
	for _, bad := range []string{"", "12", "0d", "1 month", "-3d"} {
		if err := p.decodeScalar(bad); err == nil {
			t.Errorf("period %q accepted", bad)
		}
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		".hidden": true, "flu.md.swx": true, "flu.md.tmp": true,
		"flu.md___jb_tmp___": true, "flu.md___jb_old___": true, "4913": true,
		"flu.md": false, "images": false, "4913.md": false, "chart.svg": false,
		// Backups are reported, not passed over.
		"#flu.md#": false, "flu.md~": false, ".flu.md.swp": false, ".#flu.md": false, "flu.md.orig": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStrays: backups and merge leftovers beside pages, symlinks and other
// files with front matter are never published, and each is a warning
// naming the file; files like them are published as before.
func TestStrays(t *testing.T) {
	page := &fstest.MapFile{Data: []byte("---\ntitle: A page\n---\nText\n")}
	fsys := fstest.MapFS{
		"content/_index.md":                page,
		"content/articles/flu.md":          page,
		"content/articles/flu.md.orig":     page,
		"content/articles/flu.md.rej":      {Data: []byte("@@ -1 +1 @@")},
		"content/articles/flu.md.bak":      page,
		"content/articles/flu.md~":         page,
		"content/articles/#flu.md#":        page,
		"content/articles/.#flu.md":        {Data: []byte("user@host.1234"), Mode: fs.ModeSymlink},
		"content/articles/.flu.md.swp":     {Data: []byte("b0VIM 9.0")},
		"content/articles/flu.txt":         page,
		"content/articles/notes.markdown2": {Data: []byte("+++\ntitle = 'x'\n+++\n")},
		"content/articles/link.md":         {Data: []byte("flu.md"), Mode: fs.ModeSymlink},
		"content/articles/rule.txt":        {Data: []byte("---\nA line, then text, no front matter.\n")},
		"content/articles/chart.svg":       {Data: []byte("<svg/>")},
		"content/articles/#tag.txt":        {Data: []byte("not a backup")},
		"content/articles/.hidden.md":      page,
	}
	cfg := DefaultConfig()
	cfg.Title = "Site"
	s, found, err := Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		if f.Rule != "content.stray" || f.Severity != finding.Warning {
			t.Errorf("unexpected finding %v", f)
			continue
		}
		got = append(got, strings.TrimPrefix(f.File, "content/articles/"))
	}
	want := []string{"#flu.md#", ".#flu.md", ".flu.md.swp", "flu.md.bak", "flu.md.orig", "flu.md.rej", "flu.md~", "flu.txt", "link.md", "notes.markdown2"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("strays:\n got %v\nwant %v", got, want)
	}
	var static []string
	for u := range s.Static {
		static = append(static, u)
	}
	slices.Sort(static)
	if strings.Join(static, " ") != "/articles/#tag.txt /articles/chart.svg /articles/rule.txt" {
		t.Errorf("published files: %v", static)
	}
	if len(s.Pages) != 3 { // home, the list and flu
		t.Errorf("%d pages", len(s.Pages))
	}
	for _, f := range found {
		if !strings.Contains(f.Message, "not published") {
			t.Errorf("%s: %s", f.File, f.Message)
		}
	}
}

// TestSectionTitle: a list page made up for a language other than the
// default is titled by its folder's name, and said once a folder, at its
// first page in the language, naming the file that would title it; the
// default language, folders with their own _index.LANG.md, the home page
// and the FAQ hub (titled in the theme's words) are not. Drafts come last.
func TestSectionTitle(t *testing.T) {
	cfg, found, err := ParseConfig([]byte("title: Site\nbase_url: https://h.example.org/\nlanguages: [en, es]\n"))
	if err != nil || len(found) > 0 {
		t.Fatal(err, found)
	}
	page := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText\n")}
	}
	fsys := fstest.MapFS{
		"content/_index.md":              page("Home"),
		"content/news/_index.md":         page("Clinic news"),
		"content/news/open.md":           page("Open"),
		"content/news/open.es.md":        page("Abierto"),
		"content/news/closed.md":         page("Closed"),
		"content/news/closed.es.md":      page("Cerrado"),
		"content/articles/_index.es.md":  page("Artículos"),
		"content/articles/flu.md":        page("Flu"),
		"content/articles/flu.es.md":     page("Gripe"),
		"content/alerts/works.md":        page("Works"),
		"content/events/2026/fair.md":    page("Fair"),
		"content/events/2026/fair.es.md": page("Feria"),
		"content/faq/colds.md":           page("Colds"),
		"content/faq/colds.es.md":        page("Resfriados"),
	}
	s, found, err := Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, fmt.Sprintf("%s:%d:%d %s %s: %s", f.File, f.Line, f.Col, f.Severity, f.Rule, f.Message))
	}
	want := []string{
		`content/events/2026/fair.es.md:1:1 warning content.section-title: the es list page of content/events/ (/es/events/) has no title of its own, so it is titled "Events" after the folder's name; add content/events/_index.es.md with its title: and description: in es`,
		`content/events/2026/fair.es.md:1:1 warning content.section-title: the es list page of content/events/2026/ (/es/events/2026/) has no title of its own, so it is titled "2026" after the folder's name; add content/events/2026/_index.es.md with its title: and description: in es`,
		`content/news/closed.es.md:1:1 warning content.section-title: the es list page of content/news/ (/es/news/) has no title of its own, so it is titled "News" after the folder's name; add content/news/_index.es.md with its title: and description: in es (pamphlet new translation content/news/_index.md es copies the en one, "Clinic news", to translate)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\ngot\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for u, title := range map[string]string{"/es/news/": "News", "/es/articles/": "Artículos", "/es/": "Site", "/alerts/": "Alerts"} {
		if p := s.PageByURL(u); p == nil || p.Meta.Title != title {
			t.Errorf("%s: %+v, want the title %q", u, p, title)
		}
	}
}
