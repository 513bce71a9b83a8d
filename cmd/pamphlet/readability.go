package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/pamphlet-health/pamphlet/internal/check"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/readability"
)

// runReadability prints the readability of Markdown files: the counts,
// the scores of the formulas made for each file's language (six for
// English, two for Spanish), each H2 section and the longest sentences.
func runReadability(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("readability", "FILE...", stdout, stderr)
	source := fs.String("source", ".", "the site `folder` whose pamphlet.yaml sets the targets (defaults when it has none)")
	lang := fs.String("lang", "", "the `language` of the files, such as es (default: from each file's name, NAME.LANG.md, else the site's)")
	format := &formatFlag{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "output `format`: text or json")
	args, err := fs.parse(args)
	if err != nil {
		return fs.fail(err)
	}
	if len(args) == 0 {
		msg(stderr, "readability needs at least one Markdown file or folder")
		hint(stderr, "pamphlet readability content/articles/asthma-inhaler.md")
		return exitUsage
	}
	cfg, code := readabilityConfig(*source, stderr)
	if cfg == nil {
		return code
	}
	files, err := markdownFiles(args)
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	md := check.NewMarkdown(cfg)
	var scores []fileScore
	failed := false
	for _, file := range files {
		if ctx.Err() != nil {
			return exitUsage
		}
		s, err := scoreFile(md, cfg, file, *lang)
		if err != nil {
			msg(stderr, "%v", err)
			failed = true
			continue
		}
		scores = append(scores, s)
	}
	if format.value == "json" {
		err = writeReadabilityJSON(stdout, scores)
	} else {
		err = writeReadabilityText(stdout, scores)
	}
	if err != nil {
		msg(stderr, "%v", err)
		return exitUsage
	}
	if failed {
		return exitRefused
	}
	return exitOK
}

// readabilityConfig reads the targets from pamphlet.yaml in source, or
// the defaults when there is none.
func readabilityConfig(source string, stderr io.Writer) (*content.Config, int) {
	cfg, found, err := content.LoadConfig(os.DirFS(source))
	if errors.Is(err, fs.ErrNotExist) {
		return content.DefaultConfig(), exitOK
	}
	if err == nil && cfg != nil && !finding.HasErrors(found) {
		return cfg, exitOK
	}
	if err != nil {
		msg(stderr, "%v", err)
	}
	for _, f := range found {
		if f.Severity == finding.Error {
			msg(stderr, "%s", f)
		}
	}
	return nil, exitUsage
}

// markdownFiles expands folders among the arguments into the Markdown
// files under them, in name order.
func markdownFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", a, errors.Unwrap(err))
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != a && content.Unused(d.Name()) {
				return filepath.SkipDir
			}
			if !d.IsDir() && content.IsMarkdown(d.Name()) && !content.Unused(d.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}

// fileScore is the readability of one file.
type fileScore struct {
	file   string
	lang   string // its language tag
	target content.ReadingTarget
	check.Scored
}

// language returns how the file's language is counted.
func (s fileScore) language() readability.Language { return readability.LanguageOf(s.lang) }

// scoreFile measures one Markdown file in lang ("" for the language its
// name gives): its body, and the answers of its faq when its front
// matter is pamphlet's. Front matter of another tool is passed over;
// front matter that cannot be split from the body is an error.
func scoreFile(md *markdown.Markdown, cfg *content.Config, file, lang string) (fileScore, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return fileScore{}, fmt.Errorf("cannot read %s: %w", file, errors.Unwrap(err))
	}
	name := filepath.ToSlash(file)
	page, found := content.ParsePage(name, src)
	if page.Unreadable {
		return fileScore{}, errors.New(found[0].String())
	}
	if lang == "" {
		lang = fileLanguage(cfg, name)
	}
	pg := check.Parse(md, page)
	return fileScore{file: name, lang: lang, target: cfg.ReadingTarget(lang, page.Meta), Scored: check.Score(lang, pg.Texts())}, nil
}

// fileLanguage returns the language a file's name gives, as the site
// reads it: LANG of NAME.LANG.md when LANG is one of the site's
// languages, or a language readability counts (es, even with no
// pamphlet.yaml); otherwise the site's default language.
func fileLanguage(cfg *content.Config, file string) string {
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		suffix := strings.ToLower(base[i+1:])
		if slices.Contains(cfg.Langs(), suffix) || readability.LanguageOf(suffix) != readability.Other {
			return suffix
		}
	}
	return cfg.Language
}

