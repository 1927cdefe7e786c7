// Command helmengine reads one JSON Request on stdin and writes its JSON Response on
// stdout: the engine as a plain process, for go test and for debugging a render outside
// the editor. The editor runs the same code compiled to WebAssembly (cmd/wasm).
package main

import (
	"encoding/json"
	"fmt"
	"os"

	helmengine "statefulset.studio/helmengine"
)

func main() {
	var req helmengine.Request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fmt.Fprintln(os.Stderr, "helmengine: bad request:", err)
		os.Exit(2)
	}
	if err := json.NewEncoder(os.Stdout).Encode(helmengine.Render(req)); err != nil {
		fmt.Fprintln(os.Stderr, "helmengine:", err)
		os.Exit(1)
	}
}
