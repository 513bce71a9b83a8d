package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// brief returns "line:col rule" for each finding, to compare.
func brief(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s", f.Line, f.Col, f.Rule))
	}
	return out
}

// findingsOf parses a page and returns its findings in brief.
func findingsOf(t *testing.T, src string) []string {
	t.Helper()
	_, fs := ParsePage("content/articles/a.md", []byte(src))
	return brief(fs)
}

func TestParsePageFindings(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"clean yaml", "---\ntitle: Flu\ndate: 2026-10-01\n---\nBody\n", nil},
		{"no front matter", "Just text\n", nil},
		{"unknown key", "---\ntitle: Flu\nreveiw: x\n---\n", []string{"3:1 frontmatter.unknown"}},
		{"nested unknown key", "---\nreview:\n  reviewer: ada\n  dat: 2026-01-01\n---\n", []string{"4:3 frontmatter.unknown"}},
		{"bad date", "---\ndate: 2026-13-01\n---\n", []string{"2:7 frontmatter.date"}},
		{"date without zone", "---\nstarts: 2026-12-24T17:00:00\n---\n", []string{"2:9 frontmatter.date"}},
		{"wrong type list", "---\ntags: flu\n---\n", []string{"2:7 frontmatter.type"}},
		{"wrong type text", "---\ntitle: [a, b]\n---\n", []string{"2:8 frontmatter.type"}},
		{"wrong type bool", "---\ndraft: maybe\n---\n", []string{"2:8 frontmatter.type"}},
		{"quoted bool", "---\ndraft: \"true\"\n---\n", []string{"2:8 frontmatter.type"}},
		{"bad audience", "---\naudience: [patients, kids]\n---\n", []string{"2:22 frontmatter.value"}},
		{"bad severity", "---\nseverity: loud\n---\n", []string{"2:1 frontmatter.value"}},
		{"duplicate key", "---\ntitle: a\ntitle: b\n---\n", []string{"3:1 frontmatter.duplicate"}},
		{"yaml syntax", "---\ntitle: Flu\ndescription: [a\n---\n", []string{"3:1 frontmatter.syntax"}},
		{"yaml scanner error", "---\ntitle: a\nb: x: y\n---\n", []string{"3:1 frontmatter.syntax"}},
		{"never closed", "---\ntitle: Flu\n\nBody\n", []string{"1:1 frontmatter.syntax"}},
		{"blank lines before", "\n\n---\ntitle: Flu\nbad: 1\n---\n", []string{"5:1 frontmatter.unknown"}},
		{"crlf", "---\r\ntitle: Flu\r\nbad: 1\r\n---\r\nBody\r\n", []string{"3:1 frontmatter.unknown"}},
		{"bom", "\uFEFF---\ntitle: Flu\nbad: 1\n---\n", []string{"3:1 frontmatter.unknown"}},
		{"columns count characters", "---\nabout: Ünïcödé\ndate: x\n---\n", []string{"3:7 frontmatter.date"}},
		{"toml", "+++\ntitle = \"Flu\"\nreveiw = \"x\"\ndate = 2026-10-01\n+++\n", []string{"3:1 frontmatter.unknown"}},
		{"toml nested", "+++\ntitle = \"Flu\"\n[review]\nreviewer = \"ada\"\nnope = 1\n+++\n", []string{"5:1 frontmatter.unknown"}},
		{"toml syntax", "+++\ntitle = \n+++\n", []string{"2:9 frontmatter.syntax"}},
		{"yaml lone carriage return", "---\ntitle: Flu\ndescription: one\rtwo\nbad: 1\n---\n", []string{"3:17 frontmatter.syntax"}},
		{"yaml line separator", "---\ntitle: Flu\nabout: é\u2028x\n---\n", []string{"3:9 frontmatter.syntax"}},
		{"toml wrong type list", "+++\ntags = \"flu\"\n+++\n", []string{"2:8 frontmatter.type"}},
		{"toml wrong type text", "+++\ntitle = [\"a\", \"b\"]\n+++\n", []string{"2:9 frontmatter.type"}},
		{"toml list item", "+++\naudience = [\"patients\", \"kids\"]\n+++\n", []string{"2:25 frontmatter.value"}},
		{"toml list over lines", "+++\naudience = [\n  \"patients\",\n  # a comment\n  \"kids\",\n]\n+++\n", []string{"5:3 frontmatter.value"}},
		{"toml array of tables", "+++\ntitle = \"Flu\"\n[[faq]]\nq = \"When?\"\na = \"Now.\"\n[[faq]]\nq = \"Why?\"\n+++\n", []string{"6:1 frontmatter.value"}},
		{"toml key in array of tables", "+++\n[[sources]]\ntitle = \"A\"\nurl = \"https://example.org/\"\n[[sources]]\ntitle = \"B\"\nurl = \"example.org\"\n+++\n", []string{"7:1 frontmatter.value"}},
		{"toml inline table", "+++\nsources = [{title = \"A\", url = \"example.org\"}]\n+++\n", []string{"2:26 frontmatter.value"}},
		{"toml dotted keys", "+++\ntitle = \"Flu\"\nreview.reviewer = \"ada\"\nreview.nope = 1\n+++\n", []string{"4:1 frontmatter.unknown"}},
		{"toml quoted key", "+++\n\"title\" = \"Flu\"\n\"tgas\" = [\"x\"]\n+++\n", []string{"3:1 frontmatter.unknown"}},
		{"toml multi-line string", "+++\ndescription = \"\"\"\nA long\n\"quoted\" text, tags = 1\n\"\"\"\nbad = 1\n+++\n", []string{"6:1 frontmatter.unknown"}},
		{"toml characters", "+++\nabout = \"Ünïcödé\"\ndate = \"x\"\n+++\n", []string{"3:8 frontmatter.date"}},
		{"json", "---json\n{\n  \"title\": \"Flu\",\n  \"tgas\": []\n}\n---\n", []string{"4:3 frontmatter.unknown"}},
		{"json syntax", ";;;\n{\"title\": }\n;;;\n", []string{"2:11 frontmatter.syntax"}},
		{"alias refused", "---\na: &x 1\ntitle: *x\n---\n", []string{"3:8 frontmatter.syntax"}},
		{"updated before date", "---\ndate: 2026-10-01\nupdated: 2026-09-01\n---\n", []string{"3:1 frontmatter.value"}},
		{"ends before starts", "---\nstarts: 2026-10-02T00:00:00Z\nends: 2026-10-01T00:00:00Z\n---\n", []string{"3:1 frontmatter.value"}},
		{"faq needs answer", "---\nfaq:\n  - q: Why?\n---\n", []string{"3:5 frontmatter.value"}},
		{"source url", "---\nsources:\n  - title: A\n    url: example.org\n---\n", []string{"4:5 frontmatter.value"}},
		{"not utf8", "---\ntitle: a\xff\n---\n", []string{"2:9 content.encoding"}},
		{"front matter not a map", "---\n- a\n- b\n---\n", []string{"2:1 frontmatter.type"}},
		{"bad slug", "---\nslug: Flu Jab\n---\n", []string{"2:1 frontmatter.value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findingsOf(t, tt.src)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("findings:\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParsePageValues(t *testing.T) {
	src := "---\r\ntitle: Using an inhaler\r\ndate: 2026-10-01\r\nstarts: 2026-12-24T17:00:00-05:00\r\nclinical: false\r\n" +
		"audience: [patients, parents]\r\nreadability: {target: 6}\r\nfaq:\r\n  - q: Why?\r\n    a: |\r\n      Because.\r\n" +
		"review:\r\n  reviewer: ada-okafor\r\n  next: 2027-11-03\r\n---\r\nBody text\r\n"
	p, fs := ParsePage("content/articles/a.md", []byte(src))
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	m := p.Meta
	if m.Title != "Using an inhaler" || m.Date.String() != "2026-10-01" || m.Starts.String() != "2026-12-24T17:00:00-05:00" {
		t.Errorf("scalars: %+v", m)
	}
	if m.Clinical == nil || *m.Clinical || len(m.Audience) != 2 || m.Readability.Target != 6 {
		t.Errorf("typed values: clinical %v audience %v readability %+v", m.Clinical, m.Audience, m.Readability)
	}
	if len(m.FAQ) != 1 || m.FAQ[0].A != "Because.\n" {
		t.Errorf("faq: %+v", m.FAQ)
	}
	if m.Review == nil || m.Review.Reviewer != "ada-okafor" || m.Review.Next.String() != "2027-11-03" {
		t.Errorf("review: %+v", m.Review)
	}
	if got := string(p.Body()); got != "Body text\r\n" {
		t.Errorf("body %q", got)
	}
	if got, want := string(p.Source[p.FrontStart:p.FrontEnd]), src[5:strings.Index(src, "---\r\nBody")]; got != want {
		t.Errorf("front matter span:\ngot  %q\nwant %q", got, want)
	}
	if pos := p.KeyPos("review"); pos.Line != 12 || pos.Col != 1 {
		t.Errorf("review key at %v, want line 12", pos)
	}
	if pos := p.KeyPos("faq.0"); pos.Line != 9 || pos.Col != 5 {
		t.Errorf("faq.0 at %v, want 9:5", pos)
	}
}

func TestTOMLDates(t *testing.T) {
	p, fs := ParsePage("a.md", []byte("+++\ntitle = \"x\"\ndate = 2026-10-01\nstarts = 2026-12-24T17:00:00-05:00\n+++\n"))
	if len(fs) != 0 {
		t.Fatal(fs)
	}
	if p.Meta.Date.String() != "2026-10-01" || p.Meta.Starts.String() != "2026-12-24T17:00:00-05:00" {
		t.Errorf("got date %s starts %s", p.Meta.Date, p.Meta.Starts)
	}
}

func TestSuggest(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"reveiw", "review"}, {"titel", "title"}, {"tgas", "tags"}, {"xyz", ""}, {"a", ""},
	} {
		if got := suggest(tt.in, []string{"review", "title", "tags", "date", "about"}); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParsePage(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Flu\ndate: 2026-10-01\n---\nBody\n",
		"+++\ntitle = \"Flu\"\n[review]\nreviewer = \"a\"\n+++\n",
		"---json\n{\"title\": \"x\", \"faq\": [{\"q\": \"a\", \"a\": \"b\"}]}\n---\n",
		"---\nfaq:\n  - q: a\n    a: |\n      b\n---\n",
		"\uFEFF---\r\ntitle: a\r\n---\r\n",
		"---\na: &x 1\nb: *x\n---\n",
		"---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, fs := ParsePage("content/a.md", src)
		if p == nil {
			t.Fatal("nil page")
		}
		if p.BodyStart < 0 || p.BodyStart > len(src) || p.FrontStart > p.FrontEnd || p.FrontEnd > len(src) {
			t.Fatalf("spans out of range: front %d-%d body %d of %d", p.FrontStart, p.FrontEnd, p.BodyStart, len(src))
		}
		for _, f := range fs {
			if f.Line < 1 || f.Col < 1 {
				t.Fatalf("finding without a position: %v", f)
			}
		}
	})
}

