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
