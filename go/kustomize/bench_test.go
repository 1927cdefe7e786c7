package kustomizeengine

import (
	"fmt"
	"strings"
	"testing"
)

// benchLayout is scripts/bench-kustomize.mjs's layout: 10 apps (StatefulSet, Service,
// ConfigMap, PodDisruptionBudget: 40 resources) and an overlay with three patches.
func benchLayout() Request {
	files := map[string][]byte{}
	var names []string
	for i := 0; i < 10; i++ {
		n := fmt.Sprintf("app%d", i)
		names = append(names, "- "+n+".yaml")
		files["/w/base/"+n+".yaml"] = []byte(strings.ReplaceAll(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: NAME
spec:
  serviceName: NAME
  replicas: 5
  updateStrategy:
    rollingUpdate:
      partition: 3
  selector:
    matchLabels: {app: NAME}
  template:
    metadata:
      labels: {app: NAME}
    spec:
      containers:
      - name: main
        image: registry.example/NAME:1.0
        ports:
        - {name: http, containerPort: 8080}
        envFrom:
        - configMapRef: {name: NAME-config}
        volumeMounts:
        - {name: data, mountPath: /data}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: NAME
spec:
  clusterIP: None
  selector: {app: NAME}
  ports:
  - {name: http, port: 8080}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: NAME-config
data:
  MODE: base
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: NAME
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: NAME}
`, "NAME", n))
	}
	files["/w/base/kustomization.yaml"] = []byte("resources:\n" + strings.Join(names, "\n") + "\n")
	files["/w/overlays/prod/replicas.yaml"] = []byte("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app0\nspec:\n  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      partition: 9\n")
	files["/w/overlays/prod/resources.yaml"] = []byte("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: app1\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        resources:\n          limits: {memory: 1Gi}\n")
	files["/w/overlays/prod/kustomization.yaml"] = []byte(`resources:
- ../../base
namespace: prod
commonLabels:
  env: prod
images:
- name: registry.example/app2
  newTag: "2.0"
patches:
- path: replicas.yaml
- path: resources.yaml
- target: {kind: StatefulSet, name: app3}
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 7
`)
	return Request{Files: files, Dir: "/w/overlays/prod"}
}

func BenchmarkBuildBenchLayout(b *testing.B) {
	req := benchLayout()
	for b.Loop() {
		if resp := Build(req); resp.Error != nil || len(resp.Resources) != 40 {
			b.Fatalf("%v %d", resp.Error, len(resp.Resources))
		}
	}
}
