// Package kubelet is a test kubelet: it runs no containers, it only writes through the
// API the pod status a real kubelet (and scheduler, and volume binder) would, so the real
// StatefulSet controller sees pods become Ready, crash-loop, fail to pull, stay Pending
// or hang while terminating, and drives its rollouts accordingly.
//
// A pod's behaviour comes from the control file (JSON: {"<namespace>/<pod>": "<behaviour>"}
// or {"<pod>": ...}, re-read when it changes), else from the pod's annotation
// sts-kubelet/behaviour (set it in the StatefulSet's template: a bad revision's pods then
// crash-loop and a reverted revision's pods start), else "ready".
package kubelet

import (
	"encoding/json"
	"os"
	"sync"

	corev1 "k8s.io/api/core/v1"
)

// Behaviour is what the test kubelet makes of a pod.
type Behaviour string

const (
	Ready         Behaviour = "ready"          // Running, all containers ready
	CrashLoop     Behaviour = "crash-loop"     // Running, a container in CrashLoopBackOff
	ImagePull     Behaviour = "image-pull"     // Pending, a container in ImagePullBackOff
	Unschedulable Behaviour = "unschedulable"  // Pending, PodScheduled=False (no node fits)
	NotReady      Behaviour = "not-ready"      // Running, containers running but not ready
	HangTerminate Behaviour = "hang-terminate" // never confirms a deletion: stays Terminating
)

// Annotation names a pod's behaviour on the pod (or its StatefulSet's template).
const Annotation = "sts-kubelet/behaviour"

// UnboundAnnotation on a claim (or a volumeClaimTemplate) keeps it Pending: no volume is
// made for it, and its pod stays unschedulable as the real scheduler would leave it.
const UnboundAnnotation = "sts-kubelet/unbound"

type control struct {
	mu      sync.Mutex
	path    string
	modTime int64
	size    int64
	byPod   map[string]Behaviour
}

// reload re-reads the control file when its modification time or size changed and
// says whether it did. A file that does not parse keeps the previous behaviours.
func (c *control) reload() bool {
	info, err := os.Stat(c.path)
	if err != nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if info.ModTime().UnixNano() == c.modTime && info.Size() == c.size {
		return false
	}
	data, err := os.ReadFile(c.path)
	if err != nil {
		return false
	}
	byPod := map[string]Behaviour{}
	if err := json.Unmarshal(data, &byPod); err != nil {
		return false
	}
	c.modTime, c.size, c.byPod = info.ModTime().UnixNano(), info.Size(), byPod
	return true
}

func (c *control) behaviourOf(pod *corev1.Pod) Behaviour {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.byPod[pod.Namespace+"/"+pod.Name]; ok {
		return b
	}
	if b, ok := c.byPod[pod.Name]; ok {
		return b
	}
	if b, ok := pod.Annotations[Annotation]; ok {
		return Behaviour(b)
	}
	return Ready
}
