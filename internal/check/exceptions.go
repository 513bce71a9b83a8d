package check

import (
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// ClinicalExceptions reports entries of pamphlet.yaml's
// clinical_exceptions that name no page of a clinical section
// (config.value, error): a mistyped entry would otherwise leave the page
// it meant clinical without anyone noticing, or silently except a page
// added later.
func ClinicalExceptions(in *Input) []finding.Finding {
	cfg := in.Site.Config
	if len(cfg.ClinicalExceptions) == 0 {
		return nil
	}
	used := make([]bool, len(cfg.ClinicalExceptions))
	for _, p := range in.Site.Pages {
		if p.File == "" || p.Kind != content.Single || !cfg.IsClinicalSection(p.Section) {
			continue
		}
		rel := strings.TrimPrefix(p.File, content.ContentDir+"/")
		for i, e := range cfg.ClinicalExceptions {
			if !used[i] && content.MatchException(e, rel) {
				used[i] = true
			}
		}
	}
	var out []finding.Finding
	for i, e := range cfg.ClinicalExceptions {
		if used[i] {
			continue
		}
		pos, ok := cfg.Keys[fmt.Sprintf("clinical_exceptions.%d", i)]
		if !ok {
			pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
		}
		out = append(out, errorAt(pos, "config.value", fmt.Sprintf(
			"clinical_exceptions entry %q names no page of the clinical sections (%s); write the page's path under %s/, such as articles/how-to-use-these-pages.md, or remove the entry",
			e, strings.Join(cfg.ClinicalSections, ", "), content.ContentDir)))
	}
	return out
}
