package oracle

// KubernetesVersion is the release whose code answers (go.mod pins it).
const KubernetesVersion = "v1.37.2"

// Answer dispatches one request by its op.
func Answer(req Request) Response {
	switch req.Op {
	case "", "validate":
		return Validate(req)
	default:
		return Response{ID: req.ID, Errors: []FieldError{}, Failure: "unknown op " + req.Op}
	}
}
