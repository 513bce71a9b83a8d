package layout

// The fixed words of the pages pamphlet makes itself, and of the parts of
// every page that code outside the templates fills in; the templates hold
// the rest of the theme's words. Those with %s take the site's title and
// a tag's or an audience's name, in the order given.
const (
	HomeTitle            = "Home"                               // the home page, in breadcrumbs and trails
	TrustTitle           = "How we make our health information" // the trust page
	NotFoundTitle        = "Page not found"                     // the 404 page
	NotFoundDescription  = "The page you asked for is not on %s."
	TopicsTitle          = "Topics" // the index of tags
	TopicsDescription    = "Every topic on %s."
	TopicDescription     = "Pages about %[2]s on %[1]s."
	AudiencesTitle       = "Who our pages are for" // the index of audiences
	AudiencesDescription = "Pages on %s for each group of readers."
	AudienceTitle        = "For %[2]s" // the audience's name, lowered: "For parents"
	AudienceDescription  = "Pages on %s written for %s."
)
