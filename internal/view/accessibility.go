package view

import (
	"cmp"
	"fmt"
	"html/template"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/layout"
)

// unwrap returns rendered Markdown of one paragraph as the paragraph's
// content, for a list item; other Markdown as it is.
func unwrap(html template.HTML) template.HTML {
	s := strings.TrimSuffix(string(html), "\n")
	inner, ok := strings.CutPrefix(s, "<p>")
	if inner, closed := strings.CutSuffix(inner, "</p>"); ok && closed && !strings.Contains(inner, "<p>") {
		return template.HTML(inner) //nolint:gosec // a part of HTML the Markdown renderer made
	}
	return html
}

// Accessibility is the accessibility statement of a language of the site,
// from pamphlet.yaml's accessibility block in that language (see
// content.Accessibility.In), in the language's words w, at the language's
// address; nil when pamphlet.yaml has no statement. custom reports that
// the site has its own templates or styles, which the statement says the
// theme's tests do not cover.
func Accessibility(cfg *content.Config, lang string, custom bool, markdown func(md string) (template.HTML, error), w *layout.Words, relURL, absURL func(string) string) (*layout.Page, error) {
	a := cfg.Accessibility
	if a == nil {
		return nil, nil
	}
	t := a.In(lang, cfg.Language)
	render := func(md string) (template.HTML, error) {
		if strings.TrimSpace(md) == "" {
			return "", nil
		}
		html, err := markdown(md)
		if err != nil {
			return "", fmt.Errorf("%s accessibility: %w", content.ConfigFile, err)
		}
		return html, nil
	}
	st := &layout.Accessibility{
		Organization: cmp.Or(cfg.Organization.Name, cfg.Title),
		Tested:       a.Tested.Time, Reviewed: a.Reviewed().Time,
		Custom: custom,
	}
	var err error
	for _, part := range []struct {
		dst *template.HTML
		src string
	}{{&st.Contact, t.Contact}, {&st.Enforcement, t.Enforcement}, {&st.TestedBy, t.TestedBy}} {
		if *part.dst, err = render(part.src); err != nil {
			return nil, err
		}
	}
	for _, l := range t.Limitations {
		html, err := render(l)
		if err != nil {
			return nil, err
		}
		st.Limitations = append(st.Limitations, unwrap(html))
	}
	prefix := cfg.Prefix(lang)
	return &layout.Page{
		Kind: "accessibility", Title: w.Say("accessibility.title"),
		Description: w.Say("accessibility.description", "site", cfg.Title),
		URL:         relURL(prefix + content.AccessibilityURL), Permalink: absURL(prefix + content.AccessibilityURL),
		Updated:       st.Reviewed,
		Accessibility: st,
		Breadcrumbs:   []layout.Link{{Title: w.Say("nav.home"), URL: relURL(prefix + "/")}},
	}, nil
}
