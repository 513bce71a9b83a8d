package search

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pamphlet-health/pamphlet/internal/plain"
)

// Page is what the index holds of one published page: its card, shown in
// the results, what filters it, and its reader-visible text by where it
// stands, whose words the index holds (the excerpts of the results are
// read from the page itself).
type Page struct {
	URL, Title, Summary string
	Reviewed            string   // "Page last reviewed: 3 March 2026" in the page's words; "" for a page with no sign-off
	Section             string   // the key of its top-level section, such as articles; "" for none
	SectionTitle        string   // that section's title
	Audiences           []string // such as patients
	AudienceNames       []string // the same in the page's words
	Topics              []string // its tags

	About, Description string
	Headings           []string
	Questions          []string
	Body               []string // the text blocks of the body and the answers, in reading order
}

// How much a word weighs by where it stands: a word of the title counts
// as five of the body.
const (
	weightTitle       = 5
	weightAbout       = 3
	weightDescription = 2
	weightHeading     = 2
	weightQuestion    = 2
	weightBody        = 1
)

// BM25's settings: how soon more of a word stops counting, and how much a
// long page's length holds its words back.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Limits that keep the index and what a query reads of it small.
const (
	maxPostings = 1000  // a word on more pages lists the pages it weighs most on
	bundlePages = 32    // the cards of this many pages, by number, share a file
	shardBytes  = 12000 // a shard that would be larger is split by the next letter
	maxKey      = 4     // letters of the longest shard key
	nearLetters = 5     // a typo in a word's first letters may move it to another shard (see nearby)
	nearKey     = 2     // letters of the key of a file of near terms
)

// shardLimit is shardBytes, which tests lower to split a small index;
// postingsLimit is maxPostings, which they lower to cut a term's list.
var shardLimit, postingsLimit = shardBytes, maxPostings

// Entry is one page made ready for the index: its card, and the weighed
// count of each of its terms. The terms are kept in one
// string and the counts in a slice without pointers, so that the entries
// of a large site, held until the index is built, cost the collector
// little.
type Entry struct {
	page   Page
	terms  string    // the page's terms, one after another, in the order first met
	ends   []uint32  // where each term ends in terms
	counts []float32 // the weighed count of each term (a sum of small whole numbers, exact)
	length float64   // the weighed number of terms
}

// fileSum is what the index's version reads of a file: its name, its
// length and its checksums (see version).
type fileSum struct {
	name       string
	size       int64 // of the name, its length and the data, as version hashes them
	crcC, crcI uint32
}

// BundleFile is the name of the file of the cards of page i of an index,
// in the order Build numbers them, and of the pages beside it: the
// cards of pages 0 to 31 are in d/0.json, of 32 to 63 in d/1.json.
func BundleFile(i int) string { return "d/" + strconv.Itoa(i/bundlePages) + ".json" }

// eachTerm calls f with each of the entry's terms and its weighed count.
func (e *Entry) eachTerm(f func(term string, count float64)) {
	start := uint32(0)
	for k, end := range e.ends {
		f(e.terms[start:end], float64(e.counts[k]))
		start = end
	}
}

// Analyze makes a page ready for the index. Entries of a language are
// made one by one, on their own (several at once), and indexed together.
func (a *Analyzer) Analyze(p Page) *Entry {
	e := &Entry{}
	// A page says most of its words many times: each is folded and
	// stemmed once, and then only looked up to find its term's count.
	// The maps are kept for the next page, which then need not grow
	// them again.
	m, _ := a.memos.Get().(*memo)
	if m == nil {
		m = &memo{words: map[string]int32{}, terms: map[string]int32{}}
	}
	defer func() {
		clear(m.words)
		clear(m.terms)
		a.memos.Put(m)
	}()
	memo, number := m.words, m.terms
	var terms strings.Builder
	add := func(text string, weight float64) {
		forEachWord(text, func(start, end int) {
			w := text[start:end]
			k, ok := memo[w]
			if !ok {
				k = -1
				if f := Fold(w); f != "" { // marks alone fold to nothing
					if t := a.Term(f); t != "" {
						if k, ok = number[t]; !ok {
							k = int32(len(e.counts))
							terms.WriteString(t)
							e.ends = append(e.ends, uint32(terms.Len()))
							e.counts = append(e.counts, 0)
							number[t] = k
						}
					}
				}
				memo[w] = k // the page's text, let go with the memo
			}
			if k >= 0 {
				e.counts[k] += float32(weight)
				e.length += weight
			}
		})
	}
	add(p.Title, weightTitle)
	add(p.About, weightAbout)
	add(p.Description, weightDescription)
	for _, h := range p.Headings {
		add(h, weightHeading)
	}
	for _, q := range p.Questions {
		add(q, weightQuestion)
	}
	for _, b := range p.Body {
		add(b, weightBody)
	}
	e.terms = terms.String()
	e.ends, e.counts = slices.Clip(e.ends), slices.Clip(e.counts)
	p.Headings, p.Questions, p.Body, p.About, p.Description = nil, nil, nil, "", ""
	e.page = p
	return e
}

