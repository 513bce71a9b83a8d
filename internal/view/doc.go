// Package view makes what templates get from parsed, checked pages: each
// page's view (its Card, what it alone shows, and what other pages feed
// it), the lists that join them (related pages, the A to Z, the news and
// events of the home page, alerts in force), breadcrumbs and the
// addresses of topic and audience pages. It reads no files and renders
// nothing: internal/build orchestrates, and internal/layout renders.
package view