// writeReadabilityText prints each file's scores for people, by the
// formulas made for its language.
func writeReadabilityText(w io.Writer, scores []fileScore) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for i, s := range scores {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw, s.file)
		score, st := check.Judge(s.target, s.Counts)
		switch {
		case s.Empty():
			fmt.Fprintln(tw, "  no text to score")
			continue
		case st == check.Unscored:
			fmt.Fprintf(tw, "  no readability formula for %s (pamphlet scores English and Spanish)\n", s.lang)
			fmt.Fprintf(tw, "  %s, %s, %s\n", count(s.Words, "word", "words"), count(s.Sentences, "sentence", "sentences"), count(s.Letters, "letter", "letters"))
		case s.target.Ease():
			fmt.Fprintf(tw, "  reading ease %.1f (%s): %s; %s\n", score, readability.FormulaName(s.target.Formula), check.BandText(s.target.Formula, score), standing(s.target, st))
			writeCounts(tw, s)
			fmt.Fprintf(tw, "  Szigriszt-Pazos %.1f (INFLESZ: %s)  Fernández Huerta %.1f\n", s.SzigrisztPazos(), inflesz(s.Counts), s.FernandezHuerta())
			fmt.Fprintln(tw, "\n  section\tline\twords\tSzigriszt-Pazos\tINFLESZ\tFernández Huerta")
			for _, sec := range s.Sections {
				fmt.Fprintf(tw, "  %s\t%s\t%d\t%.1f\t%s\t%.1f\n", sectionLabel(sec), sectionLine(s.Scored, sec), sec.Words, sec.SzigrisztPazos(), inflesz(sec.Counts), sec.FernandezHuerta())
			}
		default:
			fmt.Fprintf(tw, "  grade %.1f (%s): %s\n", score, readability.FormulaName(s.target.Formula), standing(s.target, st))
			writeCounts(tw, s)
			fmt.Fprintf(tw, "  SMOG %.1f  Flesch-Kincaid %.1f  reading ease %.1f  fog %.1f  Coleman-Liau %.1f  ARI %.1f\n",
				s.SMOG(), s.FKGL(), s.FRE(), s.Fog(), s.CLI(), s.ARI())
			fmt.Fprintln(tw, "\n  section\tline\twords\tSMOG\tFK\tease")
			for _, sec := range s.Sections {
				fmt.Fprintf(tw, "  %s\t%s\t%d\t%.1f\t%.1f\t%.1f\n", sectionLabel(sec), sectionLine(s.Scored, sec), sec.Words, sec.SMOG(), sec.FKGL(), sec.FRE())
			}
		}
		fmt.Fprintln(tw, "\n  longest sentences")
		for _, l := range s.Longest {
			pos := s.Pos(l.Ref)
			fmt.Fprintf(tw, "  %d:%d\t%s\t%s\n", pos.Line, pos.Col, count(l.Words, "word", "words"), shorten(l.Text, 80))
		}
	}
	return tw.Flush()
}

// writeCounts prints a file's counts.
func writeCounts(w io.Writer, s fileScore) {
	fmt.Fprintf(w, "  %s, %s, %s, %s of 3+ syllables, %s\n",
		count(s.Words, "word", "words"), count(s.Sentences, "sentence", "sentences"), count(s.Syllables, "syllable", "syllables"),
		count(s.Polysyllables, "word", "words"), count(s.Letters, "letter", "letters"))
}

// inflesz names the INFLESZ band of counts' Szigriszt-Pazos score.
func inflesz(c readability.Counts) string {
	es, _ := readability.INFLESZ(c.SzigrisztPazos())
	return es
}

// standing says in words how a file's score stands against its target.
func standing(t content.ReadingTarget, st check.Standing) string {
	limits := fmt.Sprintf("target %g, max %g", t.Target, t.Max)
	if t.Ease() {
		limits = fmt.Sprintf("target %g, min %g", t.Target, t.Min)
	}
	switch st {
	case check.Short:
		return fmt.Sprintf("fewer than %d words, so not held to a target (%s)", check.GradeMinWords, limits)
	case check.ForClinicians:
		return "for clinicians: reported, not held to a target (" + limits + ")"
	case check.AboveMax:
		return "above the maximum (" + limits + ")"
	case check.AboveTarget:
		return "above the target (" + limits + ")"
	case check.BelowMin:
		return "below the minimum (" + limits + ")"
	case check.BelowTarget:
		return "below the target (" + limits + ")"
	}
	return "within the target (" + limits + ")"
}

