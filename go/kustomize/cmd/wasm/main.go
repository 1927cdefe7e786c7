//go:build js && wasm

// Command wasm is the engine as a WebAssembly module for Node.js (GOOS=js GOARCH=wasm), loaded
// like go/helm's (see its cmd/wasm for why js/wasm): it sets
// globalThis.__kustomizeEngineBuild(requestJSON: string): string (the response JSON), calls
// globalThis.__kustomizeEngineReady(), and blocks so that the function stays callable. The time
// limit is the host's: it stops the worker thread. Requests carry only the files that changed
// (keptFiles.go); the response leaves the manifest out (the host joins the resources' texts).
package main

import (
	"encoding/json"
	"log"
	"runtime/debug"
	"syscall/js"

	kustomizeengine "statefulset.studio/kustomizeengine"
)

func main() {
	log.SetFlags(0)
	// Go's collector runs on this one thread in WebAssembly, without a concurrent phase: a build
	// allocates ~20 MB, and at the default GOGC=100 collecting was a third of an edit's build
	// (measured on scripts/bench-kustomize.mjs's overlay: 217 -> 133 ms median at GOGC=400). The
	// live heap between builds is small, so a higher GOGC costs ~100 MB of module memory, not a
	// growing heap; the memory limit keeps a large overlay's builds from growing it further.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(512 << 20)
	build := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var req keptRequest
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return encode(kustomizeengine.Response{Resources: []kustomizeengine.Resource{}, Error: &kustomizeengine.Error{Message: "kustomize engine: expected one JSON string"}})
		}
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			return encode(kustomizeengine.Response{Resources: []kustomizeengine.Resource{}, Error: &kustomizeengine.Error{Message: "kustomize engine: bad request: " + err.Error()}})
		}
		full, err := request(req)
		if err != nil {
			return encode(kustomizeengine.Response{Resources: []kustomizeengine.Resource{}, Error: &kustomizeengine.Error{Message: err.Error()}})
		}
		resp := kustomizeengine.Build(full)
		resp.Manifest = "" // the resources' texts joined by "---\n": the host joins them
		return encode(resp)
	})
	js.Global().Set("__kustomizeEngineBuild", build)
	if ready := js.Global().Get("__kustomizeEngineReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

func encode(resp kustomizeengine.Response) string {
	b, err := json.Marshal(resp)
	if err != nil {
		return `{"manifest":"","resources":[],"error":{"message":"kustomize engine: cannot encode the response"}}`
	}
	return string(b)
}
