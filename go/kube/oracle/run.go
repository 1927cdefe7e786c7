package oracle

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	v1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"k8s.io/kubernetes/pkg/controller/statefulset"
)

// Step is one change in a scenario, after which the controller syncs until nothing moves.
//   - create: the set is created (always the first step)
//   - scale: replicas becomes Replicas
//   - update: the pod template changes (a new revision)
//   - fail: the pod of Ordinal never becomes Ready from now on (Ordinal -1 heals all)
//   - failOnRecreate: the pod of Ordinal, once deleted and created again, never becomes Ready
//   - deletePod: the pod of Ordinal is deleted by hand (the controller creates it again)
//   - delete: the set is deleted with cascading deletion (the garbage collector's share is
//     played too: pods go, and claims whose owner is gone)
type Step struct {
	Kind     string `json:"kind"`
	Replicas *int32 `json:"replicas,omitempty"`
	Ordinal  int    `json:"ordinal,omitempty"`
}

// Scenario is a run request's script.
type Scenario struct {
	Steps []Step `json:"steps"`
	// MaxSyncs bounds the syncs of each step (default 64).
	MaxSyncs int `json:"maxSyncs,omitempty"`
	// Validate sends each pod and claim the controller creates through the API server's
	// validation; an invalid one is refused (FailedCreate), the sync's error is recorded in
	// StepResult.Refused and the controller syncs again, as its work queue would.
	Validate bool `json:"validate,omitempty"`
}

// StepResult is what the controller did for one step: its events, one list per sync that did something.
type StepResult struct {
	Kind  string     `json:"kind"`
	Syncs [][]string `json:"syncs"`
	// Pods and Claims that exist after the step, sorted.
	Pods   []string `json:"pods"`
	Claims []string `json:"claims"`
	// Settled is false when MaxSyncs ran out while the controller still acted.
	Settled bool `json:"settled"`
	// Refused names the creations the API server refused in this step ("pod/web-10"), sorted.
	Refused []string `json:"refused,omitempty"`
	// Updated names the pods at the set's update revision after the step (their
	// controller-revision-hash label is status.updateRevision), sorted.
	Updated []string `json:"updated"`
}

// runner is one scenario: the controller's sync logic over an in-memory API with a scripted
// kubelet that starts each created pod Running and Ready (unless its ordinal fails).
type runner struct {
	set     *appsv1.StatefulSet
	objs    *apiObjects
	control statefulset.StatefulSetControlInterface
	failing map[int]bool
	// failOnRecreate holds ordinals whose next pods fail; failingUIDs the pods that do.
	failOnRecreate map[int]bool
	failingUIDs    map[types.UID]bool
	clock          time.Time
	uid            int
}

func (r *runner) pods() []*v1.Pod {
	out := make([]*v1.Pod, 0, len(r.objs.pods))
	for _, p := range r.objs.pods {
		out = append(out, p.DeepCopy())
	}
	return out
}

// kubelet plays the node: new pods start, get a uid and become Running (Ready unless failing).
func (r *runner) kubelet() {
	for name, p := range r.objs.pods {
		if p.UID == "" {
			r.uid++
			p.UID = types.UID("pod-uid-" + strconv.Itoa(r.uid))
			if r.failOnRecreate[ordinalOf(name)] {
				r.failingUIDs[p.UID] = true
			}
		}
		ready := v1.ConditionTrue
		if r.failing[ordinalOf(name)] || r.failingUIDs[p.UID] {
			ready = v1.ConditionFalse
		}
		p.Status.Phase = v1.PodRunning
		p.Status.Conditions = []v1.PodCondition{{Type: v1.PodReady, Status: ready, LastTransitionTime: metav1.NewTime(r.clock.Add(-time.Hour))}}
	}
}

// collect takes the creations and deletions since the last call, as events.
func (r *runner) collect() []string {
	var events []string
	for _, c := range r.objs.created {
		events = append(events, "create "+c)
	}
	for _, d := range r.objs.deleted {
		events = append(events, "delete "+d)
	}
	r.objs.created, r.objs.deleted = nil, nil
	// Parallel creates a batch from goroutines: within one sync, order by ordinal, creations
	// before deletions, a pod's claims before the pod, so that answers are reproducible.
	sort.SliceStable(events, func(i, j int) bool { return eventKey(events[i]) < eventKey(events[j]) })
	return events
}

// eventKey orders "create claim/data-web-1" by ordinal, then action, then kind.
func eventKey(event string) string {
	action, object, _ := strings.Cut(event, " ")
	kind, name, _ := strings.Cut(object, "/")
	return fmt.Sprintf("%08d %s %s %s", ordinalOf(name), action, kind, name)
}

// collectGarbage deletes claims whose owner (a pod or the set) is gone, as the garbage collector does.
func (r *runner) collectGarbage(setGone bool) {
	alive := map[types.UID]bool{}
	for _, p := range r.objs.pods {
		alive[p.UID] = true
	}
	if !setGone {
		alive[r.set.UID] = true
	}
	names := make([]string, 0, len(r.objs.claims))
	for name := range r.objs.claims {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, ref := range r.objs.claims[name].OwnerReferences {
			if !alive[ref.UID] {
				r.objs.deleted = append(r.objs.deleted, "claim/"+name)
				delete(r.objs.claims, name)
				break
			}
		}
	}
}

