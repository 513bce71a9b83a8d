package search

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/plain"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Flu vaccines, don’t wait!", []string{"flu", "vaccines", "don't", "wait"}},
		{"Vacunación y AÑO", []string{"vacunacion", "y", "ano"}},
		{"take 1.5 mg, 2,000 units", []string{"take", "1.5", "mg", "2,000", "units"}},
		{"5mg covid19 'quoted'", []string{"5", "mg", "covid", "19", "quoted"}},
		{"type-2 and/or", []string{"type", "2", "and", "or"}},
		{"ΟΔΟΣ e\u0301te", []string{"οδοσ", "ete"}},
	} {
		if got := Words(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestStemSpanish(t *testing.T) {
	for w, want := range map[string]string{
		"vacunas": "vacun", "vacuna": "vacun", "vacuno": "vacun", "enfermedades": "enfermedad", "enfermedad": "enfermedad",
		"pacientes": "pacient", "paciente": "pacient", "gripe": "grip", "mano": "mano", "vacunacion": "vacunacion", "dolores": "dolor",
	} {
		if got := StemSpanish(w); got != want {
			t.Errorf("StemSpanish(%q) = %q, want %q", w, got, want)
		}
	}
}

// mustNode returns the node binary, skipping the test where there is none
// (and failing it in CI, which installs node).
func mustNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is needed to run the search script's tests: install nodejs")
		}
		t.Skip("no node: the search script's tests need it")
	}
	return node
}

var script, _ = filepath.Abs("../../assets/js/search.js")

// TestScriptAgrees runs the script's analyser and this package's over the
// same text: the sentences of the claim detector's development set and
// the plain-language lists, in English and Spanish, and words of other
// scripts. A word the two cut, fold or stem apart would never be found.
func TestScriptAgrees(t *testing.T) {
	node := mustNode(t)
	var lines []string
	data, err := os.ReadFile("../claims/testdata/dev.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.LastIndexByte(line, '\t'); i >= 0 && !strings.HasPrefix(line, "#") {
			lines = append(lines, line[i+1:])
		}
	}
	for _, lang := range []string{"en", "es"} {
		es, _ := plain.BuiltinIn(lang)
		for _, e := range es {
			lines = append(lines, e.Term+" "+e.Instead)
		}
	}
	lines = append(lines, "Ελληνικά ΟΔΟΣ οδός", "Ünïcödé naïve café ǅemal İstanbul", "日本語のテキスト", "вакцина Вакцинация", "ﬁle ½ ²", "l'été d’accord", "x\u0301y", "\u0301 alone")
	cmd := exec.Command(node, "testdata/agree.js", script)
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	n, bad := 0, 0
	for i := 0; sc.Scan(); i++ {
		var got agreed
		if err := json.Unmarshal(sc.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		ws := Words(lines[i])
		want := agreed{Words: ws}
		for _, w := range ws {
			want.En = append(want.En, StemEnglish(w))
			want.Es = append(want.Es, StemSpanish(w))
			want.Shards = append(want.Shards, ShardFile(w))
			want.Forms = append(want.Forms, strings.Join(forms([]rune(w)), " "))
		}
		n += len(ws)
		if !reflect.DeepEqual(normal(got), normal(want)) && bad < 10 {
			bad++
			t.Errorf("%q:\nscript: %q\nGo:     %q", lines[i], got, want)
		}
	}
	if n < 100000 {
		t.Errorf("only %d words compared", n)
	}
}

// agreed is what the two sides make of one line.
type agreed struct{ Words, En, Es, Shards, Forms []string }

// normal makes nil and empty lists alike.
func normal(v agreed) [5][]string {
	out := [5][]string{v.Words, v.En, v.Es, v.Shards, v.Forms}
	for i := range out {
		if len(out[i]) == 0 {
			out[i] = nil
		}
	}
	return out
}

