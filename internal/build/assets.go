package build

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"
)

// fingerprinted reports whether an asset's name gets a content hash, so it
// can be cached for ever and still change when its bytes do.
func fingerprinted(name string) bool {
	ext := path.Ext(name)
	return ext == ".css" || ext == ".js"
}

// fingerprint returns name with a hash of data before its extension:
// css/main.css becomes css/main.1a2b3c4d5e.css.
func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
}

// renderAssets reads, minifies and fingerprints the assets. It returns the
// output files and, for each fingerprinted asset, the name it was written
// under.
func (p *Project) renderAssets(min *minifier) (files map[string][]byte, names map[string]string, err error) {
	files, names = map[string][]byte{}, map[string]string{}
	for rel, layer := range p.assets {
		data, err := fs.ReadFile(layer, "assets/"+rel)
		if err != nil {
			return nil, nil, err
		}
		if data, err = min.bytes(rel, data); err != nil {
			return nil, nil, err
		}
		out := rel
		if fingerprinted(rel) {
			out = fingerprint(rel, data)
			names[rel] = out
		}
		files[out] = data
	}
	return files, names, nil
}
