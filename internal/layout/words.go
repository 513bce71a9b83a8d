package layout

import "strings"

// The fixed words of the pages pamphlet makes itself, and of the parts of
// every page that code outside the templates fills in; the templates hold
// the rest of the theme's words. Those with %s take the site's title and
// a tag's or an audience's name, in the order given.
const (
	HomeTitle            = "Home"                               // the home page, in breadcrumbs and trails
	TrustTitle           = "How we make our health information" // the trust page
	NotFoundTitle        = "Page not found"                     // the 404 page
	NotFoundDescription  = "The page you asked for is not on %s."
	TopicsTitle          = "Topics" // the index of tags
	TopicsDescription    = "Every topic on %s."
	TopicDescription     = "Pages about %[2]s on %[1]s."
	AudiencesTitle       = "Who our pages are for" // the index of audiences
	AudiencesDescription = "Pages on %s for each group of readers."
	AudienceTitle        = "For %[2]s" // the audience's name, lowered: "For parents"
	AudienceDescription  = "Pages on %s written for %s."
)

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

// languagesLabels name the links to a page's other languages, by the
// language of the page they are on.
var languagesLabels = map[string]string{
	"en": "This page in other languages",
	"es": "Esta página en otros idiomas",
}

// LanguagesLabel returns the label of the links to a page's versions in
// other languages, in a language (English where it has none).
func LanguagesLabel(lang string) string {
	base, _, _ := strings.Cut(lang, "-")
	if l, ok := languagesLabels[base]; ok {
		return l
	}
	return languagesLabels["en"]
}
