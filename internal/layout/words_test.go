package layout

import (
	"html/template"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"text/template/parse"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// repo is the repository, whose layouts/ is the built-in theme.
var repo = os.DirFS("../..")

// themeWords loads the built-in theme's words in the languages.
func themeWords(t *testing.T, langs ...string) map[string]*Words {
	t.Helper()
	words, found, err := LoadWords(langs, repo)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("the theme's words: %s", f)
	}
	return words
}

// TestThemeWords: every word of the theme's English has a Spanish one,
// with no placeholder the English lacks, and the Spanish file has no key
// the English does not (a typo there would leave the English word to
// stand in for the Spanish).
func TestThemeWords(t *testing.T) {
	words := themeWords(t, "en", "es")
	en, es := words["en"], words["es"]
	if len(en.text) < 100 {
		t.Fatalf("%d English words", len(en.text))
	}
	files, err := (&wordsLoader{layers: []fs.FS{repo}, files: map[string][]*wordsFile{}}).read("es")
	if err != nil || len(files) != 1 {
		t.Fatalf("es.yaml: %v %v", files, err)
	}
	for k := range files[0].words {
		if !en.Has(k) {
			t.Errorf("es.yaml has %s, which en.yaml does not", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(en.text)) {
		if es.text[k] == "" || es.text[k] == en.text[k] && !isFormat(k) && !strings.HasPrefix(k, "time.") {
			t.Errorf("%s: es %q, en %q: not translated", k, es.text[k], en.text[k])
		}
	}
}

// TestTemplateWords: every word the theme's templates use is a key of the
// English words, called with a constant key and with a value for each of
// its placeholders and no others, so that a typo fails here rather than
// on a page.
func TestTemplateWords(t *testing.T) {
	words := themeWords(t, "en")
	files, err := Merge("layouts", func(string) bool { return false }, repo)
	if err != nil {
		t.Fatal(err)
	}
	set, err := Load(template.FuncMap{
		"relURL": func(s string) string { return s }, "absURL": func(s string) string { return s },
		"asset": func(s string) string { return s }, "isodate": func(time.Time) string { return "" },
		"datetime": func(time.Time) string { return "" }, "tel": func(s string) string { return s },
	}, files, words)
	if err != nil {
		t.Fatal(err)
	}
	en := words["en"]
	uses := 0
	seen := map[string]bool{} // the base and partials are in every page's template
	for _, name := range set.names {
		for _, tmpl := range set.byLang["en"][name].Templates() {
			id := tmpl.Name()
			if id != Base && !strings.HasPrefix(id, "partials/") {
				id = name + ": " + id // each page defines its own main and head
			}
			if tmpl.Tree == nil || seen[id] {
				continue
			}
			seen[id] = true
			walk(tmpl.Tree.Root, func(cmd *parse.CommandNode) {
				if id, ok := cmd.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "word" {
					return
				}
				uses++
				where := tmpl.Name() + ": " + cmd.String()
				if len(cmd.Args) < 2 {
					t.Errorf("%s: no key", where)
					return
				}
				key, ok := cmd.Args[1].(*parse.StringNode)
				if !ok {
					t.Errorf("%s: the key is not a constant, so no test can check it", where)
					return
				}
				if !en.Has(key.Text) {
					t.Errorf("%s: %s is not a key of layouts/words/en.yaml", where, key.Text)
					return
				}
				var given []string
				for i := 2; i < len(cmd.Args); i += 2 {
					name, ok := cmd.Args[i].(*parse.StringNode)
					if !ok || i+1 == len(cmd.Args) {
						t.Errorf("%s: placeholders come as a constant name and a value", where)
						return
					}
					given = append(given, name.Text)
				}
				slices.Sort(given)
				want := slices.Sorted(slices.Values(en.places[key.Text]))
				if !slices.Equal(given, want) {
					t.Errorf("%s: fills in %v; %s has %v", where, given, key.Text, want)
				}
			})
		}
	}
	if uses < 50 {
		t.Errorf("found %d uses of word: the walk misses some", uses)
	}
}

// walk calls f for each command of the template nodes under n.
func walk(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, f)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, f)
			}
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.IfNode:
		walk(n.Pipe, f)
		walk(n.List, f)
		walk(n.ElseList, f)
	case *parse.RangeNode:
		walk(n.Pipe, f)
		walk(n.List, f)
		walk(n.ElseList, f)
	case *parse.WithNode:
		walk(n.Pipe, f)
		walk(n.List, f)
		walk(n.ElseList, f)
	case *parse.TemplateNode:
		walk(n.Pipe, f)
	}
}

