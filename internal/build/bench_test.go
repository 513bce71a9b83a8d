package build

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	pamphlet "github.com/pamphlet-health/pamphlet"
	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/review"
)

// generateSite writes a site of n articles of about 800 words each, with
// headings, lists, a table, callouts, links between articles, an image and
// a FAQ, so that every stage of the pipeline has real work to do. Every
// article is signed off, half of them with an SSH signature, so that the
// gate's fingerprints and signature checks are measured too.
func generateSite(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := ssh.NewSignerFromKey(key)
	if err != nil {
		tb.Fatal(err)
	}
	cfgText := fmt.Sprintf("title: Bench Clinic\nbase_url: https://bench.example.org/\n"+
		"organization: {name: Bench Clinic, emergency_number: \"911\"}\n"+
		"reviewers:\n  nurse: {name: A Nurse, clinical: true}\n  doctor: {name: A Doctor, clinical: true, keys: [%q]}\n",
		strings.TrimSpace(string(ssh.MarshalAuthorizedKey(signer.PublicKey()))))
	cfg, _, err := content.ParseConfig([]byte(cfgText))
	if err != nil {
		tb.Fatal(err)
	}
	gate, _ := review.NewGate(cfg, today)
	sign := func(file, text string) string {
		p, _ := content.ParsePage(file, []byte(text))
		reviewer, s := "nurse", ssh.Signer(nil)
		if len(text)%2 == 0 {
			reviewer, s = "doctor", signer
		}
		rev, err := gate.NewReview(p, reviewer, today.AddDate(0, -1, 0), time.Time{}, s)
		if err != nil {
			tb.Fatal(err)
		}
		out, err := review.SetBlock(p, rev)
		if err != nil {
			tb.Fatal(err)
		}
		return string(out)
	}
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("pamphlet.yaml", cfgText)
	write("content/_index.md", "---\ntitle: Bench Clinic\ndescription: A generated site used to measure how fast pamphlet builds a large site.\n---\nWelcome.\n")
	write("content/articles/img/chart.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>`)
	para := "Most people get better at home with rest, fluids and time. Talk to your doctor if you are worried, if your symptoms last longer than a week, or if they get worse. " +
		"Your pharmacist can help you choose a medicine and explain how to take it safely with the other medicines you use. "
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Health topic number %d\ndescription: What topic %d is, how to look after yourself at home and when to get help from a clinician.\n", i, i)
		fmt.Fprintf(&b, "date: 2026-01-%02d\naudience: [patients]\nabout: Topic %d\ntags: [tag-%d, common]\n", i%28+1, i, i%50)
		b.WriteString("sources:\n  - {title: A guideline, publisher: A health body, url: \"https://example.org/guide\"}\n")
		b.WriteString("faq:\n  - q: How long does it last?\n    a: Usually about a week. Call us if it lasts longer.\n  - q: Is it catching?\n    a: Sometimes. Wash your hands often.\n---\n\n")
		for s := range 5 {
			fmt.Fprintf(&b, "## Part %d of topic %d\n\n", s+1, i)
			b.WriteString(para + para + "\n\n")
			b.WriteString("- Drink plenty of fluids.\n- Rest as much as you can.\n- Keep warm but not too hot.\n\n")
			if s == 2 {
				b.WriteString("| Age | Dose |\n|---|---|\n| 6 to 11 | 1 tablet |\n| 12 and over | 2 tablets |\n\n")
				b.WriteString("> [!WARNING]\n> Do not take more than the label says.\n\n")
				fmt.Fprintf(&b, "See [the next topic](topic-%d.md#part-1-of-topic-%d) and ![A chart](img/chart.svg).\n\n", (i+1)%n, (i+1)%n)
			}
			b.WriteString(para + "\n\n")
		}
		file := fmt.Sprintf("content/articles/topic-%d.md", i)
		write(file, sign(file, b.String()))
	}
	return dir
}

// BenchmarkBuild builds a generated site of 1,000 articles end to end:
// load, parse, check, render, minify and write.
func BenchmarkBuild(b *testing.B) {
	const n = 1000
	dir := generateSite(b, n)
	dest := filepath.Join(b.TempDir(), "public")
	opts := Options{Source: dir, Dest: dest, Today: today, Theme: pamphlet.Theme}
	res, err := Build(context.Background(), opts)
	if err != nil || res.Refused {
		b.Fatalf("%v %v", err, res.Findings)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkStages times each stage of a build of 1,000 articles.
func BenchmarkStages(b *testing.B) {
	dir := generateSite(b, 1000)
	opts := Options{Source: dir, Today: today, Theme: pamphlet.Theme}
	b.Run("load+parse+check", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Load(context.Background(), opts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gate", func(b *testing.B) {
		p, err := Load(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, pg := range p.Pages {
				p.Gate.Evaluate(pg.Page)
			}
		}
	})
	for _, minify := range []bool{false, true} {
		b.Run(fmt.Sprintf("render/minify=%v", minify), func(b *testing.B) {
			o := opts
			o.NoMinify = !minify
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				p, err := Load(context.Background(), o) // rendering changes the parsed documents
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := p.Render(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
