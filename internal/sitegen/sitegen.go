// Package sitegen writes synthetic sites for benchmarks: articles of about
// 800 words with headings, lists, a table, a callout, links between
// articles, an image and a FAQ, every one signed off, so that every stage
// of pamphlet's pipeline has real work to do.
package sitegen

import (
	"crypto/ed25519"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/markdown"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// Today is the day the articles are signed off on and the site is judged
// on: sign-offs are a month old.
var Today = time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)

// BaseURL is where the sites are published.
const BaseURL = "https://bench.example.org/"

// Write writes a site of n articles into dir: pamphlet.yaml, a home page,
// content/articles/topic-N.md, a Spanish translation of every tenth
// article (content/articles/topic-N.es.md) and an image. The same n gives
// the same files. Half the pages carry an SSH signature, so that the
// gate's signature checks are measured too, and the translations are
// signed against their sources, so that translation review is too.
func Write(dir string, n int) error {
	files := []generated{{file: "content/articles/img/chart.svg", text: `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>`}}
	for i := range n {
		files = append(files, generated{file: ArticleFile(i), text: Article(i, n)})
	}
	// Every tenth article has a Spanish translation, after the sources.
	for i := 0; i < n; i += 10 {
		files = append(files, generated{file: TranslationFile(i), text: Translation(i, n)})
	}
	cfg := "title: Bench Clinic\nbase_url: " + BaseURL + "\nlanguages: " + languages + "\n" +
		"organization: {name: Bench Clinic, emergency_number: \"911\"}\n"
	return write(dir, cfg, "Bench Clinic", languages, files)
}

// languages are those of a generated site, the default first.
const languages = "[en, es]"

// generated is a file of a generated site: a page, or another file.
type generated struct{ file, text string }

// write writes a site into dir: pamphlet.yaml, which is cfg with two
// clinical reviewers added (who read the site's languages, when it has
// more than one: langs, as pamphlet.yaml writes them, or ""), a home page
// named title, and files, of which
// every page (.md) is signed off a month before Today: those whose text
// has an even length by a reviewer with an SSH key, with a signature, and
// the rest by one without.
func write(dir, cfg, title, langs string, files []generated) error {
	// A fixed key: the same site every time.
	key := ed25519.NewKeyFromSeed([]byte("pamphlet sitegen benchmark key!!"))
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		return err
	}
	reads := ""
	if langs != "" {
		reads = ", languages: " + langs
	}
	cfgText := cfg + fmt.Sprintf("reviewers:\n  nurse: {name: A Nurse, clinical: true%s}\n  doctor: {name: A Doctor, clinical: true%s, keys: [%q]}\n",
		reads, reads, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(signer.PublicKey()))))
	config, _, err := content.ParseConfig([]byte(cfgText))
	if err != nil {
		return err
	}
	gate, _ := review.NewGate(config, Today)
	md := markdown.New(markdown.Options{})
	signed := map[string][]byte{} // the pages written so far, signed off
	other := genFiles{}
	for _, f := range files {
		if !strings.HasSuffix(f.file, ".md") {
			other[f.file] = []byte(f.text)
		}
	}
	put := func(name, text string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := put(content.ConfigFile, cfgText); err != nil {
		return err
	}
	if err := put("content/_index.md", "---\ntitle: "+title+"\ndescription: A generated site used to measure how fast pamphlet builds a large site.\n---\nWelcome.\n"); err != nil {
		return err
	}
	for _, f := range files {
		if !strings.HasSuffix(f.file, ".md") {
			if err := put(f.file, f.text); err != nil {
				return err
			}
			continue
		}
		p, _ := content.ParsePage(f.file, []byte(f.text))
		pp := review.Parse(md, p)
		if src, ok := strings.CutSuffix(f.file, ".es.md"); ok {
			p.Lang, p.SourceFile = "es", src+".md"
			pp.Source, _ = content.ParsePage(p.SourceFile, signed[p.SourceFile])
		}
		reviewer, s := "nurse", ssh.Signer(nil)
		if len(f.text)%2 == 0 {
			reviewer, s = "doctor", signer
		}
		rev, err := gate.NewReview(pp, other, reviewer, Today.AddDate(0, -1, 0), time.Time{}, s)
		if err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
		out, err := review.SetBlock(p, rev)
		if err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
		if err := put(f.file, string(out)); err != nil {
			return err
		}
		signed[f.file] = out
	}
	return nil
}

// genFiles are the files of a generated site that are not pages, by path
// from the site root: the review.Files of its sign-offs, for links written
// relative to the page.
type genFiles map[string][]byte

func (g genFiles) Local(from *content.Page, dest string) (review.File, bool) {
	p := path.Join(path.Dir(from.File), dest)
	data, ok := g[p]
	if !ok {
		return review.File{}, false
	}
	return review.SumFile(p, data), true
}

// ArticleFile is the file of article i.
func ArticleFile(i int) string { return fmt.Sprintf("content/articles/topic-%d.md", i) }