// A memo is what Analyze remembers of the words of one page: the number
// of the term of each word as written (-1 for none), and the number of
// each term.
type memo struct {
	words, terms map[string]int32
}

// Synonyms are groups of words and phrases that a query for one finds
// pages with another of: "water tablets" and "diuretics".
type Synonyms [][]string

// PlainSynonyms makes synonyms of a plain-language list: each term with
// the everyday words to say instead ("hypertension" and "high blood
// pressure"), for the alternatives of three words or fewer. Terms that
// are prefixes ("cardio*") are left out.
func PlainSynonyms(entries []plain.Entry) Synonyms {
	var out Synonyms
	for _, e := range entries {
		var group []string
		for _, t := range strings.Split(e.Term, "|") {
			if t = strings.TrimSpace(t); t != "" && !strings.Contains(t, "*") {
				group = append(group, t)
			}
		}
		if len(group) == 0 {
			continue
		}
		instead := strings.ReplaceAll(e.Instead, " or ", ", ")
		for _, alt := range strings.Split(instead, ",") {
			if alt = strings.TrimSpace(alt); alt != "" && len(Words(alt)) <= 3 {
				group = append(group, alt)
			}
		}
		if len(group) > 1 {
			out = append(out, group)
		}
	}
	return out
}

// Files is an index: its files by path relative to its folder.
type Files map[string][]byte

// The files of an index, relative to its folder.
const (
	MetaFile = "meta.json" // what every query reads first: the shards, the filters, the synonyms
)

// meta is the index's first file.
type meta struct {
	Version   string       `json:"v"`    // a hash of the index, to add to the addresses of its other files
	Lang      string       `json:"lang"` // the analyser's language: en, es, or another whose words are not stemmed
	Pages     int          `json:"pages"`
	Bundle    int          `json:"bundle"` // the pages whose cards share a file (see BundleFile)
	Cap       int          `json:"cap"`    // the most pages a term's list holds (see maxPostings)
	Shards    []string     `json:"shards"` // the shard keys, sorted
	Near      string       `json:"near"`   // the keys of the files of near terms (see nearby), sorted, between spaces
	Stop      []string     `json:"stop"`
	Synonyms  [][][]string `json:"syn"` // groups of phrases, each phrase its terms
	Sections  [][2]string  `json:"sections"`
	Audiences [][2]string  `json:"audiences"`
	Topics    []string     `json:"topics"`
}

// card is what a result shows of its page, in the file of its bundle:
// its address, title, summary, review date and section.
type card struct {
	URL      string `json:"u"`
	Title    string `json:"t"`
	Summary  string `json:"s,omitempty"`
	Reviewed string `json:"r,omitempty"`
	Section  string `json:"x,omitempty"`
}

// Build makes the index of one language's entries. Pages are numbered in
// the order given, which the caller keeps stable (by address), so that
// the same site gives the same bytes.
//
// The files: meta.json; t/KEY.json, a shard, for each key, holding every
// term that starts with the key and with no longer key, each term with
// its pages (by number, each after the one before it: the difference)
// and, for each page, its score out of 255: BM25 over the weighed counts,
// so that a query only adds scores up; d/N.json, the cards of pages 32N
// to 32N+31 (see BundleFile); and f/s|a|tN.json, the pages of each
// section, audience and topic, for filters.
//
// The entries are left as they are, to be indexed again (the preview
// does, after an edit).
func Build(a *Analyzer, entries []*Entry, synonyms Synonyms) (Files, error) {
	return build(a, entries, synonyms, false)
}

