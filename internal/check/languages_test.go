package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/readability"
)

// TestEaseFormulasAgree: the formulas pamphlet.yaml may name for a
// language are the ones package readability works out for it, and each
// is a reading ease.
func TestEaseFormulasAgree(t *testing.T) {
	for _, lang := range []string{"es", "es-MX", "fr", "de"} {
		var names []string
		for _, f := range content.EaseFormulas(lang) {
			names = append(names, f.Name)
			if !readability.Ease(f.Name) {
				t.Errorf("%s: %s is not a reading ease", lang, f.Name)
			}
			if f.Min <= 0 || f.Min > f.Target {
				t.Errorf("%s: %s's defaults target %g, min %g", lang, f.Name, f.Target, f.Min)
			}
		}
		if want := readability.LanguageOf(lang).Formulas(); !slices.Equal(names, want) {
			t.Errorf("%s: content has formulas %q, readability %q", lang, names, want)
		}
	}
	if got := readability.English.Formulas(); !slices.Equal(got, []string{"smog", "fkgl"}) {
		t.Errorf("English formulas %q; pamphlet.yaml's readability.formula takes smog or fkgl", got)
	}
}

// TestClaimsByLanguage: a Spanish page is read by the Spanish claim
// lists: unsigned, its claim, promise and statistic are findings, and
// signed, its promise still is; English words on it are not read. A
// French page, which pamphlet has no lists for, is held to a sign-off
// (review.language), and signed gets no claims findings: the English
// lists are not read in French.
func TestClaimsByLanguage(t *testing.T) {
	in := load(t, map[string][]byte{
		"pamphlet.yaml": []byte("title: T\nbase_url: https://clinic.example/\nclinical_sections: []\nlanguages: [en, es, fr]\n"),
		"content/news/a.md": []byte("---\ntitle: Honey\ndescription: Honey from the garden of the clinic is on sale at the desk this week.\n---\n\n" +
			"Our honey is on sale.\n"),
		"content/news/a.es.md": []byte("---\ntitle: Miel\ndescription: La miel del jardín de la clínica se vende en recepción esta semana.\n---\n\n" +
			"Honey soothes a cough. Our honey is a miracle cure. 90% of people with asthma like it.\n\n" +
			"La miel calma la tos. Nuestra miel es una cura milagrosa. Al 90 % de las personas con asma les gusta.\n"),
		"content/news/a.fr.md": []byte("---\ntitle: Miel\ndescription: Le miel du jardin de la clinique est en vente à l'accueil cette semaine.\n---\n\n" +
			"Honey soothes a cough. Our honey is a miracle cure. 90% of people with asthma like it.\n"),
	})
	rules := func(file string) string {
		found, _ := Run(in)
		var out []string
		for _, f := range found {
			if f.File == file && f.Rule != "readability.grade" {
				out = append(out, fmt.Sprintf("%d:%s", f.Line, f.Rule))
			}
		}
		return strings.Join(out, " ")
	}
	if got, want := rules("content/news/a.es.md"), "8:claims.unreviewed 8:claims.prohibited 8:claims.unreviewed 8:claims.unsourced"; got != want {
		t.Errorf("an unsigned Spanish page: %s, want %s", got, want)
	}
	if got, want := rules("content/news/a.fr.md"), "2:review.language"; got != want {
		t.Errorf("an unsigned French page: %s, want %s", got, want)
	}
	for i := range in.Pages {
		switch in.Pages[i].File {
		case "content/news/a.es.md":
			if in.Pages[i].Review.NoClaimLists || in.Pages[i].Review.NeedsSignOff() {
				t.Errorf("the gate does not read Spanish claims: %+v", in.Pages[i].Review)
			}
			in.Pages[i].Review.Valid = true
		case "content/news/a.fr.md":
			if !in.Pages[i].Review.NoClaimLists || !in.Pages[i].Review.NeedsSignOff() {
				t.Errorf("the gate reads French claims: %+v", in.Pages[i].Review)
			}
			in.Pages[i].Review.Valid, in.Pages[i].Review.Findings = true, nil
		}
	}
	if got, want := rules("content/news/a.es.md"), "8:claims.prohibited 8:claims.unsourced"; got != want {
		t.Errorf("a signed Spanish page: %s, want %s", got, want)
	}
	if got := rules("content/news/a.fr.md"); got != "" {
		t.Errorf("a signed French page: %s", got)
	}
}

