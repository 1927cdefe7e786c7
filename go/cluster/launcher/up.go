// Package launcher starts a real Kubernetes control plane on 127.0.0.1 for tests: etcd
// in this process, kube-apiserver and kube-controller-manager (only the StatefulSet
// controller) as child processes built from k8s.io/kubernetes, and the test kubelet.
// Everything it writes (certificates, kubeconfigs, logs, etcd's data) stays in one
// directory; it stops everything on SIGTERM, SIGINT or when its stdin closes.
package launcher

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"

	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"statefulset-studio/cluster/kubelet"
)

// Options say where the cluster lives and where its binaries are.
type Options struct {
	Dir    string // certificates, kubeconfigs, logs, etcd data
	BinDir string // holds kube-apiserver and kube-controller-manager
}

// Ready is the one JSON line printed on stdout once the cluster answers and the
// StatefulSet controller runs: what a test needs to talk to it.
type Ready struct {
	Server           string `json:"server"`
	AdminKubeconfig  string `json:"adminKubeconfig"`
	ReaderKubeconfig string `json:"readerKubeconfig"`
	ReaderUser       string `json:"readerUser"`
	KubeletControl   string `json:"kubeletControl"`
	Dir              string `json:"dir"`
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Up starts the cluster and blocks until ctx is done, then stops it.
func Up(ctx context.Context, opts Options) error {
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	ports := make([]int, 3)
	for i := range ports {
		if ports[i], err = freePort(); err != nil {
			return err
		}
	}
	etcdClient, etcdPeer, apiPort := ports[0], ports[1], ports[2]
	etcd, err := startEtcd(dir, etcdClient, etcdPeer)
	if err != nil {
		return err
	}
	defer etcd.Close()

	files, err := writeCredentials(dir, apiPort)
	if err != nil {
		return err
	}
	children := &processes{}
	defer children.stop()
	apiserver := []string{
		fmt.Sprintf("--etcd-servers=http://127.0.0.1:%d", etcdClient),
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
		fmt.Sprintf("--secure-port=%d", apiPort),
		"--tls-cert-file=" + files.serverCert, "--tls-private-key-file=" + files.serverKey,
		"--client-ca-file=" + files.caCert,
		"--authorization-mode=RBAC",
		"--service-account-issuer=https://kubernetes.default.svc",
		"--service-account-key-file=" + files.saPublic,
		"--service-account-signing-key-file=" + files.saPrivate,
		"--service-cluster-ip-range=10.96.0.0/24",
		// No service-account controller runs, so its admission (which waits for the
		// namespace's default account) would refuse every pod.
		"--disable-admission-plugins=ServiceAccount",
		"--endpoint-reconciler-type=none",
		"--enable-priority-and-fairness=false",
		"--profiling=false",
		"--cert-dir=" + filepath.Join(dir, "apiserver-certs"),
	}
	if err := children.start(filepath.Join(opts.BinDir, "kube-apiserver"), apiserver, filepath.Join(dir, "apiserver.log")); err != nil {
		return err
	}
	admin, err := clientcmd.BuildConfigFromFlags("", files.adminKubeconfig)
	if err != nil {
		return err
	}
	client, err := kubernetes.NewForConfig(admin)
	if err != nil {
		return err
	}
	if err := waitReady(ctx, client, children); err != nil {
		return err
	}
	if err := grantRoles(ctx, client); err != nil {
		return err
	}
	controllerManager := []string{
		"--kubeconfig=" + files.controllerKubeconfig,
		"--controllers=statefulset-controller",
		"--leader-elect=false",
		"--secure-port=0",
		"--concurrent-statefulset-syncs=5",
	}
	if err := children.start(filepath.Join(opts.BinDir, "kube-controller-manager"), controllerManager, filepath.Join(dir, "controller-manager.log")); err != nil {
		return err
	}
	control := filepath.Join(dir, "kubelet-control.json")
	if err := os.WriteFile(control, []byte("{}\n"), 0o644); err != nil {
		return err
	}
	kubeletErr := make(chan error, 1)
	go func() { kubeletErr <- kubelet.Run(ctx, client, control) }()

	ready, _ := json.Marshal(Ready{
		Server: fmt.Sprintf("https://127.0.0.1:%d", apiPort), AdminKubeconfig: files.adminKubeconfig,
		ReaderKubeconfig: files.readerKubeconfig, ReaderUser: ReaderUser, KubeletControl: control, Dir: dir,
	})
	fmt.Println(string(ready))
	select {
	case <-ctx.Done():
		return nil
	case err := <-children.exited:
		return err
	case err := <-kubeletErr:
		return fmt.Errorf("kubelet: %w", err)
	}
}

func waitReady(ctx context.Context, client kubernetes.Interface, children *processes) error {
	deadline := time.Now().Add(120 * time.Second)
	for {
		body, err := client.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		if err == nil && string(body) == "ok" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("kube-apiserver not ready within 120 s: %v", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-children.exited:
			return err
		case <-time.After(200 * time.Millisecond):
		}
	}
}