func (r *runner) sync() error {
	r.clock = r.clock.Add(time.Minute)
	status, err := r.control.UpdateStatefulSet(context.Background(), r.set, r.pods(), r.clock)
	if status != nil {
		r.set.Status = *status
	}
	return err
}

// refusedSince names the objects whose creation was refused since the last call, once each.
func (r *runner) refusedSince() []string {
	seen := map[string]bool{}
	var names []string
	for _, e := range r.objs.refused {
		if !seen[e.Object] {
			seen[e.Object] = true
			names = append(names, e.Object)
		}
	}
	r.objs.refused = nil
	sort.Strings(names)
	return names
}

func (r *runner) state(result *StepResult) {
	result.Updated = []string{}
	for name, p := range r.objs.pods {
		result.Pods = append(result.Pods, name)
		if r.set.Status.UpdateRevision != "" && p.Labels[appsv1.ControllerRevisionHashLabelKey] == r.set.Status.UpdateRevision {
			result.Updated = append(result.Updated, name)
		}
	}
	sort.Strings(result.Updated)
	for name := range r.objs.claims {
		result.Claims = append(result.Claims, name)
	}
	sort.Strings(result.Pods)
	sort.Strings(result.Claims)
}

func ordinalOf(pod string) int {
	for i := len(pod) - 1; i >= 0; i-- {
		if pod[i] == '-' {
			n, err := strconv.Atoi(pod[i+1:])
			if err == nil {
				return n
			}
			break
		}
	}
	return -1
}

// Run plays a scenario against the stored set (see Validate for how it is made).
func Run(stored *appsv1.StatefulSet, scenario Scenario) ([]StepResult, error) {
	max := scenario.MaxSyncs
	if max <= 0 {
		max = 64
	}
	set := stored.DeepCopy()
	set.UID = "3f1c0b5e-0000-4000-8000-000000000001"
	objs := newAPIObjects(set)
	objs.validate, objs.refuseInvalid = scenario.Validate, scenario.Validate
	r := &runner{set: set, objs: objs, control: newControl(objs), failing: map[int]bool{},
		failOnRecreate: map[int]bool{}, failingUIDs: map[types.UID]bool{}, clock: time.Unix(1_800_000_000, 0)}
	var results []StepResult
	for i, step := range scenario.Steps {
		result := StepResult{Kind: step.Kind, Syncs: [][]string{}, Pods: []string{}, Claims: []string{}}
		switch step.Kind {
		case "create":
			if i != 0 {
				return results, fmt.Errorf("step %d: create must be the first step", i)
			}
		case "scale":
			if step.Replicas == nil {
				return results, fmt.Errorf("step %d: scale needs replicas", i)
			}
			r.set.Spec.Replicas = step.Replicas
		case "update":
			if r.set.Spec.Template.Annotations == nil {
				r.set.Spec.Template.Annotations = map[string]string{}
			}
			r.set.Spec.Template.Annotations["oracle.statefulset-studio/revision"] = strconv.Itoa(i)
		case "fail":
			if step.Ordinal < 0 {
				r.failing = map[int]bool{}
			} else {
				r.failing[step.Ordinal] = true
			}
		case "failOnRecreate":
			r.failOnRecreate[step.Ordinal] = true
		case "deletePod":
			// Someone deletes the pod of Ordinal (kubectl delete pod, an eviction); the controller recreates it.
			for name := range r.objs.pods {
				if ordinalOf(name) == step.Ordinal {
					r.objs.deleted = append(r.objs.deleted, "pod/"+name)
					delete(r.objs.pods, name)
				}
			}
		case "delete":
			// Cascading deletion: the garbage collector removes the pods, then the claims the
			// retention policy gave to the set; the controller no longer syncs a deleted set.
			names := make([]string, 0, len(r.objs.pods))
			for name := range r.objs.pods {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				r.objs.deleted = append(r.objs.deleted, "pod/"+name)
				delete(r.objs.pods, name)
			}
			r.collectGarbage(true)
			result.Syncs = append(result.Syncs, r.collect())
			result.Settled = true
			r.state(&result)
			results = append(results, result)
			continue
		default:
			return results, fmt.Errorf("step %d: unknown kind %q", i, step.Kind)
		}
		r.kubelet()
		quiet := 0
		for n := 0; n < max && quiet < 2; n++ {
			if err := r.sync(); err != nil && !scenario.Validate {
				return results, fmt.Errorf("step %d, sync %d: %w", i, n, err)
			}
			r.kubelet()
			r.collectGarbage(false)
			events := r.collect()
			if len(events) == 0 {
				quiet++
				continue
			}
			quiet = 0
			result.Syncs = append(result.Syncs, events)
		}
		result.Settled = quiet >= 2
		result.Refused = r.refusedSince()
		r.state(&result)
		results = append(results, result)
	}
	return results, nil
}
