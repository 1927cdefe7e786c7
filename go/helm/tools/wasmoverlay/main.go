// Command wasmoverlay writes a copy of Helm's module with five files changed and four added,
// which lets Helm's engine build for js/wasm at a fraction of its size and render an edited
// chart faster, and a go.mod that uses it:
//
//	go run ./tools/wasmoverlay OUTDIR   (writes OUTDIR/helm/..., OUTDIR/go.mod, OUTDIR/go.sum)
//	GOOS=js GOARCH=wasm go build -modfile=OUTDIR/go.mod ./cmd/wasm
//
// (`go build -overlay` would be the natural tool, but Go refuses to overlay files in the
// module cache.)
//
// Helm's packages that `helm template` runs import a Kubernetes client for things that
// a render without a cluster never does: the `lookup` function's client (pkg/engine,
// unused when the engine has no client, as in `helm template`), the whole client-go
// scheme only to list the API versions it knows (pkg/chart/common, for
// .Capabilities.APIVersions), and client-go's clientset only so that its version is in
// the build info (internal/version, for .Capabilities.KubeVersion). The overlay replaces
// exactly those (and keeps parsed templates, their outputs and parsed values between renders,
// see parseCache, execCache and valuesCache): the lookup client by a stub, and the two computed values by the values
// this program computes with Helm's own unmodified code, natively, at build time. So the
// rendered output stays byte-identical (the tests compare with the real `helm template`).
// Every edit checks that the text it replaces is there; a Helm upgrade that moves it
// fails here, loudly, rather than building something different.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"helm.sh/helm/v4/pkg/chart/common"
)

