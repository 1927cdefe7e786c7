// Package helmengine renders a Helm chart exactly as `helm template` of the pinned Helm
// version does, from files handed over in memory (the TypeScript host reads the disk).
// It is deliberately thin: every step below is a call into Helm's own packages, in the
// order pkg/cmd/template.go, pkg/cmd/install.go (runInstall) and pkg/action (Install with
// DryRunClient, renderResources) make them; nothing here knows about findings, positions
// or editors. pkg/action itself is not imported: it pulls kubectl and a terminal library
// that do not build for js/wasm, and most of a cluster client; the few lines of it that
// `helm template` runs are repeated here, each naming its origin. The tests compare the
// output with the real `helm template` byte for byte.
package helmengine

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	ci "helm.sh/helm/v4/pkg/chart"
	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
	release "helm.sh/helm/v4/pkg/release/v1"
	releaseutil "helm.sh/helm/v4/pkg/release/v1/util"
	"helm.sh/helm/v4/pkg/strvals"
)

// Request is one `helm template [release] [chart] -f ... --set ... -n ...`.
type Request struct {
	// Files of the chart folder: path relative to the chart root (forward slashes) ->
	// content. Subcharts are included as charts/<name>/... or charts/<name>.tgz.
	Files map[string][]byte `json:"files"`
	// Values files (-f), in order; Name is only used in error messages, as Helm does.
	ValuesFiles []NamedContent `json:"valuesFiles,omitempty"`
	// --set strings, in order.
	Set []string `json:"set,omitempty"`
	// --set-string strings, in order.
	SetString []string `json:"setString,omitempty"`
	// Release name; default "release-name" (helm template's default).
	ReleaseName string `json:"releaseName,omitempty"`
	// Namespace; default "default".
	Namespace string `json:"namespace,omitempty"`
	// --kube-version; default Helm's built-in capabilities.
	KubeVersion string `json:"kubeVersion,omitempty"`
	// --api-versions.
	APIVersions []string `json:"apiVersions,omitempty"`
	// --is-upgrade.
	IsUpgrade bool `json:"isUpgrade,omitempty"`
	// ExecutionContext names everything a template's output depends on besides the
	// templates (values, the other files, the options above): the same name promises the
	// same data, so the WebAssembly build's engine may reuse the output of a template that
	// did not change (its overlay's execCache). Empty: nothing is reused. Helm's own engine,
	// natively, ignores it.
	ExecutionContext string `json:"-"`
}

// executionContextKey is the context value the overlay's engine reads (engine.ExecutionContextKey).
const executionContextKey = "statefulset.studio/helm-execution-context"

// NamedContent is a values file: the name Helm would print and its bytes.
type NamedContent struct {
	Name    string `json:"name"`
	Content []byte `json:"content"`
}

// Document is one rendered document as `helm template` prints it after `# Source:`.
type Document struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

// Response is what `helm template` would have printed: Manifest is its stdout byte for
// byte; Error is its stderr message without the "Error: " prefix.
type Response struct {
	Manifest  string     `json:"manifest"`
	Documents []Document `json:"documents"`
	Error     *Error     `json:"error,omitempty"`
}

// Error carries Helm's message verbatim (it names template:line:col).
type Error struct {
	Message string `json:"message"`
}

// Render renders req; it never panics (a panic in a template function becomes an Error).
func Render(req Request) (resp Response) {
	defer func() {
		if r := recover(); r != nil {
			resp = Response{Documents: []Document{}, Error: &Error{Message: fmt.Sprint("panic while rendering: ", r)}}
		}
	}()
	manifest, docs, err := render(req)
	if err != nil {
		return Response{Documents: []Document{}, Error: &Error{Message: err.Error()}}
	}
	return Response{Manifest: manifest, Documents: docs}
}

func render(req Request) (string, []Document, error) {
	releaseName := req.ReleaseName
	if releaseName == "" {
		releaseName = "release-name"
	}
	namespace := req.Namespace
	if namespace == "" {
		namespace = "default"
	}
	// pkg/cmd/template.go
	var kubeVersion *common.KubeVersion
	if req.KubeVersion != "" {
		kv, err := common.ParseKubeVersion(req.KubeVersion)
		if err != nil {
			return "", nil, fmt.Errorf("invalid kube version '%s': %w", req.KubeVersion, err)
		}
		kubeVersion = kv
	}

	// pkg/cmd/install.go runInstall: values, then the chart, then its dependencies.
	vals, err := mergeValues(req)
	if err != nil {
		return "", nil, err
	}
	chrt, err := loadChart(req.Files)
	if err != nil {
		return "", nil, err
	}
	ac, err := ci.NewAccessor(chrt)
	if err != nil {
		return "", nil, err
	}
	if meta := ac.MetadataAsMap(); meta["Type"] != "" && meta["Type"] != "application" {
		return "", nil, fmt.Errorf("%s charts are not installable", meta["Type"])
	}
	if reqs := ac.MetaDependencies(); len(reqs) > 0 {
		if err := checkDependencies(chrt, reqs); err != nil {
			return "", nil, fmt.Errorf("an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: %w", err)
		}
	}

	// pkg/action/install.go (*Install).RunWithContext with DryRunClient, which
	// `helm template` uses: no cluster, Helm's default capabilities.
	if err := chartutil.ValidateReleaseName(releaseName); err != nil {
		return "", nil, fmt.Errorf("release name check failed: %w", fmt.Errorf("release name %q: %w", releaseName, err))
	}
	if err := chartutil.ProcessDependencies(chrt, vals); err != nil {
		return "", nil, fmt.Errorf("chart dependencies processing failed: %w", err)
	}
	caps := common.DefaultCapabilities.Copy()
	if kubeVersion != nil {
		caps.KubeVersion = *kubeVersion
	}
	caps.APIVersions = append(caps.APIVersions, common.VersionSet(req.APIVersions)...)
	options := common.ReleaseOptions{
		Name:      releaseName,
		Namespace: namespace,
		Revision:  1,
		IsInstall: !req.IsUpgrade,
		IsUpgrade: req.IsUpgrade,
	}
	valuesToRender, err := util.ToRenderValuesWithSchemaValidation(chrt, vals, options, caps, false)
	if err != nil {
		return "", nil, err
	}
	ctx := context.WithValue(context.Background(), executionContextKey, req.ExecutionContext) //nolint:staticcheck // a string key, shared with the overlay without an import
	hooks, manifests, err := renderResources(ctx, chrt, valuesToRender, caps)
	if err != nil {
		return "", nil, err
	}

	// pkg/cmd/template.go prints the manifest, then the hooks (no --output-dir, no
	// --skip-tests, no --show-only).
	var out bytes.Buffer
	fmt.Fprintln(&out, strings.TrimSpace(manifests))
	for _, h := range hooks {
		fmt.Fprintf(&out, "---\n# Source: %s\n%s\n", h.Path, h.Manifest)
	}
	manifest := out.String()
	return manifest, splitDocuments(manifest), nil
}

