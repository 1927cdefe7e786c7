package main

// valuesCache is the file the overlay adds as pkg/chart/v2/loader/values_cache.go. A Go file
// of this program, so the build's input hash (scripts/build-helm.sh) covers it.
const valuesCache = `package loader

import (
	"bytes"

	chart "helm.sh/helm/v4/pkg/chart/v2"
)

// Overlay of go/helm/tools/wasmoverlay. Once templates are parsed once and executed only when
// they change (pkg/engine), half of an edit's render was parsing values.yaml again (YAML, then
// JSON, then maps: bitnami's are 1,500 lines). Each chart keeps its values.yaml's last text and
// what it parsed to; a render gets a deep copy, since Helm changes the values it is given
// (coalescing, dependencies). A parse that holds anything but JSON's types is not kept.

type parsedValues struct {
	text   string
	values map[string]any
}

var parsedValuesOf = map[string]parsedValues{}

// maxParsedValues bounds the cache (a workspace of many charts): past it, start afresh.
const maxParsedValues = 64

func loadValuesCached(c *chart.Chart, data []byte) (map[string]any, error) {
	name := ""
	if c.Metadata != nil {
		name = c.Metadata.Name
	}
	if parsed, ok := parsedValuesOf[name]; ok && parsed.text == string(data) {
		if values, ok := copyValue(parsed.values).(map[string]any); ok {
			return values, nil
		}
	}
	values, err := LoadValues(bytes.NewReader(data))
	if err != nil {
		return values, err
	}
	kept, ok := copyValue(values).(map[string]any)
	if !ok {
		delete(parsedValuesOf, name)
		return values, nil
	}
	if len(parsedValuesOf) >= maxParsedValues {
		parsedValuesOf = map[string]parsedValues{}
	}
	parsedValuesOf[name] = parsedValues{text: string(data), values: kept}
	return values, nil
}

// notCopyable stands for a value of a type JSON does not decode to.
type notCopyable struct{}

// copyValue copies maps and lists; strings, numbers, booleans and null are immutable.
func copyValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			c := copyValue(e)
			if _, bad := c.(notCopyable); bad {
				return c
			}
			out[k] = c
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			c := copyValue(e)
			if _, bad := c.(notCopyable); bad {
				return c
			}
			out[i] = c
		}
		return out
	case string, float64, int64, int, bool, nil:
		return v
	default:
		return notCopyable{}
	}
}
`