func main() {
	if len(os.Args) != 2 {
		fail("usage: wasmoverlay OUTDIR")
	}
	out, err := filepath.Abs(os.Args[1])
	check(err)
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "helm.sh/helm/v4").Output()
	check(err)
	helm := strings.TrimSpace(string(dir))

	copyDir := filepath.Join(out, "helm")
	check(os.RemoveAll(copyDir))
	check(copyModule(helm, copyDir))
	write := func(rel, text string) {
		check(os.WriteFile(filepath.Join(copyDir, filepath.FromSlash(rel)), []byte(text), 0o644))
	}
	read := func(rel string) string {
		b, err := os.ReadFile(filepath.Join(helm, filepath.FromSlash(rel)))
		check(err)
		return string(b)
	}

	// pkg/engine: no rest.Config constructors, and a lookup client type without client-go.
	engine := read("pkg/engine/engine.go")
	engine = cut(engine, "\t\"k8s.io/client-go/rest\"\n", "")
	engine = cutFunc(engine, "// New creates a new instance of Engine using the passed in rest config.\n")
	engine = cutFunc(engine, "// RenderWithClient takes a chart, optional values, and value overrides, and attempts to\n")
	// The templates that did not change since the last render are not parsed again (parseCache).
	engine = cut(engine, "\t\tif _, err := t.New(filename).Parse(r.tpl); err != nil {\n", "\t\tif _, err := parseCached(t.New(filename), r.tpl); err != nil {\n")
	// A template whose text, named templates and data did not change is not executed again (execCache).
	engine = cut(engine, "\t\tvar buf strings.Builder\n\t\tif err := t.ExecuteTemplate(&buf, filename, vals); err != nil {\n",
		"\t\tif output, ok := executions.reuse(ctx, t, tpls, filename); ok {\n\t\t\trendered[filename] = output\n\t\t\tcontinue\n\t\t}\n\t\texecutions.start()\n"+
			"\t\tvar buf strings.Builder\n\t\tif err := t.ExecuteTemplate(&buf, filename, vals); err != nil {\n")
	engine = cut(engine, "\t\trendered[filename] = strings.ReplaceAll(buf.String(), \"<no value>\", \"\")\n",
		"\t\trendered[filename] = strings.ReplaceAll(buf.String(), \"<no value>\", \"\")\n\t\texecutions.keep(ctx, t, tpls, filename, rendered[filename])\n")
	engine = cut(engine, "\t\terr := t.ExecuteTemplate(&buf, name, data)\n\t\tincludedNames[name]--\n",
		"\t\texecutions.included(name)\n\t\terr := t.ExecuteTemplate(&buf, name, data)\n\t\tincludedNames[name]--\n")
	engine = cut(engine, "\t\tt, err := parent.Clone()\n", "\t\texecutions.usedTpl()\n\t\tt, err := parent.Clone()\n")
	engine = cut(engine, "\trendered = make(map[string]string, len(keys))\n", "\trendered = make(map[string]string, len(keys))\n\texecutions.beginRender(tpls)\n")
	engine = cut(engine, "\tfuncMap[\"include\"] = includeFun(t, includedNames)\n", "\texecutions.guardMutations(funcMap)\n\tfuncMap[\"include\"] = includeFun(t, includedNames)\n")
	write("pkg/engine/engine.go", engine)
	write("pkg/engine/lookup_func.go", lookupStub)
	write("pkg/engine/parse_cache.go", parseCache)
	write("pkg/engine/exec_cache.go", execCache)

	// pkg/chart/v2/loader: a chart's values.yaml is parsed once per text (valuesCache).
	loader := read("pkg/chart/v2/loader/load.go")
	loader = cut(loader, "\t\t\tvalues, err := LoadValues(bytes.NewReader(f.Data))\n", "\t\t\tvalues, err := loadValuesCached(c, f.Data)\n")
	write("pkg/chart/v2/loader/load.go", loader)
	write("pkg/chart/v2/loader/values_cache.go", valuesCache)

	// pkg/chart/common: the API versions that allKnownVersions computes, as a list.
	versions, err := json.Marshal([]string(common.DefaultVersionSet))
	check(err)
	caps := read("pkg/chart/common/capabilities.go")
	caps = cut(caps, "\t\"k8s.io/client-go/kubernetes/scheme\"\n", "")
	caps = cut(caps, "\tapiextensionsv1 \"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1\"\n\tapiextensionsv1beta1 \"k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1beta1\"\n", "")
	start := strings.Index(caps, "func allKnownVersions() VersionSet {")
	end := strings.Index(caps, "func makeDefaultCapabilities()")
	if start < 0 || end < start {
		fail("pkg/chart/common/capabilities.go: allKnownVersions not found")
	}
	list := strings.NewReplacer("[", "{", "]", "}").Replace(string(versions))
	caps = caps[:start] + "// allKnownVersions: computed by go/helm/tools/wasmoverlay with Helm's own code.\nfunc allKnownVersions() VersionSet {\n\treturn VersionSet" + list + "\n}\n\n" + caps[end:]
	write("pkg/chart/common/capabilities.go", caps)

	// internal/version: client-go's version as the build info of a full build reports it.
	v := clientGoVersion()
	write("internal/version/clientgo.go", fmt.Sprintf(clientGoStub, v))

	// go.mod and go.sum of go/helm (the current directory), with Helm replaced by the copy.
	mod, err := os.ReadFile("go.mod")
	check(err)
	sum, err := os.ReadFile("go.sum")
	check(err)
	// A path relative to go/helm (where the build runs), so that the build info, which names
	// it, is the same on every machine: the module is then built reproducibly.
	cwd, err := os.Getwd()
	check(err)
	rel, err := filepath.Rel(cwd, copyDir)
	check(err)
	check(os.WriteFile(filepath.Join(out, "go.mod"), append(mod, []byte("\nreplace helm.sh/helm/v4 => "+filepath.ToSlash(rel)+"\n")...), 0o644))
	check(os.WriteFile(filepath.Join(out, "go.sum"), sum, 0o644))
}

