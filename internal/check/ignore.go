package check

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
)

// This file is silencing: a comment on a line of its own,
//
//	<!-- pamphlet-ignore a11y.link-text: the partner's logo is the link -->
//
// silences the named rule for the block that follows it (a paragraph, a
// list, a table, a heading, a callout). A reason is required, and check
// lists every finding it silenced. Rules of the gate (review, claims,
// privacy) cannot be silenced in content.

var ignorePattern = regexp.MustCompile(`(?s)^\s*<!--\s*pamphlet-ignore\b(.*?)-->\s*$`)

// ignore is one pamphlet-ignore comment.
type ignore struct {
	page        Page
	pos         finding.Position
	rules       []string // rule ids, or families such as "a11y" (also written "a11y.*")
	reason      string
	first, last int // the lines of the block it silences; 0 when none follows
	used        bool
}

func (ig *ignore) covers(f finding.Finding) bool {
	if f.File != ig.page.File || ig.first == 0 || f.Line < ig.first || f.Line > ig.last {
		return false
	}
	for _, r := range ig.rules {
		if f.Rule == r || strings.HasPrefix(f.Rule, r+".") {
			return true
		}
	}
	return false
}

// Silence applies the pamphlet-ignore comments of the pages to findings.
// It returns the findings left, with any problems with the comments
// themselves (rule "ignore", error; "ignore.unused", warning), and the
// findings silenced, each with the reason given.
func Silence(in *Input, fs []finding.Finding) (kept, silenced []finding.Finding) {
	var igs []*ignore
	byFile := map[string][]*ignore{}
	var problems []finding.Finding
	var md *markdown.Markdown // to parse outlines again, made when first needed
	for _, p := range in.Pages {
		// Most pages have no comment; their Markdown need not be walked.
		if !written(p) || p.Doc == nil || !bytes.Contains(p.Doc.Source, []byte("pamphlet-ignore")) {
			continue
		}
		if p.Doc.Outlined() {
			if md == nil {
				cfg := content.DefaultConfig()
				if in.Site != nil {
					cfg = in.Site.Config
				}
				md = NewMarkdown(cfg)
			}
			p.Doc = md.Reparse(p.Doc)
		}
		found, bad := ignores(p)
		igs = append(igs, found...)
		byFile[p.File] = append(byFile[p.File], found...)
		problems = append(problems, bad...)
	}
	for _, f := range fs {
		own := byFile[f.File]
		i := slices.IndexFunc(own, func(ig *ignore) bool { return ig.covers(f) })
		if i < 0 {
			kept = append(kept, f)
			continue
		}
		own[i].used = true
		f.Reason = own[i].reason
		silenced = append(silenced, f)
	}
	for _, ig := range igs {
		if !ig.used {
			what := "the block after it"
			if ig.first == 0 {
				what = "anything: no block follows it"
			}
			problems = append(problems, warningAt(ig.pos, "ignore.unused", fmt.Sprintf("pamphlet-ignore %s silences nothing in %s; remove the comment", strings.Join(ig.rules, ", "), what)))
		}
	}
	return append(kept, problems...), silenced
}

// ignores reads the pamphlet-ignore comments of a page.
func ignores(p Page) ([]*ignore, []finding.Finding) {
	var out []*ignore
	var bad []finding.Finding
	src := p.Doc.Source
	_ = ast.Walk(p.Doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var text string
		var start int
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() == 0 {
				return ast.WalkContinue, nil
			}
			start = n.Lines().At(0).Start
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
			if n.HasClosure() {
				seg := n.ClosureLine
				b.Write(seg.Value(src))
			}
			text = b.String()
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			seg := n.Segments.At(0)
			if strings.Contains(string(seg.Value(src)), "pamphlet-ignore") {
				bad = append(bad, errorAt(p.BodyPos(seg.Start), "ignore", "a pamphlet-ignore comment must be on a line of its own, before the block it silences"))
			}
			return ast.WalkContinue, nil
		default:
			return ast.WalkContinue, nil
		}
		m := ignorePattern.FindStringSubmatch(text)
		if m == nil {
			return ast.WalkContinue, nil
		}
		pos := p.BodyPos(start + strings.Index(text, "<!--"))
		ig, problem := parseIgnore(m[1])
		if problem != "" {
			bad = append(bad, errorAt(pos, "ignore", problem))
			return ast.WalkContinue, nil
		}
		ig.page, ig.pos = p, pos
		if target := nextBlock(n); target != nil {
			first, last := blockLines(target)
			ig.first, ig.last = p.BodyPos(first).Line, p.BodyPos(max(first, last-1)).Line
		}
		out = append(out, ig)
		return ast.WalkContinue, nil
	})
	return out, bad
}

// parseIgnore reads what follows "pamphlet-ignore": "RULE[, RULE]: reason".
func parseIgnore(s string) (*ignore, string) {
	list, reason, ok := strings.Cut(s, ":")
	reason = strings.Join(strings.Fields(reason), " ")
	const form = "write <!-- pamphlet-ignore RULE: why it does not apply here -->"
	if strings.TrimSpace(list) == "" {
		return nil, "pamphlet-ignore names no rule; " + form
	}
	ig := &ignore{reason: reason}
	for _, r := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		r = strings.TrimSuffix(r, ".*")
		family, _, _ := strings.Cut(r, ".")
		if gated(family) {
			return nil, fmt.Sprintf("%s cannot be silenced in content: it is part of the review gate; change the text, or have a clinical reviewer sign the page off", r)
		}
		if family == "readability" {
			return nil, fmt.Sprintf("%s cannot be silenced by a comment: it scores the whole page; to hold this page to another grade, give it readability: {target: N, max: N} in its front matter", r)
		}
		rules := silenceable(family)
		if len(rules) == 0 || r != family && !slices.Contains(rules, r) {
			return nil, fmt.Sprintf("pamphlet-ignore names %q, which is not a rule that can be silenced (these can: %s)", r, silenceableList())
		}
		ig.rules = append(ig.rules, r)
	}
	if len(ig.rules) == 0 {
		return nil, "pamphlet-ignore names no rule; " + form
	}
	if !ok || reason == "" {
		return nil, "pamphlet-ignore needs a reason after a colon, so the next editor knows why; " + form
	}
	return ig, ""
}

func silenceableList() string {
	var all []string
	for _, r := range catalogue {
		if r.Silence {
			all = append(all, r.ID)
		}
	}
	return strings.Join(all, ", ")
}

// nextBlock returns the block after a comment, passing over other
// comments, so that several pamphlet-ignore lines may stand together.
func nextBlock(n ast.Node) ast.Node {
	for s := n.NextSibling(); s != nil; s = s.NextSibling() {
		if _, ok := s.(*ast.HTMLBlock); !ok {
			return s
		}
	}
	return nil
}

// blockLines returns the source range of a block and everything in it.
func blockLines(n ast.Node) (first, last int) {
	first, last = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			if first < 0 || seg.Start < first {
				first = seg.Start
			}
			last = max(last, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	if first < 0 {
		return 0, 0
	}
	return first, last
}
