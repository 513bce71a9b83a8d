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
