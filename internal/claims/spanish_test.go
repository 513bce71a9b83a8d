package claims

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var showSpanish = flag.Bool("es-misses", false, "with -v, list the sentences of es-dev.tsv the Spanish detector gets wrong")

// esSample is a labelled Spanish sentence.
type esSample struct {
	line                      int
	label, kind, source, text string
}

// readSpanishSet reads a labelled set in the format of es-dev.tsv.
func readSpanishSet(t testing.TB, name string) []esSample {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []esSample
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 4 || !strings.Contains(" claim none promise honest ", " "+p[0]+" ") || !strings.HasPrefix(p[2], "written:") {
			t.Fatalf("%s:%d: want label<TAB>kind<TAB>written:GENRE<TAB>sentence, label claim, none, promise or honest", name, n)
		}
		out = append(out, esSample{n, p[0], p[1], p[2], p[3]})
	}
	return out
}

// esFigures are the Spanish detector's results on a labelled set.
type esFigures struct {
	claims, caught   int // labelled claim, and those found
	nones, alarms    int // labelled none, and those taken for claims
	promises, found  int // labelled promise, and those found
	honest, honestFA int // labelled honest, and those taken for promises
	plain, plainFA   int // labelled claim or none, and those taken for promises
	misses           []string
}

func pct(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }

func (f esFigures) String() string {
	return fmt.Sprintf("claims caught %d/%d (%.1f%%), false alarms %d/%d (%.1f%%); promises caught %d/%d (%.1f%%), honest flagged %d/%d (%.1f%%); claims and service text taken for promises %d/%d",
		f.caught, f.claims, pct(f.caught, f.claims), f.alarms, f.nones, pct(f.alarms, f.nones),
		f.found, f.promises, pct(f.found, f.promises), f.honestFA, f.honest, pct(f.honestFA, f.honest), f.plainFA, f.plain)
}

func measureSpanish(t *testing.T, name string) esFigures {
	t.Helper()
	d, err := NewSpanish(BuiltinSpanish())
	if err != nil {
		t.Fatal(err)
	}
	var f esFigures
	for _, s := range readSpanishSet(t, name) {
		v := d.Judge(s.text, prose.Tokens(s.text), true)
		var got, want bool
		switch s.label {
		case "claim", "none":
			got, want = v.IsClaim, s.label == "claim"
			f.plain++
			if v.IsPromise {
				f.plainFA++
				f.misses = append(f.misses, fmt.Sprintf("%s:%d: %s/%s taken for a promise [%s]: %s", name, s.line, s.label, s.kind, s.text[v.Promise.Start:v.Promise.End], s.text))
			}
			if want {
				f.claims++
				if got {
					f.caught++
				}
			} else {
				f.nones++
				if got {
					f.alarms++
				}
			}
		default:
			got, want = v.IsPromise, s.label == "promise"
			if want {
				f.promises++
				if got {
					f.found++
				}
			} else {
				f.honest++
				if got {
					f.honestFA++
				}
			}
		}
		if got != want {
			why := ""
			if v.IsClaim && s.label == "none" {
				why = fmt.Sprintf(" [%s: %s]", v.Claim.Kind, s.text[v.Claim.Start:v.Claim.End])
			}
			if v.IsPromise && s.label == "honest" {
				why = fmt.Sprintf(" [%s]", s.text[v.Promise.Start:v.Promise.End])
			}
			f.misses = append(f.misses, fmt.Sprintf("%s:%d: %s/%s%s: %s", name, s.line, s.label, s.kind, why, s.text))
		}
	}
	return f
}

// TestSpanishDev reports the Spanish detector's figures on the
// development set, the one its lists were written against; with
// -es-misses it lists what it gets wrong.
func TestSpanishDev(t *testing.T) {
	f := measureSpanish(t, "es-dev.tsv")
	t.Logf("es-dev.tsv: %s", f)
	if *showSpanish {
		for _, m := range f.misses {
			t.Log(m)
		}
	}
}

