package markdown

import (
	"strconv"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkRenderer renders links and images with the destinations a Render
// call resolved for them, leaving the document as it was parsed: it hands
// goldmark's own renderer a copy of the node with the new destination, and
// for a link to an unpublished page writes the link's text alone. So a
// document can be rendered any number of times, with other resolutions.
type linkRenderer struct {
	link, image renderer.NodeRendererFunc // goldmark's own
	renders     sync.Map                  // *ast.Document → *rendering, while it renders
}

// rendering is what one Render call writes in place of what was parsed.
type rendering struct {
	links    resolutions
	pictures map[ast.Node]Picture
}

// resolutions are the destinations one Render call writes, by node: ""
// for a link written as its text alone.
type resolutions map[ast.Node]string

func newLinkRenderer() *linkRenderer {
	r := &linkRenderer{}
	html.NewRenderer().RegisterFuncs(funcsOf(func(kind ast.NodeKind, fn renderer.NodeRendererFunc) {
		switch kind {
		case ast.KindLink:
			r.link = fn
		case ast.KindImage:
			r.image = fn
		}
	}))
	return r
}

// funcsOf is a renderer.NodeRendererFuncRegisterer that hands each
// function to register.
type funcsOf func(ast.NodeKind, renderer.NodeRendererFunc)

func (f funcsOf) Register(kind ast.NodeKind, fn renderer.NodeRendererFunc) { f(kind, fn) }

func (r *linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindImage, r.renderImage)
}

// current returns what this render writes in place of what was parsed,
// or nil when it writes the document as parsed.
func (r *linkRenderer) current(n ast.Node) *rendering {
	root := n
	for root.Parent() != nil {
		root = root.Parent()
	}
	res, ok := r.renders.Load(root)
	if !ok {
		return nil
	}
	return res.(*rendering)
}

// resolved returns the destination this render gives a node, if any.
func (r *linkRenderer) resolved(n ast.Node) (string, bool) {
	cur := r.current(n)
	if cur == nil {
		return "", false
	}
	u, ok := cur.links[n]
	return u, ok
}

func (r *linkRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	u, ok := r.resolved(node)
	switch {
	case !ok:
		return r.link(w, source, node, entering)
	case u == "":
		return ast.WalkContinue, nil // the text alone
	}
	c := *node.(*ast.Link)
	c.Destination = []byte(u)
	return r.link(w, source, &c, entering)
}

func (r *linkRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	cur := r.current(node)
	if cur == nil {
		return r.image(w, source, node, entering)
	}
	c := *node.(*ast.Image)
	if u, ok := cur.links[node]; ok {
		c.Destination = []byte(u)
	}
	if pic, ok := cur.pictures[node]; ok {
		c.RemoveAttributes() // the copy's own, not the parsed node's
		pic.set(&c)
	}
	return r.image(w, source, &c, entering)
}

// Picture is what Render writes on an image's <img> besides its src, alt
// and title.
type Picture struct {
	Width, Height int    // in pixels; 0 writes neither
	SrcSet        string // the srcset attribute, "" for none
	Sizes         string // the sizes attribute, written with a srcset
	Lazy          bool   // loading="lazy" and decoding="async"
}

// set gives an image node the attributes of p, in a fixed order.
func (p Picture) set(n *ast.Image) {
	if p.Width > 0 && p.Height > 0 {
		n.SetAttributeString("width", strconv.Itoa(p.Width))
		n.SetAttributeString("height", strconv.Itoa(p.Height))
	}
	if p.SrcSet != "" {
		n.SetAttributeString("srcset", p.SrcSet)
		if p.Sizes != "" {
			n.SetAttributeString("sizes", p.Sizes)
		}
	}
	if p.Lazy {
		n.SetAttributeString("loading", "lazy")
		n.SetAttributeString("decoding", "async")
	}
}
