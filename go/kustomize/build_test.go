package kustomizeengine

import (
	"strings"
	"testing"
)

var layout = map[string][]byte{
	"/w/base/kustomization.yaml": []byte("resources:\n- sts.yaml\n- svc.yaml\n"),
	"/w/base/sts.yaml": []byte(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 3
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16
`),
	"/w/base/svc.yaml": []byte("apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n"),
	"/w/prod/kustomization.yaml": []byte(`resources:
- ../base
namespace: prod
patches:
- path: replicas.yaml
- patch: |-
    - op: replace
      path: /spec/template/spec/containers/0/image
      value: postgres:17
  target:
    kind: StatefulSet
`),
	"/w/prod/replicas.yaml": []byte("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  replicas: 5\n"),
}

func TestBuildRecordsOrigins(t *testing.T) {
	resp := Build(Request{Files: layout, Dir: "/w/prod"})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	if strings.Contains(resp.Manifest, "config.kubernetes.io/origin") || strings.Contains(resp.Manifest, "transformations") {
		t.Errorf("the manifest keeps annotations the kustomization did not ask for:\n%s", resp.Manifest)
	}
	if len(resp.Resources) != 2 {
		t.Fatalf("want 2 resources, got %d", len(resp.Resources))
	}
	sts := resp.Resources[1]
	if !strings.Contains(sts.Text, "replicas: 5") || !strings.Contains(sts.Text, "postgres:17") || !strings.Contains(sts.Text, "namespace: prod") {
		t.Errorf("the patches did not apply:\n%s", sts.Text)
	}
	if sts.Origin == nil || sts.Origin.Path != "../base/sts.yaml" {
		t.Errorf("origin: %+v", sts.Origin)
	}
	var kinds []string
	for _, tr := range sts.Transformations {
		kinds = append(kinds, tr.ConfiguredIn+":"+tr.ConfiguredBy.Kind)
	}
	if !strings.Contains(strings.Join(kinds, ","), "kustomization.yaml:PatchTransformer") {
		t.Errorf("transformations: %v", kinds)
	}
}

func TestBuildRefusesRemote(t *testing.T) {
	files := map[string][]byte{
		"/w/kustomization.yaml": []byte("resources:\n- https://example.com/sts.yaml\n"),
	}
	resp := Build(Request{Files: files, Dir: "/w"})
	if resp.Error == nil || !resp.Error.Remote || !strings.Contains(resp.Error.Message, RemoteRefused) {
		t.Fatalf("want a refusal, got %+v", resp.Error)
	}
}

func TestBuildKeepsAskedMetadata(t *testing.T) {
	files := map[string][]byte{}
	for k, v := range layout {
		files[k] = v
	}
	files["/w/prod/kustomization.yaml"] = append([]byte("buildMetadata: [originAnnotations]\n"), layout["/w/prod/kustomization.yaml"]...)
	resp := Build(Request{Files: files, Dir: "/w/prod"})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	if !strings.Contains(resp.Manifest, "config.kubernetes.io/origin") || strings.Contains(resp.Manifest, "alpha.config.kubernetes.io/transformations") {
		t.Errorf("want origins only:\n%s", resp.Manifest)
	}
}

// A kustomization that asks for transformerAnnotations gets kustomize's own list, each patch
// recorded (the overlay's skipping of repeats is off then).
func TestBuildKeepsEveryAskedTransformation(t *testing.T) {
	files := map[string][]byte{}
	for k, v := range layout {
		files[k] = v
	}
	files["/w/prod/kustomization.yaml"] = append([]byte("buildMetadata: [transformerAnnotations]\n"), layout["/w/prod/kustomization.yaml"]...)
	resp := Build(Request{Files: files, Dir: "/w/prod"})
	if resp.Error != nil {
		t.Fatal(resp.Error.Message)
	}
	if n := strings.Count(resp.Resources[1].Text, "kind: PatchTransformer"); n != 2 {
		t.Errorf("want both patches recorded, got %d:\n%s", n, resp.Resources[1].Text)
	}
}
