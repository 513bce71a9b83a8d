package layout

import (
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The English words that messages to a site's authors quote, such as a
// check's hint to write the trust statement. Pages take theirs from the
// theme's words in the page's language (see Words).
const (
	TrustTitle = "How we make our health information" // the trust page, as English words name it
)

// Words are the theme's words in one language: every fixed text that the
// templates and the views show, by key, such as "nav.skip" for "Skip to
// main content". They come from layouts/words/LANG.yaml (see LoadWords).
// A word may hold placeholders such as {site}, filled in by name; the
// format.* words are time formats (see Time).
type Words struct {
	Lang string // the language tag, such as es
	text map[string]string
	// places are the placeholders each word of the theme's English has,
	// which a caller may fill in.
	places map[string][]string
}

// placeholder is a name in braces in a word, such as {site}.
var placeholder = regexp.MustCompile(`\{([a-z][a-z0-9-]*)\}`)

// timePlaces are the placeholders of the format.* words, which a
// translation may use whatever the English has.
var timePlaces = []string{"weekday", "day", "month", "year", "hour", "hour12", "minute", "ampm"}

// isFormat reports whether a word is a time format.
func isFormat(key string) bool { return strings.HasPrefix(key, "format.") }

// placesOf lists the placeholders of a text, each once, in order.
func placesOf(text string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// Has reports whether the words have the key.
func (w *Words) Has(key string) bool { _, ok := w.text[key]; return ok }

// Say returns the word of the key with its placeholders filled in from
// args, given as pairs of a name and a value ("site", "Riverside
// Health"). It is for code, whose keys a test holds to those of the
// theme's English: a key the words do not have gives the key itself, and
// a placeholder with no value stays as written, so that a page is never
// left with nothing in a word's place.
func (w *Words) Say(key string, args ...string) string {
	text, ok := w.text[key]
	if !ok {
		return key
	}
	out, _ := fill(text, args)
	return out
}

// Word returns the word of the key with its placeholders filled in from
// args, pairs of a name and a value, for the templates' word function:
// {{word "feed.title" "site" .Site.Title}}. A key the theme's English
// does not have, a value for a placeholder the word cannot have, or a
// placeholder left without one is an error, which stops the page.
func (w *Words) Word(key string, args ...string) (string, error) {
	text, ok := w.text[key]
	if !ok {
		return "", fmt.Errorf("there is no word %q in %s", key, WordsFile(Reference))
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("word %q: the placeholders come in pairs of a name and a value; %d values given", key, len(args))
	}
	places, known := w.places[key]
	if !known { // a word of the site's own, which the English need not have
		places = placesOf(text)
	}
	for i := 0; i < len(args); i += 2 {
		if !slices.Contains(places, args[i]) {
			return "", fmt.Errorf("word %q has no placeholder {%s}; it has %s", key, args[i], listPlaces(places))
		}
	}
	out, missing := fill(text, args)
	if missing != "" {
		return "", fmt.Errorf("word %q in %s needs a value for {%s}", key, w.Lang, missing)
	}
	return out, nil
}

// listPlaces writes placeholders for a message: "{site} and {tag}", or
// "none".
func listPlaces(places []string) string {
	if len(places) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, p := range places {
		if i > 0 {
			if i == len(places)-1 {
				b.WriteString(" and ")
			} else {
				b.WriteString(", ")
			}
		}
		b.WriteString("{" + p + "}")
	}
	return b.String()
}

// fill puts the values of args (name, value pairs) in place of their
// placeholders, in one pass, so that a value is never read as a word;
// it returns the first placeholder that has no value, left as written.
func fill(text string, args []string) (string, string) {
	i := strings.IndexByte(text, '{')
	if i < 0 {
		return text, ""
	}
	// As placeholder.ReplaceAllStringFunc would, without its cost on
	// every word of every page.
	var b strings.Builder
	missing, done := "", 0
	for i >= 0 {
		next := i + 1
		if name, ok := placeholderAt(text[i:]); ok {
			next = i + len(name) + 2
			value, found := "", false
			for k := 0; k+1 < len(args); k += 2 {
				if args[k] == name {
					value, found = args[k+1], true
					break
				}
			}
			switch {
			case found:
				b.WriteString(text[done:i])
				b.WriteString(value)
				done = next
			case missing == "":
				missing = name
			}
		}
		if k := strings.IndexByte(text[next:], '{'); k >= 0 {
			i = next + k
		} else {
			i = -1
		}
	}
	if done == 0 {
		return text, missing
	}
	b.WriteString(text[done:])
	return b.String(), missing
}

// placeholderAt returns the name of the placeholder that text begins
// with, as the placeholder pattern reads one: {name}.
func placeholderAt(text string) (string, bool) {
	if len(text) < 3 || text[0] != '{' || text[1] < 'a' || text[1] > 'z' {
		return "", false
	}
	for j := 2; j < len(text); j++ {
		switch c := text[j]; {
		case c == '}':
			return text[1:j], true
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
		default:
			return "", false
		}
	}
	return "", false
}

// Time writes a time with the time format of the key, a format.* word:
// {weekday} and {month} are the words weekday.monday… and
// month.january…, {day} the day of the month, {year}, {hour} from 0 to
// 23, {hour12} from 1 to 12 with {ampm} the word time.am or time.pm, and
// {minute} in two digits.
func (w *Words) Time(key string, t time.Time) string {
	text := w.Say(key)
	h12 := t.Hour() % 12
	if h12 == 0 {
		h12 = 12
	}
	ampm := "time.am"
	if t.Hour() >= 12 {
		ampm = "time.pm"
	}
	out, _ := fill(text, []string{
		"weekday", w.Say("weekday." + strings.ToLower(t.Weekday().String())),
		"day", strconv.Itoa(t.Day()),
		"month", w.Say("month." + strings.ToLower(t.Month().String())),
		"year", strconv.Itoa(t.Year()),
		"hour", strconv.Itoa(t.Hour()),
		"hour12", strconv.Itoa(h12),
		"minute", fmt.Sprintf("%02d", t.Minute()),
		"ampm", w.Say(ampm),
	})
	return out
}

// Date writes a date as the page's language does: "2 December 2026",
// "2 de diciembre de 2026" (the word format.date).
func (w *Words) Date(t time.Time) string { return w.Time("format.date", t) }

// funcs are the functions of the templates that speak the language:
// word (see Word) and date (see Date).
func (w *Words) funcs() template.FuncMap {
	return template.FuncMap{"word": w.Word, "date": w.Date}
}

// languageNames are the names of languages in themselves, for the links
// between a page's versions.
var languageNames = map[string]string{
	"ar": "العربية", "bn": "বাংলা", "cy": "Cymraeg", "de": "Deutsch", "en": "English", "es": "Español",
	"fa": "فارسی", "fr": "Français", "gu": "ગુજરાતી", "hi": "हिन्दी", "it": "Italiano", "ja": "日本語",
	"ko": "한국어", "pa": "ਪੰਜਾਬੀ", "pl": "Polski", "pt": "Português", "ro": "Română", "ru": "Русский",
	"so": "Soomaali", "tl": "Tagalog", "tr": "Türkçe", "uk": "Українська", "ur": "اردو", "vi": "Tiếng Việt",
	"zh": "中文",
}

// LanguageName returns a language's name in itself ("Español" for es,
// for es-MX too), or the tag itself for a language it does not know.
func LanguageName(lang string) string {
	if n, ok := languageNames[lang]; ok {
		return n
	}
	base, _, _ := strings.Cut(lang, "-")
	if n, ok := languageNames[base]; ok {
		return n
	}
	return lang
}
