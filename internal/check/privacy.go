package check

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/pamphlet-health/pamphlet/internal/content"
	"github.com/pamphlet-health/pamphlet/internal/finding"
)

// Consent reports patient stories that cannot be published
// (privacy.consent): a page in the stories section needs a consent record
// with a reference, the date consent was given, an expiry date that has
// not passed, and "web" in its scope. A consent that expires within
// review.warn_before is a warning.
func Consent(in *Input) []finding.Finding {
	var out []finding.Finding
	for _, p := range in.Pages {
		if !written(p) || !p.Published() || p.Kind != content.Single || p.Section != content.StoriesSection {
			continue
		}
		c := p.Meta.Consent
		if c == nil {
			out = append(out, errorAt(p.KeyPos("consent"), "privacy.consent", "a patient story needs the consent of the person it is about; add consent: {ref: FORM-ID, date: YYYY-MM-DD, expires: YYYY-MM-DD, scope: [web]} from their signed consent form"))
			continue
		}
		today := in.Today
		switch {
		case strings.TrimSpace(c.Ref) == "":
			out = append(out, errorAt(p.KeyPos("consent"), "privacy.consent", "the consent record has no ref; give the reference of the signed consent form, so anyone can find it"))
		case c.Date.IsZero():
			out = append(out, errorAt(p.KeyPos("consent"), "privacy.consent", "the consent record has no date; give the day the consent form was signed"))
		case c.Date.After(today):
			out = append(out, errorAt(p.KeyPos("consent.date"), "privacy.consent", fmt.Sprintf("consent is dated %s, after today (%s); give the day the form was signed", c.Date, today.Format(time.DateOnly))))
		case c.Expires.IsZero():
			out = append(out, errorAt(p.KeyPos("consent"), "privacy.consent", "the consent record has no expires date; consent to publish lasts for a time the person agreed to, so give its end from the form"))
		case !c.Expires.After(c.Date.Time):
			out = append(out, errorAt(p.KeyPos("consent.expires"), "privacy.consent", fmt.Sprintf("consent expires on %s, before it was given (%s)", c.Expires, c.Date)))
		case !c.Expires.After(today):
			out = append(out, errorAt(p.KeyPos("consent.expires"), "privacy.consent", fmt.Sprintf("consent expired on %s; take the story down, or ask the person to renew their consent and update the record", c.Expires)))
		case !hasWeb(c.Scope):
			out = append(out, errorAt(p.KeyPos("consent"), "privacy.consent", "the consent's scope does not include web; publish the story only if the person agreed to it being on the website (scope: [web])"))
		case !in.Site.Config.Review.WarnBefore.After(today).Before(c.Expires.Time):
			out = append(out, warningAt(p.KeyPos("consent.expires"), "privacy.consent", fmt.Sprintf("consent expires on %s; ask the person to renew it, or plan to take the story down", c.Expires)))
		}
	}
	return out
}

func hasWeb(scope []string) bool {
	for _, s := range scope {
		if strings.EqualFold(strings.TrimSpace(s), "web") {
			return true
		}
	}
	return false
}

// The identifiers privacy.identifier looks for.
var (
	emailPattern  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	phonePattern  = regexp.MustCompile(`(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{2,6}(?:[ .-]\d{2,6}){1,4}|\+?\d{9,15}`)
	recordPattern = regexp.MustCompile(`(?i)\b(?:MRN|(?:medical |health |hospital |patient |case |NHS |clinic |chart )?record (?:number|no\.?)|hospital (?:number|no\.?)|patient (?:ID|number|no\.?)|NHS (?:number|no\.?)|case (?:number|no\.?)|chart (?:number|no\.?))\s*[:#]?\s*[A-Z]*\d[A-Z0-9-]{2,}`)
	ssnPattern    = regexp.MustCompile(`\b\d{3}-\d{2}-\d{4}\b`)
	ninoPattern   = regexp.MustCompile(`\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b`)
	birthPattern  = regexp.MustCompile(`(?i)\b(?:born|date of birth|DOB|d\.o\.b|birthday)\b`)
	datePattern   = regexp.MustCompile(`(?i)\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*,? \d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b`)
	streetPattern = regexp.MustCompile(`\b\d{1,5}[A-Za-z]?,? (?:[A-Z][A-Za-z'’-]+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Place|Terrace|Gardens|Grove|Boulevard|Blvd|Square|Row|Mews)\b`)
)

// identifier is a kind of personal identifier.
type identifier struct {
	what    string
	pattern *regexp.Regexp
	at      bool // a match has an @
	digits  int  // the fewest digits a match has
	// allowed reports matches that are not identifiers, given the text
	// they are in and whether the page is a patient's story; nil for none.
	allowed func(a Contacts, match, text string, story bool) bool
}

