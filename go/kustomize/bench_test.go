package kustomizeengine

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBuildBenchLayout builds scripts/bench-kustomize.mjs's overlay (40 resources, three
// patches) natively, to profile where a build's time goes:
//
//	node scripts/bench-kustomize.mjs --write-layout /tmp/layout
//	KUSTOMIZE_BENCH_LAYOUT=/tmp/layout go test -tags stsoverlay -modfile=../../.cache/kustomize/api-src/go.mod \
//	  -run x -bench BuildBenchLayout -benchmem -cpuprofile cpu.out .
func BenchmarkBuildBenchLayout(b *testing.B) {
	dir := os.Getenv("KUSTOMIZE_BENCH_LAYOUT")
	if dir == "" {
		b.Skip("KUSTOMIZE_BENCH_LAYOUT names no layout (node scripts/bench-kustomize.mjs --write-layout DIR)")
	}
	req := Request{Files: map[string][]byte{}, Dir: filepath.ToSlash(filepath.Join(dir, "overlays", "prod"))}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		req.Files[filepath.ToSlash(path)] = content
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if resp := Build(req); resp.Error != nil || len(resp.Resources) != 40 {
			b.Fatalf("%v %d", resp.Error, len(resp.Resources))
		}
	}
}