// TestLoadWords: a site's words win key by key over the theme's; a
// regional language takes what it lacks from its base language; what a
// language cannot use is a finding, naming the file to fix, and the
// English word stands in for it.
func TestLoadWords(t *testing.T) {
	theme := fstest.MapFS{
		"layouts/words/en.yaml": {Data: []byte("nav.skip: Skip\nfeed.title: News from {site}\nformat.date: \"{day} {month} {year}\"\nmonth.december: December\n")},
		"layouts/words/es.yaml": {Data: []byte("nav.skip: Saltar\nfeed.title: Noticias de {site}\nformat.date: \"{day} de {month} de {year}\"\nmonth.december: diciembre\n")},
	}
	for _, tc := range []struct {
		name  string
		langs []string
		site  fstest.MapFS
		lang  string
		want  map[string]string // words of lang
		found []string
	}{
		{name: "the theme alone", langs: []string{"en", "es"}, lang: "es",
			want: map[string]string{"nav.skip": "Saltar", "feed.title": "Noticias de {site}"}},
		{name: "a site overrides one word", langs: []string{"en", "es"}, lang: "es",
			site: fstest.MapFS{"layouts/words/es.yaml": {Data: []byte("nav.skip: Ir al contenido\n")}},
			want: map[string]string{"nav.skip": "Ir al contenido", "feed.title": "Noticias de {site}"}},
		{name: "a regional language", langs: []string{"en", "es-mx"}, lang: "es-mx",
			site: fstest.MapFS{"layouts/words/es-mx.yaml": {Data: []byte("nav.skip: Brincar\n")}},
			want: map[string]string{"nav.skip": "Brincar", "month.december": "diciembre"}},
		{name: "a language with no file", langs: []string{"en", "fr"}, lang: "fr",
			want:  map[string]string{"nav.skip": "Skip"},
			found: []string{"layouts/words/fr.yaml: error: there are no words in fr (Français), one of the site's languages: add layouts/words/fr.yaml with the 4 words of layouts/words/en.yaml in fr; until then its pages show the English words (layout.word)"}},
		{name: "a word missing, one empty, one with a placeholder too many", langs: []string{"en", "fr"}, lang: "fr",
			site: fstest.MapFS{"layouts/words/fr.yaml": {Data: []byte("nav.skip: \"\"\nfeed.title: Nouvelles de {site} {sitio}\nformat.date: \"{day} {mois} {year}\"\n")}},
			want: map[string]string{"nav.skip": "Skip", "feed.title": "News from {site}", "month.december": "December"},
			found: []string{
				"layouts/words/fr.yaml: error: the word feed.title is missing in fr (in English: \"News from {site}\"); add it to layouts/words/fr.yaml (layout.word)",
				"layouts/words/fr.yaml: error: the word format.date is missing in fr (in English: \"{day} {month} {year}\"); add it to layouts/words/fr.yaml (layout.word)",
				"layouts/words/fr.yaml: error: the word month.december is missing in fr (in English: \"December\"); add it to layouts/words/fr.yaml (layout.word)",
				"layouts/words/fr.yaml: error: the word nav.skip is missing in fr (in English: \"Skip\"); add it to layouts/words/fr.yaml (layout.word)",
				"layouts/words/fr.yaml:1:11: error: the word nav.skip is empty; write the word, or leave the key out to keep the theme's (layout.word)",
				"layouts/words/fr.yaml:2:13: error: the word feed.title has {sitio}, which its English word does not; it may have {site} (layout.word)",
				"layouts/words/fr.yaml:3:14: error: the time format format.date has {mois}, which is not a part of a time; it may have {weekday}, {day}, {month}, {year}, {hour}, {hour12}, {minute} and {ampm} (layout.word)",
			}},
		{name: "a file that is not YAML, and a key twice", langs: []string{"en", "es"}, lang: "es",
			site: fstest.MapFS{
				"layouts/words/es.yaml": {Data: []byte("nav.skip: [Saltar\n")},
				"layouts/words/en.yaml": {Data: []byte("nav.skip: Go\nnav.skip: Jump\n")},
			},
			want: map[string]string{"nav.skip": "Saltar"},
			found: []string{
				"layouts/words/en.yaml:2:1: error: the word nav.skip is given twice; the first is on line 1 (layout.word)",
				"layouts/words/es.yaml:1: error: this file cannot be read as YAML: did not find expected ',' or ']'; its words are not used (layout.word)",
			}},
	} {
		words, found, err := LoadWords(tc.langs, tc.site, theme)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for k, want := range tc.want {
			if got := words[tc.lang].text[k]; got != want {
				t.Errorf("%s: %s = %q, want %q", tc.name, k, got, want)
			}
		}
		var got []string
		for _, f := range found {
			got = append(got, f.String())
		}
		if !slices.Equal(got, tc.found) {
			t.Errorf("%s: findings\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.found, "\n"))
		}
		for _, f := range found {
			if f.Rule != WordRule || f.Severity != finding.Error {
				t.Errorf("%s: %s", tc.name, f)
			}
		}
	}
}

// TestWord: the templates' word fills in placeholders by name, and
// refuses an unknown key, an unknown placeholder or one left empty; dates
// and times are written in the language's words.
func TestWord(t *testing.T) {
	words := themeWords(t, "en", "es")
	en, es := words["en"], words["es"]
	if got, err := es.Word("feed.title", "site", "Clínica {site}"); err != nil || got != "Noticias y avisos de Clínica {site}" {
		t.Errorf("feed.title: %q, %v", got, err)
	}
	for _, args := range [][]string{{"nav.skp"}, {"feed.title"}, {"feed.title", "site"}, {"feed.title", "sitio", "x"}} {
		if got, err := en.Word(args[0], args[1:]...); err == nil {
			t.Errorf("word %q: %q, want an error", args, got)
		}
	}
	day := time.Date(2026, 12, 2, 14, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		w         *Words
		key, want string
	}{
		{en, "format.date", "2 December 2026"},
		{es, "format.date", "2 de diciembre de 2026"},
		{en, "format.weekday-date", "Wednesday 2 December 2026"},
		{es, "format.weekday-date", "miércoles 2 de diciembre de 2026"},
		{en, "format.clock", "2:30pm"},
		{es, "format.clock", "14:30"},
	} {
		if got := c.w.Time(c.key, day); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.key, c.w.Lang, got, c.want)
		}
	}
	if got := es.Say("no.such-word"); got != "no.such-word" {
		t.Errorf("Say of an unknown key: %q", got)
	}
}

