package oracle

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	v1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/apiserver/pkg/registry/rest"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/record"

	"k8s.io/kubernetes/pkg/api/legacyscheme"
	"k8s.io/kubernetes/pkg/apis/core"
	"k8s.io/kubernetes/pkg/controller/history"
	"k8s.io/kubernetes/pkg/controller/statefulset"
	"k8s.io/kubernetes/pkg/registry/core/persistentvolumeclaim"
	"k8s.io/kubernetes/pkg/registry/core/pod"
)

// maxPodsPerSync bounds how many ordinals one validation creates; the highest ordinal is
// always created too, because its longer name is the one that can overflow.
const maxPodsPerSync = 16

// apiObjects is an in-memory API server for the controller: every pod and claim it
// creates goes through the pod or claim registry's create validation, and a refusal is
// recorded (as the FailedCreate the controller would report) while the object is kept,
// so that one pass finds every refusal.
type apiObjects struct {
	// mu guards everything below: the controller creates a batch of pods from goroutines.
	mu        sync.Mutex
	namespace string
	setName   string
	pods      map[string]*v1.Pod
	claims    map[string]*v1.PersistentVolumeClaim
	refused   []FieldError
	// templateIndex maps a claim template's name to its index, to report claim errors on the set.
	templateIndex map[string]int
	podNames      map[string]bool
	// created is the order of creations, "pod/<name>" or "claim/<name>".
	created []string
	deleted []string
	// validate sends each creation through the registries' validation (off in scenario runs).
	validate bool
	// refuseInvalid makes an invalid creation fail as the API server's would (Invalid, nothing
	// stored), as in a scenario run with Validate; the validate op stores it to find every error.
	refuseInvalid bool
}

var _ statefulset.StatefulPodControlObjectManager = (*apiObjects)(nil)

func newAPIObjects(set *appsv1.StatefulSet) *apiObjects {
	a := &apiObjects{namespace: set.Namespace, setName: set.Name, pods: map[string]*v1.Pod{}, claims: map[string]*v1.PersistentVolumeClaim{},
		templateIndex: map[string]int{}, podNames: map[string]bool{}, validate: true}
	for i, t := range set.Spec.VolumeClaimTemplates {
		if _, seen := a.templateIndex[t.Name]; !seen {
			a.templateIndex[t.Name] = i
		}
	}
	return a
}

func (a *apiObjects) CreatePod(_ context.Context, p *v1.Pod, _ *appsv1.StatefulSet) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.pods[p.Name]; ok {
		return apierrors.NewAlreadyExists(schema.GroupResource{Resource: "pods"}, p.Name)
	}
	if a.validate {
		errs := validatePod(p, a.namespace)
		a.refuse(errs, "pod", p.Name, "")
		if len(errs) > 0 && a.refuseInvalid {
			return apierrors.NewInvalid(schema.GroupKind{Kind: "Pod"}, p.Name, errs)
		}
	}
	a.created = append(a.created, "pod/"+p.Name)
	a.pods[p.Name] = p.DeepCopy()
	return nil
}

func (a *apiObjects) GetPod(_, name string) (*v1.Pod, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if p, ok := a.pods[name]; ok {
		return p, nil
	}
	return nil, apierrors.NewNotFound(schema.GroupResource{Resource: "pods"}, name)
}

func (a *apiObjects) UpdatePod(p *v1.Pod, _ *appsv1.StatefulSet) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pods[p.Name] = p.DeepCopy()
	return nil
}

func (a *apiObjects) DeletePod(p *v1.Pod) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.deleted = append(a.deleted, "pod/"+p.Name)
	delete(a.pods, p.Name)
	return nil
}

func (a *apiObjects) CreateClaim(c *v1.PersistentVolumeClaim, _ *appsv1.StatefulSet) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.claims[c.Name]; ok {
		return apierrors.NewAlreadyExists(schema.GroupResource{Resource: "persistentvolumeclaims"}, c.Name)
	}
	template := ""
	for name := range a.templateIndex {
		if strings.HasPrefix(c.Name, name+"-") && (template == "" || len(name) > len(template)) {
			template = name
		}
	}
	if a.validate {
		errs := validateClaim(c, a.namespace)
		a.refuse(errs, "claim", c.Name, template)
		if len(errs) > 0 && a.refuseInvalid {
			return apierrors.NewInvalid(schema.GroupKind{Kind: "PersistentVolumeClaim"}, c.Name, errs)
		}
	}
	a.created = append(a.created, "claim/"+c.Name)
	a.claims[c.Name] = c.DeepCopy()
	return nil
}

func (a *apiObjects) GetClaim(_, name string) (*v1.PersistentVolumeClaim, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if c, ok := a.claims[name]; ok {
		return c, nil
	}
	return nil, apierrors.NewNotFound(schema.GroupResource{Resource: "persistentvolumeclaims"}, name)
}

func (a *apiObjects) UpdateClaim(c *v1.PersistentVolumeClaim, _ *appsv1.StatefulSet) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.claims[c.Name] = c.DeepCopy()
	return nil
}

// refuse records a pod's or claim's errors with their paths mapped onto the StatefulSet.
func (a *apiObjects) refuse(errs field.ErrorList, kind, name, template string) {
	for i, e := range fieldErrors(errs, "controller") {
		e.Object, e.OwnField = kind+"/"+name, e.Field
		e.Field = a.setPath(kind, e.Field, template)
		if kind == "pod" && e.OwnField == "metadata.labels" && a.controllerLabel(errs[i].BadValue) {
			e.Field = "metadata.name"
		}
		e.Message = fmt.Sprintf("%s %q is invalid: %s", map[string]string{"pod": "Pod", "claim": "PersistentVolumeClaim"}[kind], name, e.Message)
		a.refused = append(a.refused, e)
	}
}

