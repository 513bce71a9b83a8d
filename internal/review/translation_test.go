package review

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// translationSite places a source page and its Spanish translation in a
// bilingual site, and returns the site and the two pages.
func translationSite(t *testing.T, g *Gate, source, translation string) (*content.Site, *content.Page, *content.Page) {
	t.Helper()
	en, _ := content.ParsePage("content/articles/flu.md", []byte(source))
	es, _ := content.ParsePage("content/articles/flu.es.md", []byte(translation))
	site, found := content.Assemble(g.Config, []*content.Page{en, es}, map[string]string{})
	if found = untitledLists(found); len(found) > 0 {
		t.Fatalf("assemble: %v", found)
	}
	return site, site.PageByFile(en.File), site.PageByFile(es.File)
}

// untitledLists leaves out the content.section-title warnings of a site
// whose sections have no _index.LANG.md: their list pages are no part
// of what the gate judges.
func untitledLists(found []finding.Finding) []finding.Finding {
	return slices.DeleteFunc(found, func(f finding.Finding) bool { return f.Rule == "content.section-title" })
}

// signTranslation signs the translation against the source as the site
// places them.
func signTranslation(t *testing.T, g *Gate, source, translation, reviewer string) (string, error) {
	t.Helper()
	site, _, es := translationSite(t, g, source, translation)
	pp := Parse(testMarkdown, es)
	pp.Source = site.Source(es)
	rev, err := g.NewReview(pp, nil, reviewer, today.AddDate(0, 0, -1), time.Time{}, nil)
	if err != nil {
		return "", err
	}
	out, err := SetBlock(es, rev)
	return string(out), err
}

func evaluateTranslation(t *testing.T, g *Gate, source, translation string) Status {
	t.Helper()
	site, _, es := translationSite(t, g, source, translation)
	pp := Parse(testMarkdown, es)
	pp.Source = site.Source(es)
	return g.Evaluate(pp, nil)
}

const translationPage = "---\ntitle: La vacuna de la gripe\ndescription: Quién debe vacunarse contra la gripe y cuándo hacerlo.\n---\nVacúnese cada otoño.\n"

// TestTranslationReview: a translation of a clinical page is clinical; it
// is signed by a clinical reviewer who reads its language, against the
// source as signed; when the source is signed again with other text the
// translation is stale (an error, or a warning the policy allows, which
// publishes it).
func TestTranslationReview(t *testing.T) {
	g := testGate(t, "languages: [en, es]\n", newSigner(t))
	g.Config.Reviewers["lucia-garcia"] = content.Reviewer{Name: "Lucía García", Credentials: "MD", Clinical: true, Languages: []string{"en", "es"}}
	source := signed(t, g, "content/articles/flu.md", statePage, "sam-reyes", today.AddDate(0, 0, -2), nil)

	st := evaluateTranslation(t, g, source, translationPage)
	if !st.Clinical || st.Valid || len(st.Findings) != 1 || st.Findings[0].Rule != "review.missing" {
		t.Fatalf("an unsigned translation of a clinical page: %+v", st)
	}
	if _, err := signTranslation(t, g, source, translationPage, "sam-reyes"); err == nil || !strings.Contains(err.Error(), `does not read "es"`) {
		t.Errorf("a reviewer who does not read Spanish signed: %v", err)
	}
	if _, err := signTranslation(t, g, statePage, translationPage, "lucia-garcia"); err == nil || !strings.Contains(err.Error(), "no sign-off") {
		t.Errorf("a translation of an unsigned page was signed: %v", err)
	}
	tr, err := signTranslation(t, g, source, translationPage, "lucia-garcia")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tr, "  source: sha256:") {
		t.Fatalf("the sign-off records no source:\n%s", tr)
	}
	if st := evaluateTranslation(t, g, source, tr); !st.Valid || st.State != OK || len(st.Findings) > 0 {
		t.Fatalf("a signed translation: %+v", st)
	}

	// The source is edited and signed again: the translation is stale.
	edited := signed(t, g, "content/articles/flu.md", strings.Replace(statePage, "every autumn", "every autumn, from September", 1), "sam-reyes", today.AddDate(0, 0, -1), nil)
	st = evaluateTranslation(t, g, edited, tr)
	if st.Valid || st.State != Stale || len(st.Findings) != 1 || st.Findings[0].Rule != "review.translation-stale" || st.Findings[0].Severity != finding.Error {
		t.Fatalf("a stale translation: %+v", st)
	}
	if !strings.Contains(st.Findings[0].Message, "pamphlet review diff content/articles/flu.es.md") {
		t.Errorf("the finding does not say how to see the change: %s", st.Findings[0].Message)
	}
	// The source edited but not yet signed again: not stale yet (the
	// source itself is review.changed).
	unsigned := strings.Replace(source, "every autumn", "every spring", 1)
	if st := evaluateTranslation(t, g, unsigned, tr); !st.Valid {
		t.Errorf("a translation went stale before its source was signed again: %+v", st)
	}

	g.Config.Review.Translations = "warning"
	st = evaluateTranslation(t, g, edited, tr)
	if !st.Valid || st.State != Stale || len(st.Findings) != 1 || st.Findings[0].Severity != finding.Warning {
		t.Fatalf("a stale translation under review.translations: warning: %+v", st)
	}

	// Signed again against the new source: in date again.
	g.Config.Review.Translations = "error"
	again, err := signTranslation(t, g, edited, tr, "lucia-garcia")
	if err != nil {
		t.Fatal(err)
	}
	if st := evaluateTranslation(t, g, edited, again); !st.Valid || st.State != OK {
		t.Errorf("a translation signed again: %+v", st)
	}

	// A reviewer who does not read Spanish cannot vouch for it, however
	// the block was written.
	forged := strings.Replace(again, "reviewer: lucia-garcia", "reviewer: sam-reyes", 1)
	if st := evaluateTranslation(t, g, edited, forged); st.Valid || len(st.Findings) == 0 || st.Findings[0].Rule != "review.reviewer" {
		t.Errorf("a translation signed by a reviewer who does not read it: %+v", st)
	}
}
