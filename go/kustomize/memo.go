package kustomizeengine

import (
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// An edit builds the whole overlay again, yet most resources come out as they did: the printing
// and the reading of kustomize's records are kept from one build to the next, by the text they
// are a function of. (In WebAssembly, printing a resource the way `kustomize build` does —
// YAML to JSON to YAML — was a fifth of a build.)

// buildMemo holds what one build computed; a build reads the previous build's and its own.
type buildMemo struct {
	yamlOf    map[string][]byte
	originOf  map[string]*resource.Origin
	changesOf map[string][]*resource.Origin
	previous  *buildMemo
}

type memoPair struct{ last *buildMemo }

// memos: builds run one at a time (the wasm worker answers one request at a time; the process
// command builds once).
var memos memoPair

// next starts a build's memo; what the build before last computed is dropped (bounded memory).
func (p *memoPair) next() *buildMemo {
	m := &buildMemo{yamlOf: map[string][]byte{}, originOf: map[string]*resource.Origin{}, changesOf: map[string][]*resource.Origin{}, previous: p.last}
	if p.last != nil {
		p.last.previous = nil
	}
	p.last = m
	return m
}

func lookup[V any](m *buildMemo, key string, of func(*buildMemo) map[string]V) (V, bool) {
	if v, ok := of(m)[key]; ok {
		return v, true
	}
	if m.previous != nil {
		if v, ok := of(m.previous)[key]; ok {
			of(m)[key] = v
			return v, true
		}
	}
	var zero V
	return zero, false
}

// asYAML is r.AsYAML(): kyaml's MarshalJSON is a function of the node's kind and its String()
// (it unmarshals that text), and JSONToYAML a function of the JSON; so is the result.
func (m *buildMemo) asYAML(r *resource.Resource) ([]byte, error) {
	text, err := r.RNode.String()
	if err != nil {
		return nil, err
	}
	key := text
	if r.YNode().Kind == yaml.SequenceNode {
		key = "seq\x00" + text
	}
	if b, ok := lookup(m, key, func(b *buildMemo) map[string][]byte { return b.yamlOf }); ok {
		return b, nil
	}
	b, err := r.AsYAML()
	if err != nil {
		return nil, err
	}
	m.yamlOf[key] = b
	return b, nil
}

// originsOf is r.GetOrigin() and r.GetTransformations(), read once per annotation text (the
// resources of a file share their origin; most resources share their transformations).
// The results are shared: nothing changes them (they are encoded into the response).
func (m *buildMemo) originsOf(r *resource.Resource) (*resource.Origin, []*resource.Origin, error) {
	annotations := r.GetAnnotations("config.kubernetes.io/origin", "alpha.config.kubernetes.io/transformations")
	originText, changesText := annotations["config.kubernetes.io/origin"], annotations["alpha.config.kubernetes.io/transformations"]
	origin, ok := lookup(m, originText, func(b *buildMemo) map[string]*resource.Origin { return b.originOf })
	if !ok {
		var err error
		if origin, err = r.GetOrigin(); err != nil {
			return nil, nil, err
		}
		m.originOf[originText] = origin
	}
	changes, ok := lookup(m, changesText, func(b *buildMemo) map[string][]*resource.Origin { return b.changesOf })
	if !ok {
		var err error
		if changes, err = r.GetTransformations(); err != nil {
			return nil, nil, err
		}
		m.changesOf[changesText] = changes
	}
	return origin, changes, nil
}
