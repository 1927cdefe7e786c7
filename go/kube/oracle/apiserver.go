package oracle

import (
	"context"

	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
	genericapirequest "k8s.io/apiserver/pkg/endpoints/request"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/apiserver/pkg/warning"

	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/apps"
	"k8s.io/kubernetes/pkg/registry/apps/statefulset"
)

// requestContext is what the API server's handler puts in a request's context.
func requestContext(namespace, group, version, resource, verb string) context.Context {
	ctx := genericapirequest.WithNamespace(context.Background(), namespace)
	return genericapirequest.WithRequestInfo(ctx, &genericapirequest.RequestInfo{
		IsResourceRequest: true, Verb: verb, APIPrefix: "apis", APIGroup: group, APIVersion: version,
		Namespace: namespace, Resource: resource,
	})
}

// collectWarnings gathers the warnings a strategy adds to the context.
type collectWarnings struct{ messages []string }

func (c *collectWarnings) AddWarning(_, text string) { c.messages = append(c.messages, text) }

// toInternal defaults a versioned StatefulSet and converts it, as the API server's decoder does.
func toInternal(set *appsv1.StatefulSet) (*apps.StatefulSet, error) {
	versioned := set.DeepCopy()
	legacyscheme.Scheme.Default(versioned)
	internal := &apps.StatefulSet{}
	if err := legacyscheme.Scheme.Convert(versioned, internal, nil); err != nil {
		return nil, err
	}
	return internal, nil
}

// toStored converts the object the API server stored back to apps/v1, as the controller reads it.
func toStored(set *apps.StatefulSet) (*appsv1.StatefulSet, error) {
	out := &appsv1.StatefulSet{}
	if err := legacyscheme.Scheme.Convert(set, out, nil); err != nil {
		return nil, err
	}
	legacyscheme.Scheme.Default(out)
	return out, nil
}

// fillSystemFields sets what the API server sets before validation (rest.FillObjectMetaSystemFields).
func fillSystemFields(meta *metav1.ObjectMeta, namespace string, uid types.UID) {
	if meta.Namespace == "" {
		meta.Namespace = namespace
	}
	meta.UID = uid
	meta.CreationTimestamp = metav1.Date(2026, 1, 1, 0, 0, 0, 0, metav1.Now().Location())
	meta.SelfLink = ""
}

// apiserverCreate runs the registry's create path (rest.BeforeCreate without its wrapping
// of errors): namespace, system fields, generated name, PrepareForCreate, Validate,
// object meta validation and declarative validation. It returns the object as stored.
func apiserverCreate(set *apps.StatefulSet, namespace string) (*apps.StatefulSet, field.ErrorList, []string) {
	warnings := &collectWarnings{}
	ctx := warning.WithWarningRecorder(requestContext(namespace, "apps", "v1", "statefulsets", "create"), warnings)
	if set.Namespace != "" && set.Namespace != namespace {
		namespace = set.Namespace
		ctx = warning.WithWarningRecorder(requestContext(namespace, "apps", "v1", "statefulsets", "create"), warnings)
	}
	fillSystemFields(&set.ObjectMeta, namespace, "3f1c0b5e-0000-4000-8000-000000000001")
	if set.GenerateName != "" && set.Name == "" {
		set.Name = statefulset.Strategy.GenerateName(set.GenerateName)
	}
	statefulset.Strategy.PrepareForCreate(ctx, set)
	errs := rest.ValidateCreate(ctx, set, statefulset.Strategy)
	if len(errs) == 0 {
		warnings.messages = append(warnings.messages, statefulset.Strategy.WarningsOnCreate(ctx, set)...)
		statefulset.Strategy.Canonicalize(set)
	}
	return set, errs, warnings.messages
}

// apiserverUpdate runs the registry's update path against the stored old object.
func apiserverUpdate(set, old *apps.StatefulSet, namespace string) (*apps.StatefulSet, field.ErrorList, []string) {
	if old.Namespace != "" {
		namespace = old.Namespace
	}
	warnings := &collectWarnings{}
	ctx := warning.WithWarningRecorder(requestContext(namespace, "apps", "v1", "statefulsets", "update"), warnings)
	fillSystemFields(&old.ObjectMeta, namespace, "3f1c0b5e-0000-4000-8000-000000000001")
	old.ResourceVersion, old.Generation = "1", 1
	if set.Namespace == "" {
		set.Namespace = namespace
	}
	set.UID, set.CreationTimestamp, set.ResourceVersion = old.UID, old.CreationTimestamp, old.ResourceVersion
	// As rest.BeforeUpdate: a request cannot set the generation (PrepareForUpdate raises it when the spec changes).
	set.Generation = old.Generation
	statefulset.Strategy.PrepareForUpdate(ctx, set, old)
	errs := rest.ValidateUpdate(ctx, set, old, statefulset.Strategy)
	if len(errs) == 0 {
		warnings.messages = append(warnings.messages, statefulset.Strategy.WarningsOnUpdate(ctx, set, old)...)
		statefulset.Strategy.Canonicalize(set)
	}
	return set, errs, warnings.messages
}

func fieldErrors(errs field.ErrorList, who string) []FieldError {
	out := make([]FieldError, 0, len(errs))
	for _, e := range errs {
		out = append(out, FieldError{Field: e.Field, Type: string(e.Type), Detail: e.Detail, Message: e.Error(), Who: who})
	}
	return out
}
