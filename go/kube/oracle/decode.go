package oracle

import (
	"fmt"
	"regexp"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"
	"sigs.k8s.io/yaml"

	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/apps/install" // registers apps/v1 defaults and conversions
	_ "k8s.io/kubernetes/pkg/apis/core/install" // registers core/v1 defaults and conversions
)

// The API server's decoder with strict field validation, which kubectl asks for by
// default (--validate=strict): unknown and duplicate fields are errors.
var strictDecoder = json.NewSerializerWithOptions(json.DefaultMetaFactory, legacyscheme.Scheme, legacyscheme.Scheme,
	json.SerializerOptions{Yaml: true, Strict: true})

// decodeStatefulSet reads apps/v1 StatefulSet text as the API server does. Errors that
// stop decoding (a wrong type) come back with a nil object; strict-mode errors (unknown
// or duplicate fields) come back beside the object.
func decodeStatefulSet(text string) (*appsv1.StatefulSet, []FieldError) {
	var meta struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
	}
	if err := yaml.Unmarshal([]byte(text), &meta); err != nil {
		return nil, []FieldError{decodeError("", "FieldValueTypeInvalid", err.Error())}
	}
	if meta.Kind != "StatefulSet" || meta.APIVersion != "apps/v1" {
		return nil, []FieldError{decodeError("apiVersion", "FieldValueNotSupported",
			fmt.Sprintf("no matches for kind %q in version %q", meta.Kind, meta.APIVersion))}
	}
	obj, _, err := strictDecoder.Decode([]byte(text), nil, &appsv1.StatefulSet{})
	var errs []FieldError
	if err != nil {
		if strict, ok := runtime.AsStrictDecodingError(err); ok {
			for _, e := range strict.Errors() {
				errs = append(errs, strictError(e.Error()))
			}
		} else {
			return nil, []FieldError{typeError(err.Error())}
		}
	}
	set, ok := obj.(*appsv1.StatefulSet)
	if !ok {
		return nil, append(errs, decodeError("", "FieldValueTypeInvalid", fmt.Sprintf("decoded %T", obj)))
	}
	return set, errs
}

func decodeError(path, kind, detail string) FieldError {
	return FieldError{Field: path, Type: kind, Detail: detail, Message: detail, Who: "apiserver"}
}

var structField = regexp.MustCompile(`Go struct field [A-Za-z0-9_]+\.([^ ]+) of type`)

// typeError turns `json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32` into a path.
func typeError(message string) FieldError {
	path := ""
	if m := structField.FindStringSubmatch(message); m != nil {
		path = m[1]
	}
	return decodeError(path, "FieldValueTypeInvalid", message)
}

var quotedField = regexp.MustCompile(`(unknown|duplicate) field "([^"]*)"`)

// strictError turns `unknown field "spec.foo"` into a path.
func strictError(message string) FieldError {
	m := quotedField.FindStringSubmatch(message)
	if m == nil {
		return decodeError("", "FieldValueUnknown", message)
	}
	kind := "FieldValueUnknown"
	if m[1] == "duplicate" {
		kind = "FieldValueDuplicate"
	}
	return decodeError(strings.TrimPrefix(m[2], "."), kind, message)
}
