package kubelet

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/util/workqueue"
)

type kubelet struct {
	client  kubernetes.Interface
	control *control
	pods    cache.Indexer
	claims  cache.Indexer
	queue   workqueue.TypedRateLimitingInterface[string]
}

// Run writes pod and claim status until ctx is done. controlPath is the control file.
func Run(ctx context.Context, client kubernetes.Interface, controlPath string) error {
	if _, err := client.CoreV1().Nodes().Create(ctx, &corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: NodeName}}, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		return err
	}
	factory := informers.NewSharedInformerFactory(client, 0)
	podInformer := factory.Core().V1().Pods().Informer()
	claimInformer := factory.Core().V1().PersistentVolumeClaims().Informer()
	k := &kubelet{
		client: client, control: &control{path: controlPath},
		pods: podInformer.GetIndexer(), claims: claimInformer.GetIndexer(),
		queue: workqueue.NewTypedRateLimitingQueue(workqueue.NewTypedItemExponentialFailureRateLimiter[string](50*time.Millisecond, 5*time.Second)),
	}
	k.control.reload()
	enqueue := func(prefix string) cache.ResourceEventHandlerFuncs {
		add := func(obj any) {
			if key, err := cache.DeletionHandlingMetaNamespaceKeyFunc(obj); err == nil {
				k.queue.Add(prefix + key)
			}
		}
		return cache.ResourceEventHandlerFuncs{AddFunc: add, UpdateFunc: func(_, obj any) { add(obj) }}
	}
	if _, err := podInformer.AddEventHandler(enqueue("pod:")); err != nil {
		return err
	}
	// A claim that binds lets its pods start: they are looked at again.
	if _, err := claimInformer.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(obj any) { k.claimChanged(obj) },
		UpdateFunc: func(_, obj any) { k.claimChanged(obj) },
	}); err != nil {
		return err
	}
	factory.Start(ctx.Done())
	factory.WaitForCacheSync(ctx.Done())
	defer k.queue.ShutDown()
	for i := 0; i < 4; i++ {
		go k.work(ctx)
	}
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if k.control.reload() {
				for _, key := range k.pods.ListKeys() {
					k.queue.Add("pod:" + key)
				}
			}
		}
	}
}

func (k *kubelet) claimChanged(obj any) {
	claim, ok := obj.(*corev1.PersistentVolumeClaim)
	if !ok {
		return
	}
	k.queue.Add("claim:" + claim.Namespace + "/" + claim.Name)
	for _, item := range k.pods.List() {
		pod := item.(*corev1.Pod)
		if pod.Namespace == claim.Namespace && usesClaim(pod, claim.Name) {
			k.queue.Add("pod:" + pod.Namespace + "/" + pod.Name)
		}
	}
}

func (k *kubelet) work(ctx context.Context) {
	for {
		key, quit := k.queue.Get()
		if quit {
			return
		}
		var err error
		if rest, ok := strings.CutPrefix(key, "claim:"); ok {
			err = k.syncClaim(ctx, rest)
		} else {
			err = k.syncPod(ctx, strings.TrimPrefix(key, "pod:"))
		}
		if err != nil && !apierrors.IsNotFound(err) && !apierrors.IsConflict(err) && ctx.Err() == nil {
			fmt.Fprintf(os.Stderr, "sts-kubelet: %s: %v\n", key, err)
		}
		if err != nil && ctx.Err() == nil {
			k.queue.AddRateLimited(key)
		} else {
			k.queue.Forget(key)
		}
		k.queue.Done(key)
	}
}

func (k *kubelet) syncPod(ctx context.Context, key string) error {
	item, exists, err := k.pods.GetByKey(key)
	if err != nil || !exists {
		return err
	}
	pod := item.(*corev1.Pod)
	behaviour := k.control.behaviourOf(pod)
	if pod.DeletionTimestamp != nil {
		if behaviour == HangTerminate {
			return nil
		}
		// What a kubelet does once the containers stopped: confirm the deletion. A
		// finalizer still holds the object (Terminating) until someone removes it.
		zero := int64(0)
		return k.client.CoreV1().Pods(pod.Namespace).Delete(ctx, pod.Name, metav1.DeleteOptions{GracePeriodSeconds: &zero, Preconditions: &metav1.Preconditions{UID: &pod.UID}})
	}
	if behaviour != Unschedulable && k.unboundClaim(pod) != "" {
		behaviour = Unschedulable
		return k.writeStatus(ctx, pod, unboundStatus(pod, k.unboundClaim(pod)))
	}
	if behaviour != Unschedulable && pod.Spec.NodeName == "" {
		binding := &corev1.Binding{ObjectMeta: metav1.ObjectMeta{Name: pod.Name, Namespace: pod.Namespace, UID: pod.UID},
			Target: corev1.ObjectReference{Kind: "Node", Name: NodeName}}
		// The binding's own update event brings the pod back for its status.
		return k.client.CoreV1().Pods(pod.Namespace).Bind(ctx, binding, metav1.CreateOptions{})
	}
	return k.writeStatus(ctx, pod, desiredStatus(pod, behaviour, metav1.Now()))
}

