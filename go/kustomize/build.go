// Package kustomizeengine builds a kustomization as `kustomize build` does (kustomize's own
// krusty package, pinned in go.mod), from files given in memory, and returns each resource's
// origin as kustomize records it (buildMetadata: originAnnotations, transformerAnnotations).
package kustomizeengine

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"path"
	"slices"
	"strings"

	"sigs.k8s.io/kustomize/api/konfig"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/api/resource"
	"sigs.k8s.io/kustomize/api/types"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/kustomize/kyaml/openapi"
	"sigs.k8s.io/kustomize/kyaml/yaml"
)

// Request is what the host sends: the files (absolute slash paths -> contents) and the
// kustomization directory to build (one of the files' folders).
type Request struct {
	Files map[string][]byte `json:"files"`
	Dir   string            `json:"dir"`
}

// Response is the build: Manifest is byte for byte what `kustomize build Dir` prints;
// Resources are the same resources in the same order, each with kustomize's record of
// where it came from. On failure Error holds kustomize's message verbatim.
type Response struct {
	Manifest  string     `json:"manifest"`
	Resources []Resource `json:"resources"`
	Error     *Error     `json:"error,omitempty"`
}

// Resource is one built object: its YAML as printed, the file (or generator) it came from
// and the transformers that ran over it (kustomize's origin and transformations annotations).
type Resource struct {
	Text            string             `json:"text"`
	Origin          *resource.Origin   `json:"origin,omitempty"`
	Transformations []*resource.Origin `json:"transformations,omitempty"`
}

// Error is a build failure; Remote is set when it was a remote resource we refused to fetch.
type Error struct {
	Message string `json:"message"`
	Remote  bool   `json:"remote,omitempty"`
}

// RemoteRefused is the message of a remote (http, git) resource: the engine never fetches.
const RemoteRefused = "remote resources are not fetched"

// refuseRemote is the transport of every HTTP request kustomize makes (a resource given by
// URL): a build reads only the files it was given. Git URLs need a `git` program, which
// js/wasm cannot run (and the native command runs with an empty PATH).
type refuseRemote struct{}

func (refuseRemote) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("%s: %s", RemoteRefused, r.URL.Redacted())
}

func init() {
	http.DefaultTransport = refuseRemote{}
	http.DefaultClient.Transport = refuseRemote{}
}

// wanted is the build metadata we need; the kustomization's own list decides what the
// printed manifest keeps.
// skipRepeatedTransformations switches kustomize's recording of a transformation equal to the
// last one off (set in overlay_on.go when built with tools/apioverlay's copy of the api module:
// without it, P patches over R resources cost R*P^2; see tools/apioverlay).
var skipRepeatedTransformations = func(bool) {}

// defaultSchemaVersion is what kyaml reports before any kustomization chose a schema.
var defaultSchemaVersion = openapi.GetSchemaVersion()

var wanted = []string{types.OriginAnnotations, types.TransformerAnnotations}

// Build runs kustomize's krusty.Kustomizer over the in-memory files with the options
// `kustomize build` uses by default (root-only load restrictions, no plugins, no helm,
// legacy sort order).
func Build(req Request) (resp Response) {
	resp = Response{Resources: []Resource{}}
	defer func() {
		if r := recover(); r != nil {
			resp = Response{Resources: []Resource{}, Error: &Error{Message: fmt.Sprintf("kustomize panicked: %v", r)}}
		}
	}()
	fSys := filesys.MakeFsInMemory()
	for name, content := range req.Files {
		if err := fSys.WriteFile(name, content); err != nil {
			return failed(fmt.Errorf("cannot hold %s: %w", name, err))
		}
	}
	asked, err := forceBuildMetadata(fSys, req.Dir)
	if err != nil {
		return failed(err)
	}
	// Only when the list is dropped before printing: then nobody sees it but us.
	skipRepeatedTransformations(!slices.Contains(asked, types.TransformerAnnotations))
	defer skipRepeatedTransformations(false)
	// kyaml keeps its OpenAPI schema in globals. Run's SetSchema(..., reset=true) changes nothing
	// for a kustomization without an `openapi` field (the parsed built-in schema is kept, so it is
	// parsed once per process, not per build), but it neither drops a custom or versioned schema
	// an earlier build chose: a long-lived engine must, to build as a fresh `kustomize build` does.
	if openapi.GetSchemaVersion() != defaultSchemaVersion {
		openapi.ResetOpenAPI()
	}
	opts := krusty.MakeDefaultOptions()
	opts.Reorder = krusty.ReorderOptionUnspecified // as the CLI without --reorder: legacy order
	m, err := krusty.MakeKustomizer(opts).Run(fSys, req.Dir)
	if err != nil {
		return failed(err)
	}
	var manifest bytes.Buffer
	memo := memos.next()
	for i, r := range m.Resources() {
		var out Resource
		if out.Origin, out.Transformations, err = memo.originsOf(r); err != nil {
			return failed(err)
		}
		// What the kustomization did not ask for is not printed (as kustomize's Run drops it).
		if !slices.Contains(asked, types.OriginAnnotations) {
			if err := r.RNode.PipeE(yaml.ClearAnnotation("config.kubernetes.io/origin")); err != nil {
				return failed(err)
			}
		}
		if !slices.Contains(asked, types.TransformerAnnotations) {
			if err := r.ClearTransformations(); err != nil {
				return failed(err)
			}
		}
		text, err := memo.asYAML(r)
		if err != nil {
			return failed(err)
		}
		out.Text = string(text)
		if i > 0 {
			manifest.WriteString("---\n")
		}
		manifest.Write(text)
		resp.Resources = append(resp.Resources, out)
	}
	resp.Manifest = manifest.String()
	return resp
}

func failed(err error) Response {
	msg := err.Error()
	return Response{Resources: []Resource{}, Error: &Error{Message: msg, Remote: strings.Contains(msg, RemoteRefused) || strings.Contains(msg, "no 'git' program on path")}}
}

// forceBuildMetadata adds originAnnotations and transformerAnnotations to the buildMetadata of
// the kustomization in dir (in memory only), so that kustomize records where each resource came
// from; it returns the list the file itself asked for.
func forceBuildMetadata(fSys filesys.FileSystem, dir string) ([]string, error) {
	for _, name := range konfig.RecognizedKustomizationFileNames() {
		file := path.Join(dir, name)
		if !fSys.Exists(file) {
			continue
		}
		content, err := fSys.ReadFile(file)
		if err != nil {
			return nil, err
		}
		node, err := yaml.Parse(string(content))
		if err != nil || node.YNode().Kind != yaml.MappingNode {
			return nil, nil // kustomize says what is wrong with it
		}
		var asked []string
		if list := node.Field("buildMetadata"); list != nil {
			if err := list.Value.YNode().Decode(&asked); err != nil {
				return nil, nil
			}
		}
		all := slices.Clone(asked)
		for _, w := range wanted {
			if !slices.Contains(all, w) {
				all = append(all, w)
			}
		}
		if err := node.PipeE(yaml.SetField("buildMetadata", yaml.NewListRNode(all...))); err != nil {
			return nil, err
		}
		text, err := node.String()
		if err != nil {
			return nil, err
		}
		return asked, fSys.WriteFile(file, []byte(text))
	}
	return nil, errors.New("no kustomization file") // Run says it better
}
