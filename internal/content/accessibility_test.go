package content

import (
	"strings"
	"testing"
)

// TestConfigAccessibility: the accessibility statement needs a contact,
// an enforcement procedure and the date of the last test; a review
// before the test, an empty limitation, a translation of a language the
// site lacks or with another number of limitations are findings at
// their line.
func TestConfigAccessibility(t *testing.T) {
	head := "title: T\nbase_url: https://clinic.example/\nlanguages: [en, es]\n"
	full := "accessibility:\n  contact: Email access@clinic.example.\n  enforcement: Ask the regulator.\n  tested: 2026-11-01\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"complete", full, ""},
		{"none", "", ""},
		{"empty", "accessibility: {tested: 2026-11-01}\n", "4:1 config.value; 4:1 config.value"},
		{"no test date", "accessibility:\n  contact: Email us.\n  enforcement: Ask the regulator.\n", "4:1 config.value"},
		{"a bad date", full + "  updated: 2026-13-01\n", "8:12 config.date"},
		{"reviewed before the test", full + "  updated: 2026-10-01\n", "8:3 config.value"},
		{"a misspelt key", full + "  limitaions: [x]\n", "8:3 config.unknown"},
		{"an empty limitation", full + "  limitations: [Pictures have no captions., \"\"]\n", "8:45 config.value"},
		{"a language the site lacks", full + "  translations: {fr: {contact: Écrivez-nous.}}\n", "8:18 config.value"},
		{"a translation that lacks a limitation", full + "  limitations: [One., Two.]\n  translations:\n    es:\n      limitations: [Uno.]\n", "11:7 config.value"},
		{"a translation of the text alone", full + "  limitations: [One.]\n  translations: {es: {contact: Escríbanos.}}\n", ""},
	} {
		cfg, found, err := ParseConfig([]byte(head + tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(brief(found), "; "); got != tc.want {
			t.Errorf("%s: findings %q, want %q\n%v", tc.name, got, tc.want, found)
		}
		if tc.name == "none" && cfg.Accessibility != nil {
			t.Errorf("a site without a statement has one: %+v", cfg.Accessibility)
		}
	}
}

func TestAccessibilityIn(t *testing.T) {
	a := &Accessibility{
		Contact: "Email us.", Enforcement: "Ask the regulator.", Limitations: []string{"One."},
		Tested:       Date{},
		Translations: map[string]AccessibilityText{"es": {Contact: "Escríbanos."}},
	}
	if got := a.In("es", "en"); got.Contact != "Escríbanos." || got.Enforcement != "Ask the regulator." || len(got.Limitations) != 1 {
		t.Errorf("es: %+v", got)
	}
	if got := a.In("en", "en"); got.Contact != "Email us." {
		t.Errorf("en: %+v", got)
	}
	if got := a.In("fr", "en"); got.Contact != "Email us." {
		t.Errorf("a language without a translation: %+v", got)
	}
}
