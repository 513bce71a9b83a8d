package plain

import (
	"testing"
)

func TestBuiltin(t *testing.T) {
	l, err := New(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 150 {
		t.Errorf("the list has %d entries; it must have at least 150", l.Len())
	}
}

func TestFind(t *testing.T) {
	l, err := New(append(Builtin(), Entry{"gingivitis", "gum disease"}, Entry{"acute", "sudden"}))
	if err != nil {
		t.Fatal(err)
	}
	text := "Hypertension and an acute myocardial infarction, prior to gingivitis."
	var got []string
	for _, m := range l.Find(text) {
		got = append(got, text[m.Start:m.End]+"="+m.Instead)
	}
	want := []string{"Hypertension=high blood pressure", "acute=sudden", "myocardial infarction=heart attack", "prior to=before", "gingivitis=gum disease"}
	if len(got) != len(want) {
		t.Fatalf("Find = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %q, want %q", i, got[i], want[i])
		}
	}
	if _, err := Parse("no separator"); err == nil {
		t.Error("Parse accepted a line without \" = \"")
	}
}

// TestBuiltinES: the Spanish list holds at least 60 entries, each a real
// medical or office word with its everyday Spanish, and other languages
// have none built in.
func TestBuiltinES(t *testing.T) {
	entries, ok := BuiltinIn("es-MX")
	if !ok {
		t.Fatal("no Spanish list")
	}
	l, err := NewIn("es", entries)
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 60 {
		t.Errorf("the Spanish list has %d entries; it must have at least 60", l.Len())
	}
	if _, ok := BuiltinIn("fr"); ok {
		t.Error("a French list is built in")
	}
	if en, ok := BuiltinIn("en-GB"); !ok || len(en) != len(Builtin()) {
		t.Error("en-GB does not get the English list")
	}
}

// TestFindES: Spanish words match with or without their accents, written
// on the letter or as combining marks, in any case; the spans are those
// of the text as written; ñ is its own letter; the English list is
// unchanged.
func TestFindES(t *testing.T) {
	entries, _ := BuiltinIn("es")
	l, err := NewIn("es", append(entries, Entry{"año", "un año"}))
	if err != nil {
		t.Fatal(err)
	}
	text := "La Hipertensión y la hipertension arterial dan cefalea, disnea y pirexia; tome un analge\u0301sico. El ano no."
	var got []string
	for _, m := range l.Find(text) {
		got = append(got, text[m.Start:m.End]+"="+m.Instead)
	}
	want := []string{
		"Hipertensión=presión arterial alta", "hipertension arterial=presión arterial alta",
		"cefalea=dolor de cabeza", "disnea=falta de aire", "pirexia=fiebre", "analge\u0301sico=medicina para el dolor",
	}
	if len(got) != len(want) {
		t.Fatalf("Find = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %q, want %q", i, got[i], want[i])
		}
	}
	en, _ := New(Builtin())
	if ms := en.Find("hypertensión"); len(ms) != 0 {
		t.Errorf("the English list matched a word with an accent it does not have: %v", ms)
	}
}