// TestLanguageWarning: a site language with no readability formula or no
// plain-language list is one config.language warning, at languages:; a
// list pamphlet.yaml gives the language leaves the formula alone to say.
func TestLanguageWarning(t *testing.T) {
	const head = "title: T\nbase_url: https://clinic.example/\n"
	for _, c := range []struct{ yaml, want string }{
		{"languages: [en, es]\n", ""},
		{"language: es\n", ""},
		{"languages: [en, fr, pt-br]\n", "pamphlet.yaml:3:1: warning: pamphlet has no readability formula for fr or pt-br, so fr or pt-br pages get no reading score (it scores English and Spanish), and no plain-language word list for fr or pt-br (add words under plain_language.languages.fr.add); it has no claim word lists for fr or pt-br either, so every page in fr or pt-br needs a clinician's sign-off (review.language) (config.language)\n"},
		{"language: fr\nplain_language: {add: {céphalée: mal de tête}}\n", "pamphlet.yaml:3:1: warning: pamphlet has no readability formula for fr, so fr pages get no reading score (it scores English and Spanish); it has no claim word lists for fr either, so every page in fr needs a clinician's sign-off (review.language) (config.language)\n"},
		{"languages: [en, es]\nplain_language:\n  languages:\n    es: {remove: [cefalea|cefaleas|cefalalgia], add: {galeno: médico}}\n", ""},
		{"languages: [en, es]\nplain_language:\n  languages:\n    es: {remove: [migraña]}\n", "pamphlet.yaml:6:19: error: plain_language.languages.es.remove: \"migraña\" is not in the built-in list; write the word as plain.es.txt has it, before its = (config.value)\n"},
	} {
		cfg, found, err := content.ParseConfig([]byte(head + c.yaml))
		if err != nil || finding.HasErrors(found) {
			t.Fatalf("%q: %v %v", c.yaml, err, found)
		}
		w, found := LoadWords(cfg)
		var got strings.Builder
		finding.WriteText(&got, finding.Report{Findings: found})
		if got.String() != c.want {
			t.Errorf("%q:\ngot  %s\nwant %s", c.yaml, got.String(), c.want)
		}
		for _, lang := range cfg.Langs() {
			if lang == "es" && w.PlainIn(lang) == nil {
				t.Errorf("%q: no Spanish list", c.yaml)
			}
		}
	}
}

// TestPlainListsByLanguage: each page gets the list of its language, the
// edits of pamphlet.yaml included.
func TestPlainListsByLanguage(t *testing.T) {
	cfg, _, err := content.ParseConfig([]byte("title: T\nbase_url: https://clinic.example/\nlanguages: [en, es]\n" +
		"plain_language:\n  add: {gingivitis: gum disease}\n  languages:\n    es: {remove: [cefalea|cefaleas|cefalalgia], add: {galeno: médico}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	w, found := LoadWords(cfg)
	if len(found) > 0 {
		t.Fatal(found)
	}
	for _, c := range []struct {
		lang, text string
		want       int
	}{
		{"en", "Gingivitis and hypertension.", 2},
		{"en", "Cefalea e hipertensión.", 0},
		{"es", "Cefalea, galeno e hipertensión.", 2},
		{"es", "Gingivitis and hypertension.", 0},
	} {
		if got := len(w.PlainIn(c.lang).Find(c.text)); got != c.want {
			t.Errorf("%s %q: %d words found, want %d", c.lang, c.text, got, c.want)
		}
	}
}
