package content

import (
	"strings"
	"testing"
)

// TestConfigPostalAddress: organization.address is one line of text or its
// parts, and organization.currency a currency code; anything else is a
// finding at its line.
func TestConfigPostalAddress(t *testing.T) {
	head := "title: T\nbase_url: https://clinic.example/\norganization:\n"
	for _, tc := range []struct {
		name, src string
		want      Address
		found     string
	}{
		{"one line", "  address: 12 Mill Lane, Riverside\n", Address{Text: "12 Mill Lane, Riverside"}, ""},
		{"parts", "  address:\n    street: 12 Mill Lane\n    locality: Riverside\n    region: NY\n    postal_code: \"10001\"\n    country: US\n",
			Address{Street: "12 Mill Lane", Locality: "Riverside", Region: "NY", PostalCode: "10001", Country: "US"}, ""},
		{"a part misspelt", "  address: {street: 1 High St, postcode: TT1 1AA}\n", Address{Street: "1 High St"}, "4:32 config.unknown"},
		{"a list", "  address: [1 High St, Testtown]\n", Address{}, "4:12 config.type"},
		{"a bad currency", "  currency: pounds\n", Address{}, "4:3 config.value"},
	} {
		cfg, found, err := ParseConfig([]byte(head + tc.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(brief(found), "; "); got != tc.found {
			t.Errorf("%s: findings %q, want %q", tc.name, got, tc.found)
		}
		if cfg.Organization.Address != tc.want {
			t.Errorf("%s: address %+v, want %+v", tc.name, cfg.Organization.Address, tc.want)
		}
	}
}

func TestAddressString(t *testing.T) {
	for _, tc := range []struct {
		a    Address
		want string
	}{
		{Address{Text: " 12 Mill Lane, Riverside "}, "12 Mill Lane, Riverside"},
		{Address{Street: "12 Mill Lane", Locality: "Riverside", Region: "NY", PostalCode: "10001", Country: "US"}, "12 Mill Lane, Riverside, NY 10001, US"},
		{Address{Street: "1 High Street", Locality: "Testtown", PostalCode: "TT1 1AA"}, "1 High Street, Testtown, TT1 1AA"},
		{Address{}, ""},
	} {
		if got := tc.a.String(); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.a, got, tc.want)
		}
		if tc.a.IsZero() != (tc.want == "") {
			t.Errorf("%+v: IsZero %v", tc.a, tc.a.IsZero())
		}
	}
}