// testPages are a small site's pages.
var testPages = []Page{
	{URL: "/articles/high-blood-pressure/", Title: "High blood pressure", Summary: "What high blood pressure is and how to lower it.", Section: "articles", SectionTitle: "Health articles",
		Reviewed: "Page last reviewed: 3 March 2026", Audiences: []string{"patients"}, AudienceNames: []string{"Patients"}, Topics: []string{"Heart"},
		Headings: []string{"Checking your blood pressure"}, Body: []string{"High blood pressure rarely has symptoms. The only way to find out is to have it checked at a pharmacy or clinic.", "Eating less salt and moving more can lower it."}},
	{URL: "/articles/diabetes/", Title: "Type 2 diabetes", Summary: "Living with type 2 diabetes.", Section: "articles", SectionTitle: "Health articles", Topics: []string{"Diabetes"},
		Body: []string{"Diabetes makes the level of sugar in your blood too high.", "Checking your feet every day matters."}},
	{URL: "/articles/diuretics/", Title: "Water tablets", Summary: "Tablets that make you pass more urine.", Section: "articles", SectionTitle: "Health articles", Topics: []string{"Medicines"},
		Body: []string{"Water tablets help the body get rid of extra fluid. Your pharmacist can tell you when to take them."}},
	{URL: "/news/flu-clinic/", Title: "Flu vaccination clinic opens", Summary: "Walk-in flu vaccines on Saturdays.", Section: "news", SectionTitle: "News", Audiences: []string{"parents"}, AudienceNames: []string{"Parents"},
		Body: []string{"The flu vaccination clinic at Mill Lane is open on Saturdays from 9am. Vaccines are free for children."}},
	{URL: "/articles/vaccines/", Title: "Vaccines for children", Summary: "Which vaccines children get and when.", Section: "articles", SectionTitle: "Health articles", Audiences: []string{"parents"}, AudienceNames: []string{"Parents"},
		About: "Childhood vaccination", Body: []string{"Vaccines protect children from serious illnesses such as measles."}},
}

func buildTest(t *testing.T, syn Synonyms) Files {
	t.Helper()
	a := NewAnalyzer("en")
	var entries []*Entry
	for _, p := range testPages {
		entries = append(entries, a.Analyze(p))
	}
	files, err := Build(a, entries, syn)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestBuildIsDeterministic(t *testing.T) {
	list, _ := plain.BuiltinIn("en")
	syn := PlainSynonyms(list)
	a, b := buildTest(t, syn), buildTest(t, syn)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds of the same pages differ")
	}
	for name, data := range a {
		if !json.Valid(data) {
			t.Errorf("%s is not JSON", name)
		}
	}
	var m meta
	if err := json.Unmarshal(a[MetaFile], &m); err != nil {
		t.Fatal(err)
	}
	if m.Pages != len(testPages) || len(m.Shards) == 0 || len(m.Synonyms) == 0 || len(m.Sections) != 2 || len(m.Audiences) != 2 || len(m.Topics) != 3 {
		t.Errorf("meta: %+v", m)
	}
}

func TestPlainSynonyms(t *testing.T) {
	syn := PlainSynonyms([]plain.Entry{
		{Term: "hypertension", Instead: "high blood pressure"},
		{Term: "abdomen|abdominal", Instead: "tummy, belly or stomach"},
		{Term: "antipyretic", Instead: "medicine to bring down a fever"},
		{Term: "cardio*", Instead: "heart"},
	})
	want := Synonyms{{"hypertension", "high blood pressure"}, {"abdomen", "abdominal", "tummy", "belly", "stomach"}}
	if !reflect.DeepEqual(syn, want) {
		t.Errorf("got %q, want %q", syn, want)
	}
}

// TestShards checks that every term lives in the shard of the longest
// key it starts with, as the script looks it up, on an index large enough
// to be split.
func TestShards(t *testing.T) {
	lists := map[string][]int32{}
	for i := range 3000 {
		w := strings.Repeat(string(rune('a'+i%3)), 1+i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + "é"
		lists[w] = []int32{1, 200, 3, 100}
	}
	lists["a"] = []int32{1, 1}
	shards := shard(lists, shardBytes)
	if len(shards) < 5 {
		t.Fatalf("only %d shards", len(shards))
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range shards {
			if !yield(k) {
				return
			}
		}
	})
	seen := 0
	for key, terms := range shards {
		for term := range terms {
			seen++
			best := ""
			for _, k := range keys {
				if strings.HasPrefix(term, k) && len(k) > len(best) {
					best = k
				}
			}
			if best != key {
				t.Errorf("%q is in shard %q; a lookup reads %q", term, key, best)
			}
		}
	}
	if seen != len(lists) {
		t.Errorf("%d terms in shards, want %d", seen, len(lists))
	}
}

// TestQueries runs the script's engine in node over an index of
// testPages: the expected page first, by exact word, by the start of a
// word being typed, with a typo, through the plain-language list both
// ways and through a site's synonyms, and with filters.
func TestQueries(t *testing.T) {
	node := mustNode(t)
	// In one shard, and in shards of a few terms each, so that a typo in
	// a word's first letters looks in another shard.
	for _, limit := range []int{shardBytes, 60} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			defer func(old int) { shardLimit = old }(shardLimit)
			shardLimit = limit
			testQueries(t, node)
		})
	}
}

