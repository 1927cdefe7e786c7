//go:build js && wasm

package main

import (
	"errors"

	kustomizeengine "statefulset.studio/kustomizeengine"
)

// An edit changes one file of an overlay, and overlays share their bases: the files stay here
// between builds (one store for every overlay, by path), and a request carries only what changed
// since the last one, plus the list of the files its build may read. The worker thread that
// sends requests holds the mirror of this store (kustomizeWorkerThread.ts, KeptFileMirror), so
// both start empty and end together.

// keptRequest is what the worker sends.
type keptRequest struct {
	Dir string `json:"dir"`
	// Files: new or changed contents (text: the host reads files as UTF-8).
	Files map[string]string `json:"files"`
	// Paths: every file this build may read; each is in Files or was sent before.
	Paths []string `json:"paths"`
	// Reset drops every kept file first (the host's mirror grew past its bound).
	Reset bool `json:"reset,omitempty"`
}

var kept = map[string][]byte{}

// errNotKept: a path was neither sent now nor before; the worker then sends everything again.
var errNotKept = errors.New("kustomize engine: a file was not sent")

// request turns a keptRequest into the engine's Request, updating the store.
func request(req keptRequest) (kustomizeengine.Request, error) {
	if req.Reset {
		kept = map[string][]byte{}
	}
	for name, text := range req.Files {
		kept[name] = []byte(text)
	}
	files := make(map[string][]byte, len(req.Paths))
	for _, name := range req.Paths {
		content, ok := kept[name]
		if !ok {
			return kustomizeengine.Request{}, errNotKept
		}
		files[name] = content
	}
	return kustomizeengine.Request{Files: files, Dir: req.Dir}, nil
}
