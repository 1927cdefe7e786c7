// Command kube-apiserver is Kubernetes' own API server (k8s.io/kubernetes v1.37.2,
// cmd/kube-apiserver), built here from the Go module proxy for the tests that need a
// real cluster. Nothing of ours runs in it: the flags are the upstream ones.
package main

import (
	"os"
	_ "time/tzdata"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	os.Exit(cli.Run(app.NewAPIServerCommand()))
}
