package content

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slugWords are names in the languages health services publish in, and
// the slugs slugOf makes of them. They seed FuzzSlugOf too.
var slugWords = []struct{ in, want string }{
	// ASCII, as Slug has always made it.
	{"flu-vaccine", "flu-vaccine"},
	{"Flu Vaccine 2026", "flu-vaccine-2026"},
	{"  --What's new?--  ", "what-s-new"},
	{"COVID_19.and.you", "covid-19-and-you"},
	{"", ""},
	{"---", ""},

	// Spanish.
	{"Vacunación contra la gripe", "vacunacion-contra-la-gripe"},
	{"¿Qué es la diabetes?", "que-es-la-diabetes"},
	{"niños y niñas", "ninos-y-ninas"},
	{"Pingüino", "pinguino"},
	{"artículos", "articulos"},
	// Portuguese.
	{"Vacinação", "vacinacao"},
	{"saúde da criança", "saude-da-crianca"},
	{"coração e pulmões", "coracao-e-pulmoes"},
	// French.
	{"café-naïve", "cafe-naive"},
	{"L'hôpital", "l-hopital"},
	{"à propos de l’œil", "a-propos-de-l-oeil"},
	{"Œsophage", "oesophage"},
	{"Noël, garçon", "noel-garcon"},
	// German: umlauts lose their dots, as in every language; ß is ss.
	{"Straße", "strasse"},
	{"GROẞE", "grosse"},
	{"Ärztin für Übergewicht", "arztin-fur-ubergewicht"},
	{"Größe", "grosse"},
	// Polish, Czech, Romanian, Croatian, Dutch, Catalan.
	{"Zażółć gęślą jaźń", "zazolc-gesla-jazn"},
	{"Łódź", "lodz"},
	{"Očkování, příčina", "ockovani-pricina"},
	{"Sănătate și îngrijire", "sanatate-si-ingrijire"},
	{"Đakovo", "dakovo"},
	{"ĳs", "ijs"},
	{"col·legi", "collegi"},
	{"coŀlegi", "collegi"},
	{"a·b", "a-b"},
	// Nordic and Icelandic.
	{"Blåbær røde", "blabaer-rode"},
	{"Þórður Ægir", "thordur-aegir"},
	{"með", "med"},
	// Turkish: İ, I, ı and i all give i.
	{"İstanbul ılık Işık", "istanbul-ilik-isik"},
	// Vietnamese: ư, ơ, đ and the tone marks fold too.
	{"Tiêm phòng cúm", "tiem-phong-cum"},
	{"Sức khỏe", "suc-khoe"},
	{"Bệnh viện", "benh-vien"},
	{"đường huyết", "duong-huyet"},
	{"Người cao tuổi", "nguoi-cao-tuoi"},
	{"Ơn", "on"},

	// Greek: accents stay; sigma is final at the end of a word.
	{"Γρίπη", "γρίπη"},
	{"Εμβόλιο της γρίπης", "εμβόλιο-της-γρίπης"},
	{"ΓΡΙΠΗΣ", "γριπης"},
	{"ΣΟΦΟΣ", "σοφος"},
	{"Σίσυφος", "σίσυφος"},
	{"γριπησ", "γριπης"},
	{"ςοφος", "σοφος"},
	{"Σ", "σ"},
	{"ΑΣ2", "ας2"},
	{"Ϊ́", "ΐ"},
	// Russian and Ukrainian: й, ё and ї stay; stress accents go.
	{"Прививка от гриппа", "прививка-от-гриппа"},
	{"Ёлка и йод", "ёлка-и-йод"},
	{"молоко́", "молоко"},
	{"COVID-19 и грипп", "covid-19-и-грипп"},
	{"Ґанок, їжа", "ґанок-їжа"},
	{"м’ясо", "м-ясо"},
	// Arabic: the harakat and the tatweel go; digits stay.
	{"التطعيم ضد الإنفلونزا", "التطعيم-ضد-الإنفلونزا"},
	{"صِحَّة", "صحة"},
	{"صحـــة", "صحة"},
	{"سؤال؟", "سؤال"},
	{"عام ٢٠٢٦", "عام-٢٠٢٦"},
	// Persian: the zero-width non-joiner breaks the word.
	{"بیماری‌ها", "بیماری-ها"},
	// Hebrew: niqqud goes; the maqaf breaks words.
	{"חִסּוּן", "חסון"},
	{"בית־חולים", "בית-חולים"},
	// Hindi: vowel signs, virama and digits stay; the danda breaks words.
	{"टीकाकरण", "टीकाकरण"},
	{"मधुमेह क्या है?", "मधुमेह-क्या-है"},
	{"वर्ष २०२६। नया", "वर्ष-२०२६-नया"},
	// Chinese, Japanese, Korean, Thai.
	{"流感疫苗", "流感疫苗"},
	{"什么是糖尿病？", "什么是糖尿病"},
	{"流感，疫苗", "流感-疫苗"},
	{"２０２６年", "2026年"},
	{"インフルエンザ・ワクチン", "インフルエンザ-ワクチン"},
	{"ｲﾝﾌﾙｴﾝｻﾞ", "インフルエンザ"},
	{"コーヒー", "コーヒー"},
	{"独々", "独々"},
	{"독감 예방접종", "독감-예방접종"},
	{"วัคซีนไข้หวัดใหญ่", "วัคซีนไข้หวัดใหญ่"},

	// Compatibility forms, numbers, symbols and invisible characters.
	{"ﬁle", "file"},
	{"x²", "x2"},
	{"½ dose", "1-2-dose"},
	{"Ⅻ", "xii"},
	{"①", "1"},
	{"Hawaiʻi", "hawai-i"},
	{"💉 Flu shots 🧒🏽", "flu-shots"},
	{"1️⃣", "1"},
	{"a\u00adb", "ab"},
	{"a\u200db", "ab"},
	{"a\u200bb", "a-b"},
	{"a\u2060b\ufeff", "ab"},
	{"\u0301abc\u0301", "abc"},
	{"q\u0301x\u0323\u0304", "qx"},
	{"\u3164", ""},
	{"\u0640", ""},
	{"\ue000", ""},
	{"\u200b", ""},
	{"ǃxóõ", "ǃxoo"},
	{"a/b.c", "a-b-c"},
	{"\xff\xfeabc\xc3", "abc"},
	{"caf\xe9", "caf"},
	{"na\xcc", "na"},
}