var identifiers = []identifier{
	{"an e-mail address", emailPattern, true, 0, func(a Contacts, m, _ string, story bool) bool {
		return a.email(m) || !story && publicEmail(m)
	}},
	{"a medical record number", recordPattern, false, 1, nil},
	{"a social security number", ssnPattern, false, 9, nil},
	{"a national insurance number", ninoPattern, false, 6, nil},
	{"a street address", streetPattern, false, 1, func(a Contacts, m, text string, story bool) bool {
		return a.address(m) || !story && directory.MatchString(text)
	}},
	{"a phone number", phonePattern, false, 9, func(a Contacts, m, text string, story bool) bool {
		n := countDigits(m)
		return n < 9 || n > 15 || a.phone(m) || numberTable(m) || !story && (publicNumber(m) || serviceLine.MatchString(text) || directory.MatchString(text))
	}},
}

// Outside patients' stories, a page may give the public numbers,
// addresses and e-mail addresses of services: helplines, information
// centres, charities.
var (
	// serviceLine is text that gives a service's number: "call the
	// National Diabetes Information Clearinghouse at", "CDC-INFO",
	// "helpline".
	serviceLine = regexp.MustCompile(`(?i)\b(?:helpline|hotline|help line|advice line|information line|info line|phone line|textphone|tty|toll[- ]free|freephone|free phone|call (?:the|us|our|cdc|nhs|nih)|contact (?:the|us|our)|information (?:center|centre|service|clearinghouse)|clearinghouse|cdc[- ]info|customer service|switchboard|business hours|office hours|opening hours|working hours|(?:department|institute|center|centre|foundation|association|society|service|program|programme|agency|council|charity|trust|organization|organisation|office|administration|network|alliance|coalition|partnership|registry)\b[^.]{0,80}?(?:at|on|:)\s*\+?\(?\d)`)
	// directory is text that lists a service's contact details.
	directory = regexp.MustCompile(`(?i)\b(?:phone|tel|telephone|fax|tty|suite|email|e-mail|internet|website)\s*[:.]|\bsuite \d|\bwww\.`)
	// personalMail are the domains of e-mail addresses people have for
	// themselves rather than a service.
	personalMail = regexp.MustCompile(`(?i)@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|me|mac|protonmail|proton|gmx|mail|yandex|zoho|btinternet|sky|virginmedia|talktalk|comcast|verizon|att|sbcglobal)\.`)
)

// publicEmail reports whether an e-mail address is a service's rather
// than a person's: not at a personal mail domain.
func publicEmail(s string) bool { return !personalMail.MatchString(s) }

// publicNumber reports whether a phone number is a toll-free or national
// service number, which nobody has for themselves: 800, 888, 877, 866,
// 855, 844 and 833 numbers in North America; 0800, 0808, 03 numbers,
// 111 and 116 numbers in the UK; 1800, 1300 and 13 numbers in Australia
// and 1800 and 1850 numbers in Ireland; 0800 and 0508 numbers in New
// Zealand; written with or without the country code.
func publicNumber(s string) bool {
	d := digits(s)
	for _, cc := range []string{"", "1", "44", "61", "353", "64"} {
		if cc != "" && !strings.HasPrefix(d, cc) {
			continue
		}
		rest := strings.TrimPrefix(d, cc)
		if cc == "44" || cc == "64" {
			rest = "0" + rest // the trunk 0 the country code replaces
		}
		if tollFree.MatchString(rest) {
			return true
		}
	}
	return false
}

var tollFree = regexp.MustCompile(`^(?:1?(?:800|888|877|866|855|844|833)\d{7}|0(?:800|808|500)\d{6,7}|03\d{9}|111|116\d{3}|1(?:800|300|850)\d{6}|13\d{4}|0508\d{6})$`)

// numberTable reports whether a run of numbers is a row of a table
// ("150 8 11 175 9 12") rather than a phone number: four groups or more,
// none of four digits or more.
func numberTable(s string) bool {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if len(groups) < 4 {
		return false
	}
	for _, g := range groups {
		if len(g) >= 4 {
			return false
		}
	}
	return true
}