// Spend makes the index as Build does, letting go of each entry's terms
// and counts as soon as it has read them, so that a large site's terms
// are not held whole beside its lists: the entries keep only their
// cards, and cannot be indexed again.
func Spend(a *Analyzer, entries []*Entry, synonyms Synonyms) (Files, error) {
	return build(a, entries, synonyms, true)
}

func build(a *Analyzer, entries []*Entry, synonyms Synonyms, spend bool) (Files, error) {
	files := Files{}
	n := len(entries)
	// Each term gets a number, and each entry the numbers of its terms,
	// so that the rest counts in slices rather than maps.
	number := map[string]int32{}
	var termOf []string
	var df []int32
	ids := make([][]int32, n)
	total := 0.0
	for i, e := range entries {
		ids[i] = make([]int32, 0, len(e.ends))
		e.eachTerm(func(t string, _ float64) {
			k, ok := number[t]
			if !ok {
				t = strings.Clone(t) // not the entry's terms, let go when spending
				k = int32(len(termOf))
				number[t] = k
				termOf = append(termOf, t)
				df = append(df, 0)
			}
			df[k]++
			ids[i] = append(ids[i], k)
		})
		if spend {
			e.terms, e.ends = "", nil
		}
		total += e.length
	}
	avg := 1.0
	if n > 0 && total > 0 {
		avg = total / float64(n)
	}
	idf := make([]float64, len(termOf))
	for k, d := range df {
		idf[k] = math.Log(1 + (float64(n)-float64(d)+0.5)/(float64(d)+0.5))
	}
	// score is BM25 of term k, counted tf times in a page of norm; the
	// passes below work it out again rather than hold it for every page
	// and term.
	score := func(k int32, tf, norm float64) float64 { return idf[k] * tf * (bm25K1 + 1) / (tf + norm) }
	norms := make([]float64, n)
	top := 0.0
	for i, e := range entries {
		norms[i] = bm25K1 * (1 - bm25B + bm25B*e.length/avg)
		for j, k := range ids[i] {
			top = max(top, score(k, float64(e.counts[j]), norms[i]))
		}
	}
	quantise := func(s float64) int32 { return max(1, int32(math.Round(255*s/top))) }
	// The pages of each term, in the order of the pages, with their
	// scores out of 255: of a term with more than postingsLimit pages,
	// only its best (by score, then the earlier page), kept in a heap as
	// the pages come.
	at := make([]int32, len(termOf)+1)
	for k, d := range df {
		if d > int32(postingsLimit) {
			d = 0
		}
		at[k+1] = at[k] + d
	}
	docs, scores := make([]int32, at[len(termOf)]), make([]uint8, at[len(termOf)])
	fill := slices.Clone(at[:len(termOf)])
	best := map[int32]*bestPages{}
	for i, e := range entries {
		for j, k := range ids[i] {
			s := score(k, float64(e.counts[j]), norms[i])
			if df[k] > int32(postingsLimit) {
				b := best[k]
				if b == nil {
					b = &bestPages{limit: postingsLimit}
					best[k] = b
				}
				b.offer(posting{int32(i), s})
				continue
			}
			docs[fill[k]], scores[fill[k]] = int32(i), uint8(quantise(s))
			fill[k]++
		}
		if spend {
			e.counts, ids[i] = nil, nil
		}
	}
	ids = nil
	// Each term's list: its pages, by number, each after the one before it
	// (the difference), with its score.
	lists := make(map[string][]int32, len(termOf))
	for k, t := range termOf {
		var list []int32
		last := int32(0)
		if b := best[int32(k)]; b != nil {
			ps := b.pages
			slices.SortFunc(ps, func(x, y posting) int { return cmp.Compare(x.doc, y.doc) })
			list = make([]int32, 0, 2*len(ps)) // 32 bits: a large site holds every term's at once
			for _, p := range ps {
				list = append(list, p.doc-last, quantise(p.score))
				last = p.doc
			}
		} else {
			list = make([]int32, 0, 2*(at[k+1]-at[k]))
			for x := at[k]; x < at[k+1]; x++ {
				list = append(list, docs[x]-last, int32(scores[x]))
				last = docs[x]
			}
		}
		lists[t] = list
	}
	shards := shard(lists, shardLimit)
	for key, terms := range shards {
		files["t/"+ShardFile(key)+".json"] = appendMap(nil, terms, appendInts[int32])
	}

	near := nearby(lists)
	for key, variants := range near {
		files["n/"+ShardFile(key)+".json"] = appendMap(nil, variants, appendJSONString)
	}

	m := meta{Lang: a.Lang, Pages: n, Bundle: bundlePages, Cap: postingsLimit, Shards: slices.Sorted(maps.Keys(shards)), Near: strings.Join(slices.Sorted(maps.Keys(near)), " "), Stop: a.Stopwords(), Topics: []string{}, Sections: [][2]string{}, Audiences: [][2]string{}}
	for _, g := range synonyms {
		var group [][]string
		for _, phrase := range g {
			var terms []string
			for _, w := range Words(phrase) {
				if t := a.Term(w); t != "" {
					terms = append(terms, t)
				}
			}
			if len(terms) > 0 && !slices.ContainsFunc(group, func(o []string) bool { return slices.Equal(o, terms) }) {
				group = append(group, terms)
			}
		}
		if len(group) > 1 {
			m.Synonyms = append(m.Synonyms, group)
		}
	}
	filters := map[string][]int{}
	sections, audiences, topics := map[string]string{}, map[string]string{}, map[string]bool{}
	for _, e := range entries {
		if e.page.Section != "" {
			sections[e.page.Section] = e.page.SectionTitle
		}
		for k, au := range e.page.Audiences {
			audiences[au] = au
			if k < len(e.page.AudienceNames) {
				audiences[au] = e.page.AudienceNames[k]
			}
		}
		for _, t := range e.page.Topics {
			topics[t] = true
		}
	}
	index := func(keys []string) map[string]int {
		out := map[string]int{}
		for i, k := range keys {
			out[k] = i
		}
		return out
	}
	secKeys, auKeys, topicKeys := slices.Sorted(maps.Keys(sections)), slices.Sorted(maps.Keys(audiences)), slices.SortedFunc(maps.Keys(topics), compareFolded)
	for _, k := range secKeys {
		m.Sections = append(m.Sections, [2]string{k, sections[k]})
	}
	for _, k := range auKeys {
		m.Audiences = append(m.Audiences, [2]string{k, audiences[k]})
	}
	m.Topics = append(m.Topics, topicKeys...)
	secAt, auAt, topicAt := index(secKeys), index(auKeys), index(topicKeys)
	for i, e := range entries {
		if e.page.Section != "" {
			k := fmt.Sprintf("s%d", secAt[e.page.Section])
			filters[k] = append(filters[k], i)
		}
		for _, au := range e.page.Audiences {
			k := fmt.Sprintf("a%d", auAt[au])
			filters[k] = append(filters[k], i)
		}
		for _, t := range e.page.Topics {
			k := fmt.Sprintf("t%d", topicAt[t])
			if len(filters[k]) == 0 || filters[k][len(filters[k])-1] != i {
				filters[k] = append(filters[k], i)
			}
		}
	}
	for from := 0; from < n; from += bundlePages {
		files[BundleFile(from)] = appendCards(nil, entries[from:min(n, from+bundlePages)])
	}
	for k, pages := range filters {
		list := make([]int, len(pages))
		last := 0
		for i, p := range pages {
			list[i], last = p-last, p
		}
		files["f/"+k+".json"] = appendInts(nil, list)
	}
	m.Version = version(files)
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[MetaFile] = data
	return files, nil
}

