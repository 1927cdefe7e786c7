//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"

	helmengine "statefulset.studio/helmengine"
)

// An edit changes one file of a chart, yet a bitnami chart with its README, CHANGELOG and
// values is over 1 MB: decoding all of it as JSON (base64) in WebAssembly took a quarter of
// a render. So the host may send only what changed since a render it names; the files are
// kept here between renders, per chart, and Render still receives the whole folder.

// incrementalRequest is helmengine.Request plus what it changes of a kept file set.
type incrementalRequest struct {
	helmengine.Request
	// Chart names the kept file set (the host uses the chart's folder); empty: Files is
	// complete and nothing is kept.
	Chart string `json:"chart,omitempty"`
	// Base is the generation Files and Removed apply to; 0: Files is the complete folder.
	Base int `json:"base,omitempty"`
	// Generation names the file set after this request, for the next one's Base.
	Generation int      `json:"generation,omitempty"`
	Removed    []string `json:"removed,omitempty"`
}

type keptFiles struct {
	generation int
	files      map[string][]byte
	lastUsed   int
	// data names the render's data other than the templates (helmengine.Request.ExecutionContext),
	// and options is the request without its files, to see whether they changed.
	data    string
	options []byte
}

// maxKeptCharts bounds the memory: a workspace with more charts than this sends a chart's
// whole folder again when it comes back (errStale tells the host to).
const maxKeptCharts = 8

var (
	kept     = map[string]*keptFiles{}
	useClock int
	// dataClock numbers the data names: a chart evicted and sent again gets a new one.
	dataClock int
	// errStale: the request's Base is not the kept generation (never sent, evicted, or the
	// engine restarted); the host answers by sending the whole folder.
	errStale = errors.New("helm engine: stale file set")
)

// templatePath matches a chart's templates (its own and its subcharts' folders); every other
// file (values, Chart.yaml, .Files, packed subcharts) is data that any template may read.
var templatePath = regexp.MustCompile(`^(charts/[^/]+/)*templates/`)

// completeFiles returns the request's whole folder, applying it to the kept set of its chart,
// and the name of its data (see helmengine.Request.ExecutionContext): the same name as the
// last render's when only templates changed.
func completeFiles(req incrementalRequest) (map[string][]byte, string, error) {
	if req.Chart == "" {
		return req.Files, "", nil
	}
	useClock++
	options := requestOptions(req.Request)
	previous, known := kept[req.Chart]
	var files map[string][]byte
	sameData := false
	if req.Base == 0 {
		files = req.Files
	} else {
		if !known || previous.generation != req.Base {
			return nil, "", errStale
		}
		files = make(map[string][]byte, len(previous.files)+len(req.Files))
		for name, data := range previous.files {
			files[name] = data
		}
		sameData = bytes.Equal(options, previous.options)
		for name, data := range req.Files {
			if !templatePath.MatchString(name) && !bytes.Equal(data, previous.files[name]) {
				sameData = false
			}
			files[name] = data
		}
		for _, name := range req.Removed {
			if !templatePath.MatchString(name) {
				sameData = false
			}
			delete(files, name)
		}
	}
	data := ""
	if sameData {
		data = previous.data
	} else {
		dataClock++
		data = fmt.Sprintf("%s#%d", req.Chart, dataClock)
	}
	kept[req.Chart] = &keptFiles{generation: req.Generation, files: files, lastUsed: useClock, data: data, options: options}
	if len(kept) > maxKeptCharts {
		oldest := ""
		for name, k := range kept {
			if oldest == "" || k.lastUsed < kept[oldest].lastUsed {
				oldest = name
			}
		}
		delete(kept, oldest)
	}
	return files, data, nil
}

// requestOptions is the request without its files: values files, --set, release, versions.
func requestOptions(req helmengine.Request) []byte {
	req.Files = nil
	b, _ := json.Marshal(req) // strings and bytes only: it cannot fail
	return b
}