// renderResources is pkg/action's (*Configuration).renderResources as `helm template`
// calls it: no post-renderer, no CRDs from crds/, no output dir, no sub-chart notes.
func renderResources(ctx context.Context, ch *chart.Chart, values common.Values, caps *common.Capabilities) ([]*release.Hook, string, error) {
	if ch.Metadata.KubeVersion != "" {
		if !chartutil.IsCompatibleRange(ch.Metadata.KubeVersion, caps.KubeVersion.String()) {
			return nil, "", fmt.Errorf("chart requires kubeVersion: %s which is incompatible with Kubernetes %s", ch.Metadata.KubeVersion, caps.KubeVersion.Version)
		}
	}
	var e engine.Engine
	files, err := e.RenderWithContext(ctx, ch, values)
	if err != nil {
		return nil, "", err
	}
	// NOTES.txt is rendered like the other files, then dropped from the manifest.
	for k := range files {
		if strings.HasSuffix(k, "NOTES.txt") {
			delete(files, k)
		}
	}
	hooks, manifests, err := releaseutil.SortManifests(files, nil, releaseutil.InstallOrder)
	if err != nil {
		return nil, "", err
	}
	var b bytes.Buffer
	for _, m := range manifests {
		fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", m.Name, m.Content)
	}
	return hooks, b.String(), nil
}

// checkDependencies is pkg/action.CheckDependencies (pkg/action does not build for js/wasm).
func checkDependencies(ch ci.Charter, reqs []ci.Dependency) error {
	ac, err := ci.NewAccessor(ch)
	if err != nil {
		return err
	}
	var missing []string
OUTER:
	for _, r := range reqs {
		rac, err := ci.NewDependencyAccessor(r)
		if err != nil {
			return err
		}
		for _, d := range ac.Dependencies() {
			dac, err := ci.NewAccessor(d)
			if err != nil {
				return err
			}
			if dac.Name() == rac.Name() {
				continue OUTER
			}
		}
		missing = append(missing, rac.Name())
	}
	if len(missing) > 0 {
		return fmt.Errorf("found in Chart.yaml, but missing in charts/ directory: %s", strings.Join(missing, ", "))
	}
	return nil
}

// mergeValues is values.Options.MergeValues on contents instead of paths.
func mergeValues(req Request) (map[string]any, error) {
	base := map[string]any{}
	for _, f := range req.ValuesFiles {
		current, err := loader.LoadValues(bytes.NewReader(f.Content))
		if err != nil {
			return nil, fmt.Errorf("failed to parse %s: %w", f.Name, err)
		}
		base = loader.MergeMaps(base, current)
	}
	for _, v := range req.Set {
		if err := strvals.ParseInto(v, base); err != nil {
			return nil, fmt.Errorf("failed parsing --set data: %w", err)
		}
	}
	for _, v := range req.SetString {
		if err := strvals.ParseIntoString(v, base); err != nil {
			return nil, fmt.Errorf("failed parsing --set-string data: %w", err)
		}
	}
	return base, nil
}

// splitDocuments cuts the printed manifest at each `---\n# Source: ` header, which
// template.go writes before every document and a template's own output cannot start a
// line with (Helm splits a template's output on `---` lines and prints each part after
// its own header).
func splitDocuments(manifest string) []Document {
	const head = "---\n# Source: "
	docs := []Document{}
	parts := strings.Split("\n"+manifest, "\n"+head)
	for _, p := range parts[1:] {
		nl := strings.IndexByte(p, '\n')
		if nl < 0 {
			docs = append(docs, Document{Source: p, Text: ""})
			continue
		}
		docs = append(docs, Document{Source: p[:nl], Text: p[nl+1:]})
	}
	// The split took each document's last newline with the next header.
	for i := 0; i+1 < len(docs); i++ {
		docs[i].Text += "\n"
	}
	return docs
}
