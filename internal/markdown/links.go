package markdown

import (
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
	renders     sync.Map                  // *ast.Document → resolutions, while it renders
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

// resolved returns the destination this render gives a node, if any.
func (r *linkRenderer) resolved(n ast.Node) (string, bool) {
	root := n
	for root.Parent() != nil {
		root = root.Parent()
	}
	res, ok := r.renders.Load(root)
	if !ok {
		return "", false
	}
	u, ok := res.(resolutions)[n]
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
	u, ok := r.resolved(node)
	if !ok {
		return r.image(w, source, node, entering)
	}
	c := *node.(*ast.Image)
	c.Destination = []byte(u)
	return r.image(w, source, &c, entering)
}
