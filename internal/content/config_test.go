package content

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// webAddresses are values of the address fields of pamphlet.yaml and front
// matter, and whether those fields accept them.
var webAddresses = []struct {
	url string
	ok  bool
}{
	{"https://health.example.org/about/", true},
	{"http://health.example.org", true},
	{"/path/", true},
	{"/articles/flu/#when", true},
	{"javascript:alert(1)", false},
	{"JavaScript:alert(1)", false},
	{"data:text/html,<script>alert(1)</script>", false},
	{"file:///etc/passwd", false},
	{"mailto:info@example.org", false},
	{"https://", false},
	{"health.example.org", false},
	{"about/", false},
	{"../about/", false},
	{"//evil.example.org/", false},
	{"/\\evil.example.org/", false},
	{"/\t/evil.example.org/", false},
}

// TestConfigAddresses: organization.url and each menu item's url take
// http(s) addresses and site paths only, and say which key and line is
// wrong when given anything else.
func TestConfigAddresses(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\n"
	fields := []struct {
		name, key string
		src       func(u string) string
		at        string // line:col of the finding
	}{
		{"organization.url", "organization.url", func(u string) string { return head + "organization:\n  name: Clinic\n  url: " + quote(u) + "\n" }, "5:3"},
		{"menu url", "menu item 2", func(u string) string {
			return head + "menu:\n  - {name: Home, url: /}\n  - name: About\n    url: " + quote(u) + "\n"
		}, "6:5"},
	}
	for _, f := range fields {
		for _, a := range webAddresses {
			t.Run(f.name+" "+a.url, func(t *testing.T) {
				_, found, err := ParseConfig([]byte(f.src(a.url)))
				if err != nil {
					t.Fatal(err)
				}
				got := strings.Join(brief(found), "; ")
				want := ""
				if !a.ok {
					want = f.at + " config.value"
				}
				if got != want {
					t.Fatalf("got %q, want %q (%v)", got, want, found)
				}
				if !a.ok && !strings.Contains(found[0].Message, f.key) {
					t.Errorf("the message %q does not name %s", found[0].Message, f.key)
				}
			})
		}
	}
}

// quote writes s as a YAML double-quoted string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`).Replace(s) + `"`
}

// TestParseConfigSyntaxAtEnd: a syntax error at the end of a file that
// does not end with a newline is on its last line, not on one after it.
func TestParseConfigSyntaxAtEnd(t *testing.T) {
	for src, want := range map[string]string{
		"{":                       "1:1 config.syntax",
		"title: T\nbase_url: [":   "2:1 config.syntax",
		"title: T\nbase_url: [\n": "3:1 config.syntax",
	} {
		_, found, err := ParseConfig([]byte(src))
		if got := strings.Join(brief(found), "; "); err != nil || got != want {
			t.Errorf("ParseConfig(%q) = %q, %v; want %q", src, got, err, want)
		}
	}
}

// FuzzParseConfig reads pamphlet.yaml files of any bytes. ParseConfig
// never panics and never fails: every problem is a finding at a line and
// column of the file, the same findings each time, and a file that can be
// read at all gives a configuration.
func FuzzParseConfig(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, found, err := ParseConfig(src)
		if err != nil {
			t.Fatalf("ParseConfig failed instead of reporting a finding: %v", err)
		}
		lines := yamlLines(src)
		syntax := false
		for _, f := range found {
			if f.File != ConfigFile || f.Line < 1 || f.Line > lines || f.Col < 1 {
				t.Fatalf("finding at %s:%d:%d, outside the %d lines of %s: %v\n%q", f.File, f.Line, f.Col, lines, ConfigFile, f, src)
			}
			if !strings.HasPrefix(f.Rule, "config.") || f.Message == "" || f.Severity != finding.Error {
				t.Fatalf("finding without a config rule, message or severity: %+v", f)
			}
			syntax = syntax || f.Rule == "config.syntax"
		}
		if cfg == nil && !syntax {
			t.Fatalf("no configuration, and no config.syntax finding says why: %v", found)
		}
		if _, again, _ := ParseConfig(src); !reflect.DeepEqual(found, again) {
			t.Fatalf("the findings differ from one reading to the next:\n%v\n%v", found, again)
		}
	})
}

// yamlLines counts the lines of src as YAML does, which also ends them at
// a lone carriage return and at the next line, line separator and
// paragraph separator characters. Positions in pamphlet.yaml are YAML's,
// so in a file with such line ends they count more lines than its
// newlines make.
func yamlLines(src []byte) int {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	return 1 + strings.Count(s, "\n") + strings.Count(s, "\r") + strings.Count(s, "\u0085") + strings.Count(s, "\u2028") + strings.Count(s, "\u2029")
}

