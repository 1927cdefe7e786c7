// Command kube-controller-manager is Kubernetes' own controller manager
// (k8s.io/kubernetes v1.37.2, cmd/kube-controller-manager). The launcher runs it with
// --controllers=statefulset-controller, so the real StatefulSet controller drives the
// rollouts the tests watch.
package main

import (
	"os"
	_ "time/tzdata"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-controller-manager/app"
)

func main() {
	os.Exit(cli.Run(app.NewControllerManagerCommand()))
}
