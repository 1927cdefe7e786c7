package helmengine

import (
	"strings"
	"testing"
)

func tiny(extra map[string]string) map[string][]byte {
	files := map[string]string{
		"Chart.yaml":                 "apiVersion: v2\nname: tiny\nversion: 0.1.0\n",
		"values.yaml":                "replicas: 3\n",
		"templates/statefulset.yaml": "kind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}-db\n  namespace: {{ .Release.Namespace }}\nspec:\n  replicas: {{ .Values.replicas }}\n",
		"templates/svc.yaml":         "kind: Service\nmetadata:\n  name: {{ .Release.Name }}-db\n",
		"templates/NOTES.txt":        "thanks\n",
	}
	for k, v := range extra {
		files[k] = v
	}
	out := map[string][]byte{}
	for k, v := range files {
		out[k] = []byte(v)
	}
	return out
}

func TestRenderOrderDefaultsAndDocuments(t *testing.T) {
	resp := Render(Request{Files: tiny(nil), Set: []string{"replicas=5"}})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	// Helm prints each template's text (with its final newline) and a newline after it.
	want := "---\n# Source: tiny/templates/svc.yaml\nkind: Service\nmetadata:\n  name: release-name-db\n\n" +
		"---\n# Source: tiny/templates/statefulset.yaml\nkind: StatefulSet\nmetadata:\n  name: release-name-db\n  namespace: default\nspec:\n  replicas: 5\n"
	if resp.Manifest != want {
		t.Fatalf("manifest:\n%s\nwant:\n%s", resp.Manifest, want)
	}
	if len(resp.Documents) != 2 || resp.Documents[0].Source != "tiny/templates/svc.yaml" || !strings.HasSuffix(resp.Documents[1].Text, "replicas: 5\n") {
		t.Fatalf("documents: %+v", resp.Documents)
	}
	var joined strings.Builder
	for _, d := range resp.Documents {
		joined.WriteString("---\n# Source: " + d.Source + "\n" + d.Text)
	}
	if joined.String() != resp.Manifest {
		t.Fatalf("documents do not make the manifest:\n%s", joined.String())
	}
}

func TestHooksComeAfterTheManifest(t *testing.T) {
	resp := Render(Request{Files: tiny(map[string]string{
		"templates/job.yaml": "kind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install\n",
	})})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	last := resp.Documents[len(resp.Documents)-1]
	if last.Source != "tiny/templates/job.yaml" {
		t.Fatalf("the hook is not last: %+v", resp.Documents)
	}
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct {
		req  Request
		want string
	}{
		"no Chart.yaml":    {Request{Files: map[string][]byte{"templates/x.yaml": []byte("kind: X\n")}}, "Chart.yaml file is missing"},
		"values not YAML":  {Request{Files: tiny(nil), ValuesFiles: []NamedContent{{Name: "bad.yaml", Content: []byte("a: [1\n")}}}, "failed to parse bad.yaml: "},
		"bad --set":        {Request{Files: tiny(nil), Set: []string{"name"}}, "failed parsing --set data: "},
		"template error":   {Request{Files: tiny(map[string]string{"templates/bad.yaml": "a: {{ .Values.x.y }}\n"})}, "tiny/templates/bad.yaml:1:13\n  executing \"tiny/templates/bad.yaml\" at <.Values.x.y>:\n    nil pointer evaluating interface {}.y"},
		"missing subchart": {Request{Files: tiny(map[string]string{"Chart.yaml": "apiVersion: v2\nname: tiny\nversion: 0.1.0\ndependencies:\n- name: common\n  version: 2.x.x\n  repository: oci://example\n"})}, "You may need to run 'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: common"},
		"library chart":    {Request{Files: tiny(map[string]string{"Chart.yaml": "apiVersion: v2\nname: tiny\nversion: 0.1.0\ntype: library\n"})}, "library charts are not installable"},
		"bad release name": {Request{Files: tiny(nil), ReleaseName: "Not_Valid"}, "release name check failed"},
		"bad kube version": {Request{Files: tiny(nil), KubeVersion: "one"}, "invalid kube version 'one'"},
		"required fails":   {Request{Files: tiny(map[string]string{"templates/req.yaml": "a: {{ required \"set image\" .Values.image }}\n"})}, "set image"},
	} {
		t.Run(name, func(t *testing.T) {
			resp := Render(c.req)
			if resp.Error == nil || !strings.Contains(resp.Error.Message, c.want) {
				t.Fatalf("error %+v, want it to contain %q", resp.Error, c.want)
			}
			if resp.Manifest != "" {
				t.Fatalf("a manifest with an error: %q", resp.Manifest)
			}
		})
	}
}

func TestHelmignoreAndWalk(t *testing.T) {
	resp := Render(Request{Files: tiny(map[string]string{
		".helmignore":            "templates/skip.yaml\nhidden/\n",
		"templates/skip.yaml":    "kind: Skipped\n",
		"hidden/templates/x":     "y",
		"templates/.dotted.yaml": "kind: Dotted\n", // Helm's default rules ignore templates/.?*
	})})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	if strings.Contains(resp.Manifest, "Skipped") || strings.Contains(resp.Manifest, "Dotted") {
		t.Fatalf("ignored files were rendered:\n%s", resp.Manifest)
	}
}

func TestSubchartFolder(t *testing.T) {
	resp := Render(Request{Files: tiny(map[string]string{
		"Chart.yaml":                   "apiVersion: v2\nname: tiny\nversion: 0.1.0\ndependencies:\n- name: sub\n  version: 1.0.0\n",
		"charts/sub/Chart.yaml":        "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
		"charts/sub/templates/cm.yaml": "kind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n",
		"charts/sub/values.yaml":       "name: from-sub\n",
	}), Set: []string{"sub.name=from-parent"}})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	if !strings.Contains(resp.Manifest, "# Source: tiny/charts/sub/templates/cm.yaml\nkind: ConfigMap\nmetadata:\n  name: from-parent\n") {
		t.Fatalf("subchart not rendered with the parent's values:\n%s", resp.Manifest)
	}
}
