package kubelet

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func pod() *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "web-2", Namespace: "shop", UID: "u"},
		Spec:       corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "nginx:1.28"}, {Name: "side", Image: "busybox"}}},
	}
}

// Each behaviour gives the status a controller reads, and writing it once is enough: the
// status computed from the written one shows the same outcome, so the kubelet does not
// rewrite a pod on every event it caused itself.
func TestDesiredStatusIsStable(t *testing.T) {
	now := metav1.Now()
	cases := []struct {
		behaviour Behaviour
		phase     corev1.PodPhase
		ready     corev1.ConditionStatus
		waiting   string
	}{
		{Ready, corev1.PodRunning, corev1.ConditionTrue, ""},
		{CrashLoop, corev1.PodRunning, corev1.ConditionFalse, "CrashLoopBackOff"},
		{ImagePull, corev1.PodPending, corev1.ConditionFalse, "ImagePullBackOff"},
		{NotReady, corev1.PodRunning, corev1.ConditionFalse, ""},
		{Unschedulable, corev1.PodPending, "", ""},
	}
	for _, c := range cases {
		p := pod()
		first := desiredStatus(p, c.behaviour, now)
		if first.Phase != c.phase {
			t.Errorf("%s: phase %s, want %s", c.behaviour, first.Phase, c.phase)
		}
		if got := conditionOf(first, corev1.PodReady); got != c.ready {
			t.Errorf("%s: Ready %q, want %q", c.behaviour, got, c.ready)
		}
		if c.waiting != "" && (len(first.ContainerStatuses) == 0 || first.ContainerStatuses[0].State.Waiting == nil || first.ContainerStatuses[0].State.Waiting.Reason != c.waiting) {
			t.Errorf("%s: first container not waiting with %s: %+v", c.behaviour, c.waiting, first.ContainerStatuses)
		}
		p.Status = first
		if again := desiredStatus(p, c.behaviour, metav1.Now()); !sameOutcome(first, again) {
			t.Errorf("%s: a second pass changes the status:\n%+v\n%+v", c.behaviour, first, again)
		}
		if c.behaviour != Unschedulable && sameOutcome(first, desiredStatus(pod(), Ready, now)) != (c.behaviour == Ready) {
			t.Errorf("%s: sameOutcome does not tell it from ready", c.behaviour)
		}
	}
}

func conditionOf(status corev1.PodStatus, kind corev1.PodConditionType) corev1.ConditionStatus {
	for _, c := range status.Conditions {
		if c.Type == kind {
			return c.Status
		}
	}
	return ""
}