// FuzzLoadWords: a site's words file, whatever its bytes, never panics
// the loader, never leaves a word empty (the English word stands in, with
// a finding), and every finding names a file.
func FuzzLoadWords(f *testing.F) {
	f.Add([]byte("nav.skip: Aller au contenu\n"))
	f.Add([]byte("nav.skip: \"\"\nfeed.title: Nouvelles de {site} {sitio}\n"))
	f.Add([]byte("nav.skip: [a, b]\nnav.skip: twice\n"))
	f.Add([]byte("\xff\xfe: {\n"))
	theme := fstest.MapFS{
		"layouts/words/en.yaml": {Data: []byte("nav.skip: Skip to main content\nfeed.title: News from {site}\nformat.date: \"{day} {month} {year}\"\n")},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		site := fstest.MapFS{"layouts/words/fr.yaml": {Data: data}}
		words, found, err := LoadWords([]string{"en", "fr"}, site, theme)
		if err != nil {
			return // a file that cannot be read at all
		}
		for _, k := range []string{"nav.skip", "feed.title", "format.date"} {
			if words["fr"].Say(k) == "" {
				t.Errorf("fr %s is empty", k)
			}
		}
		for _, fd := range found {
			if fd.File == "" || fd.Rule != "layout.word" {
				t.Errorf("a finding without a file or of another rule: %+v", fd)
			}
		}
	})
}
