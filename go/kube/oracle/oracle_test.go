package oracle

import (
	"strings"
	"testing"
)

const valid = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: c
        image: nginx
        volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
`

func fields(resp Response) []string {
	var out []string
	for _, e := range resp.Errors {
		out = append(out, e.Who+" "+e.Field+" "+e.Type)
	}
	return out
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name   string
		object string
		old    string
		want   []string
	}{
		{"valid", valid, "", nil},
		{"duplicate container", strings.Replace(valid, "      - name: c\n", "      - name: c\n        image: x\n      - name: c\n", 1), "",
			[]string{"apiserver spec.template.spec.containers[1].name FieldValueDuplicate"}},
		{"port out of range", strings.Replace(valid, "        image: nginx\n", "        image: nginx\n        ports: [{containerPort: 70000}]\n", 1), "",
			[]string{"apiserver spec.template.spec.containers[0].ports[0].containerPort FieldValueInvalid"}},
		{"wrong type", strings.Replace(valid, "replicas: 3", "replicas: three", 1), "",
			[]string{"apiserver spec.replicas FieldValueTypeInvalid"}},
		{"unknown field", strings.Replace(valid, "replicas: 3", "replica: 3", 1), "",
			[]string{"apiserver spec.replica FieldValueUnknown"}},
		{"pod name over 63: the controller's pods are refused", strings.Replace(valid, "name: web\nspec", "name: "+strings.Repeat("a", 62)+"\nspec", 1), "",
			[]string{"controller metadata.name FieldValueInvalid"}},
		{"claim templates are immutable", strings.Replace(valid, "storage: 1Gi", "storage: 2Gi", 1), valid,
			[]string{"apiserver spec.volumeClaimTemplates FieldValueInvalid"}},
		// The request's generation is the stored one (rest.BeforeUpdate), so an update that leaves the spec is accepted.
		{"an update that changes only labels", strings.Replace(valid, "name: web\nspec", "name: web\n  labels: {tier: db}\nspec", 1), valid, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := Answer(Request{Object: c.object, OldObject: c.old})
			if resp.Failure != "" {
				t.Fatalf("failure: %s", resp.Failure)
			}
			got := fields(resp)
			if c.want == nil && len(got) > 0 {
				t.Fatalf("want no errors, got %v", got)
			}
			for _, w := range c.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("want %q among %v", w, got)
				}
			}
		})
	}
}

func TestFeatureGatesAreRestored(t *testing.T) {
	gated := strings.Replace(valid, "replicas: 3", "replicas: 3\n  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0}}", 1)
	on := Answer(Request{Object: gated, FeatureGates: map[string]bool{"MaxUnavailableStatefulSet": true}})
	off := Answer(Request{Object: gated, FeatureGates: map[string]bool{"MaxUnavailableStatefulSet": false}})
	if len(on.Errors) == 0 || len(off.Errors) != 0 {
		t.Fatalf("maxUnavailable 0: gate on %v, gate off %v (off drops the field)", fields(on), fields(off))
	}
	if bad := Answer(Request{Object: valid, FeatureGates: map[string]bool{"NoSuchGate": true}}); bad.Failure == "" {
		t.Fatalf("an unknown gate must fail the request")
	}
}
