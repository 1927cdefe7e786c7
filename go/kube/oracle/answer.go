package oracle

import "k8s.io/kubernetes/pkg/capabilities"

// KubernetesVersion is the release whose code answers (go.mod pins it).
const KubernetesVersion = "v1.37.2"

// Answer dispatches one request by its op.
func Answer(req Request) Response {
	switch req.Op {
	case "", "validate":
		return Validate(req)
	case "run":
		return RunScenario(req)
	default:
		return Response{ID: req.ID, Errors: []FieldError{}, Failure: "unknown op " + req.Op}
	}
}

func init() {
	// kube-apiserver --allow-privileged=true, as kubeadm, kind and the managed clusters
	// run it (the flag's own default is false): privileged containers are allowed.
	capabilities.Setup(true, 0)
}
