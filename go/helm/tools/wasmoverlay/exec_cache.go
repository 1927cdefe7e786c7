package main

// execCache is the file the overlay adds as pkg/engine/exec_cache.go: each template's output
// kept between renders (see its comment). A Go file of this program, so the build's input
// hash (scripts/build-helm.sh) covers it.
const execCache = `
package engine

import (
	"context"
	"reflect"
	"text/template"
	"text/template/parse"
)

// Overlay of go/helm/tools/wasmoverlay. An edit usually changes one template of a chart, yet
// Helm executes every template again. A template's output depends only on its own text, the
// named templates its execution runs (by "include", or "template" in the trees it runs), and
// the render's data (values, Chart.yaml, .Files, release, capabilities). The caller names that
// data with a key (ExecutionContextKey in the context; a new key whenever any of it changed),
// and a file executed under the same key, with the same text, whose named templates resolve to
// the same files with the same texts, gives the output it gave before. Not kept: a file whose
// execution called "tpl" (a string from the values may run any template), or one that failed.
// Templates share the render's data (one values map per chart), and sprig's set, unset and
// merge change maps in place: a template that changes the shared data changes what the
// templates after it see, so a render in which one does reuses and keeps nothing from then on.
// Random and time functions (randAlphaNum, now) keep their earlier result, as a cache must.

// ExecutionContextKey is the context value (a string) that names the render's data.
const ExecutionContextKey = "statefulset.studio/helm-execution-context"

type usedTemplate struct{ file, text string }

type executedFile struct {
	context string
	text    string
	uses    map[string]usedTemplate // every named template its execution ran
	output  string
}

type executionCache struct {
	files map[string]executedFile
	// During one file's execution: the names it included, and whether it called tpl.
	includes  map[string]bool
	calledTpl bool
	// During one render: its data (each chart's values map), the maps reachable from it (found
	// at the first set, unset or merge), and whether a template changed one of them.
	data    []any
	shared  map[uintptr]bool
	mutated bool
}

var executions = executionCache{files: map[string]executedFile{}}

// maxExecutedFiles bounds the cache (a workspace of many charts): past it, start afresh.
const maxExecutedFiles = 4096

func executionContext(ctx context.Context) string {
	key, _ := ctx.Value(ExecutionContextKey).(string)
	return key
}

// definedIn is the file whose text defines the named template now.
func definedIn(t *template.Template, name string) string {
	if d := t.Lookup(name); d != nil && d.Tree != nil {
		return d.Tree.ParseName
	}
	return ""
}

// beginRender starts a render of these templates.
func (c *executionCache) beginRender(tpls map[string]renderable) {
	c.data, c.shared, c.mutated = nil, nil, false
	for _, r := range tpls {
		c.data = append(c.data, r.vals)
	}
}

func (c *executionCache) reuse(ctx context.Context, t *template.Template, tpls map[string]renderable, filename string) (string, bool) {
	key := executionContext(ctx)
	e, ok := c.files[filename]
	if !ok || key == "" || c.mutated || e.context != key || e.text != tpls[filename].tpl {
		return "", false
	}
	for name, used := range e.uses {
		r, ok := tpls[used.file]
		if !ok || r.tpl != used.text || definedIn(t, name) != used.file {
			return "", false
		}
	}
	return e.output, true
}

func (c *executionCache) start() {
	c.includes = map[string]bool{}
	c.calledTpl = false
}

func (c *executionCache) included(name string) {
	if c.includes != nil {
		c.includes[name] = true
	}
}

func (c *executionCache) usedTpl() { c.calledTpl = true }

func (c *executionCache) keep(ctx context.Context, t *template.Template, tpls map[string]renderable, filename, output string) {
	key := executionContext(ctx)
	includes, calledTpl := c.includes, c.calledTpl
	c.includes = nil
	delete(c.files, filename)
	if c.mutated {
		c.files = map[string]executedFile{}
		return
	}
	if key == "" || calledTpl {
		return
	}
	uses := map[string]usedTemplate{}
	pending := []string{filename}
	for name := range includes {
		pending = append(pending, name)
	}
	for len(pending) > 0 {
		name := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		if _, seen := uses[name]; seen {
			continue
		}
		d := t.Lookup(name)
		if d == nil || d.Tree == nil {
			return
		}
		r, ok := tpls[d.Tree.ParseName]
		if !ok {
			return
		}
		uses[name] = usedTemplate{file: d.Tree.ParseName, text: r.tpl}
		pending = templateNames(d.Tree.Root, pending)
	}
	if len(c.files) >= maxExecutedFiles {
		c.files = map[string]executedFile{}
	}
	c.files[filename] = executedFile{context: key, text: tpls[filename].tpl, uses: uses, output: output}
}

// guardMutations wraps the functions that change a map in place (their first argument) so
// that a change to the render's shared data is seen.
func (c *executionCache) guardMutations(funcs template.FuncMap) {
	for _, name := range []string{"set", "unset", "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite"} {
		original := reflect.ValueOf(funcs[name])
		if original.Kind() != reflect.Func {
			continue
		}
		funcs[name] = reflect.MakeFunc(original.Type(), func(args []reflect.Value) []reflect.Value {
			if len(args) > 0 && c.isShared(args[0]) {
				c.mutated = true
			}
			if original.Type().IsVariadic() {
				return original.CallSlice(args)
			}
			return original.Call(args)
		}).Interface()
	}
}

func (c *executionCache) isShared(v reflect.Value) bool {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Map || v.IsNil() {
		return false
	}
	if c.shared == nil {
		c.shared = map[uintptr]bool{}
		for _, d := range c.data {
			c.collectMaps(reflect.ValueOf(d))
		}
	}
	return c.shared[v.Pointer()]
}

// collectMaps records every map reachable from v (the values are trees, but a visited map is
// not entered twice).
func (c *executionCache) collectMaps(v reflect.Value) {
	for (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) && !v.IsNil() {
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Map:
		if v.IsNil() || c.shared[v.Pointer()] {
			return
		}
		c.shared[v.Pointer()] = true
		for it := v.MapRange(); it.Next(); {
			c.collectMaps(it.Value())
		}
	case reflect.Slice, reflect.Array:
		switch v.Type().Elem().Kind() {
		case reflect.Interface, reflect.Map, reflect.Slice, reflect.Array, reflect.Pointer:
		default:
			return // bytes, strings, numbers: no map inside
		}
		for i := 0; i < v.Len(); i++ {
			c.collectMaps(v.Index(i))
		}
	}
}

// templateNames appends the names of the {{template}} actions in a tree.
func templateNames(node parse.Node, names []string) []string {
	switch n := node.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, child := range n.Nodes {
				names = templateNames(child, names)
			}
		}
	case *parse.IfNode:
		names = branchTemplateNames(&n.BranchNode, names)
	case *parse.RangeNode:
		names = branchTemplateNames(&n.BranchNode, names)
	case *parse.WithNode:
		names = branchTemplateNames(&n.BranchNode, names)
	case *parse.TemplateNode:
		names = append(names, n.Name)
	}
	return names
}

func branchTemplateNames(b *parse.BranchNode, names []string) []string {
	if b.List != nil {
		names = templateNames(b.List, names)
	}
	if b.ElseList != nil {
		names = templateNames(b.ElseList, names)
	}
	return names
}
`
