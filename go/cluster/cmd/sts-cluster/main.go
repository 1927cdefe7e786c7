// Command sts-cluster starts a real Kubernetes control plane for tests on 127.0.0.1:
//
//	sts-cluster up --dir DIR [--bin DIR]
//
// etcd runs in this process; kube-apiserver and kube-controller-manager (beside this
// binary unless --bin says otherwise) run as children; the test kubelet runs in this
// process. Once ready it prints one JSON line (launcher.Ready) on stdout; it stops
// everything on SIGTERM or SIGINT, or when stdin reaches its end (the test that started
// it went away).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"statefulset-studio/cluster/launcher"
)

func main() {
	if len(os.Args) < 2 || os.Args[1] != "up" {
		fmt.Fprintln(os.Stderr, "usage: sts-cluster up --dir DIR [--bin DIR] [--watch-stdin]")
		os.Exit(2)
	}
	self, _ := os.Executable()
	flags := flag.NewFlagSet("up", flag.ExitOnError)
	dir := flags.String("dir", "", "directory for certificates, kubeconfigs, logs and etcd data (required)")
	bin := flags.String("bin", filepath.Dir(self), "directory holding kube-apiserver and kube-controller-manager")
	watchStdin := flags.Bool("watch-stdin", false, "stop when stdin reaches its end")
	_ = flags.Parse(os.Args[2:])
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "sts-cluster up: --dir is required")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}
	if err := launcher.Up(ctx, launcher.Options{Dir: *dir, BinDir: *bin}); err != nil {
		fmt.Fprintln(os.Stderr, "sts-cluster:", err)
		os.Exit(1)
	}
}
