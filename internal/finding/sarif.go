package finding

import (
	"encoding/json"
	"io"
	"maps"
	"slices"
	"strings"
)

// The parts of SARIF 2.1.0 that WriteSARIF uses.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string       `json:"id"`
		ShortDescription *sarifText   `json:"shortDescription,omitempty"`
		FullDescription  *sarifText   `json:"fullDescription,omitempty"`
		Help             *sarifHelp   `json:"help,omitempty"`
		HelpURI          string       `json:"helpUri,omitempty"`
		DefaultConfig    *sarifConfig `json:"defaultConfiguration,omitempty"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID       string             `json:"ruleId"`
		RuleIndex    int                `json:"ruleIndex"`
		Level        string             `json:"level"`
		Message      sarifText          `json:"message"`
		Locations    []sarifLocation    `json:"locations"`
		Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification"`
	}
)

// WriteSARIF prints a report as SARIF 2.1.0, the format GitHub code
// scanning reads: one run of the tool "pamphlet" whose results are the
// findings and, marked as suppressed in source with their reasons, the
// silenced findings. Paths are relative to %SRCROOT%, the repository root
// (see Report.Root), percent-encoded as URI references; columns count
// Unicode code points, as pamphlet's positions do.
func WriteSARIF(w io.Writer, r Report) error {
	all := append(slices.Clone(r.Findings), r.Silenced...)
	ids := map[string]bool{}
	for _, f := range all {
		ids[f.Rule] = true
	}
	driver := sarifDriver{Name: "pamphlet", Version: r.Version, InformationURI: InformationURI, Rules: []sarifRule{}}
	index := map[string]int{}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		rule := sarifRule{ID: id}
		if i := slices.IndexFunc(r.Rules, func(d Rule) bool { return d.ID == id }); i >= 0 {
			d := r.Rules[i]
			rule.ShortDescription = &sarifText{d.Summary}
			rule.FullDescription = &sarifText{plainText(d.Description)}
			rule.Help = &sarifHelp{
				Text:     plainText(d.Description) + ". See " + d.HelpURI(),
				Markdown: strings.ReplaceAll(d.Description, "](#", "]("+InformationURI+"#") + ". See [the documentation](" + d.HelpURI() + ").",
			}
			rule.HelpURI = d.HelpURI()
			if len(d.Severities) > 0 {
				rule.DefaultConfig = &sarifConfig{Level: sarifLevel(d.Severities[0])}
			}
		}
		index[id] = len(driver.Rules)
		driver.Rules = append(driver.Rules, rule)
	}
	run := sarifRun{Tool: sarifTool{driver}, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for i, f := range all {
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: sarifLevel(f.Severity),
			Message: sarifText{f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: URIPath(r.Path(f)), URIBaseID: "%SRCROOT%"},
			}}},
		}
		if f.Line > 0 {
			res.Locations[0].PhysicalLocation.Region = &sarifRegion{StartLine: f.Line, StartColumn: f.Col}
		}
		if i >= len(r.Findings) {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Reason}}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "note"
}

// plainText drops the Markdown code marks and links of a rule's
// description for SARIF's plain text fields.
func plainText(md string) string {
	md = strings.ReplaceAll(md, "`", "")
	for {
		open := strings.Index(md, "[")
		mid := strings.Index(md, "](")
		if open < 0 || mid < open {
			return md
		}
		end := strings.Index(md[mid:], ")")
		if end < 0 {
			return md
		}
		md = md[:open] + md[open+1:mid] + md[mid+end+1:]
	}
}

// URIPath returns a slash path as the path of a relative URI reference,
// as SARIF's artifact locations hold them: every byte but the unreserved
// characters of RFC 3986 (letters, digits, -._~) and the slashes between
// segments percent-encoded, so that spaces, accents, # and ? stay part
// of the file's name, and a colon in the first segment is not read as a
// scheme.
func URIPath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~/", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
