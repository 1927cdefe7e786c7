package oracle

import (
	"fmt"

	"k8s.io/apiserver/pkg/util/feature"
	"k8s.io/component-base/featuregate"
)

// withGates runs f with the given feature gates set, then puts the release's values back.
func withGates(gates map[string]bool, f func()) error {
	if len(gates) == 0 {
		f()
		return nil
	}
	known := feature.DefaultMutableFeatureGate.GetAll()
	before := map[string]bool{}
	for name := range gates {
		if _, ok := known[featuregate.Feature(name)]; !ok {
			return fmt.Errorf("feature gates: unknown gate %q", name)
		}
		before[name] = feature.DefaultFeatureGate.Enabled(featuregate.Feature(name))
	}
	if err := feature.DefaultMutableFeatureGate.SetFromMap(gates); err != nil {
		return fmt.Errorf("feature gates: %w", err)
	}
	defer func() { _ = feature.DefaultMutableFeatureGate.SetFromMap(before) }()
	f()
	return nil
}
