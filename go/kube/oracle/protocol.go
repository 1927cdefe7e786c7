// Package oracle answers, with Kubernetes' own code, what the API server and the
// StatefulSet controller of one release make of a StatefulSet manifest.
//
// Nothing here re-implements a Kubernetes rule: it decodes, defaults, converts and
// validates through k8s.io/kubernetes (the apps and core registries, the StatefulSet
// controller) and reports their field errors.
package oracle

// Request is one line of input.
type Request struct {
	ID string `json:"id,omitempty"`
	// Op is "validate" (the default) or "run" (the controller plays Scenario).
	Op string `json:"op,omitempty"`
	// Object is the StatefulSet as YAML or JSON text.
	Object string `json:"object"`
	// OldObject, when set, makes the request an update of that object.
	OldObject string `json:"oldObject,omitempty"`
	// FeatureGates overrides the release's defaults for this request only.
	FeatureGates map[string]bool `json:"featureGates,omitempty"`
	// Scenario is the script of a "run" request.
	Scenario *Scenario `json:"scenario,omitempty"`
	// Namespace of the request (kubectl's context namespace); "default" when empty.
	Namespace string `json:"namespace,omitempty"`
}

// FieldError is one refusal.
type FieldError struct {
	// Field is the path in the StatefulSet (a pod's or claim's path mapped onto the set's template).
	Field string `json:"field"`
	// Type is the field.ErrorType (FieldValueInvalid, FieldValueRequired, ...), or
	// FieldValueTypeInvalid / FieldValueUnknown / FieldValueDuplicate for decoding errors.
	Type   string `json:"type"`
	Detail string `json:"detail"`
	// Message is the error as the API server words it.
	Message string `json:"message"`
	// Who refuses: "apiserver" (the StatefulSet's create or update) or "controller"
	// (the pod or claim the controller creates, refused by the API server: FailedCreate).
	Who string `json:"who"`
	// Object is the pod or claim name for controller errors; OwnField its own path.
	Object   string `json:"object,omitempty"`
	OwnField string `json:"ownField,omitempty"`
}

// Response is one line of output.
type Response struct {
	ID       string       `json:"id,omitempty"`
	Errors   []FieldError `json:"errors"`
	Warnings []string     `json:"warnings,omitempty"`
	// Steps is a run's answer: what the controller did after each step.
	Steps []StepResult `json:"steps,omitempty"`
	// Failure is set when the request itself could not be answered (not a validation error).
	Failure string `json:"failure,omitempty"`
}
