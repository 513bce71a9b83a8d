package review

import (
	"strings"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

const (
	newsEN = "---\ntitle: Building works\ndescription: The waiting room is closed on Monday for building works.\n---\nWe close the waiting room on Monday.\n"
	newsES = "---\ntitle: Obras\ndescription: La sala de espera cierra el lunes por obras en el edificio.\n---\nCerramos la sala de espera el lunes.\n"
	newsFR = "---\ntitle: Travaux\ndescription: La salle d'attente est fermée lundi pour des travaux dans le bâtiment.\n---\nNous fermons la salle d'attente lundi.\n"
)

// newsSite places an English news item and its translation into the
// site's second language, and returns the translation read as the gate
// reads it.
func newsSite(t *testing.T, g *Gate, en, tr string) Parsed {
	t.Helper()
	pe, _ := content.ParsePage("content/news/works.md", []byte(en))
	ps, _ := content.ParsePage("content/news/works."+g.Config.Langs()[1]+".md", []byte(tr))
	site, found := content.Assemble(g.Config, []*content.Page{pe, ps}, map[string]string{})
	if found = untitledLists(found); len(found) > 0 {
		t.Fatalf("assemble: %v", found)
	}
	p := site.PageByFile(ps.File)
	pp := Parse(testMarkdown, p)
	pp.Source = site.Source(p)
	return pp
}

// TestNoClaimLists: the gate fails closed on a page in a language the
// claim detector has no lists for (French): unsigned, a news item is an
// error that says why (review.language); signed by a clinician who reads
// the language, it publishes, a news item translating an unsigned English
// one included; changed after, it is an error, not the warning a signed
// English news item gets. Spanish, which has lists, is read as English
// is.
func TestNoClaimLists(t *testing.T) {
	g := testGate(t, "languages: [en, fr]\nclinical_sections: []\n", newSigner(t))
	g.Config.Reviewers["lucia-garcia"] = content.Reviewer{Name: "Lucía García", Credentials: "MD", Clinical: true, Languages: []string{"en", "fr"}}
	if !g.ReadsClaims("en") || !g.ReadsClaims("en-GB") || !g.ReadsClaims("") || !g.ReadsClaims("es") || !g.ReadsClaims("es-MX") || g.ReadsClaims("fr") {
		t.Errorf("ReadsClaims: the claim detector reads English and Spanish alone (%q)", g.ClaimLanguages)
	}

	pp := newsSite(t, g, newsEN, newsFR)
	st := g.Evaluate(pp, nil)
	if st.Clinical || !st.NoClaimLists || !st.NeedsSignOff() || st.Valid || len(st.Findings) != 1 {
		t.Fatalf("an unsigned French news item: %+v", st)
	}
	f := st.Findings[0]
	want := "pamphlet has no claim word lists for fr, so it cannot tell a clinical claim from service news on this page; a clinical reviewer who reads fr signs it off with pamphlet review sign content/news/works.fr.md -reviewer lucia-garcia"
	if f.Rule != "review.language" || f.Severity != finding.Error || f.Message != want || f.Line != 2 {
		t.Errorf("finding %s, want review.language at line 2: %s", f, want)
	}

	if _, err := g.NewReview(pp, nil, "sam-reyes", today.AddDate(0, 0, -1), time.Time{}, nil); err == nil || !strings.Contains(err.Error(), `does not read "fr"`) {
		t.Errorf("a reviewer who does not read Spanish signed: %v", err)
	}
	rev, err := g.NewReview(pp, nil, "lucia-garcia", today.AddDate(0, 0, -1), time.Time{}, nil)
	if err != nil {
		t.Fatalf("a French news item translating an unsigned English one: %v", err)
	}
	out, err := SetBlock(pp.Page, rev)
	if err != nil {
		t.Fatal(err)
	}
	if st := g.Evaluate(newsSite(t, g, newsEN, string(out)), nil); !st.Valid || st.State != OK || len(st.Findings) > 0 {
		t.Fatalf("a signed French news item: %+v", st)
	}
	changed := strings.Replace(string(out), "lundi.", "mardi.", 1)
	st = g.Evaluate(newsSite(t, g, newsEN, changed), nil)
	if st.Valid || len(st.Findings) != 1 || st.Findings[0].Rule != "review.changed" || st.Findings[0].Severity != finding.Error {
		t.Errorf("a French news item changed after sign-off: %+v", st)
	}

	// A draft says nothing, and an English page is read by the detector.
	draft := strings.Replace(newsFR, "---\nNous", "draft: true\n---\nNous", 1)
	if st := g.Evaluate(newsSite(t, g, newsEN, draft), nil); len(st.Findings) > 0 {
		t.Errorf("a French draft: %v", st.Findings)
	}
	p, _ := content.ParsePage("content/news/works.md", []byte(newsEN))
	if st := g.Evaluate(Parse(testMarkdown, p), nil); st.NoClaimLists || st.NeedsSignOff() || len(st.Findings) > 0 {
		t.Errorf("an English news item: %+v", st)
	}
	es := testGate(t, "languages: [en, es]\nclinical_sections: []\n", newSigner(t))
	if st := es.Evaluate(newsSite(t, es, newsEN, newsES), nil); st.NoClaimLists || st.NeedsSignOff() || len(st.Findings) > 0 {
		t.Errorf("a Spanish news item: %+v", st)
	}
}

// TestTranslationOfUnsignedClinicalPage: a translation of a clinical page
// still waits for its source's sign-off.
func TestTranslationOfUnsignedClinicalPage(t *testing.T) {
	g := testGate(t, "languages: [en, es]\n", newSigner(t))
	g.Config.Reviewers["lucia-garcia"] = content.Reviewer{Name: "Lucía García", Credentials: "MD", Clinical: true, Languages: []string{"en", "es"}}
	if _, err := signTranslation(t, g, statePage, translationPage, "lucia-garcia"); err == nil || !strings.Contains(err.Error(), "no sign-off") {
		t.Errorf("a translation of an unsigned clinical page was signed: %v", err)
	}
}
