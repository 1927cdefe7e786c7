package oracle

import (
	"reflect"
	"strings"
	"testing"
)

func TestRunOrderedReadyRolloutAndScaleDown(t *testing.T) {
	object := strings.Replace(valid, "replicas: 3", "replicas: 3\n  persistentVolumeClaimRetentionPolicy: {whenScaled: Delete, whenDeleted: Retain}", 1)
	one := int32(1)
	resp := Answer(Request{Op: "run", Object: object, Scenario: &Scenario{Steps: []Step{{Kind: "create"}, {Kind: "update"}, {Kind: "scale", Replicas: &one}, {Kind: "delete"}}}})
	if resp.Failure != "" || len(resp.Steps) != 4 {
		t.Fatalf("failure %q, %d steps", resp.Failure, len(resp.Steps))
	}
	want := [][][]string{
		{{"create claim/data-web-0", "create pod/web-0"}, {"create claim/data-web-1", "create pod/web-1"}, {"create claim/data-web-2", "create pod/web-2"}},
		{{"delete pod/web-2"}, {"create pod/web-2"}, {"delete pod/web-1"}, {"create pod/web-1"}, {"delete pod/web-0"}, {"create pod/web-0"}},
		{{"delete claim/data-web-2", "delete pod/web-2"}, {"delete claim/data-web-1", "delete pod/web-1"}},
		{{"delete pod/web-0"}},
	}
	for i, step := range resp.Steps {
		if !step.Settled || !reflect.DeepEqual(step.Syncs, want[i]) {
			t.Errorf("step %d (%s): settled %v, syncs %v, want %v", i, step.Kind, step.Settled, step.Syncs, want[i])
		}
	}
	if claims := resp.Steps[3].Claims; !reflect.DeepEqual(claims, []string{"data-web-0"}) {
		t.Errorf("whenDeleted Retain keeps data-web-0, got %v", claims)
	}
}

func TestRunAFailingPodHaltsOrderedReady(t *testing.T) {
	resp := Answer(Request{Op: "run", Object: valid, Scenario: &Scenario{Steps: []Step{{Kind: "create"}, {Kind: "fail", Ordinal: 0}, {Kind: "update"}}}})
	if resp.Failure != "" {
		t.Fatal(resp.Failure)
	}
	if syncs := resp.Steps[2].Syncs; len(syncs) != 0 {
		t.Errorf("an unready web-0 blocks the OrderedReady rollout, got %v", syncs)
	}
}

// With Validate, the pods of a 61-character set are refused (the controller-revision-hash
// label overflows; the last two names are also over 63): each attempt leaves its claims (the
// controller creates them first), OrderedReady stops at the first refusal, and Parallel
// launches no slow-start batch after the first, which holds it.
func TestRunValidateRefusesPodsOfALongName(t *testing.T) {
	name := strings.Repeat("a", 61)
	object := strings.Replace(strings.Replace(valid, "name: web\nspec", "name: "+name+"\nspec", 1), "replicas: 3", "replicas: 12", 1)
	for _, policy := range []string{"OrderedReady", "Parallel"} {
		policied := strings.Replace(object, "replicas: 12", "replicas: 12\n  podManagementPolicy: "+policy, 1)
		resp := Answer(Request{Op: "run", Object: policied, Scenario: &Scenario{Validate: true, Steps: []Step{{Kind: "create"}}}})
		if resp.Failure != "" || len(resp.Steps) != 1 {
			t.Fatalf("%s: failure %q, %d steps", policy, resp.Failure, len(resp.Steps))
		}
		step := resp.Steps[0]
		want := []string{"data-" + name + "-0"}
		if len(step.Pods) != 0 || !reflect.DeepEqual(step.Claims, want) || !reflect.DeepEqual(step.Refused, []string{"pod/" + name + "-0"}) || !step.Settled {
			t.Errorf("%s: pods %v, claims %v (want %v), refused %v, settled %v", policy, step.Pods, step.Claims, want, step.Refused, step.Settled)
		}
	}
}

// After a template change with partition 1, the pods from ordinal 1 up are at the update revision.
func TestRunUpdatedPodsFollowThePartition(t *testing.T) {
	object := strings.Replace(valid, "replicas: 3", "replicas: 3\n  updateStrategy: {rollingUpdate: {partition: 1}}", 1)
	resp := Answer(Request{Op: "run", Object: object, Scenario: &Scenario{Steps: []Step{{Kind: "create"}, {Kind: "update"}}}})
	if resp.Failure != "" || len(resp.Steps) != 2 {
		t.Fatalf("failure %q, %d steps", resp.Failure, len(resp.Steps))
	}
	if got := resp.Steps[1].Updated; !reflect.DeepEqual(got, []string{"web-1", "web-2"}) {
		t.Errorf("updated %v, want web-1 web-2", got)
	}
	// Under OnDelete a pod deleted by hand comes back at the update revision.
	onDelete := strings.Replace(valid, "replicas: 3", "replicas: 3\n  updateStrategy: {type: OnDelete}", 1)
	resp = Answer(Request{Op: "run", Object: onDelete, Scenario: &Scenario{Steps: []Step{{Kind: "create"}, {Kind: "update"}, {Kind: "deletePod", Ordinal: 1}}}})
	if resp.Failure != "" || len(resp.Steps) != 3 {
		t.Fatalf("failure %q, %d steps", resp.Failure, len(resp.Steps))
	}
	if updated, recreated := resp.Steps[1].Updated, resp.Steps[2].Updated; len(updated) != 0 || !reflect.DeepEqual(recreated, []string{"web-1"}) {
		t.Errorf("OnDelete: updated %v after the update (want none), %v after deleting web-1 (want web-1)", updated, recreated)
	}
}
