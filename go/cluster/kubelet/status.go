package kubelet

import (
	"fmt"
	"hash/fnv"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// NodeName is the one node the test kubelet binds pods to.
const NodeName = "sts-node"

// desiredStatus is the status a kubelet (or, for unschedulable pods, the scheduler)
// would report for a pod with this behaviour. now is the transition time of any
// condition that changes.
func desiredStatus(pod *corev1.Pod, b Behaviour, now metav1.Time) corev1.PodStatus {
	status := *pod.Status.DeepCopy()
	if b == Unschedulable {
		status.Phase = corev1.PodPending
		setCondition(&status, corev1.PodScheduled, corev1.ConditionFalse, corev1.PodReasonUnschedulable,
			"0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.", now)
		return status
	}
	ip := podIP(pod)
	status.HostIP, status.HostIPs = "10.0.0.1", []corev1.HostIP{{IP: "10.0.0.1"}}
	status.PodIP, status.PodIPs = ip, []corev1.PodIP{{IP: ip}}
	if status.StartTime == nil {
		status.StartTime = &now
	}
	setCondition(&status, corev1.PodScheduled, corev1.ConditionTrue, "", "", now)
	setCondition(&status, corev1.PodInitialized, corev1.ConditionTrue, "", "", now)
	ready := b == Ready
	readiness := corev1.ConditionFalse
	reason := "ContainersNotReady"
	if ready {
		readiness, reason = corev1.ConditionTrue, ""
	}
	status.ContainerStatuses = nil
	for i, c := range pod.Spec.Containers {
		previous := previousStatus(pod, c.Name)
		cs := corev1.ContainerStatus{Name: c.Name, Image: c.Image, Ready: ready, RestartCount: previous.RestartCount}
		started := ready || b == NotReady
		cs.Started = &started
		switch b {
		case CrashLoop:
			if i == 0 {
				if cs.RestartCount < 3 {
					cs.RestartCount = 3
				}
				cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff",
					Message: fmt.Sprintf("back-off 40s restarting failed container=%s pod=%s_%s(%s)", c.Name, pod.Name, pod.Namespace, pod.UID)}
				cs.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error", StartedAt: now, FinishedAt: now}
				break
			}
			cs.State.Running = &corev1.ContainerStateRunning{StartedAt: now}
		case ImagePull:
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff",
				Message: fmt.Sprintf("Back-off pulling image %q", c.Image)}
		default:
			if previous.State.Running != nil {
				cs.State.Running = previous.State.Running
			} else {
				cs.State.Running = &corev1.ContainerStateRunning{StartedAt: now}
			}
			cs.ImageID = "docker.io/library/" + c.Image + "@sha256:0000000000000000000000000000000000000000000000000000000000000000"
			id := fnv.New64a()
			id.Write([]byte(string(pod.UID) + "/" + c.Name))
			cs.ContainerID = fmt.Sprintf("containerd://%016x", id.Sum64())
		}
		status.ContainerStatuses = append(status.ContainerStatuses, cs)
	}
	if b == ImagePull {
		status.Phase = corev1.PodPending
	} else {
		status.Phase = corev1.PodRunning
	}
	setCondition(&status, corev1.ContainersReady, readiness, reason, "", now)
	setCondition(&status, corev1.PodReady, readiness, reason, "", now)
	return status
}

func previousStatus(pod *corev1.Pod, name string) corev1.ContainerStatus {
	for _, cs := range pod.Status.ContainerStatuses {
		if cs.Name == name {
			return cs
		}
	}
	return corev1.ContainerStatus{}
}

// setCondition sets a condition, keeping its transition time when its status stays.
func setCondition(status *corev1.PodStatus, kind corev1.PodConditionType, value corev1.ConditionStatus, reason, message string, now metav1.Time) {
	for i := range status.Conditions {
		c := &status.Conditions[i]
		if c.Type != kind {
			continue
		}
		if c.Status != value {
			c.LastTransitionTime = now
		}
		c.Status, c.Reason, c.Message = value, reason, message
		return
	}
	status.Conditions = append(status.Conditions, corev1.PodCondition{Type: kind, Status: value, Reason: reason, Message: message, LastTransitionTime: now})
}

func podIP(pod *corev1.Pod) string {
	h := fnv.New32a()
	h.Write([]byte(pod.Namespace + "/" + pod.Name))
	n := h.Sum32()
	return fmt.Sprintf("10.244.%d.%d", (n>>8)%250, n%250+2)
}

// sameOutcome says whether two statuses show the same thing to a controller (phase,
// conditions, container states), so an unchanged pod is not written again.
func sameOutcome(a, b corev1.PodStatus) bool {
	if a.Phase != b.Phase || len(a.Conditions) != len(b.Conditions) || len(a.ContainerStatuses) != len(b.ContainerStatuses) {
		return false
	}
	for i := range a.Conditions {
		x, y := a.Conditions[i], b.Conditions[i]
		if x.Type != y.Type || x.Status != y.Status || x.Reason != y.Reason {
			return false
		}
	}
	for i := range a.ContainerStatuses {
		x, y := a.ContainerStatuses[i], b.ContainerStatuses[i]
		if x.Ready != y.Ready || x.RestartCount != y.RestartCount || stateOf(x) != stateOf(y) {
			return false
		}
	}
	return a.PodIP == b.PodIP
}

func stateOf(cs corev1.ContainerStatus) string {
	switch {
	case cs.State.Waiting != nil:
		return "waiting:" + cs.State.Waiting.Reason
	case cs.State.Running != nil:
		return "running"
	case cs.State.Terminated != nil:
		return "terminated"
	}
	return ""
}