func (k *kubelet) writeStatus(ctx context.Context, pod *corev1.Pod, status corev1.PodStatus) error {
	if sameOutcome(pod.Status, status) {
		return nil
	}
	updated := pod.DeepCopy()
	updated.Status = status
	_, err := k.client.CoreV1().Pods(pod.Namespace).UpdateStatus(ctx, updated, metav1.UpdateOptions{})
	return err
}

func unboundStatus(pod *corev1.Pod, claim string) corev1.PodStatus {
	status := *pod.Status.DeepCopy()
	status.Phase = corev1.PodPending
	setCondition(&status, corev1.PodScheduled, corev1.ConditionFalse, corev1.PodReasonUnschedulable,
		fmt.Sprintf("0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims (%s). preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.", claim), metav1.Now())
	return status
}

func usesClaim(pod *corev1.Pod, claim string) bool {
	for _, v := range pod.Spec.Volumes {
		if v.PersistentVolumeClaim != nil && v.PersistentVolumeClaim.ClaimName == claim {
			return true
		}
	}
	return false
}

// unboundClaim names the first claim of the pod that is missing or not Bound.
func (k *kubelet) unboundClaim(pod *corev1.Pod) string {
	for _, v := range pod.Spec.Volumes {
		if v.PersistentVolumeClaim == nil {
			continue
		}
		item, exists, _ := k.claims.GetByKey(pod.Namespace + "/" + v.PersistentVolumeClaim.ClaimName)
		if !exists || item.(*corev1.PersistentVolumeClaim).Status.Phase != corev1.ClaimBound {
			return v.PersistentVolumeClaim.ClaimName
		}
	}
	return ""
}

// syncClaim binds a Pending claim to a volume made for it, as a provisioner and the
// volume binder would, unless the claim carries UnboundAnnotation.
func (k *kubelet) syncClaim(ctx context.Context, key string) error {
	item, exists, err := k.claims.GetByKey(key)
	if err != nil || !exists {
		return err
	}
	claim := item.(*corev1.PersistentVolumeClaim)
	if claim.Status.Phase == corev1.ClaimBound || claim.DeletionTimestamp != nil || claim.Annotations[UnboundAnnotation] == "true" {
		return nil
	}
	size := claim.Spec.Resources.Requests[corev1.ResourceStorage]
	if size.IsZero() {
		size = resource.MustParse("1Gi")
	}
	name := "pv-" + string(claim.UID)
	volume := &corev1.PersistentVolume{
		ObjectMeta: metav1.ObjectMeta{Name: name},
		Spec: corev1.PersistentVolumeSpec{
			Capacity:                      corev1.ResourceList{corev1.ResourceStorage: size},
			AccessModes:                   claim.Spec.AccessModes,
			PersistentVolumeReclaimPolicy: corev1.PersistentVolumeReclaimDelete,
			PersistentVolumeSource:        corev1.PersistentVolumeSource{HostPath: &corev1.HostPathVolumeSource{Path: "/tmp/" + name}},
			ClaimRef:                      &corev1.ObjectReference{Kind: "PersistentVolumeClaim", Namespace: claim.Namespace, Name: claim.Name, UID: claim.UID},
		},
	}
	if claim.Spec.StorageClassName != nil {
		volume.Spec.StorageClassName = *claim.Spec.StorageClassName
	}
	if len(volume.Spec.AccessModes) == 0 {
		volume.Spec.AccessModes = []corev1.PersistentVolumeAccessMode{corev1.ReadWriteOnce}
	}
	if _, err := k.client.CoreV1().PersistentVolumes().Create(ctx, volume, metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		return err
	}
	bound := claim.DeepCopy()
	bound.Spec.VolumeName = name
	bound, err = k.client.CoreV1().PersistentVolumeClaims(claim.Namespace).Update(ctx, bound, metav1.UpdateOptions{})
	if err != nil {
		return err
	}
	bound.Status.Phase = corev1.ClaimBound
	bound.Status.Capacity = corev1.ResourceList{corev1.ResourceStorage: size}
	bound.Status.AccessModes = volume.Spec.AccessModes
	_, err = k.client.CoreV1().PersistentVolumeClaims(claim.Namespace).UpdateStatus(ctx, bound, metav1.UpdateOptions{})
	return err
}