// version returns the index's version: a hash of every file, with its
// name and length, in the order of the names, as twelve hexadecimal
// digits. It only has
// to change when a file does, so that a browser's cache never mixes two
// builds' files; it is no defence against anyone who makes files to
// collide, and needs none. Two CRC-32s, which processors compute in
// hardware, give its 48 bits (and 16 more) at a small part of SHA-256's
// cost; each file's are worked out on its own and then combined, on
// several files at once if need be.
func version(files Files) string {
	sums := make([]*fileSum, 0, len(files))
	for name, data := range files {
		sums = append(sums, sumFile(name, data))
	}
	slices.SortFunc(sums, func(a, b *fileSum) int { return cmp.Compare(a.name, b.name) })
	var c, e uint32
	for _, f := range sums {
		c = crc32Combine(c, f.crcC, f.size, crc32.Castagnoli)
		e = crc32Combine(e, f.crcI, f.size, crc32.IEEE)
	}
	var sum [8]byte
	binary.BigEndian.PutUint32(sum[:4], c)
	binary.BigEndian.PutUint32(sum[4:], e)
	return hex.EncodeToString(sum[:])[:12]
}

var castagnoliTable = crc32.MakeTable(crc32.Castagnoli)

// sumFile returns what version reads of a file: the checksums of its
// name, a zero byte, its length in decimal, a zero byte and its data.
func sumFile(name string, data []byte) *fileSum {
	head := append(strconv.AppendInt(append([]byte(name), 0), int64(len(data)), 10), 0)
	c := crc32.Update(crc32.Update(0, castagnoliTable, head), castagnoliTable, data)
	e := crc32.Update(crc32.ChecksumIEEE(head), crc32.IEEETable, data)
	return &fileSum{name: name, size: int64(len(head) + len(data)), crcC: c, crcI: e}
}

