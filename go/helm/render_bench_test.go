package helmengine

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkRenderPostgresql renders the vendored bitnami/postgresql chart (35 templates and
// the bitnami/common library) as an edit in the editor does: the whole chart, every time.
// Profile it natively to see where a render's time goes (the WebAssembly build runs the same
// code, slower): go test -run '^$' -bench Postgresql -cpuprofile cpu.out .
func BenchmarkRenderPostgresql(b *testing.B) {
	root := filepath.Join("..", "..", "test", "fixtures", "charts", "postgresql")
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		data, err := os.ReadFile(path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if resp := Render(Request{Files: files, ExecutionContext: os.Getenv("BENCH_EXECUTION_CONTEXT")}); resp.Error != nil {
			b.Fatal(resp.Error.Message)
		}
	}
}
