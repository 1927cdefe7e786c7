package helmengine

import (
	"bytes"
	"errors"
	"io/fs"
	"sort"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"helm.sh/helm/v4/pkg/chart/loader/archive"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/ignore"
)

var utf8bom = []byte{0xEF, 0xBB, 0xBF}

// loadChart is pkg/chart/loader.LoadDir on files in memory: the same .helmignore rules
// (the chart's own plus Helm's defaults), the same directory walk order (lexical per
// directory, as internal/sympath.Walk), the BOM trimmed, then loader.LoadFiles.
func loadChart(files map[string][]byte) (*chart.Chart, error) {
	raw, ok := files["Chart.yaml"]
	if !ok {
		return nil, errors.New("unable to detect chart: Chart.yaml file is missing")
	}
	var base struct {
		APIVersion string `json:"apiVersion"`
	}
	if err := yaml.Unmarshal(raw, &base); err != nil {
		return nil, errors.New("cannot load Chart.yaml: " + err.Error())
	}
	switch base.APIVersion {
	case chart.APIVersionV1, chart.APIVersionV2, "":
	case "v3":
		// helm template of this version loads it, then action.Install refuses it.
		return nil, errors.New("invalid chart apiVersion")
	default:
		return nil, errors.New("unsupported chart version")
	}

	rules := ignore.Empty()
	if data, ok := files[ignore.HelmIgnore]; ok {
		r, err := ignore.Parse(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		rules = r
	}
	rules.AddDefaults()

	var loaded []*archive.BufferedFile
	walk(newTree(files), "", func(name string, isDir bool, data []byte) bool {
		if rules.Ignore(name, fileInfo{name: name, dir: isDir, size: int64(len(data))}) {
			return false // a directory's contents are skipped with it
		}
		if !isDir {
			loaded = append(loaded, &archive.BufferedFile{Name: name, Data: bytes.TrimPrefix(data, utf8bom)})
		}
		return true
	})
	return loader.LoadFiles(loaded)
}

// tree is the chart's files as nested directories.
type tree struct {
	dirs  map[string]*tree
	files map[string][]byte
}

func newTree(files map[string][]byte) *tree {
	root := &tree{dirs: map[string]*tree{}, files: map[string][]byte{}}
	for name, data := range files {
		parts := strings.Split(name, "/")
		t := root
		for _, d := range parts[:len(parts)-1] {
			if d == "" || d == "." {
				continue
			}
			next, ok := t.dirs[d]
			if !ok {
				next = &tree{dirs: map[string]*tree{}, files: map[string][]byte{}}
				t.dirs[d] = next
			}
			t = next
		}
		t.files[parts[len(parts)-1]] = data
	}
	return root
}

// walk visits a directory's entries in lexical order, files and directories mixed, as
// filepath.Walk does; visit returns false to skip a directory.
func walk(t *tree, prefix string, visit func(name string, isDir bool, data []byte) bool) {
	names := make([]string, 0, len(t.dirs)+len(t.files))
	for n := range t.dirs {
		names = append(names, n)
	}
	for n := range t.files {
		if _, dup := t.dirs[n]; !dup {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		full := prefix + n
		if sub, ok := t.dirs[n]; ok {
			if visit(full, true, nil) {
				walk(sub, full+"/", visit)
			}
			continue
		}
		visit(full, false, t.files[n])
	}
}

// fileInfo is what ignore.Rules.Ignore asks of a file: its name and whether it is a
// directory.
type fileInfo struct {
	name string
	dir  bool
	size int64
}

func (f fileInfo) Name() string {
	if i := strings.LastIndexByte(f.name, '/'); i >= 0 {
		return f.name[i+1:]
	}
	return f.name
}
func (f fileInfo) Size() int64 { return f.size }
func (f fileInfo) Mode() fs.FileMode {
	if f.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (f fileInfo) ModTime() time.Time { return time.Time{} }
func (f fileInfo) IsDir() bool        { return f.dir }
func (f fileInfo) Sys() any           { return nil }