// crc32Combine returns the CRC-32, with the reversed polynomial poly, of
// two strings one after the other, from the CRC-32s of each and the
// length of the second, as zlib's crc32_combine does: the first's is
// multiplied, modulo the polynomial, by x to the power of the second's
// length in bits, from the powers x^(2^k) worked out once.
func crc32Combine(crc1, crc2 uint32, len2 int64, poly uint32) uint32 {
	if len2 <= 0 {
		return crc1
	}
	powers := crcPowers[poly]
	if powers == nil {
		powers = powersOf(poly)
	}
	p := uint32(1) << 31 // x^0, in the reflected order
	for k := 3; len2 != 0; len2, k = len2>>1, k+1 {
		if len2&1 != 0 {
			p = multModP(powers[k&31], p, poly)
		}
	}
	return multModP(p, crc1, poly) ^ crc2
}

// multModP multiplies a and b modulo the polynomial, bits reflected.
func multModP(a, b, poly uint32) uint32 {
	var p uint32
	for m := uint32(1) << 31; m != 0; m >>= 1 {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				break
			}
		}
		if b&1 != 0 {
			b = b>>1 ^ poly
		} else {
			b >>= 1
		}
	}
	return p
}

// crcPowers are x^(2^k) modulo each polynomial the version uses, for k
// from 0 to 31.
var crcPowers = map[uint32]*[32]uint32{crc32.Castagnoli: powersOf(crc32.Castagnoli), crc32.IEEE: powersOf(crc32.IEEE)}

// powersOf returns x^(2^k) modulo the polynomial for k from 0 to 31.
func powersOf(poly uint32) *[32]uint32 {
	t := new([32]uint32)
	t[0] = 1 << 30 // x^1
	for k := 1; k < 32; k++ {
		t[k] = multModP(t[k-1], t[k-1], poly)
	}
	return t
}

// compareFolded orders words as readers look them up: without regard to
// case or accents.
func compareFolded(a, b string) int { return cmp.Or(cmp.Compare(Fold(a), Fold(b)), cmp.Compare(a, b)) }

// marshal writes JSON without escaping <, > and & (the files are read
// by the script, never placed in HTML).
func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// shard splits the terms into shards by their first letters: one shard
// for every key, holding the terms that start with it and with no longer
// key. A shard whose JSON would pass shardBytes is split by the next
// letter, down to keys of maxKey letters.
func shard(lists map[string][]int32, limit int) map[string]map[string][]int32 {
	size := func(t string) int { return len(t) + 5 + 4*len(lists[t]) } // about its JSON
	out := map[string]map[string][]int32{}
	put := func(key string, terms []string) {
		if len(terms) == 0 {
			return
		}
		out[key] = map[string][]int32{}
		for _, t := range terms {
			out[key][t] = lists[t]
		}
	}
	var split func(key string, letters int, terms []string)
	split = func(key string, letters int, terms []string) {
		total := 0
		for _, t := range terms {
			total += size(t)
		}
		if total <= limit || letters >= maxKey {
			put(key, terms)
			return
		}
		var here []string
		by := map[string][]string{}
		for _, t := range terms {
			next, ok := prefix(t, letters+1)
			if !ok {
				here = append(here, t)
				continue
			}
			by[next] = append(by[next], t)
		}
		put(key, here)
		for next, terms := range by {
			split(next, letters+1, terms)
		}
	}
	byFirst := map[string][]string{}
	for t := range lists {
		k, _ := prefix(t, 1)
		byFirst[k] = append(byFirst[k], t)
	}
	for k, terms := range byFirst {
		split(k, 1, terms)
	}
	return out
}