// Identifiers reports personal identifiers in the text of a page
// (privacy.identifier, error): e-mail addresses, phone numbers, record
// numbers, social security and national insurance numbers, full dates of
// birth and street addresses. The organisation's own e-mail address,
// phone and emergency numbers and address from pamphlet.yaml are allowed,
// and so are the addresses of event locations. Outside patients' stories,
// so are the public contacts of services: toll-free and national service
// numbers, numbers a sentence gives as a helpline's or an organisation's,
// e-mail addresses not at personal mail domains, and addresses in a
// listing of contact details. A story is held to the site's own contacts.
func Identifiers(in *Input) []finding.Finding {
	allow := allowed(in)
	var out []finding.Finding
	for i, p := range in.Pages {
		if !live(p) {
			continue
		}
		story := p.Section == content.StoriesSection
		for _, t := range in.Texts(i) {
			out = append(out, identifiersIn(t, allow, story)...)
		}
		for _, l := range p.Doc.Links {
			scheme, rest, ok := strings.Cut(l.Dest, ":")
			if !ok || strings.Contains(l.Text, rest) {
				continue
			}
			what := ""
			switch strings.ToLower(scheme) {
			case "mailto":
				if addr, _, _ := strings.Cut(rest, "?"); !allow.email(addr) && (story || !publicEmail(addr)) {
					what = "an e-mail address"
				}
			case "tel":
				if !allow.phone(rest) && (story || !publicNumber(rest)) {
					what = "a phone number"
				}
			}
			if what != "" {
				out = append(out, errorAt(p.BodyPos(l.Offset), "privacy.identifier", fmt.Sprintf("the link leads to %s (%s); %s", what, l.Dest, identifierAdvice)))
			}
		}
	}
	return out
}

const identifierAdvice = "take out anything that could identify a patient, or use the organisation's own contact details from pamphlet.yaml"

func identifiersIn(t Text, allow Contacts, story bool) []finding.Finding {
	text := t.TextBlock.Text
	// Most text has no @ and few digits, which every pattern needs.
	at := strings.IndexByte(text, '@') >= 0
	n := countDigits(text)
	if !at && n == 0 {
		return nil
	}
	var out []finding.Finding
	taken := make([]bool, len(text)+1)
	report := func(start, end int, what string) {
		for i := start; i < end; i++ {
			if taken[i] {
				return
			}
		}
		for i := start; i < end; i++ {
			taken[i] = true
		}
		out = append(out, errorAt(t.Pos(start), "privacy.identifier", fmt.Sprintf("%s looks like %s; %s", quote(text[start:end]), what, identifierAdvice)))
	}
	for _, id := range identifiers {
		if id.at && !at || n < id.digits {
			continue
		}
		for _, m := range id.pattern.FindAllStringIndex(text, -1) {
			if id.allowed != nil && id.allowed(allow, text[m[0]:m[1]], text, story) {
				continue
			}
			report(m[0], m[1], id.what)
		}
	}
	for _, s := range t.Sentences {
		if n < 4 || !birthPattern.MatchString(s.Text) {
			continue
		}
		for _, m := range datePattern.FindAllStringIndex(s.Text, -1) {
			report(s.Start+m[0], s.Start+m[1], "a date of birth")
		}
	}
	return out
}

// Contacts holds the contact details a site may publish: the
// organisation's, and the addresses of its events' locations.
type Contacts struct {
	emails    []string
	phones    []string // digits only
	addresses []string // lower case, single spaces
}

// NewContacts returns the contact details the pages of site may publish,
// for Input.Contacts: worked out once for a site, rather than for each
// batch of pages checked.
func NewContacts(site *content.Site) *Contacts {
	var a Contacts
	org := site.Config.Organization
	if org.Email != "" {
		a.emails = append(a.emails, strings.ToLower(org.Email))
	}
	for _, n := range []string{org.Phone, org.EmergencyNumber} {
		if d := digits(n); d != "" {
			a.phones = append(a.phones, d)
		}
	}
	if !org.Address.IsZero() {
		a.addresses = append(a.addresses, normalSpace(org.Address.String()))
	}
	for _, p := range site.Pages { // an event's address may be written on any page
		if l := p.Meta.Location; l != nil && !l.Address.IsZero() {
			a.addresses = append(a.addresses, normalSpace(l.Address.String()))
		}
	}
	return &a
}

// allowed returns in.Contacts, worked out from in.Site when not set.
func allowed(in *Input) Contacts {
	if in.Contacts != nil {
		return *in.Contacts
	}
	return *NewContacts(in.Site)
}

func (a Contacts) email(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, e := range a.emails {
		if s == e {
			return true
		}
	}
	return false
}

func (a Contacts) phone(s string) bool {
	d := digits(s)
	for _, p := range a.phones {
		// Allow the number written with or without a country code.
		if d == p || len(p) >= 9 && (strings.HasSuffix(d, strings.TrimLeft(p, "0")) || strings.HasSuffix(p, strings.TrimLeft(d, "0"))) {
			return true
		}
	}
	return false
}

func (a Contacts) address(s string) bool {
	s = normalSpace(s)
	for _, addr := range a.addresses {
		if strings.Contains(addr, s) {
			return true
		}
	}
	return false
}

// countDigits returns how many ASCII digits s has.
func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func normalSpace(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
