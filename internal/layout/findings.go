package layout

import (
	"bytes"
	"html/template"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// findingsBox is the box a preview puts at the top of a page with
// findings, whatever the site's layouts: "Not publishable" and the errors
// when there are any, then the warnings and suggestions. Its colours are
// its own, so that it reads the same on every theme, light or dark. It is
// a section with a label, a region landmark without an ARIA role (which
// html-validate's prefer-native-element asks for).
var findingsBox = template.Must(template.New("findings").Parse(`<section aria-label="Findings on this page" data-pamphlet-findings style="all:initial;display:block;background:#fff;color:#1b1b1b;border:4px solid {{if .Errors}}#b00020{{else}}#7a4d00{{end}};margin:0;padding:1rem 1.25rem;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif">
{{- if .Errors}}
<p style="margin:0 0 .5rem;font-size:1.25rem;font-weight:700;color:#b00020">Not publishable</p>
<p style="margin:0 0 .5rem">pamphlet build refuses this page until these are fixed:</p>
<ul style="margin:0 0 .5rem;padding-left:1.5rem">{{range .Errors}}<li><code style="font-family:ui-monospace,monospace;overflow-wrap:anywhere">{{.File}}:{{.Line}}:{{.Col}}</code> {{.Message}} ({{.Rule}})</li>{{end}}</ul>
{{- end}}
{{- if .Others}}
<p style="margin:0 0 .5rem;font-weight:700">{{len .Others}} {{if eq (len .Others) 1}}finding{{else}}findings{{end}} to look at</p>
<ul style="margin:0;padding-left:1.5rem">{{range .Others}}<li><code style="font-family:ui-monospace,monospace;overflow-wrap:anywhere">{{.File}}:{{.Line}}:{{.Col}}</code> {{.Severity}}: {{.Message}} ({{.Rule}})</li>{{end}}</ul>
{{- end}}
</section>`))

// WithFindings returns a rendered page with the box of its findings put
// right after its <body> tag, or the page as it was when it has none.
func WithFindings(page []byte, fs []finding.Finding) []byte {
	if len(fs) == 0 {
		return page
	}
	at := bodyStart(page)
	if at < 0 {
		return page
	}
	var box struct{ Errors, Others []finding.Finding }
	for _, f := range fs {
		if f.Severity == finding.Error {
			box.Errors = append(box.Errors, f)
		} else {
			box.Others = append(box.Others, f)
		}
	}
	var b bytes.Buffer
	b.Grow(len(page) + 1024)
	b.Write(page[:at])
	if err := findingsBox.Execute(&b, box); err != nil { // the template is fixed and its data plain
		panic(err)
	}
	b.Write(page[at:])
	return b.Bytes()
}

// bodyStart returns the offset just after a page's <body> tag, or -1.
func bodyStart(page []byte) int {
	i := bytes.Index(page, []byte("<body"))
	if i < 0 {
		return -1
	}
	if c := page[i+5:]; len(c) == 0 || (c[0] != '>' && c[0] != ' ' && c[0] != '\n' && c[0] != '\t') {
		return -1
	}
	j := bytes.IndexByte(page[i:], '>')
	if j < 0 {
		return -1
	}
	return i + j + 1
}