// controllerLabel tells a label value the controller writes from the set's name
// (controller-revision-hash, statefulset.kubernetes.io/pod-name).
func (a *apiObjects) controllerLabel(value interface{}) bool {
	text, ok := value.(string)
	return ok && a.setName != "" && strings.HasPrefix(text, a.setName+"-")
}

// setPath maps a pod's path onto spec.template and a claim's onto its volumeClaimTemplate.
// What the controller writes itself (names, its labels) maps onto metadata.name.
func (a *apiObjects) setPath(kind, path, template string) string {
	var base string
	switch kind {
	case "pod":
		base = "spec.template"
		if path == "metadata.name" || path == "spec.hostname" {
			return "metadata.name"
		}
		if path == "spec.subdomain" {
			return "spec.serviceName"
		}
	case "claim":
		i, ok := a.templateIndex[template]
		if !ok {
			return path
		}
		base = fmt.Sprintf("spec.volumeClaimTemplates[%d]", i)
	}
	if path == "" {
		return base
	}
	return base + "." + path
}

func validatePod(p *v1.Pod, namespace string) field.ErrorList {
	versioned := p.DeepCopy()
	versioned.Namespace = namespace
	legacyscheme.Scheme.Default(versioned)
	internal := &core.Pod{}
	if err := legacyscheme.Scheme.Convert(versioned, internal, nil); err != nil {
		return field.ErrorList{field.InternalError(nil, err)}
	}
	ctx := requestContext(namespace, "", "v1", "pods", "create")
	fillSystemFields(&internal.ObjectMeta, namespace, types.UID("3f1c0b5e-0000-4000-8000-000000000002"))
	pod.Strategy.PrepareForCreate(ctx, internal)
	return rest.ValidateCreate(ctx, internal, pod.Strategy)
}

func validateClaim(c *v1.PersistentVolumeClaim, namespace string) field.ErrorList {
	versioned := c.DeepCopy()
	versioned.Namespace = namespace
	legacyscheme.Scheme.Default(versioned)
	internal := &core.PersistentVolumeClaim{}
	if err := legacyscheme.Scheme.Convert(versioned, internal, nil); err != nil {
		return field.ErrorList{field.InternalError(nil, err)}
	}
	ctx := requestContext(namespace, "", "v1", "persistentvolumeclaims", "create")
	fillSystemFields(&internal.ObjectMeta, namespace, types.UID("3f1c0b5e-0000-4000-8000-000000000003"))
	persistentvolumeclaim.Strategy.PrepareForCreate(ctx, internal)
	return rest.ValidateCreate(ctx, internal, persistentvolumeclaim.Strategy)
}

// noStatus drops the controller's status updates.
type noStatus struct{}

func (noStatus) UpdateStatefulSetStatus(context.Context, *appsv1.StatefulSet, *appsv1.StatefulSetStatus) error {
	return nil
}

// newControl is the controller's sync logic (defaultStatefulSetControl) over objs, wired
// as pkg/controller/statefulset's own tests wire it.
func newControl(objs *apiObjects) statefulset.StatefulSetControlInterface {
	revisions := informers.NewSharedInformerFactory(nil, 0).Apps().V1().ControllerRevisions()
	podControl := statefulset.NewStatefulPodControlFromManager(objs, record.NewFakeRecorder(1000))
	return statefulset.NewDefaultStatefulSetControl(podControl, noStatus{}, history.NewFakeHistory(revisions))
}

// controllerRefusals runs one sync of the controller on the stored set with no pods, in
// Parallel so that every ordinal's pod and claims are created (and validated) in one pass;
// the pods are the controller's own (newVersionedStatefulSetPod: identity, labels, claims).
func controllerRefusals(stored *appsv1.StatefulSet) (refused []FieldError, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("controller panicked: %v", r)
		}
	}()
	set := stored.DeepCopy()
	set.Spec.PodManagementPolicy = appsv1.ParallelPodManagement
	replicas := int32(1)
	if set.Spec.Replicas != nil {
		replicas = *set.Spec.Replicas
	}
	start := int32(0)
	if set.Spec.Ordinals != nil {
		start = set.Spec.Ordinals.Start
	}
	objs := newAPIObjects(set)
	passes := [][2]int32{{start, min(replicas, maxPodsPerSync)}}
	if replicas > maxPodsPerSync {
		passes = append(passes, [2]int32{start + replicas - 1, 1}) // the longest name
	}
	for _, pass := range passes {
		s := set.DeepCopy()
		s.Spec.Replicas = &pass[1]
		s.Spec.Ordinals = &appsv1.StatefulSetOrdinals{Start: pass[0]}
		if _, e := newControl(objs).UpdateStatefulSet(context.Background(), s, nil, time.Unix(0, 0)); e != nil {
			return objs.refused, e
		}
	}
	return dedupe(objs.refused), nil
}

// dedupe keeps one error per (field, type, detail with the object's name left out).
func dedupe(errs []FieldError) []FieldError {
	seen := map[string]bool{}
	var out []FieldError
	for _, e := range errs {
		name := e.Object[strings.Index(e.Object, "/")+1:]
		key := e.Field + "|" + e.Type + "|" + strings.ReplaceAll(e.Detail, name, "")
		if !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}
