package layout

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Reference is the language whose words every other language's are held
// to: the theme's words are written in English first, and its keys are
// the words every language needs.
const Reference = "en"

// WordsDir is the folder of a site's (or the theme's) words, one file a
// language.
const WordsDir = "layouts/words"

// WordRule is the rule of the findings about the theme's words.
const WordRule = "layout.word"

// WordsFile is the file of a language's words, such as
// layouts/words/es.yaml.
func WordsFile(lang string) string { return WordsDir + "/" + strings.ToLower(lang) + ".yaml" }

// LoadWords reads the words of each of the languages langs from the
// layers, the site's folder first and then the built-in theme: each
// layer's layouts/words/LANG.yaml, key by key, the first layer that has a
// word winning, so that a site's file may hold a single word and take the
// rest from the theme's. A regional language (es-mx) takes the words its
// own files lack from those of its base language (es). The English words
// (Reference) are read whether or not they are among langs.
//
// Every key of the English words needs a word in every language. A word
// missing, empty, not text, or with a placeholder the English word does
// not have is a layout.word finding, and the language has the English
// word in its place, so that no page is left blank where a word goes.
// Only files that cannot be read at all are errors.
func LoadWords(langs []string, layers ...fs.FS) (map[string]*Words, []finding.Finding, error) {
	l := &wordsLoader{layers: layers, files: map[string][]*wordsFile{}}
	ref, err := l.chain(Reference)
	if err != nil {
		return nil, nil, err
	}
	// Each word's placeholders are those of the English word furthest
	// down the layers: the theme's, for the theme's words.
	places := map[string][]string{}
	for _, f := range slices.Backward(ref) {
		for k, e := range f.words {
			if _, ok := places[k]; !ok {
				places[k] = append([]string{}, placesOf(e.text)...) // not nil: nil means any
			}
		}
	}
	keys := slices.Sorted(maps.Keys(places))
	english := &Words{Lang: Reference, text: map[string]string{}, places: places}
	if len(ref) == 0 {
		l.found = append(l.found, finding.Finding{
			Position: finding.Position{File: WordsFile(Reference)}, Rule: WordRule, Severity: finding.Error,
			Message: fmt.Sprintf("there are no English words, which every language's words are checked against; add %s", WordsFile(Reference)),
		})
	}
	out := map[string]*Words{}
	for _, lang := range append([]string{Reference}, langs...) {
		if out[lang] != nil {
			continue
		}
		files := ref
		if lang != Reference {
			if files, err = l.chain(lang); err != nil {
				return nil, nil, err
			}
		}
		w := &Words{Lang: lang, text: map[string]string{}, places: places}
		if lang == Reference {
			w = english
		}
		if len(files) == 0 && lang != Reference {
			l.found = append(l.found, finding.Finding{
				Position: finding.Position{File: WordsFile(lang)}, Rule: WordRule, Severity: finding.Error,
				Message: fmt.Sprintf("there are no words in %s (%s), one of the site's languages: add %s%s with the %d words of %s in %s; until then its pages show the English words",
					lang, LanguageName(lang), WordsFile(lang), orBase(lang), len(keys), WordsFile(Reference), lang),
			})
		}
		for _, k := range keys {
			if text, ok := l.word(files, k, places[k]); ok {
				w.text[k] = text
				continue
			}
			if len(files) > 0 {
				l.found = append(l.found, finding.Finding{
					Position: finding.Position{File: WordsFile(lang)}, Rule: WordRule, Severity: finding.Error,
					Message: fmt.Sprintf("the word %s is missing in %s (in English: %q); add it to %s", k, lang, english.text[k], WordsFile(lang)),
				})
			}
			w.text[k] = english.text[k]
			if w.text[k] == "" {
				w.text[k] = k // no English either, a finding already says so
			}
		}
		// Words of the site's own templates, which the English need not
		// have.
		for _, f := range files {
			for k, e := range f.words {
				if _, ok := w.text[k]; !ok && l.valid(f, k, e, nil) {
					w.text[k] = e.text
				}
			}
		}
		out[lang] = w
	}
	return out, l.findings(), nil
}

// orBase names, for a regional language, the file of its base language,
// which serves every region: " (or layouts/words/pt.yaml, for every pt)".
func orBase(lang string) string {
	base, _, ok := strings.Cut(strings.ToLower(lang), "-")
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (or %s, for every %s)", WordsFile(base), base)
}

// wordsLoader reads words files once each, and gathers the findings.
type wordsLoader struct {
	layers []fs.FS
	files  map[string][]*wordsFile // of each language, by the language's own tag, the site's first
	found  []finding.Finding
	judged map[wordAt]bool // the words already judged, each reported once
}

