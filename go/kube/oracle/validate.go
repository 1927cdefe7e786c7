package oracle

import (
	"fmt"

	"k8s.io/kubernetes/pkg/apis/apps"
)

// Validate answers one request: the API server's errors on create (or on update, with
// OldObject), and, when it accepts the object, what the controller's pod and claim
// creation would be refused with.
func Validate(req Request) (resp Response) {
	resp.ID = req.ID
	resp.Errors = []FieldError{}
	defer func() {
		if r := recover(); r != nil {
			resp.Failure = fmt.Sprintf("panic: %v", r)
		}
	}()
	namespace := req.Namespace
	if namespace == "" {
		namespace = "default"
	}
	err := withGates(req.FeatureGates, func() {
		set, decodeErrs := decodeStatefulSet(req.Object)
		resp.Errors = append(resp.Errors, decodeErrs...)
		if set == nil || len(decodeErrs) > 0 {
			return // a strict decoding error refuses the request before validation
		}
		internal, err := toInternal(set)
		if err != nil {
			resp.Failure = err.Error()
			return
		}
		var stored *apps.StatefulSet
		if req.OldObject == "" {
			var errs = []FieldError{}
			s, fieldErrs, warnings := apiserverCreate(internal, namespace)
			errs, stored, resp.Warnings = fieldErrors(fieldErrs, "apiserver"), s, warnings
			resp.Errors = append(resp.Errors, errs...)
		} else {
			oldSet, oldErrs := decodeStatefulSet(req.OldObject)
			if oldSet == nil || len(oldErrs) > 0 {
				resp.Failure = fmt.Sprintf("oldObject does not decode: %v", oldErrs)
				return
			}
			oldInternal, err := toInternal(oldSet)
			if err != nil {
				resp.Failure = err.Error()
				return
			}
			s, fieldErrs, warnings := apiserverUpdate(internal, oldInternal, namespace)
			stored, resp.Warnings = s, warnings
			resp.Errors = append(resp.Errors, fieldErrors(fieldErrs, "apiserver")...)
		}
		if len(resp.Errors) > 0 {
			return // refused: the controller never sees it
		}
		versioned, err := toStored(stored)
		if err != nil {
			resp.Failure = err.Error()
			return
		}
		refused, err := controllerRefusals(versioned)
		resp.Errors = append(resp.Errors, refused...)
		if err != nil {
			resp.Failure = err.Error()
		}
	})
	if err != nil {
		resp.Failure = err.Error()
	}
	return resp
}