// TestLineIndexLongLines: columns on long lines, counted from the blocks,
// are the characters before the offset, as counting them one by one.
func TestLineIndexLongLines(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		b.WriteString([]string{"a", "é", "€", "𝄞", " "}[i%5])
		if i%997 == 0 {
			b.WriteByte('\n')
		}
	}
	src := []byte(b.String())
	x := newLineIndex(src)
	for off := 0; off <= len(src); off++ {
		if off < len(src) && !utf8.RuneStart(src[off]) {
			continue
		}
		line, col := x.pos(off)
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		if wl, wc := bytes.Count(src[:off], []byte("\n"))+1, utf8.RuneCount(src[start:off])+1; line != wl || col != wc {
			t.Fatalf("pos(%d) = %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
}

// FuzzTOMLScan: the position scanner never fails on text the TOML decoder
// accepts, and every position it gives is inside the text.
func FuzzTOMLScan(f *testing.F) {
	for _, s := range []string{
		"title = \"Flu\"\n[[faq]]\nq = \"When?\"\na = \"Now.\"\n",
		"audience = [\n  \"patients\", # x\n  \"carers\",\n]\nsources = [{title = \"A\", url = \"https://example.org/\"}]\n",
		"description = '''\nmany\nlines'''\nreview.reviewer = \"ada\"\n\"quoted key\" = 1\n",
		"a = \"\"\"x\"\"\"\"\"\nb = 1979-05-27 07:32:00Z\n[t.u]\nv = [[1, 2], [3]]\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, err := parseTOML([]byte(src), 1); err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		pl := tomlScan(src)
		for _, m := range []map[string]tomlPos{pl.keys, pl.values} {
			for path, p := range m {
				if p.line < 1 || p.line > lines || p.col < 1 {
					t.Fatalf("%q at %d:%d, outside the text", path, p.line, p.col)
				}
			}
		}
	})
}

// TestReleaseReread lets go of a page's bytes and reads them again: the
// same bytes come back, and a file changed since the page was read, even
// to the same length, is an error naming it.
func TestReleaseReread(t *testing.T) {
	const file = "content/articles/flu.md"
	text := "---\ntitle: Flu\n---\nRest and drink fluids.\n"
	p, found := ParsePage(file, []byte(text))
	if len(found) > 0 {
		t.Fatal(found)
	}
	fsys := fstest.MapFS{file: {Data: []byte(text)}}
	if got, err := p.Reread(fsys); err != nil || string(got) != text {
		t.Fatalf("before Release: %q, %v", got, err)
	}
	p.Release()
	if p.Source != nil {
		t.Fatal("Release kept the bytes")
	}
	if got, err := p.Reread(fsys); err != nil || string(got) != text {
		t.Fatalf("after Release: %q, %v", got, err)
	}
	if err := p.Restore(fsys); err != nil || string(p.Source) != text || string(p.Body()) != "Rest and drink fluids.\n" {
		t.Fatalf("Restore: %q, %v", p.Source, err)
	}
	q, _ := ParsePage(file, []byte(text))
	q.ReleaseText()
	if _, ok := q.KeyAt("title"); q.Source != nil || !ok {
		t.Fatalf("ReleaseText: source %q; want the positions of the keys kept", q.Source)
	}
	p.ReleaseText()
	for _, changed := range []string{
		strings.Replace(text, "Rest", "Sing", 1), // the same length
		text + "More.\n",
	} {
		fsys[file] = &fstest.MapFile{Data: []byte(changed)}
		if _, err := p.Reread(fsys); err == nil || !strings.Contains(err.Error(), file+" changed") {
			t.Errorf("%q: error %v, want one saying %s changed", changed, err, file)
		}
	}
	delete(fsys, file)
	if _, err := p.Reread(fsys); err == nil {
		t.Error("a removed file read again without an error")
	}
}
