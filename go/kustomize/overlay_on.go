//go:build stsoverlay

package kustomizeengine

import "sigs.k8s.io/kustomize/api/resource"

// Built with tools/apioverlay's copy of kustomize's api module (scripts/build-kustomize.sh does).
func init() {
	skipRepeatedTransformations = func(on bool) { resource.SkipRepeatedTransformations = on }
	resource.KeepParsedFiles = true
}