// TestConfigLanguages: languages lists the site's languages, the default
// first; a bad tag, a language listed twice, a language: that disagrees
// with it and a reviewer who reads a language the site does not have are
// errors at their key.
func TestConfigLanguages(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\n"
	for _, c := range []struct {
		src, want string
		langs     []string
	}{
		{"", "", []string{"en"}},
		{"language: es\n", "", []string{"es"}},
		{"languages: [en, es]\n", "", []string{"en", "es"}},
		{"languages: [es, en]\n", "", []string{"es", "en"}},
		{"language: es\nlanguages: [es, en]\n", "", []string{"es", "en"}},
		{"language: en\nlanguages: [es, en]\n", "3:1 config.value", nil},
		{"languages: [en, Spanish]\n", "3:17 config.value", nil},
		{"languages: [en, es, es]\n", "3:21 config.value", nil},
		{"languages: [en, es]\nreviewers:\n  dr-a:\n    name: A\n    languages: [fr]\n", "7:17 config.value", nil},
		{"languages: [en, es]\nreviewers:\n  dr-a:\n    name: A\n    languages: [es]\n", "", []string{"en", "es"}},
	} {
		cfg, found, err := ParseConfig([]byte(head + c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range brief(found) {
			if strings.HasSuffix(b, "config.value") {
				got = append(got, b)
			}
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: %v, want %q", c.src, found, c.want)
		}
		if c.langs != nil && !reflect.DeepEqual(cfg.Langs(), c.langs) {
			t.Errorf("%q: languages %v, want %v", c.src, cfg.Langs(), c.langs)
		}
		if c.langs != nil && cfg.Language != c.langs[0] {
			t.Errorf("%q: default %q, want %q", c.src, cfg.Language, c.langs[0])
		}
	}
	cfg, _, _ := ParseConfig([]byte(head + "languages: [en, es]\n"))
	if cfg.Prefix("en") != "" || cfg.Prefix("es") != "/es" {
		t.Errorf("prefixes %q %q", cfg.Prefix("en"), cfg.Prefix("es"))
	}
	if !cfg.Reads(Reviewer{}, "en") || cfg.Reads(Reviewer{}, "es") || !cfg.Reads(Reviewer{Languages: []string{"es"}}, "es") {
		t.Error("a reviewer who lists no languages reads the default alone")
	}
}

func TestConfigSearch(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\n"
	for _, c := range []struct {
		src, want string
		on        bool
	}{
		{"", "", true},
		{"build: {search: false}\n", "", false},
		{"search:\n  synonyms:\n    water tablets: [diuretics, fluid tablets]\n", "", true},
		{"search:\n  synonyms:\n    water tablets: []\n", "5:5 config.value", true},
		{"search:\n  synonyms:\n    \"--\": [diuretics]\n", "5:5 config.value", true},
		{"search:\n  synonyms:\n    flu jab: [flu vaccine, \"?\"]\n", "5:28 config.value", true},
		{"search:\n  synonym: {}\n", "4:3 config.unknown", true},
	} {
		cfg, found, err := ParseConfig([]byte(head + c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range brief(found) {
			if strings.Contains(b, "config.") {
				got = append(got, b)
			}
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: %v, want %q", c.src, found, c.want)
		}
		if cfg.Build.SearchOn() != c.on {
			t.Errorf("%q: search on %v", c.src, cfg.Build.SearchOn())
		}
	}
}

// TestConfigApprovals: github logins, attestors and the time zone.
func TestConfigApprovals(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\n"
	for _, c := range []struct{ src, want string }{
		{"reviewers:\n  ada: {name: Ada, clinical: true, github: Ada-Okafor-MD}\nattestors:\n  site-ci: {name: CI, keys: [\"ssh-ed25519 AAAA\"]}\ntime_zone: Europe/London\n", ""},
		{"reviewers:\n  ada: {name: Ada, github: \"ada okafor\"}\n", "4:20 config.value"},
		{"reviewers:\n  ada: {name: Ada, github: ada-}\n", "4:20 config.value"},
		{"reviewers:\n  ada: {name: Ada, github: ada}\n  bo: {name: Bo, github: ADA}\n", "5:18 config.value"},
		{"attestors:\n  site-ci: {name: CI}\n", "4:3 config.value"},
		{"attestors:\n  site-ci: {keys: [\"ssh-ed25519 AAAA\"]}\n", "4:3 config.value"},
		{"attestors:\n  Site_CI: {name: CI, keys: [\"ssh-ed25519 AAAA\"]}\n", "4:3 config.value"},
		{"reviewers:\n  ci: {name: CI}\nattestors:\n  ci: {name: CI, keys: [\"ssh-ed25519 AAAA\"]}\n", "6:3 config.value"},
		{"time_zone: Mars/Olympus\n", "3:1 config.value"},
		{"attestors:\n  site-ci: {name: CI, key: []}\n", "4:3 config.value; 4:23 config.unknown"},
	} {
		cfg, found, err := ParseConfig([]byte(head + c.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(brief(found), "; "); got != c.want {
			t.Errorf("%q: %v, want %q", c.src, found, c.want)
		}
		if c.want == "" {
			if id, ok := cfg.ReviewerByLogin("ada-okafor-md"); !ok || id != "ada" {
				t.Errorf("login ada-okafor-md: %q %v", id, ok)
			}
			if loc := cfg.Location(); loc == nil || loc.String() != "Europe/London" {
				t.Errorf("time_zone: %v", loc)
			}
		}
	}
}
