package content

import "strings"

// Address is a postal address, written in pamphlet.yaml or front matter
// as one line of text ("12 Mill Lane, Riverside") or as its parts:
//
//	address: {street: 12 Mill Lane, locality: Riverside, region: NY, postal_code: "10001", country: US}
//
// Pages show it as one line either way; search engines read the parts of
// a PostalAddress, so the parts say more to them.
type Address struct {
	Text       string `key:"-"` // the address as one line, when it was written so
	Street     string `key:"street"`
	Locality   string `key:"locality"`    // the town or city
	Region     string `key:"region"`      // the state, county or province
	PostalCode string `key:"postal_code"` // ZIP or postcode
	Country    string `key:"country"`     // a two-letter ISO 3166 code, such as US or GB, or the country's name
}

func (a *Address) decodeText(s string) { *a = Address{Text: s} }

// IsZero reports whether no address was given.
func (a Address) IsZero() bool { return a.String() == "" }

// String returns the address as one line: the text as written, or the
// parts joined with commas, the region and postal code together as in
// "Riverside, NY 10001".
func (a Address) String() string {
	if t := strings.TrimSpace(a.Text); t != "" {
		return t
	}
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(a.Street)
	add(a.Locality)
	add(strings.TrimSpace(strings.TrimSpace(a.Region) + " " + strings.TrimSpace(a.PostalCode)))
	add(a.Country)
	return strings.Join(parts, ", ")
}