// Para is a paragraph every article repeats.
const Para = "Most people get better at home with rest, fluids and time. Talk to your doctor if you are worried, if your symptoms last longer than a week, or if they get worse. " +
	"Your pharmacist can help you choose a medicine and explain how to take it safely with the other medicines you use. "

// Article is the text of article i of n, before sign-off.
func Article(i, n int) string {
	return english.article(i, fmt.Sprintf("[the next topic](topic-%d.md#part-1-of-topic-%d)", (i+1)%n, (i+1)%n))
}

// TranslationFile is the file of the Spanish translation of article i.
func TranslationFile(i int) string { return fmt.Sprintf("content/articles/topic-%d.es.md", i) }

// ParaES is a paragraph every translation repeats.
const ParaES = "La mayoría de las personas se sienten mejor en casa con descanso, líquidos y tiempo. Hable con su médico si le preocupa, si los síntomas duran más de una semana o si empeoran. " +
	"Su farmacéutico puede ayudarle a elegir un medicamento y explicarle cómo tomarlo bien con los otros medicamentos que usa. "

// Translation is the text of the Spanish translation of article i of n,
// before sign-off: the article's structure in Spanish, its link leading
// to the next translated article's translation (to its own first part
// when it is the only one).
func Translation(i, n int) string {
	next := i + 10 // the next translated article
	if next >= n {
		next = 0
	}
	if next == i { // the only translation: a part of itself
		return spanish.article(i, fmt.Sprintf("[la primera parte](#parte-1-del-tema-%d)", i))
	}
	return spanish.article(i, fmt.Sprintf("[el tema siguiente](topic-%d.md)", next))
}

// articleWords are the words of a generated article in one language; the
// formats take the article's number (and front, its day, number and tag
// number too).
type articleWords struct {
	front, sources, faq       string
	heading, para, list       string
	table, warning, seeFormat string
}

var english = articleWords{
	front: "---\ntitle: Health topic number %[2]d\ndescription: What topic %[2]d is, how to look after yourself at home and when to get help from a clinician.\n" +
		"date: 2026-01-%02[1]d\naudience: [patients]\nabout: Topic %[2]d\ntags: [tag-%[3]d, common]\n",
	sources:   "sources:\n  - {title: A guideline, publisher: A health body, url: \"https://example.org/guide\"}\n",
	faq:       "faq:\n  - q: How long does it last?\n    a: Usually about a week. Call us if it lasts longer.\n  - q: Is it catching?\n    a: Sometimes. Wash your hands often.\n---\n\n",
	heading:   "## Part %d of topic %d\n\n",
	para:      Para,
	list:      "- Drink plenty of fluids.\n- Rest as much as you can.\n- Keep warm but not too hot.\n\n",
	table:     "| Age | Dose |\n|---|---|\n| 6 to 11 | 1 tablet |\n| 12 and over | 2 tablets |\n\n",
	warning:   "> [!WARNING]\n> Do not take more than the label says.\n\n",
	seeFormat: "See %s and ![A chart](img/chart.svg).\n\n",
}

var spanish = articleWords{
	front: "---\ntitle: Tema de salud número %[2]d\ndescription: Qué es el tema %[2]d, cómo cuidarse en casa y cuándo pedir ayuda a un profesional de la salud.\n" +
		"date: 2026-01-%02[1]d\naudience: [patients]\nabout: Tema %[2]d\ntags: [tema-%[3]d, comun]\n",
	sources:   "sources:\n  - {title: Una guía, publisher: Un organismo de salud, url: \"https://example.org/guia\"}\n",
	faq:       "faq:\n  - q: ¿Cuánto dura?\n    a: Suele durar una semana. Llámenos si dura más.\n  - q: ¿Se contagia?\n    a: A veces. Lávese las manos a menudo.\n---\n\n",
	heading:   "## Parte %d del tema %d\n\n",
	para:      ParaES,
	list:      "- Beba muchos líquidos.\n- Descanse todo lo que pueda.\n- Abríguese, pero sin pasar calor.\n\n",
	table:     "| Edad | Dosis |\n|---|---|\n| De 6 a 11 | 1 comprimido |\n| 12 o más | 2 comprimidos |\n\n",
	warning:   "> [!WARNING]\n> No tome más de lo que dice la etiqueta.\n\n",
	seeFormat: "Vea %s y ![Un gráfico](img/chart.svg).\n\n",
}

// article writes article i in w's words, with see, a Markdown link, in
// its third part.
func (w articleWords) article(i int, see string) string {
	var b strings.Builder
	fmt.Fprintf(&b, w.front, i%28+1, i, i%50)
	b.WriteString(w.sources + w.faq)
	for s := range 5 {
		fmt.Fprintf(&b, w.heading, s+1, i)
		b.WriteString(w.para + w.para + "\n\n")
		b.WriteString(w.list)
		if s == 2 {
			b.WriteString(w.table + w.warning)
			fmt.Fprintf(&b, w.seeFormat, see)
		}
		b.WriteString(w.para + "\n\n")
	}
	return b.String()
}
