package claims

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
)

var (
	splitBatch = flag.String("split", "", "split the labelled sentences of this file 70/30, by label and kind, and append them to testdata/dev.tsv and testdata/test.tsv")
	splitNote  = flag.String("split-note", "", "with -split, the comment line written before the batch in both files")
)

// TestSplitBatch splits a new batch of labelled sentences between the
// development set and the held-out set before anyone tunes on them: in
// each label and kind, 70% at random to dev.tsv and 30% to test.tsv,
// each part appended after a comment line saying what the batch is.
// The draw depends only on which sentences the batch holds, not on their
// order (each label and kind is sorted before a shuffle with a fixed
// seed), so that the split can be made again from the two parts:
//
//	go test ./internal/claims -run SplitBatch -split batch.tsv -split-note 'A batch of ...'
//
// It appends to test.tsv without reading it.
func TestSplitBatch(t *testing.T) {
	if *splitBatch == "" {
		t.Skip("run with -split FILE")
	}
	if *splitNote == "" || strings.Contains(*splitNote, "\n") {
		t.Fatal("-split needs a one-line -split-note to write before the batch")
	}
	batch := readBatch(t, *splitBatch)
	known := map[string]bool{}
	for _, s := range readSet(t, "dev.tsv") {
		known[strings.ToLower(s.text)] = true
	}
	groups := map[string][]string{}
	for _, s := range batch {
		if known[strings.ToLower(s.text)] {
			t.Fatalf("%s:%d: the sentence is in dev.tsv already", *splitBatch, s.line)
		}
		known[strings.ToLower(s.text)] = true
		k := s.label + "\t" + s.kind
		groups[k] = append(groups[k], s.text)
	}
	toDev := map[string]bool{}
	r := rand.New(rand.NewPCG(20, 1970))
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		sort.Strings(g)
		r.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		for _, s := range g[:(len(g)*7+5)/10] {
			toDev[k+"\t"+s] = true
		}
	}
	var dev, test strings.Builder
	for _, b := range []*strings.Builder{&dev, &test} {
		fmt.Fprintf(b, "# %s\n", *splitNote)
	}
	var nDev, nTest int
	for _, s := range batch {
		line := strings.Join([]string{s.label, s.kind, s.source, s.text}, "\t") + "\n"
		if toDev[s.label+"\t"+s.kind+"\t"+s.text] {
			dev.WriteString(line)
			nDev++
		} else {
			test.WriteString(line)
			nTest++
		}
	}
	for _, f := range []struct{ name, text string }{{"dev.tsv", dev.String()}, {"test.tsv", test.String()}} {
		appendFile(t, "testdata/"+f.name, f.text)
	}
	t.Logf("%d sentences to dev.tsv, %d to test.tsv", nDev, nTest)
}

// readBatch reads a batch of labelled sentences written as the sets are,
// promises and honest sentences only.
func readBatch(t *testing.T, name string) []sample {
	t.Helper()
	return readSamples(t, name, func(p []string) bool {
		return (p[0] == "promise" || p[0] == "honest") && strings.HasPrefix(p[2], "written:")
	}, "promise or honest<TAB>kind<TAB>written:GENRE<TAB>sentence")
}

// appendFile adds text to the end of a file, on a line of its own,
// looking at nothing of the file but its last byte.
func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if n := fi.Size(); n > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, n-1); err != nil {
			t.Fatal(err)
		}
		if last[0] != '\n' {
			text = "\n" + text
		}
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