// TestSpanishHeldOut holds the Spanish detector to its figures on the
// held-out set (es-test.tsv), which no list was tuned on: the README
// reports them. Run go test ./internal/claims -run TestSpanishHeldOut -v
// to see them.
func TestSpanishHeldOut(t *testing.T) {
	f := measureSpanish(t, "es-test.tsv")
	t.Logf("es-test.tsv: %s", f)
	if f.claims < 40 || f.nones < 35 || f.promises < 18 || f.honest < 10 {
		t.Fatalf("es-test.tsv is too small to measure: %s", f)
	}
	for _, c := range []struct {
		what      string
		got, want float64
		atLeast   bool
	}{
		{"claims caught", pct(f.caught, f.claims), 90, true},
		{"service text taken for claims", pct(f.alarms, f.nones), 5, false},
		{"promises caught", pct(f.found, f.promises), 90, true},
		{"honest sentences taken for promises", pct(f.honestFA, f.honest), 10, false},
		{"claims and service text taken for promises", pct(f.plainFA, f.plain), 2, false},
	} {
		if c.atLeast && c.got < c.want || !c.atLeast && c.got > c.want {
			t.Errorf("%s: %.1f%%, want %s %.0f%%", c.what, c.got, map[bool]string{true: "at least", false: "at most"}[c.atLeast], c.want)
		}
	}
}

// TestBuiltinSpanish: the built-in Spanish lists parse and compile, and
// every list has phrases.
func TestBuiltinSpanish(t *testing.T) {
	l := BuiltinSpanish()
	for _, name := range SpanishListNames {
		if len(l[name]) == 0 {
			t.Errorf("the Spanish %s list is empty", name)
		}
	}
	if _, err := NewSpanish(l); err != nil {
		t.Fatal(err)
	}
}

// TestSpanishExam reports the Spanish detector's figures on es-exam.tsv,
// written after the lists were frozen, with other words than the first
// two sets. At first sight the lists caught 21 of its 35 claims and 16
// of its 20 promises, with no false alarm; the vocabulary was then
// widened (condition endings, body parts, medicines, verbs), so its
// figures since are no longer held out, and it is held to floors below
// TestSpanishHeldOut's.
func TestSpanishExam(t *testing.T) {
	f := measureSpanish(t, "es-exam.tsv")
	t.Logf("es-exam.tsv: %s", f)
	if *showSpanish {
		for _, m := range f.misses {
			t.Log(m)
		}
	}
	if pct(f.caught, f.claims) < 85 || pct(f.alarms, f.nones) > 5 || pct(f.found, f.promises) < 85 || pct(f.honestFA, f.honest) > 10 {
		t.Errorf("es-exam.tsv: %s; want claims and promises caught at least 85%%, false alarms at most 5%% and 10%%", f)
	}
}

