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
// {configuredIn: its kustomization, configuredBy: PatchTransformer}). The engine sets it only
// when the kustomization did not ask for transformerAnnotations itself: the list is then
// dropped before printing, so the printed manifest is kustomize's own byte for byte (the tests
// compare it with the real CLI). The edit checks that the text it replaces is there: an upgrade
// that moves it fails here, loudly.
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
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "sigs.k8s.io/kustomize/api").Output()
	check(err)
	api := strings.TrimSpace(string(dir))
	copyDir := filepath.Join(out, "api")
	check(os.RemoveAll(copyDir))
	check(copyTree(api, copyDir))

	file := filepath.Join(copyDir, "resource", "resource.go")
	b, err := os.ReadFile(file)
	check(err)
	text := string(b)
	old := "\ttransformations = append(transformations, origin)\n"
	if strings.Count(text, old) != 1 {
		fail("resource/resource.go: AddTransformation's append not found (kustomize changed: review tools/apioverlay)")
	}
	text = strings.Replace(text, old, "\tif SkipRepeatedTransformations && len(transformations) > 0 && sameOrigin(transformations[len(transformations)-1], origin) {\n\t\treturn nil\n\t}\n"+old, 1)
	text += `
// SkipRepeatedTransformations is StatefulSet Studio's (go/kustomize/tools/apioverlay): while set,
// AddTransformation does not record a transformation equal to the last one recorded.
var SkipRepeatedTransformations bool

func sameOrigin(a, b *Origin) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
`
	check(os.WriteFile(file, []byte(text), 0o644))

	mod, err := os.ReadFile("go.mod")
	check(err)
	sum, err := os.ReadFile("go.sum")
	check(err)
	check(os.WriteFile(filepath.Join(out, "go.mod"), []byte(string(mod)+"\nreplace sigs.k8s.io/kustomize/api => "+filepath.ToSlash(copyDir)+"\n"), 0o644))
	check(os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644))
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
