package check

import (
	"fmt"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Tags reports tags that cannot have a topic page of their own
// (content.tag): a tag with no letters or digits to make its address from
// (error), since every such tag would share one page, and a tag written
// differently from an earlier one that makes the same address (warning),
// whose pages the topic page lists under the earlier one's name.
func Tags(in *Input) []finding.Finding {
	var out []finding.Finding
	type first struct{ tag, file string }
	seen := map[string]first{}
	for _, p := range in.Pages {
		if !written(p) || !p.Published() {
			continue
		}
		for _, t := range p.Meta.Tags {
			slug, ok := content.Slug(t)
			if !ok {
				out = append(out, errorAt(p.KeyPos("tags"), "content.tag", fmt.Sprintf("the tag %q has no letters a to z or digits to make the address of its topic page from; write it in words", t)))
				continue
			}
			f, ok := seen[slug]
			switch {
			case !ok:
				seen[slug] = first{t, p.File}
			case !strings.EqualFold(f.tag, t):
				out = append(out, warningAt(p.KeyPos("tags"), "content.tag", fmt.Sprintf("the tag %q makes the same address %s%s/ as %q in %s, so both show as one topic named %q; write it one way", t, content.TagsURL, slug, f.tag, f.file, f.tag)))
			}
		}
	}
	return out
}