func sectionLabel(s readability.Section) string {
	if s.Heading == "" {
		return "(opening)"
	}
	return shorten(s.Heading, 40)
}

func sectionLine(s check.Scored, sec readability.Section) string {
	if sec.Ref < 0 {
		return "-"
	}
	return fmt.Sprint(s.Pos(sec.Ref).Line)
}

// shorten cuts text to n characters at a space, with an ellipsis.
func shorten(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

// The JSON output: an array with one object per file, fields as DESIGN.md
// fixes them for English. A file in another language also has "lang";
// a Spanish one has the Spanish scores in place of the English ones, and
// one in a language readability cannot count neither, nor syllables.
type (
	jsonScores struct {
		Words           int      `json:"words"`
		Sentences       int      `json:"sentences"`
		Syllables       *int     `json:"syllables,omitempty"`
		Polysyllables   *int     `json:"polysyllables,omitempty"`
		Letters         int      `json:"letters"`
		SMOG            *float64 `json:"smog,omitempty"`
		FKGL            *float64 `json:"fkgl,omitempty"`
		FRE             *float64 `json:"fre,omitempty"`
		Fog             *float64 `json:"fog,omitempty"`
		CLI             *float64 `json:"cli,omitempty"`
		ARI             *float64 `json:"ari,omitempty"`
		SzigrisztPazos  *float64 `json:"szigriszt_pazos,omitempty"`
		INFLESZ         string   `json:"inflesz,omitempty"` // the band of szigriszt_pazos, in Spanish
		FernandezHuerta *float64 `json:"fernandez_huerta,omitempty"`
	}
	jsonFile struct {
		File string `json:"file"`
		Lang string `json:"lang,omitempty"` // for a file not in English
		jsonScores
		Sections []jsonSection `json:"sections"`
		Longest  []jsonLongest `json:"longest"`
	}
	jsonSection struct {
		Heading string `json:"heading"`
		Line    int    `json:"line"` // of the heading; 0 for the opening and the questions
		jsonScores
	}
	jsonLongest struct {
		Line   int    `json:"line"`
		Column int    `json:"column"`
		Words  int    `json:"words"`
		Text   string `json:"text"`
	}
)

// scoresOf returns the counts and the scores of the formulas made for
// lang, rounded to two decimal places.
func scoresOf(lang readability.Language, c readability.Counts) jsonScores {
	r := func(x float64) *float64 { x = readability.Round(x); return &x }
	n := func(x int) *int { return &x }
	s := jsonScores{Words: c.Words, Sentences: c.Sentences, Letters: c.Letters}
	switch lang {
	case readability.English:
		s.Syllables, s.Polysyllables = n(c.Syllables), n(c.Polysyllables)
		s.SMOG, s.FKGL, s.FRE, s.Fog, s.CLI, s.ARI = r(c.SMOG()), r(c.FKGL()), r(c.FRE()), r(c.Fog()), r(c.CLI()), r(c.ARI())
	case readability.Spanish:
		s.Syllables, s.Polysyllables = n(c.Syllables), n(c.Polysyllables)
		s.SzigrisztPazos, s.FernandezHuerta = r(c.SzigrisztPazos()), r(c.FernandezHuerta())
		s.INFLESZ = inflesz(c)
	}
	return s
}

func writeReadabilityJSON(w io.Writer, scores []fileScore) error {
	out := make([]jsonFile, 0, len(scores))
	for _, s := range scores {
		lang := s.language()
		f := jsonFile{File: s.file, jsonScores: scoresOf(lang, s.Counts), Sections: []jsonSection{}, Longest: []jsonLongest{}}
		if lang != readability.English {
			f.Lang = s.lang
		}
		for _, sec := range s.Sections {
			js := jsonSection{Heading: sec.Heading, jsonScores: scoresOf(lang, sec.Counts)}
			if sec.Ref >= 0 {
				js.Line = s.Pos(sec.Ref).Line
			}
			f.Sections = append(f.Sections, js)
		}
		for _, l := range s.Longest {
			pos := s.Pos(l.Ref)
			f.Longest = append(f.Longest, jsonLongest{Line: pos.Line, Column: pos.Col, Words: l.Words, Text: l.Text})
		}
		out = append(out, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
