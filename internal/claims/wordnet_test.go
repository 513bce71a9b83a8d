package claims

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pamphlet-health/pamphlet/internal/prose"
)

var (
	wordnetDir = flag.String("wordnet", "", "write wordclasses.txt from the WordNet 3.0 database in this folder (Debian's wordnet-base: /usr/share/wordnet)")
	corpusDir  = flag.String("corpus", "../../../shared/corpus", "with -wordnet, the folder of the corpus of real pages whose words get classes")
)

// TestWordClasses writes wordclasses.txt, with -wordnet, from WordNet
// 3.0: the class of each word stem of testdata/dev.tsv, the lists and the
// corpus of real pages that WordNet knows. It is reproducible:
//
//	go test ./internal/claims -run TestWordClasses -wordnet /usr/share/wordnet -corpus /path/to/corpus
func TestWordClasses(t *testing.T) {
	if *wordnetDir == "" {
		t.Skip("run with -wordnet")
	}
	wn, err := loadWordNet(*wordnetDir)
	if err != nil {
		t.Fatal(err)
	}
	// Count the words as written, by stem.
	count := map[string]map[string]int{}
	addText := func(text string) {
		for _, tok := range prose.Tokens(text) {
			if tok.Kind != prose.Word || len(tok.Norm) < 3 || strings.ContainsAny(tok.Norm, "'") {
				continue
			}
			s := prose.Stem(tok.Norm)
			if count[s] == nil {
				count[s] = map[string]int{}
			}
			count[s][tok.Norm]++
		}
	}
	for _, s := range readSet(t, "dev.tsv") {
		addText(s.text)
	}
	for _, list := range Builtin() {
		for _, p := range list {
			addText(p)
		}
	}
	pages := 0
	err = filepath.WalkDir(*corpusDir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") || filepath.Base(path) == "README.md" {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages++
		addText(string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(wordClassesHeader)
	n := 0
	for _, stem := range slices.Sorted(mapKeys(count)) {
		if stopWords[stem] {
			continue
		}
		// The form written most often that WordNet knows speaks for the stem.
		forms := slices.SortedFunc(mapKeys(count[stem]), func(x, y string) int {
			if c := count[stem][y] - count[stem][x]; c != 0 {
				return c
			}
			return strings.Compare(x, y)
		})
		for _, f := range forms {
			if c := wn.class(f); c != "" {
				fmt.Fprintf(&b, "%s %s\n", stem, c)
				n++
				break
			}
		}
	}
	if err := os.WriteFile("wordclasses.txt", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wordclasses.txt: %d stems, of dev.tsv, the lists and %d pages", n, pages)
}

const wordClassesHeader = `# The classes of words, by stem, that the promise model weighs beside the
# words (see wordclasses.go), written by
# go test ./internal/claims -run TestWordClasses -wordnet /usr/share/wordnet
# from WordNet 3.0 for the words of testdata/dev.tsv, the lists and the
# corpus of real pages. Do not edit by hand.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with the
# following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal use
# or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
# DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
# COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton
# University or Princeton may not be used in advertising or publicity
# pertaining to the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times
# remain with Princeton University and LICENSEE agrees to preserve same.
#
# stem, then its class: of the first sense of the word in the part of
# speech WordNet tags most often, the first word of its hypernym for a
# noun or a verb ("melt ^dissolve", "heal ^better"), of the head of its
# cluster for an adjective ("immediate ~fast"), or of the adjective an
# adverb comes from.
`

// stopWords get no class: they say nothing of what a sentence promises.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the and for are but not you all any can her was one our out get has him his how its
		may new now old see two who did let put say she too use will with have this that from they been were what when
		your which their would there could should about also into more some than them then these those just only very
		much such here where does doing done being each other over under both after before while because through`) {
		m[prose.Stem(w)] = true
	}
	return m
}()

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// wordNet is what TestWordClasses reads of WordNet: each part of speech's
// index and data, and its exceptions.
type wordNet struct {
	index map[byte]map[string][]string // by part of speech (n, v, a, r) and lemma: the fields of its index line
	data  map[byte][]byte
	exc   map[byte]map[string][]string
}

var wordNetFiles = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}

// loadWordNet reads the database in dir.
func loadWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{index: map[byte]map[string][]string{}, data: map[byte][]byte{}, exc: map[byte]map[string][]string{}}
	for pos, name := range wordNetFiles {
		wn.index[pos], wn.exc[pos] = map[string][]string{}, map[string][]string{}
		for _, file := range []string{"index.", ""} {
			f, err := os.Open(filepath.Join(dir, file+name+map[string]string{"index.": "", "": ".exc"}[file]))
			if err != nil {
				return nil, err
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				line := sc.Text()
				if strings.HasPrefix(line, " ") {
					continue
				}
				p := strings.Fields(line)
				if len(p) < 2 {
					continue
				}
				if file == "index." {
					wn.index[pos][p[0]] = p
				} else {
					wn.exc[pos][p[0]] = p[1:]
				}
			}
			f.Close()
		}
		d, err := os.ReadFile(filepath.Join(dir, "data."+name))
		if err != nil {
			return nil, err
		}
		wn.data[pos] = d
	}
	return wn, nil
}

// morphRules are WordNet's rules of detachment (see morphy(7WN)).
var morphRules = map[byte][][2]string{
	'n': {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	'v': {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	'a': {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	'r': {},
}

// lemma returns the base form of a word in a part of speech, as morphy
// finds it, or "".
func (wn *wordNet) lemma(w string, pos byte) string {
	if _, ok := wn.index[pos][w]; ok {
		return w
	}
	for _, l := range wn.exc[pos][w] {
		if _, ok := wn.index[pos][l]; ok {
			return l
		}
	}
	for _, r := range morphRules[pos] {
		if strings.HasSuffix(w, r[0]) {
			if l := strings.TrimSuffix(w, r[0]) + r[1]; l != "" {
				if _, ok := wn.index[pos][l]; ok {
					return l
				}
			}
		}
	}
	return ""
}

// synset returns the fields of a synset's data line.
func (wn *wordNet) synset(pos byte, offset string) []string {
	if pos == 's' {
		pos = 'a' // a satellite adjective
	}
	off, err := strconv.Atoi(offset)
	d := wn.data[pos]
	if err != nil || off >= len(d) {
		return nil
	}
	end := off
	for end < len(d) && d[end] != '\n' {
		end++
	}
	return strings.Fields(string(d[off:end]))
}

// class returns the class of a word as written (see wordClassesHeader),
// or "".
func (wn *wordNet) class(w string) string {
	type sense struct {
		pos    byte
		tagged int
		first  []string // the fields of its first synset
	}
	var senses []sense
	for _, pos := range []byte{'n', 'v', 'a', 'r'} {
		l := wn.lemma(w, pos)
		if l == "" {
			continue
		}
		p := wn.index[pos][l]
		// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
		pc, _ := strconv.Atoi(p[3])
		if len(p) < 4+pc+3 {
			continue
		}
		tagged, _ := strconv.Atoi(p[4+pc+1])
		syn := wn.synset(pos, p[4+pc+2])
		if len(syn) < 4 {
			continue
		}
		senses = append(senses, sense{pos, tagged, syn})
	}
	if len(senses) == 0 {
		return ""
	}
	slices.SortStableFunc(senses, func(x, y sense) int { return y.tagged - x.tagged })
	return wn.head(senses[0].pos, senses[0].first)
}

// head returns the hypernym of a noun's or a verb's synset ("^change"),
// the head of an adjective's cluster ("~fast"), or the adjective an
// adverb comes from ("~fast"), by its first word.
func (wn *wordNet) head(pos byte, syn []string) string {
	// offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...]
	wc, err := strconv.ParseInt(syn[3], 16, 32)
	if err != nil {
		return ""
	}
	i := 4 + 2*int(wc)
	if i >= len(syn) {
		return ""
	}
	first := func(s []string) string {
		if len(s) < 5 {
			return ""
		}
		w := strings.ReplaceAll(strings.ToLower(s[4]), "_", "-") // "_" joins two words of a bigram
		if j := strings.IndexByte(w, '('); j >= 0 {
			w = w[:j] // an adjective's marker: "(a)", "(p)"
		}
		return w
	}
	pc, _ := strconv.Atoi(syn[i])
	ptrs := syn[i+1:]
	for k := 0; k < pc && 4*k+3 < len(ptrs); k++ {
		sym, off, ppos := ptrs[4*k], ptrs[4*k+1], ptrs[4*k+2][0]
		switch {
		case (pos == 'n' || pos == 'v') && (sym == "@" || sym == "@i"):
			return "^" + first(wn.synset(ppos, off))
		case pos == 'a' && sym == "&" && syn[2] == "s":
			return "~" + first(wn.synset('a', off))
		case pos == 'r' && sym == `\`:
			return "~" + first(wn.synset(ppos, off))
		}
	}
	if pos == 'a' {
		return "~" + first(syn) // the head of its cluster
	}
	return ""
}
