// Command kustomizeengine is the engine as a process (stdin: Request JSON, stdout: Response
// JSON), for tests and debugging. PATH is emptied first: kustomize would run `git` to clone a
// remote base, and the engine never fetches.
package main

import (
	"encoding/json"
	"io"
	"os"

	kustomizeengine "statefulset.studio/kustomizeengine"
)

func main() {
	os.Setenv("PATH", "")
	var req kustomizeengine.Request
	in, err := io.ReadAll(os.Stdin)
	if err == nil {
		err = json.Unmarshal(in, &req)
	}
	resp := kustomizeengine.Response{Resources: []kustomizeengine.Resource{}}
	if err != nil {
		resp.Error = &kustomizeengine.Error{Message: "kustomize engine: bad request: " + err.Error()}
	} else {
		resp = kustomizeengine.Build(req)
	}
	_ = json.NewEncoder(os.Stdout).Encode(resp)
}