// copyModule copies a module's Go sources and go.mod, leaving out tests and test data.
func copyModule(from, to string) error {
	return filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			if d.Name() == "testdata" || d.Name() == ".github" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if strings.HasSuffix(path, "_test.go") || !(strings.HasSuffix(path, ".go") || d.Name() == "go.mod") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

func clientGoVersion() string {
	b, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "k8s.io/client-go").Output()
	check(err)
	return strings.TrimSpace(string(b))
}

// cut replaces the one occurrence of old by new, or fails.
func cut(text, old, new string) string {
	if strings.Count(text, old) != 1 {
		fail(fmt.Sprintf("expected exactly one %q", old))
	}
	return strings.Replace(text, old, new, 1)
}

// cutFunc removes the function whose doc comment starts with doc, up to its closing "\n}\n".
func cutFunc(text, doc string) string {
	start := strings.Index(text, doc)
	if start < 0 || strings.Count(text, doc) != 1 {
		fail(fmt.Sprintf("expected exactly one %q", doc))
	}
	end := strings.Index(text[start:], "\n}\n")
	if end < 0 {
		fail("no end of function after " + doc)
	}
	return text[:start] + text[start+end+3:]
}

const lookupStub = `package engine

import "context"

// Overlay of go/helm/tools/wasmoverlay: the engine without a Kubernetes client. Without
// a client, Helm's engine keeps the "lookup" of funcs.go, which finds nothing.

type lookupFunc = func(apiversion, resource, namespace, name string) (map[string]any, error)

// ClientProvider stands in for Helm's (a dynamic client per kind); nothing can provide one here.
type ClientProvider interface {
	noClientInWebAssembly()
}

func newLookupFunction(_ context.Context, _ ClientProvider) lookupFunc {
	return func(string, string, string, string) (map[string]any, error) { return map[string]any{}, nil }
}
`

// parseCache is a change to what the engine does, for speed: an edit re-renders a whole
// chart, and parsing its ~100 unchanged templates again was more than half of a render.
const parseCache = `package engine

import (
	"text/template"
	"text/template/parse"
)

// Overlay of go/helm/tools/wasmoverlay. A file's templates are parsed once per text: a render
// adds the trees parsed before, as (*template.Template).Parse itself adds the trees it parsed
// (AddParseTree each). A text not seen before is parsed by Parse, with the functions checked and
// the error Helm prints, and once more without the check, for the cache: the trees are the same.
// Trees are not changed by executing them (text/template), so renders can share them. Each
// template file keeps the trees of its last text only: an edited file's older texts would
// otherwise pile up, one set of trees per keystroke.

type parsedText struct {
	text  string
	trees map[string]*parse.Tree
}

var parsedFiles = map[string]parsedText{}

// maxParsedFiles bounds the cache (a workspace of many charts): past it, start afresh.
const maxParsedFiles = 4096

func parseCached(t *template.Template, text string) (*template.Template, error) {
	if parsed, ok := parsedFiles[t.Name()]; ok && parsed.text == text {
		for name, tree := range parsed.trees {
			if _, err := t.AddParseTree(name, tree); err != nil {
				return nil, err
			}
		}
		return t, nil
	}
	if _, err := t.Parse(text); err != nil {
		return nil, err
	}
	tree := parse.New(t.Name())
	tree.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := tree.Parse(text, "", "", trees); err != nil {
		return t, nil // not cached; Parse succeeded, so this cannot happen
	}
	if len(parsedFiles) >= maxParsedFiles {
		parsedFiles = map[string]parsedText{}
	}
	parsedFiles[t.Name()] = parsedText{text: text, trees: trees}
	return t, nil
}
`

const clientGoStub = `package version

// Overlay of go/helm/tools/wasmoverlay: the version of k8s.io/client-go in go.mod, which a
// full build reads from its build info.
func K8sIOClientGoModVersion() (string, error) {
	return %q, nil
}
`

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "wasmoverlay:", msg)
	os.Exit(1)
}