// TestSpanishScope: the words that decide are named, and a promise's
// words after a negation, a hedge or in a myth being busted are honest,
// while a claim stays a claim however it is hedged or negated.
func TestSpanishScope(t *testing.T) {
	d, err := NewSpanish(BuiltinSpanish())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sentence       string
		claim, promise string // the words named, "" for none
		kind           Kind
	}{
		{"La vacuna reduce el riesgo de neumonía.", "vacuna reduce el riesgo", "", Risk},
		{"Tome 500 mg de paracetamol cada 8 horas.", "Tome 500 mg de paracetamol cada 8 horas", "", Dose},
		{"El ibuprofeno es más eficaz que el paracetamol para la fiebre.", "ibuprofeno es más eficaz que", "", Comparison},
		{"Los efectos secundarios son leves.", "efectos secundarios", "", Safety},
		{"1 de cada 3 adultos tiene la tensión alta.", "1 de cada 3", "", Statistic},
		{"Los antibióticos no curan los resfriados.", "antibióticos no curan", "", Effect},
		{"La vacunación podría prevenir la gripe.", "vacunación podría prevenir", "", Effect},
		{"Es una cura milagrosa.", "", "cura milagrosa", ""},
		{"Garantizado: elimina el dolor para siempre.", "elimina el dolor", "Garantizado", Effect},
		{"Adelgaza 10 kilos en 7 días.", "", "10 kilos en", ""},
		{"Los médicos no quieren que sepas esto.", "", "Los médicos no quieren", ""},
		{"No existe ninguna cura milagrosa.", "", "", ""},
		{"No hay pruebas de que este té cure el cáncer para siempre.", "cure el cáncer", "", Effect},
		{"Es un mito que el ajo sea una cura milagrosa.", "", "", ""},
		{"Puede que no tenga efectos secundarios.", "efectos secundarios", "", Safety},
		{"Ningún producto es 100 % natural.", "", "", ""},
		{"Pida cita en recepción para la vacuna.", "", "", ""},
		{"La consulta de diabetes abre los martes.", "", "", ""},
		{"Use la puerta lateral y tome el ascensor.", "", "", ""},
	} {
		v := d.Judge(c.sentence, prose.Tokens(c.sentence), true)
		var claim, promise string
		if v.IsClaim {
			claim = c.sentence[v.Claim.Start:v.Claim.End]
		}
		if v.IsPromise {
			promise = c.sentence[v.Promise.Start:v.Promise.End]
		}
		if claim != c.claim || promise != c.promise || v.IsClaim && v.Claim.Kind != c.kind {
			t.Errorf("%q: claim %q (%s), promise %q; want claim %q (%s), promise %q", c.sentence, claim, v.Claim.Kind, promise, c.claim, c.kind, c.promise)
		}
	}
}

// FuzzSpanishJudge: whatever the text, the Spanish detector names spans
// inside it, and finds the same promise whether it looks for claims too.
func FuzzSpanishJudge(f *testing.F) {
	d, err := NewSpanish(BuiltinSpanish())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"La miel calma la tos.",
		"¡Cura milagrosa garantizada, adelgaza 10 kilos en 7 días!",
		"Tome 2 comprimidos cada 4 horas; no más de 8 en 24 horas.",
		"Cura la artritis, el asma, el eczema y la gota",
		"Es un mito que las dietas «detox» limpien el hígado.",
		"100 % 1 de cada 4 ½ ÷ 5 €",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := prose.Tokens(s)
		v := d.Judge(s, toks, true)
		for _, m := range []Match{v.Claim, v.Promise} {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("%q: a span %d:%d outside the text", s, m.Start, m.End)
			}
		}
		if p := d.Judge(s, toks, false); p.IsPromise != v.IsPromise || p.Promise != v.Promise {
			t.Fatalf("%q: the promise depends on whether claims are looked for: %+v, %+v", s, p, v)
		}
		for _, m := range d.StatisticsIn(toks) {
			if m.Start < 0 || m.End > len(s) || m.Start > m.End {
				t.Fatalf("%q: a statistic %d:%d outside the text", s, m.Start, m.End)
			}
		}
		d.Warns(toks)
	})
}

// TestSpanishWarns: a sentence that warns of what its list names is told
// from one that leads into a plain list.
func TestSpanishWarns(t *testing.T) {
	d, err := NewSpanish(BuiltinSpanish())
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[string]bool{
		"Desconfíe de los productos que prometen:":       true,
		"Estas son las señales de alarma de una estafa:": true,
		"Tenga cuidado con anuncios como estos:":         true,
		"En la farmacia encontrará:":                     false,
		"Traiga a la consulta:":                          false,
	} {
		if got := d.Warns(prose.Tokens(s)); got != want {
			t.Errorf("Warns(%q) = %v, want %v", s, got, want)
		}
	}
}

// BenchmarkSpanishJudge times the Spanish detector over the sentences of
// es-dev.tsv, claims and promises both looked for.
func BenchmarkSpanishJudge(b *testing.B) {
	d, err := NewSpanish(BuiltinSpanish())
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	var toks [][]prose.Token
	for _, s := range readSpanishSet(b, "es-dev.tsv") {
		texts, toks = append(texts, s.text), append(toks, prose.Tokens(s.text))
	}
	b.ResetTimer()
	for range b.N {
		for i := range texts {
			d.Judge(texts[i], toks[i], true)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts)), "ns/sentence")
}
