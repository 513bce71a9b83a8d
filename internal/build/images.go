package build

import (
	"fmt"
	_ "image/gif" // image sizes for og:image
	_ "image/jpeg"
	_ "image/png"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// imageFindings checks that the site paths pamphlet.yaml gives for images
// are files of the site.
func (p *Project) imageFindings() []finding.Finding {
	cfg := p.Site.Config
	var out []finding.Finding
	for _, k := range []struct{ key, value string }{{"social.image", cfg.Social.Image}, {"organization.logo", cfg.Organization.Logo}} {
		if k.value == "" || strings.Contains(k.value, "://") {
			continue
		}
		if _, ok := p.Site.Static[k.value]; ok {
			continue
		}
		pos, ok := cfg.Keys[k.key]
		if !ok { // the built-in default, which a site's assets/ cannot remove
			pos = finding.Position{File: content.ConfigFile, Line: 1, Col: 1}
		}
		out = append(out, finding.Finding{Position: pos, Rule: "config.value", Severity: finding.Error,
			Message: fmt.Sprintf("%s %s is not a file of the site; put the image in assets/ or content/, or give an address starting with https://", k.key, k.value)})
	}
	return out
}