func testQueries(t *testing.T, node string) {
	list, _ := plain.BuiltinIn("en")
	syn := append(PlainSynonyms(list), []string{"water tablets", "diuretics"})
	files := buildTest(t, syn)
	if shardLimit < shardBytes && len(files) < 40 {
		t.Fatalf("only %d files: the shards are not split", len(files))
	}
	cases := []queryCase{
		{"blood pressure", "", "/articles/high-blood-pressure/"},
		{"diabetes ", "", "/articles/diabetes/"},
		{"diab", "", "/articles/diabetes/"},      // being typed
		{"diabtes ", "", "/articles/diabetes/"},  // one typo
		{"fiabetes ", "", "/articles/diabetes/"}, // in the first letter
		{"dabetes ", "", "/articles/diabetes/"},  // a letter dropped
		{"idabetes ", "", "/articles/diabetes/"}, // two letters swapped
		{"vacciens ", "", "/articles/vaccines/"}, // after the first letters
		{"pharmacits ", "", "/articles/diuretics/"},
		{"fiabetis ", "", ""},                                   // two typos
		{"hypertension ", "", "/articles/high-blood-pressure/"}, // the plain-language list, medical word to everyday words
		{"diuretics ", "", "/articles/diuretics/"},              // a site's synonym
		{"flu vaccination", "", "/news/flu-clinic/"},
		{"vaccines ", "s0", "/articles/vaccines/"}, // only Health articles
		{"vaccines ", "s1", "/news/flu-clinic/"},   // only News
		{"children ", "a0", "/articles/vaccines/"}, // only for parents
		{"pharmacy ", "a0", ""},
		{"pharmacy ", "a1", "/articles/high-blood-pressure/"}, // only for patients
		{"xylophone ", "", ""},
		{"the ", "", ""}, // a common word alone finds nothing
	}
	for _, r := range runQueries(t, node, files, cases) {
		if !r.ok() {
			t.Errorf("%q (filters %q): want %q first, got %q", r.c.query, r.c.filters, r.c.first, r.URLs)
		}
	}
}

// TestQueriesCommonWord: a word on more pages than its list holds keeps
// only the pages it weighs most on, and a page it is missing from still
// has every word of a query with it and a rarer word.
func TestQueriesCommonWord(t *testing.T) {
	node := mustNode(t)
	defer func(old int) { postingsLimit = old }(postingsLimit)
	postingsLimit = 3
	a := NewAnalyzer("en")
	var entries []*Entry
	for i := range 6 {
		p := Page{URL: fmt.Sprintf("/p%d/", i), Title: fmt.Sprintf("Clinic page %d", i), Body: []string{"The clinic opens at nine."}}
		if i == 4 {
			// A long page, on which the common word weighs least.
			p.Body = append(p.Body, strings.Repeat("Bring your zebra card and your letter. ", 40))
		}
		entries = append(entries, a.Analyze(p))
	}
	files, err := Build(a, entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	var shard map[string][]int
	if err := json.Unmarshal(files["t/c.json"], &shard); err != nil {
		t.Fatal(err)
	}
	if got := len(shard["clinic"]) / 2; got != postingsLimit {
		t.Fatalf("clinic's list holds %d pages, want %d", got, postingsLimit)
	}
	r := runQueries(t, node, files, []queryCase{{"clinic zebra", "", "/p4/"}, {"zebra clinic ", "", "/p4/"}})
	for _, r := range r {
		if !r.ok() || !r.All {
			t.Errorf("%q: want %s first with every word, got %q (every word: %v)", r.c.query, r.c.first, r.URLs, r.All)
		}
	}
}

type queryCase struct {
	query, filters string
	first          string // "" for no results
}

// A queryResult is what the script's engine found for a queryCase.
type queryResult struct {
	c       queryCase
	URLs    []string
	All     bool // the results have every word of the query
	Fetched []string
}

func (r queryResult) ok() bool {
	if r.c.first == "" {
		return len(r.URLs) == 0
	}
	return len(r.URLs) > 0 && r.URLs[0] == r.c.first
}

// runQueries runs queries with the script's engine in node over the
// index files.
func runQueries(t *testing.T, node string, files Files, cases []queryCase) []queryResult {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var in strings.Builder
	for _, c := range cases {
		in.WriteString(c.query + "\t" + c.filters + "\n")
	}
	cmd := exec.Command(node, "testdata/query.js", script, dir)
	cmd.Stdin = strings.NewReader(in.String())
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	var results []queryResult
	sc := bufio.NewScanner(&out)
	for i := 0; sc.Scan(); i++ {
		r := queryResult{c: cases[i]}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		results = append(results, r)
	}
	if len(results) != len(cases) {
		t.Fatalf("%d results for %d queries", len(results), len(cases))
	}
	return results
}

// FuzzWords feeds page text, which writers write, to the analyser and the
// index: every word is folded (no capitals, no combining marks), the same
// text gives the same words, and an index of it builds as valid JSON.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"Flu vaccines, don’t wait!", "Vacunación 1.5 mg", "ΟΔΟΣ e\u0301te", "a'b'c 1,2,3.", "\xff\xfe", ""} {
		f.Add(s)
	}
	a := NewAnalyzer("en")
	f.Fuzz(func(t *testing.T, text string) {
		ws := Words(text)
		if !slices.Equal(ws, Words(text)) {
			t.Fatal("two readings differ")
		}
		for _, w := range ws {
			if w == "" || Fold(w) != w {
				t.Fatalf("%q: word %q is not folded", text, w)
			}
		}
		files, err := Build(a, []*Entry{a.Analyze(Page{URL: "/p/", Title: text, Body: []string{text}})}, Synonyms{{text, "fever"}})
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if !json.Valid(data) {
				t.Fatalf("%s is not JSON", name)
			}
		}
	})
}

