// Command apioverlay writes a copy of kustomize's api module with one function changed, and a
// go.mod that uses it (as go/helm/tools/wasmoverlay does for Helm):
//
//	go run ./tools/apioverlay OUTDIR   (writes OUTDIR/api/..., OUTDIR/go.mod, OUTDIR/go.sum)
//	go build -tags stsoverlay -modfile=OUTDIR/go.mod ./cmd/wasm
//
// Why: the engine asks kustomize to record origins (buildMetadata), and kustomize then records
// every transformer that runs on every resource, parsing and printing the whole list each
// time. Each patch is a transformer of its own, so a kustomization with P patches over R
// resources costs R*P^2: argo-cd's HA overlay (~70 patches) built 7x slower than without.
// The change: while resource.SkipRepeatedTransformations is set, a transformation equal to the
// last one recorded is not recorded again (the patches of one kustomization are recorded alike:
// {configuredIn: its kustomization, configuredBy: PatchTransformer}), a new one is appended to the
// annotation's text (no parse and print of the list), and AddTransformerAnnotation asks only
// whether a resource has an origin (no parse of it). The engine sets it only
// when the kustomization did not ask for transformerAnnotations itself: the list is then
// dropped before printing, so the printed manifest is kustomize's own byte for byte (the tests
// compare it with the real CLI). While KeepParsedFiles is set (always, in our engine), a file's
// resources are parsed once per content and each build gets deep copies (an edit changes one
// file; the others' parse was an eighth of a build). The edit checks that the text it replaces
// is there: an upgrade that moves it fails here, loudly.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fail("usage: apioverlay OUTDIR")
	}
	out, err := filepath.Abs(os.Args[1])
	check(err)
	// `go list -m` names the module's folder only once it is in the module cache (a fresh machine).
	download := exec.Command("go", "mod", "download", "sigs.k8s.io/kustomize/api")
	download.Stderr = os.Stderr
	check(download.Run())
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "sigs.k8s.io/kustomize/api").Output()
	check(err)
	api := strings.TrimSpace(string(dir))
	if api == "" {
		fail("sigs.k8s.io/kustomize/api is not in the module cache")
	}
	copyDir := filepath.Join(out, "api")
	check(os.RemoveAll(copyDir))
	check(copyTree(api, copyDir))

	edit(copyDir, "resource/resource.go", "func (r *Resource) AddTransformation(origin *Origin) error {\n",
		"func (r *Resource) AddTransformation(origin *Origin) error {\n\tif SkipRepeatedTransformations {\n\t\treturn r.appendTransformation(origin)\n\t}\n")
	appendFile(copyDir, "resource/resource.go", resourceAdditions)
	edit(copyDir, "resource/factory.go", "func (rf *Factory) RNodesFromBytes(b []byte) ([]*yaml.RNode, error) {\n",
		"func (rf *Factory) RNodesFromBytes(b []byte) ([]*yaml.RNode, error) {\n\tif KeepParsedFiles {\n\t\treturn rf.keptRNodesFromBytes(b)\n\t}\n\treturn rf.parseRNodesFromBytes(b)\n}\n\nfunc (rf *Factory) parseRNodesFromBytes(b []byte) ([]*yaml.RNode, error) {\n")
	appendFile(copyDir, "resource/factory.go", factoryAdditions)
	edit(copyDir, "resmap/reswrangler.go", "\t\tor, err := res.GetOrigin()\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tif or == nil {\n",
		"\t\tor, err := res.OriginForTransformation()\n\t\tif err != nil {\n\t\t\treturn err\n\t\t}\n\t\tif or == nil {\n")

	mod, err := os.ReadFile("go.mod")
	check(err)
	sum, err := os.ReadFile("go.sum")
	check(err)
	check(os.WriteFile(filepath.Join(out, "go.mod"), []byte(string(mod)+"\nreplace sigs.k8s.io/kustomize/api => "+filepath.ToSlash(copyDir)+"\n"), 0o644))
	check(os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644))
}

