package oracle

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"

	"k8s.io/kubernetes/pkg/apis/apps"
)

// admit runs the API server's side of a request: decoding, defaulting, the registry's
// create (or, with OldObject, update) and validation. It returns the stored object as the
// controller reads it (apps/v1), or nil when the request is refused.
func admit(req Request, resp *Response) *appsv1.StatefulSet {
	namespace := req.Namespace
	if namespace == "" {
		namespace = "default"
	}
	set, decodeErrs := decodeStatefulSet(req.Object)
	resp.Errors = append(resp.Errors, decodeErrs...)
	if set == nil || len(decodeErrs) > 0 {
		return nil // a strict decoding error refuses the request before validation
	}
	internal, err := toInternal(set)
	if err != nil {
		resp.Failure = err.Error()
		return nil
	}
	var stored *apps.StatefulSet
	if req.OldObject == "" {
		s, fieldErrs, warnings := apiserverCreate(internal, namespace)
		stored, resp.Warnings = s, warnings
		resp.Errors = append(resp.Errors, fieldErrors(fieldErrs, "apiserver")...)
	} else {
		oldSet, oldErrs := decodeStatefulSet(req.OldObject)
		if oldSet == nil || len(oldErrs) > 0 {
			resp.Failure = fmt.Sprintf("oldObject does not decode: %v", oldErrs)
			return nil
		}
		oldInternal, err := toInternal(oldSet)
		if err != nil {
			resp.Failure = err.Error()
			return nil
		}
		s, fieldErrs, warnings := apiserverUpdate(internal, oldInternal, namespace)
		stored, resp.Warnings = s, warnings
		resp.Errors = append(resp.Errors, fieldErrors(fieldErrs, "apiserver")...)
	}
	if len(resp.Errors) > 0 {
		return nil // refused: the controller never sees it
	}
	versioned, err := toStored(stored)
	if err != nil {
		resp.Failure = err.Error()
		return nil
	}
	return versioned
}

// answer runs f with the request's feature gates and turns a panic into a failure.
func answer(req Request, f func(*Response)) (resp Response) {
	resp.ID = req.ID
	resp.Errors = []FieldError{}
	defer func() {
		if r := recover(); r != nil {
			resp.Failure = fmt.Sprintf("panic: %v", r)
		}
	}()
	if err := withGates(req.FeatureGates, func() { f(&resp) }); err != nil {
		resp.Failure = err.Error()
	}
	return resp
}

// Validate answers one request: the API server's errors on create (or on update, with
// OldObject), and, when it accepts the object, what the controller's pod and claim
// creation would be refused with.
func Validate(req Request) Response {
	return answer(req, func(resp *Response) {
		stored := admit(req, resp)
		if stored == nil {
			return
		}
		refused, err := controllerRefusals(stored)
		resp.Errors = append(resp.Errors, refused...)
		if err != nil {
			resp.Failure = err.Error()
		}
	})
}

// RunScenario admits the object as Validate does, then plays the request's scenario with
// the real controller; a refused object answers with its errors and no steps.
func RunScenario(req Request) Response {
	return answer(req, func(resp *Response) {
		stored := admit(req, resp)
		if stored == nil {
			return
		}
		if req.Scenario == nil {
			resp.Failure = "run needs a scenario"
			return
		}
		steps, err := Run(stored, *req.Scenario)
		resp.Steps = steps
		if err != nil {
			resp.Failure = err.Error()
		}
	})
}
