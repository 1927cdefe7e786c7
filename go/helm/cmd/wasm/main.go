//go:build js && wasm

// Command wasm is the engine as a WebAssembly module for Node.js (GOOS=js GOARCH=wasm).
//
// Why js/wasm and not wasip1: the module must answer many renders from one instance
// (an edit re-renders; loading ~30 MB of code each time would cost more than the
// render). js/wasm lets Go export a function and stay alive between calls, with Go's own
// wasm_exec.js as the only glue; a wasip1 command runs main() once and exits (Go 1.24's
// go:wasmexport would need a reactor build plus our own memory marshalling).
//
// It sets globalThis.__helmEngineRender(requestJSON: string): string (the response
// JSON) and then calls globalThis.__helmEngineReady(), then blocks forever so that the
// function stays callable.
package main

import (
	"encoding/json"
	"log"
	"syscall/js"
	"time"
	_ "time/tzdata" // the zone database: there is no /usr/share/zoneinfo to read here

	helmengine "statefulset.studio/helmengine"
)

func main() {
	setLocalTimeZone()
	// Helm's warnings reach the host as the render's log: without a time stamp they say
	// the same for the same chart.
	log.SetFlags(0)
	render := js.FuncOf(func(_ js.Value, args []js.Value) any {
		var req incrementalRequest
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return encode(helmengine.Response{Documents: []helmengine.Document{}, Error: &helmengine.Error{Message: "helm engine: expected one JSON string"}})
		}
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			return encode(helmengine.Response{Documents: []helmengine.Document{}, Error: &helmengine.Error{Message: "helm engine: bad request: " + err.Error()}})
		}
		files, data, err := completeFiles(req)
		if err != nil {
			return encode(helmengine.Response{Documents: []helmengine.Document{}, Error: &helmengine.Error{Message: err.Error()}})
		}
		req.Request.Files = files
		req.Request.ExecutionContext = data
		return encode(helmengine.Render(req.Request))
	})
	js.Global().Set("__helmEngineRender", render)
	if ready := js.Global().Get("__helmEngineReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// setLocalTimeZone makes time.Local what a native helm would use. Go's js/wasm runtime
// makes it a fixed offset named like "UTC+0" from JavaScript's Date, so `date "... MST"`
// printed "UTC+0" where helm prints "UTC" (and would miss summer time elsewhere). Node
// knows the zone's name (from TZ or the system, as native Go reads them).
func setLocalTimeZone() {
	intl := js.Global().Get("Intl")
	if intl.Type() != js.TypeObject {
		return
	}
	name := intl.Call("DateTimeFormat").Call("resolvedOptions").Get("timeZone")
	if name.Type() != js.TypeString {
		return
	}
	if loc, err := time.LoadLocation(name.String()); err == nil {
		time.Local = loc
	}
}

func encode(resp helmengine.Response) string {
	b, err := json.Marshal(resp)
	if err != nil {
		return `{"manifest":"","documents":[],"error":{"message":"helm engine: cannot encode the response"}}`
	}
	return string(b)
}