// resourceAdditions: the fast path of AddTransformation and AddTransformerAnnotation, used only while
// SkipRepeatedTransformations is set (the list is then ours alone: dropped before printing).
const resourceAdditions = `
// SkipRepeatedTransformations is StatefulSet Studio's (go/kustomize/tools/apioverlay): while set,
// AddTransformation does not record a transformation equal to the last one recorded, and appends
// the new one's YAML to the annotation's text instead of parsing and printing the whole list
// (a YAML list printed item by item is the list printed at once).
var SkipRepeatedTransformations bool

func (r *Resource) appendTransformation(origin *Origin) error {
	// AddTransformerAnnotation hands every resource the same origin: its entry is printed once.
	if lastEntryOrigin == nil || *lastEntryOrigin != *origin {
		entry, err := (&Transformations{origin}).String()
		if err != nil {
			return err
		}
		copied := *origin
		lastEntryOrigin, lastEntry = &copied, entry
	}
	entry := lastEntry
	// Once the annotation is there, its text is extended in place: SetAnnotations would print every
	// annotation again and parse each value (IsYaml1_1NonString) — the growing list included.
	if node, err := r.Pipe(kyaml.Lookup(kyaml.MetadataField, kyaml.AnnotationsField, utils.TransformerAnnotationKey)); err == nil && node != nil && node.YNode().Kind == kyaml.ScalarNode {
		current := node.YNode().Value
		if strings.HasSuffix(current, entry) && (len(current) == len(entry) || strings.HasSuffix(current[:len(current)-len(entry)], "\n")) {
			return nil
		}
		node.YNode().Value = current + entry
		return nil
	}
	annotations := r.GetAnnotations()
	annotations[utils.TransformerAnnotationKey] = annotations[utils.TransformerAnnotationKey] + entry
	return r.SetAnnotations(annotations)
}

// lastEntryOrigin and lastEntry: the last transformation printed (builds run one at a time).
var (
	lastEntryOrigin *Origin
	lastEntry       string
)

// OriginForTransformation is GetOrigin for AddTransformerAnnotation, which only asks whether there is
// one: while SkipRepeatedTransformations is set, the annotation is not parsed.
func (r *Resource) OriginForTransformation() (*Origin, error) {
	if !SkipRepeatedTransformations {
		return r.GetOrigin()
	}
	if _, ok := r.GetAnnotations()[utils.OriginAnnotationKey]; ok {
		return &Origin{}, nil
	}
	return nil, nil
}
`

// factoryAdditions: a file's resources parsed once while its bytes stay the same (an edit rebuilds
// the whole overlay, whose other files did not change); each build gets its own deep copies.
const factoryAdditions = `
// KeepParsedFiles is StatefulSet Studio's (go/kustomize/tools/apioverlay): while set,
// RNodesFromBytes parses given bytes once and hands out deep copies of the nodes.
var KeepParsedFiles bool

var (
	parsedFiles      = map[string][]*yaml.RNode{}
	parsedFilesBytes int
)

// maxParsedFilesBytes bounds what is kept (the keys' bytes; the nodes are a few times that).
const maxParsedFilesBytes = 16 << 20

func (rf *Factory) keptRNodesFromBytes(b []byte) ([]*yaml.RNode, error) {
	nodes, ok := parsedFiles[string(b)]
	if !ok {
		var err error
		if nodes, err = rf.parseRNodesFromBytes(b); err != nil {
			return nil, err
		}
		if parsedFilesBytes+len(b) > maxParsedFilesBytes {
			parsedFiles, parsedFilesBytes = map[string][]*yaml.RNode{}, 0
		}
		parsedFiles[string(b)] = nodes
		parsedFilesBytes += len(b)
	}
	copies := make([]*yaml.RNode, len(nodes))
	for i, n := range nodes {
		copies[i] = n.Copy()
	}
	return copies, nil
}
`

// edit replaces the one occurrence of old in a file of the copy, or fails: an upgrade of
// kustomize that moved the text must be reviewed, not built around.
func edit(copyDir, rel, old, replacement string) {
	file := filepath.Join(copyDir, filepath.FromSlash(rel))
	b, err := os.ReadFile(file)
	check(err)
	if strings.Count(string(b), old) != 1 {
		fail(rel + ": the text to replace is not there once (kustomize changed: review tools/apioverlay)")
	}
	check(os.WriteFile(file, []byte(strings.Replace(string(b), old, replacement, 1)), 0o644))
}

func appendFile(copyDir, rel, text string) {
	file := filepath.Join(copyDir, filepath.FromSlash(rel))
	b, err := os.ReadFile(file)
	check(err)
	check(os.WriteFile(file, append(b, text...), 0o644))
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "apioverlay:", message)
	os.Exit(1)
}