// TestSlugOfWords checks the slugs of slugWords and their invariants.
func TestSlugOfWords(t *testing.T) {
	for _, tt := range slugWords {
		got, ok := slugOf(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("slugOf(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.want != "")
		}
		if err := slugInvariants(tt.in, got, ok); err != nil {
			t.Error(err)
		}
	}
}

// TestSlugOfNormalForms checks that a name gets one slug however its
// letters are composed: precomposed, or decomposed as macOS stores file
// names, or with compatibility forms spelled out.
func TestSlugOfNormalForms(t *testing.T) {
	for _, tt := range slugWords {
		for _, f := range []norm.Form{norm.NFC, norm.NFD, norm.NFKC, norm.NFKD} {
			in := f.String(tt.in)
			if got, _ := slugOf(in); got != tt.want {
				t.Errorf("slugOf(%q) = %q, want %q as for %q", in, got, tt.want, tt.in)
			}
		}
	}
}

// TestSlugOfLatinFolds checks that every letter of Latin-1 Supplement,
// Latin Extended-A and Latin Extended Additional (Vietnamese among them)
// folds to ASCII letters, and that Latin Extended-B keeps only the
// letters with no ASCII spelling.
func TestSlugOfLatinFolds(t *testing.T) {
	ascii := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return s != ""
	}
	for _, block := range [][2]rune{{0x00c0, 0x017f}, {0x1e00, 0x1eff}} {
		for r := block[0]; r <= block[1]; r++ {
			if !unicode.IsLetter(r) || r == 'ẟ' { // ẟ is a Latin delta, not an ASCII letter
				continue
			}
			if got, _ := slugOf(string(r)); !ascii(got) {
				t.Errorf("slugOf(%q) = %q, want ASCII letters", string(r), got)
			}
		}
	}
	kept := "ƍƛƨƪƻƽƾǀǁǂǃɂʌ" // tone letters, clicks, the glottal stop, turned v
	for r := rune(0x0180); r <= 0x024f; r++ {
		if !unicode.IsLetter(r) {
			continue
		}
		got, _ := slugOf(string(r))
		if want := strings.ContainsRune(kept, unicode.ToLower(r)); want != !ascii(got) {
			t.Errorf("slugOf(%q) = %q; kept as it is: %v, want %v", string(r), got, !ascii(got), want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "aaaaaaaaaaaaaaaaaa"},
		{"ÇçĆćĈĉĊċČč", "cccccccccc"},
		{"ÐðĎďĐđ", "dddddd"},
		{"ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "eeeeeeeeeeeeeeeeee"},
		{"ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "iiiiiiiiiiiiiiiiii"},
		{"ÑñŃńŅņŇňŊŋ", "nnnnnnnnngng"},
		{"ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "oooooooooooooooooo"},
		{"ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "uuuuuuuuuuuuuuuuuuuu"},
		{"ÝýÿŶŷŸ", "yyyyyy"},
		{"Æ æ Œ œ Ĳ ĳ Þ þ ß", "ae-ae-oe-oe-ij-ij-th-th-ss"},
		{"Ł ł Ħ ħ Ŧ ŧ ĸ ŀ ſ ŉ", "l-l-h-h-t-t-k-l-s-n"},
	} {
		if got, _ := slugOf(tt.in); got != tt.want {
			t.Errorf("slugOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// legacySlug is Slug as it was before slugOf: ASCII letters and digits
// only. slugOf must make the same slug of every ASCII name.
func legacySlug(s string) (string, bool) {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		default:
			hyphen = true
		}
	}
	return b.String(), b.Len() > 0
}

// TestSlugOfASCIIAsBefore checks that slugOf makes the slug legacySlug
// made of ASCII names: every byte alone and between letters, names pages
// have, and random strings weighted to the characters that break words.
func TestSlugOfASCIIAsBefore(t *testing.T) {
	names := []string{
		"flu-vaccine", "Flu_Vaccine", "_index", "asthma inhaler", "A&E", "24/7 help",
		"what's-new", "v1.2.3", "--x--", "-", "", " ", "COVID-19", "CamelCaseName",
		"tab\there", "new\nline", "nul\x00byte", "del\x7f", "~user", "100%", "a--b",
	}
	for c := 0; c < 128; c++ {
		names = append(names, string(rune(c)), "a"+string(rune(c))+"b", string(rune(c))+"Z9")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abcXYZ019 -_./'!?&\t\x00\x7f~%"
	for range 20000 {
		b := make([]byte, rng.IntN(16))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(128))
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		names = append(names, string(b))
	}
	for _, s := range names {
		got, gotOK := slugOf(s)
		want, wantOK := legacySlug(s)
		if got != want || gotOK != wantOK {
			t.Fatalf("slugOf(%q) = %q, %v; Slug made %q, %v", s, got, gotOK, want, wantOK)
		}
	}
}

// slugInvariants returns what is wrong with slug, ok = slugOf(in), or nil.
func slugInvariants(in, slug string, ok bool) error {
	switch {
	case ok != (slug != ""):
		return fmt.Errorf("slugOf(%q) = %q, %v: ok must say whether the slug is empty", in, slug, ok)
	case strings.Contains(slug, "--"), strings.HasPrefix(slug, "-"), strings.HasSuffix(slug, "-"):
		return fmt.Errorf("slugOf(%q) = %q: no leading, trailing or double hyphen", in, slug)
	case strings.ContainsAny(slug, "/."):
		return fmt.Errorf("slugOf(%q) = %q: no slash or dot", in, slug)
	case !utf8.ValidString(slug) || !norm.NFC.IsNormalString(slug):
		return fmt.Errorf("slugOf(%q) = %q: not valid NFC", in, slug)
	}
	for _, word := range strings.Split(slug, "-") {
		for i, r := range word {
			letter := unicode.IsLetter(r) || unicode.IsNumber(r)
			if !letter && (i == 0 || !unicode.IsMark(r)) || unicode.ToLower(r) != r || slugIgnorable(r) {
				return fmt.Errorf("slugOf(%q) = %q: %q may not stand in a word there", in, slug, r)
			}
		}
	}
	if again, againOK := slugOf(slug); again != slug || againOK != ok {
		return fmt.Errorf("slugOf(%q) = %q, but slugOf(%q) = %q", in, slug, slug, again)
	}
	if slugASCII(in) {
		if want, _ := legacySlug(in); slug != want {
			return fmt.Errorf("slugOf(%q) = %q, but Slug made %q", in, slug, want)
		}
	}
	return nil
}

// slugASCII reports whether s is all ASCII.
func slugASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// slugPieces are what TestSlugOfRandom builds names of: letters of many
// scripts, the marks written on them, separators, invisible characters,
// emoji and broken UTF-8.
var slugPieces = []string{
	"a", "Z", "7", " ", "-", ".", "/", "'", "_", "é", "E\u0301", "ß", "ẞ", "ø", "Ł", "ı", "İ",
	"ư", "ơ\u0323", "đ", "ŀ", "l", "·", "ĳ", "ﬁ", "ǅ", "ǃ", "Σ", "σ", "ς", "ά", "α\u0301", "Ϊ",
	"й", "и\u0306", "о\u0301", "Ё", "ا", "\u064e", "\u0651", "\u0654", "\u0640", "٣", "ש",
	"\u05bc", "\u05c1", "क", "\u093e", "\u094d", "\u0902", "२", "ก", "\u0e31", "\u0e48", "流",
	"ー", "ｶ", "ﾞ", "ᄒ", "ᅡ", "ᆫ", "한", "\u200b", "\u200c", "\u200d", "\u00ad", "\ufe0f",
	"\u034f", "\u3164", "👍", "\U0001f3fd", "²", "½", "Ⅻ", "ʼ", "ʻ", "\u0300", "\u20e3", "\ue000",
	"\ufffd", "\xff", "\xc3", "\xe2\x82", "\u0378", "\U000e0041",
}

// TestSlugOfRandom checks the invariants for names of random slugPieces,
// from a fixed seed so that every run tries the same names.
func TestSlugOfRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(slugPieces[rng.IntN(len(slugPieces))])
		}
		in := b.String()
		slug, ok := slugOf(in)
		if err := slugInvariants(in, slug, ok); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSlugOfEveryRune checks the invariants for every code point alone
// and after a letter, but for the planes with nothing assigned (4 to 13)
// and the private-use planes (15 and 16), of which it takes the ends.
func TestSlugOfEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		switch {
		case 0xd800 <= r && r < 0xe000:
			continue // surrogates are not runes UTF-8 can hold
		case 0x40000 < r && r < 0xdffff, 0xf0000 < r && r < 0x10fffd:
			continue
		}
		for _, in := range []string{string(r), "α" + string(r)} {
			slug, ok := slugOf(in)
			if err := slugInvariants(in, slug, ok); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// FuzzSlugOf checks the invariants for any name, starting from slugWords.
func FuzzSlugOf(f *testing.F) {
	for _, tt := range slugWords {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		slug, ok := slugOf(in)
		if err := slugInvariants(in, slug, ok); err != nil {
			t.Fatal(err)
		}
	})
}

// TestEscapePath checks EscapePath on site paths of several scripts and
// on the ASCII characters a path may and may not hold.
func TestEscapePath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/", "/"},
		{"", ""},
		{"/articles/flu-vaccine/", "/articles/flu-vaccine/"},
		{"/img/chart_v2.0~old.png", "/img/chart_v2.0~old.png"},
		{"/a+b/(1)/it's!/$&*,;=:@/", "/a+b/(1)/it's!/$&*,;=:@/"},
		{"/es/artículos/vacunación/", "/es/art%C3%ADculos/vacunaci%C3%B3n/"},
		{"/el/γρίπη/", "/el/%CE%B3%CF%81%CE%AF%CF%80%CE%B7/"},
		{"/zh/流感/", "/zh/%E6%B5%81%E6%84%9F/"},
		{"/img/my chart.png", "/img/my%20chart.png"},
		{"/a?b#c%d", "/a%3Fb%23c%25d"},
		{"/q\"<>\\^`{|}[]", "/q%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D"},
		{"/\x00\x7f\xff", "/%00%7F%FF"},
	} {
		if got := EscapePath(tt.in); got != tt.want {
			t.Errorf("EscapePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEscapePathRoundTrip checks, for site paths and random bytes, that
// net/url reads an escaped path back as the path it was, and takes it for
// a path escaped as it should be.
func TestEscapePathRoundTrip(t *testing.T) {
	paths := []string{"/", "/es/artículos/vacunación/", "/el/γρίπη/", "/ar/التطعيم/", "/a b/100%/?#"}
	for _, w := range slugWords {
		slug, _ := slugOf(w.in)
		paths = append(paths, "/articles/"+slug+"/")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		b := make([]byte, 1+rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		b[0] = '/'
		paths = append(paths, string(b))
	}
	for _, p := range paths {
		esc := EscapePath(p)
		if back, err := url.PathUnescape(esc); err != nil || back != p {
			t.Fatalf("url.PathUnescape(EscapePath(%q)) = %q, %v", p, back, err)
		}
		u, err := url.Parse("https://example.org" + esc)
		if err != nil || u.Path != p || u.EscapedPath() != esc {
			t.Fatalf("url.Parse of EscapePath(%q) = %q: %v", p, esc, err)
		}
		for i := 0; i < len(esc); i++ {
			if esc[i] >= utf8.RuneSelf || esc[i] <= ' ' {
				t.Fatalf("EscapePath(%q) = %q: byte %#x left unescaped", p, esc, esc[i])
			}
		}
		if escapeKeepsAll(p) && esc != p {
			t.Fatalf("EscapePath(%q) = %q, want the path unchanged", p, esc)
		}
	}
}

// escapeKeepsAll reports whether p holds only slashes and the ASCII
// characters RFC 3986 allows unescaped in a path segment.
func escapeKeepsAll(p string) bool {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~!$&'()*+,;=:@"
	for i := 0; i < len(p); i++ {
		if strings.IndexByte(chars, p[i]) < 0 {
			return false
		}
	}
	return true
}
