package content

import (
	"slices"
	"strings"
	"testing"
)

// TestReadabilityLanguages: readability.languages gives a language its
// formula and targets, each left out its formula's default; a language
// that is English, not the site's or without a formula, a formula not
// made for the language, and a min above the target are errors at their
// key.
func TestReadabilityLanguages(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\nlanguages: [en, es-MX, fr]\n"
	for _, c := range []struct {
		src, want string
	}{
		{"", ""},
		{"readability:\n  languages:\n    es: {formula: fernandez-huerta, target: 72, min: 62}\n", ""},
		{"readability:\n  languages:\n    es-MX: {min: 50}\n", ""},
		{"readability:\n  languages:\n    en: {target: 65}\n", "6:5 config.value"},
		{"readability:\n  languages:\n    de: {target: 65}\n", "6:5 config.value"},
		{"readability:\n  languages:\n    fr: {target: 65}\n", "6:5 config.value"},
		{"readability:\n  languages:\n    es:\n      formula: smog\n", "7:7 config.value"},
		{"readability:\n  languages:\n    es:\n      target: 60\n      min: 62\n", "8:7 config.value"},
		{"readability:\n  languages:\n    es:\n      target: 50\n", "7:7 config.value"}, // below the default min of 55
		{"readability:\n  languages:\n    es:\n      target: 120\n", "7:7 config.value"},
		{"readability:\n  languages:\n    es: {max: 10}\n", "6:10 config.unknown"},
		{"plain_language:\n  languages:\n    es: {add: {galeno: médico}}\n    de: {add: {Arzt: Doktor}}\n", "7:5 config.value"},
		// Audiences: each key optional, defaults for the audience where it has them.
		{"readability:\n  languages:\n    es:\n      audiences:\n        seniors: {target: 75}\n        parents: {min: 60}\n", ""},
		{"readability:\n  languages:\n    es:\n      audiences:\n        elders: {target: 75}\n", "8:9 config.value"},
		{"readability:\n  languages:\n    es:\n      audiences:\n        seniors: {}\n", "8:9 config.value"},
		{"readability:\n  languages:\n    es:\n      audiences:\n        seniors:\n          target: 58\n", "9:11 config.value"},  // below the seniors' min of 60
		{"readability:\n  languages:\n    es:\n      target: 60\n      audiences:\n        seniors:\n          target: 58\n", ""}, // the language's min of 55 holds
		{"readability:\n  languages:\n    es:\n      audiences:\n        parents:\n          target: 70\n          min: 75\n", "10:11 config.value"},
		{"readability:\n  languages:\n    es:\n      audiences:\n        parents: {target: -1}\n", "8:19 config.value"},
		{"readability:\n  languages:\n    es:\n      audiences:\n        parents: {max: 9}\n", "8:9 config.value; 8:19 config.unknown"},
		{"readability:\n  languages:\n    es:\n      audiences: [seniors]\n", "7:18 config.type"},
	} {
		_, found, err := ParseConfig([]byte(head + c.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range brief(found) {
			if strings.Contains(b, " config.") {
				got = append(got, b)
			}
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: %v, want %q", c.src, found, c.want)
		}
	}
}

// TestReadingTargetByLanguage: an English page is held to a grade as
// before, a Spanish one (es or es-*) to a reading ease, from the most
// specific entry of readability.languages, then its own front matter; a
// page in a language with no formula to nothing.
func TestReadingTargetByLanguage(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\nlanguages: [en, es, es-MX, fr]\n"
	cfg, found, err := ParseConfig([]byte(head + "readability:\n  target: 7\n  languages:\n    es-MX: {formula: fernandez-huerta}\n"))
	if err != nil || len(found) > 0 {
		t.Fatal(err, found)
	}
	clinicians := FrontMatter{Audience: []string{"clinicians"}}
	own := FrontMatter{Readability: &Readability{Target: 70, Min: 60}}
	for _, c := range []struct {
		lang string
		m    FrontMatter
		want ReadingTarget
	}{
		{"", FrontMatter{}, ReadingTarget{Formula: "smog", Target: 7, Max: 10, Enforced: true}},
		{"en", FrontMatter{}, ReadingTarget{Formula: "smog", Target: 7, Max: 10, Enforced: true}},
		{"es", FrontMatter{}, ReadingTarget{Formula: "szigriszt-pazos", Target: 65, Min: 55, Enforced: true}},
		{"es", own, ReadingTarget{Formula: "szigriszt-pazos", Target: 70, Min: 60, Enforced: true}},
		{"es", FrontMatter{Readability: &Readability{Target: 50}}, ReadingTarget{Formula: "szigriszt-pazos", Target: 50, Min: 50, Enforced: true}},
		{"es", clinicians, ReadingTarget{Formula: "szigriszt-pazos", Target: 65, Min: 55}},
		{"es-MX", FrontMatter{}, ReadingTarget{Formula: "fernandez-huerta", Target: 70, Min: 60, Enforced: true}},
		{"fr", FrontMatter{}, ReadingTarget{}},
	} {
		got := cfg.ReadingTarget(c.lang, c.m)
		if got != c.want {
			t.Errorf("ReadingTarget(%q, %+v) = %+v, want %+v", c.lang, c.m.Readability, got, c.want)
		}
		if got.Ease() != (got.Min > 0) {
			t.Errorf("ReadingTarget(%q).Ease() = %v", c.lang, got.Ease())
		}
	}
}

// TestReadingTargetByAudience: a Spanish page is held to the strictest
// target of its audiences: seniors and young people by default 5 points
// above the language's defaults, on the formula's scale, while the
// language's entry sets no target or min of its own; each audience's own
// entry, key by key; a page for clinicians alone is not enforced; a
// page's own front matter last. English audiences are grades, apart.
func TestReadingTargetByAudience(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\nlanguages: [en, es, es-MX, es-AR]\n"
	cfg, found, err := ParseConfig([]byte(head + `readability:
  audiences:
    seniors: {target: 7}
  languages:
    es:
      audiences:
        parents: {target: 68}
        clinicians: {target: 50, min: 40}
    es-MX:
      target: 60
      audiences:
        seniors: {min: 58}
    es-AR: {formula: fernandez-huerta}
`))
	if err != nil || len(found) > 0 {
		t.Fatal(err, found)
	}
	sp := func(target, min float64, enforced bool) ReadingTarget {
		return ReadingTarget{Formula: "szigriszt-pazos", Target: target, Min: min, Enforced: enforced}
	}
	for _, c := range []struct {
		lang      string
		audiences []string
		own       *Readability
		want      ReadingTarget
	}{
		{"es", nil, nil, sp(65, 55, true)},
		{"es", []string{"patients"}, nil, sp(65, 55, true)},
		{"es", []string{"caregivers"}, nil, sp(65, 55, true)},
		{"es", []string{"seniors"}, nil, sp(70, 60, true)},
		{"es", []string{"young-people"}, nil, sp(70, 60, true)},
		{"es", []string{"patients", "seniors"}, nil, sp(70, 60, true)},
		{"es", []string{"parents"}, nil, sp(68, 55, true)},
		{"es", []string{"parents", "young-people"}, nil, sp(70, 60, true)},
		{"es", []string{"clinicians"}, nil, sp(50, 40, false)},
		{"es", []string{"seniors", "clinicians"}, nil, sp(70, 60, true)},
		{"es", []string{"seniors"}, &Readability{Target: 62}, sp(62, 60, true)},
		{"es", []string{"seniors"}, &Readability{Target: 58}, sp(58, 58, true)},
		{"es-MX", []string{"seniors"}, nil, sp(60, 58, true)},
		{"es-MX", []string{"young-people"}, nil, sp(60, 55, true)},
		{"es-AR", nil, nil, ReadingTarget{Formula: "fernandez-huerta", Target: 70, Min: 60, Enforced: true}},
		{"es-AR", []string{"seniors", "parents"}, nil, ReadingTarget{Formula: "fernandez-huerta", Target: 75, Min: 65, Enforced: true}},
		{"en", []string{"seniors"}, nil, ReadingTarget{Formula: "smog", Target: 7, Max: 10, Enforced: true}},
	} {
		got := cfg.ReadingTarget(c.lang, FrontMatter{Audience: c.audiences, Readability: c.own})
		if got != c.want {
			t.Errorf("ReadingTarget(%q, %q, %+v) = %+v, want %+v", c.lang, c.audiences, c.own, got, c.want)
		}
	}
}

// TestPageReadabilityTargets: a page's own readability takes max for a
// grade or min for a reading ease, never both.
func TestPageReadabilityTargets(t *testing.T) {
	for _, c := range []struct{ fm, want string }{
		{"readability: {target: 7, max: 9}", ""},
		{"readability: {target: 70, min: 60}", ""},
		{"readability: {target: 70, max: 9, min: 60}", "4:1 frontmatter.value"},
		{"readability: {target: 50, min: 60}", "4:1 frontmatter.value"},
		{"readability: {min: -1}", "4:1 frontmatter.value"},
	} {
		src := "---\ntitle: A page\ndescription: A page about readability targets of its own, for the tests.\n" + c.fm + "\n---\nText.\n"
		if got := strings.Join(findingsOf(t, src), "; "); got != c.want {
			t.Errorf("%s: %q, want %q", c.fm, got, c.want)
		}
	}
}

// TestPlainEdits: the top-level edits are the default language's; each
// language's come from its whole tag, else its first part.
func TestPlainEdits(t *testing.T) {
	const head = "title: T\nbase_url: https://h.example.org/\nlanguages: [en, es, es-MX]\n"
	cfg, found, err := ParseConfig([]byte(head + "plain_language:\n  add: {gingivitis: gum disease}\n  languages:\n    en: {remove: [acute]}\n    es: {add: {galeno: médico}}\n"))
	if err != nil || len(found) > 0 {
		t.Fatal(err, found)
	}
	keys := func(lang string) string {
		var out []string
		for _, e := range cfg.PlainEdits(lang) {
			out = append(out, e.Key)
		}
		return strings.Join(out, " ")
	}
	for lang, want := range map[string]string{
		"en":    "plain_language plain_language.languages.en",
		"es":    "plain_language.languages.es",
		"es-MX": "plain_language.languages.es",
		"fr":    "",
	} {
		if got := keys(lang); got != want {
			t.Errorf("PlainEdits(%q) from %q, want %q", lang, got, want)
		}
	}
}

// TestEaseFormulaAudiences: the built-in targets of an audience are an
// audience pages may name, other than clinicians (whose pages are not
// enforced), and stricter than the language's defaults, with min no
// higher than target.
func TestEaseFormulaAudiences(t *testing.T) {
	for _, f := range EaseFormulas("es") {
		if len(f.Audiences) == 0 {
			t.Errorf("%s has no audience of its own", f.Name)
		}
		for a, d := range f.Audiences {
			if !slices.Contains(Audiences, a) || a == "clinicians" {
				t.Errorf("%s: audience %q", f.Name, a)
			}
			if d.Target < f.Target || d.Min < f.Min || d.Min > d.Target || d.Target > 100 {
				t.Errorf("%s: %s target %g, min %g, against the language's %g, %g", f.Name, a, d.Target, d.Min, f.Target, f.Min)
			}
		}
	}
}
