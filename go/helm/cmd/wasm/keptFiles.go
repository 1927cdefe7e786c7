//go:build js && wasm

package main

import (
	"errors"

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
}

// maxKeptCharts bounds the memory: a workspace with more charts than this sends a chart's
// whole folder again when it comes back (errStale tells the host to).
const maxKeptCharts = 8

var (
	kept     = map[string]*keptFiles{}
	useClock int
	// errStale: the request's Base is not the kept generation (never sent, evicted, or the
	// engine restarted); the host answers by sending the whole folder.
	errStale = errors.New("helm engine: stale file set")
)

// completeFiles returns the request's whole folder, applying it to the kept set of its chart.
func completeFiles(req incrementalRequest) (map[string][]byte, error) {
	if req.Chart == "" {
		return req.Files, nil
	}
	useClock++
	var files map[string][]byte
	if req.Base == 0 {
		files = req.Files
	} else {
		k, ok := kept[req.Chart]
		if !ok || k.generation != req.Base {
			return nil, errStale
		}
		files = make(map[string][]byte, len(k.files)+len(req.Files))
		for name, data := range k.files {
			files[name] = data
		}
		for name, data := range req.Files {
			files[name] = data
		}
		for _, name := range req.Removed {
			delete(files, name)
		}
	}
	kept[req.Chart] = &keptFiles{generation: req.Generation, files: files, lastUsed: useClock}
	if len(kept) > maxKeptCharts {
		oldest := ""
		for name, k := range kept {
			if oldest == "" || k.lastUsed < kept[oldest].lastUsed {
				oldest = name
			}
		}
		delete(kept, oldest)
	}
	return files, nil
}