// wordAt is a word of one file.
type wordAt struct {
	file *wordsFile
	key  string
}

// wordsFile is one layer's file of one language's words.
type wordsFile struct {
	path  string
	words map[string]wordEntry
}

// wordEntry is a word as written, with its position.
type wordEntry struct {
	text      string
	line, col int
	bad       string // why the value is not a word; "" when it is text
}

// chain returns the files a language's words come from, in the order
// they win: its own in each layer, then its base language's.
func (l *wordsLoader) chain(lang string) ([]*wordsFile, error) {
	lang = strings.ToLower(lang)
	out, err := l.read(lang)
	if err != nil {
		return nil, err
	}
	if base, _, ok := strings.Cut(lang, "-"); ok {
		more, err := l.read(base)
		if err != nil {
			return nil, err
		}
		out = append(slices.Clip(out), more...)
	}
	return out, nil
}

// read returns the files of a language in each layer that has one.
func (l *wordsLoader) read(lang string) ([]*wordsFile, error) {
	if files, ok := l.files[lang]; ok {
		return files, nil
	}
	var out []*wordsFile
	for _, layer := range l.layers {
		if layer == nil {
			continue
		}
		name := WordsFile(lang)
		src, err := fs.ReadFile(layer, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		f := &wordsFile{path: name, words: map[string]wordEntry{}}
		l.parse(f, src)
		out = append(out, f)
	}
	l.files[lang] = out
	return out, nil
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// parse reads a words file: a YAML mapping of keys to text.
func (l *wordsLoader) parse(f *wordsFile, src []byte) {
	bad := func(line, col int, format string, args ...any) {
		l.found = append(l.found, finding.Finding{
			Position: finding.Position{File: f.path, Line: line, Col: col}, Rule: WordRule, Severity: finding.Error,
			Message: fmt.Sprintf(format, args...),
		})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := 0, err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		bad(line, 0, "this file cannot be read as YAML: %s; its words are not used", msg)
		return
	}
	if len(doc.Content) == 0 {
		return
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		bad(top.Line, top.Column, `a words file is a list of words, one "key: text" a line`)
		return
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			bad(k.Line, k.Column, `a words file is a list of words, one "key: text" a line`)
			continue
		}
		if first, ok := f.words[k.Value]; ok {
			bad(k.Line, k.Column, "the word %s is given twice; the first is on line %d", k.Value, first.line)
			continue
		}
		e := wordEntry{line: v.Line, col: v.Column}
		switch {
		case v.Kind == yaml.AliasNode:
			e.bad = "an alias; write the text itself"
		case v.Kind != yaml.ScalarNode:
			e.bad = "a list or a mapping; a word is text"
		case v.Tag == "!!null" || strings.TrimSpace(v.Value) == "":
			e.bad = "empty; write the word, or leave the key out to keep the theme's"
		default:
			e.text = v.Value
		}
		f.words[k.Value] = e
	}
}

// word returns the first good word of the key in the files, reporting
// the bad ones it passes.
func (l *wordsLoader) word(files []*wordsFile, key string, places []string) (string, bool) {
	for _, f := range files {
		e, ok := f.words[key]
		if ok && l.valid(f, key, e, places) {
			return e.text, true
		}
	}
	return "", false
}

// valid reports whether a word as written can be used: text, with only
// the placeholders of its English word (places; any, for a word the
// English does not have, given as nil) or, for a time format, of a
// time. A word that cannot be used is reported, once.
func (l *wordsLoader) valid(f *wordsFile, key string, e wordEntry, places []string) bool {
	why := ""
	switch {
	case e.bad != "":
		why = fmt.Sprintf("the word %s is %s", key, e.bad)
	case isFormat(key):
		for _, p := range placesOf(e.text) {
			if !slices.Contains(timePlaces, p) {
				why = fmt.Sprintf("the time format %s has {%s}, which is not a part of a time; it may have %s", key, p, listPlaces(timePlaces))
				break
			}
		}
	case places != nil:
		for _, p := range placesOf(e.text) {
			if !slices.Contains(places, p) {
				why = fmt.Sprintf("the word %s has {%s}, which its English word does not; it may have %s", key, p, listPlaces(places))
				break
			}
		}
	}
	if why == "" {
		return true
	}
	at := wordAt{f, key}
	if l.judged == nil {
		l.judged = map[wordAt]bool{}
	}
	if !l.judged[at] {
		l.judged[at] = true
		l.found = append(l.found, finding.Finding{
			Position: finding.Position{File: f.path, Line: e.line, Col: e.col}, Rule: WordRule, Severity: finding.Error,
			Message: why,
		})
	}
	return false
}

// findings returns the findings, each once, sorted.
func (l *wordsLoader) findings() []finding.Finding { return finding.Sort(l.found) }