// TestBestPages: the heap keeps what sorting every page by score, then
// by page, and taking the first would, on scores with many ties.
func TestBestPages(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 5, 10, 11, 100, 1000} {
		for _, limit := range []int{1, 3, 10} {
			var all []posting
			b := &bestPages{limit: limit}
			for i := range n {
				p := posting{int32(i), float64(rng.IntN(7))}
				all = append(all, p)
				b.offer(p)
			}
			slices.SortFunc(all, func(x, y posting) int { return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(x.doc, y.doc)) })
			want := all[:min(limit, len(all))]
			slices.SortFunc(want, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
			got := slices.Clone(b.pages)
			slices.SortFunc(got, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
			if !slices.Equal(got, want) {
				t.Errorf("%d pages, limit %d: kept %v, want %v", n, limit, got, want)
			}
		}
	}
}

// TestBundles: the cards of a page's bundle hold it at its place, and the
// script finds each page's card in them, on an index of three bundles,
// the last one short.
func TestBundles(t *testing.T) {
	a := NewAnalyzer("en")
	var entries []*Entry
	n := 2*bundlePages + 5
	for i := range n {
		entries = append(entries, a.Analyze(Page{URL: fmt.Sprintf("/p%d/", i), Title: fmt.Sprintf("Topic %d", i), Body: []string{"Ask the clinic."}}))
	}
	files, err := Build(a, entries, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		var cards []card
		if err := json.Unmarshal(files[BundleFile(i)], &cards); err != nil {
			t.Fatalf("%s: %v", BundleFile(i), err)
		}
		if k := i % bundlePages; k >= len(cards) || cards[k].URL != fmt.Sprintf("/p%d/", i) || cards[k].Title != fmt.Sprintf("Topic %d", i) {
			t.Fatalf("page %d: not card %d of %s, %+v", i, k, BundleFile(i), cards)
		}
	}
	if past := BundleFile(3 * bundlePages); files[past] != nil {
		t.Errorf("%s, a bundle past the last page", past)
	}
	var cases []queryCase
	for _, i := range []int{0, 31, 32, 63, 64, n - 1} {
		cases = append(cases, queryCase{fmt.Sprintf("topic %d ", i), "", fmt.Sprintf("/p%d/", i)})
	}
	for _, r := range runQueries(t, mustNode(t), files, cases) {
		if !r.ok() {
			t.Errorf("%q: want %s first, got %q", r.c.query, r.c.first, r.URLs)
		}
	}
}

// TestSpend: spending the entries gives the same files as building from
// them, and leaves them without their terms.
func TestSpend(t *testing.T) {
	list, _ := plain.BuiltinIn("en")
	syn := PlainSynonyms(list)
	a := NewAnalyzer("en")
	var entries []*Entry
	for _, p := range testPages {
		entries = append(entries, a.Analyze(p))
	}
	want, err := Build(a, entries, syn)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Spend(a, entries, syn)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("spending the entries gives other files than building from them")
	}
	for i, e := range entries {
		if e.terms != "" || e.ends != nil || e.counts != nil {
			t.Errorf("entry %d kept its terms: %d bytes, %d counts", i, len(e.terms), len(e.counts))
		}
	}
}