// nearby finds the terms of a query word with a typo in its first
// letters, which put it in another shard than the word it means
// ("fiabetes", "pnemonia"). Each term of four letters or more is filed
// under itself and under each form of it with one of its first
// nearLetters letters taken out; a query word is looked up by the same
// forms of itself, and one of them meets a form of every term one letter
// added, dropped, changed or two letters swapped from it within those
// letters. The forms are filed by their first nearKey letters, each
// file a map from form to its terms, sorted, between spaces, with "=" for
// the form itself. Terms with digits are numbers, whose typos are other
// numbers, and are left out.
func nearby(lists map[string][]int32) map[string]map[string]string {
	out := map[string]map[string][]string{}
	for t := range lists {
		r := []rune(t)
		if len(r) < 4 || strings.ContainsAny(t, "0123456789") {
			continue
		}
		for _, v := range forms(r) {
			k, _ := prefix(v, nearKey)
			if out[k] == nil {
				out[k] = map[string][]string{}
			}
			out[k][v] = append(out[k][v], t)
		}
	}
	files := map[string]map[string]string{}
	for k, variants := range out {
		files[k] = map[string]string{}
		for v, terms := range variants {
			slices.Sort(terms)
			if i := slices.Index(terms, v); i >= 0 {
				terms[i] = "=" // the form is a term itself
			}
			files[k][v] = strings.Join(terms, " ")
		}
	}
	return files
}

// forms returns a word and the words made by taking out one of its first
// nearLetters letters, without repeats: "sugar", "ugar", "sgar", "suar",
// "sugr", "suga".
func forms(r []rune) []string {
	out := []string{string(r)}
	for i := range min(nearLetters, len(r)) {
		v := string(r[:i]) + string(r[i+1:])
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// prefix returns the first n letters of a term, and false when it has
// fewer than n.
func prefix(t string, n int) (string, bool) {
	for i := range t {
		if n == 0 {
			return t[:i], true
		}
		n--
	}
	return t, n == 0
}

// ShardFile names the file of a shard key: the key itself when it is
// made of a to z and 0 to 9, else _ and the hexadecimal of its UTF-8.
func ShardFile(key string) string {
	for i := 0; i < len(key); i++ {
		if c := key[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return "_" + hex.EncodeToString([]byte(key))
		}
	}
	return key
}

// posting is a page of a term's, with the term's score on it.
type posting struct {
	doc   int32
	score float64
}

// bestPages keeps the limit best pages of a term offered them in the
// order of the pages: by score, and of two with one score the earlier
// page, as a sort of them all by score and then page would; a heap whose
// top is the worst kept.
type bestPages struct {
	limit int
	pages []posting
}

// worse reports whether page a is worse than b: a lower score, or the
// same score on a later page.
func worse(a, b posting) bool { return a.score < b.score || a.score == b.score && a.doc > b.doc }

func (b *bestPages) offer(p posting) {
	if len(b.pages) < b.limit {
		b.pages = append(b.pages, p)
		for i := len(b.pages) - 1; i > 0; { // up
			parent := (i - 1) / 2
			if !worse(b.pages[i], b.pages[parent]) {
				break
			}
			b.pages[i], b.pages[parent] = b.pages[parent], b.pages[i]
			i = parent
		}
		return
	}
	if !worse(b.pages[0], p) {
		return // no better than the worst kept (a later page with its score is worse)
	}
	b.pages[0] = p
	for i := 0; ; { // down
		l, r, w := 2*i+1, 2*i+2, i
		if l < len(b.pages) && worse(b.pages[l], b.pages[w]) {
			w = l
		}
		if r < len(b.pages) && worse(b.pages[r], b.pages[w]) {
			w = r
		}
		if w == i {
			break
		}
		b.pages[i], b.pages[w] = b.pages[w], b.pages[i]
		i = w
	}
}
