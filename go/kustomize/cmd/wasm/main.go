//go:build js && wasm

// Command wasm is the engine as a WebAssembly module for Node.js (GOOS=js GOARCH=wasm), loaded
// like go/helm's (see its cmd/wasm for why js/wasm): it sets
// globalThis.__kustomizeEngineBuild(requestJSON: string): string (the response JSON), calls
// globalThis.__kustomizeEngineReady(), and blocks so that the function stays callable. The time
// limit is the host's: it stops the worker thread.
package main

import (
	"encoding/json"
	"log"
	"syscall/js"

	kustomizeengine "statefulset.studio/kustomizeengine"
)

func main() {
	log.SetFlags(0)
	build := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var req kustomizeengine.Request
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return encode(kustomizeengine.Response{Resources: []kustomizeengine.Resource{}, Error: &kustomizeengine.Error{Message: "kustomize engine: expected one JSON string"}})
		}
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			return encode(kustomizeengine.Response{Resources: []kustomizeengine.Resource{}, Error: &kustomizeengine.Error{Message: "kustomize engine: bad request: " + err.Error()}})
		}
		return encode(kustomizeengine.Build(req))
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
