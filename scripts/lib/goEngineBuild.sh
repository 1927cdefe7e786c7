# Shared by scripts/build-helm.sh and scripts/build-kustomize.sh (sourced, not run): the cached
# build of an engine of ours written in Go (go/helm, go/kustomize) for the extension, as
# WebAssembly, and of the native tools its tests compare with. A target is rebuilt only when its
# inputs changed: the Go version, the build flags, the calling script and this file, and the
# module's Go sources, go.mod and go.sum (the module cache is keyed by go.sum).
#
# The caller sets `root` (the repository), sources this file, then calls
#   go_engine_setup ENGINE REQUIRED_VAR WHAT TARGET
# (ENGINE: go/ENGINE's name; REQUIRED_VAR: the variable that makes a missing Go an error, e.g.
# HELM_ENGINE_REQUIRED; WHAT: what will not work without Go), with `ldflags` and `hash_extra`
# (anything else the outputs depend on) set; and uses `target`, `cache`, `fresh`, `go_engine_*`.

# go_engine_setup: sets engine, target and cache (.cache/ENGINE); without Go, warns (wasm target)
# or fails; else enters go/ENGINE, takes the build lock (test files may run in parallel and each
# asks for the tools; the next one then finds its target fresh) and sets `hash` and `started`.
go_engine_setup() {
  engine="$1" required_var="$2" what="$3" target="$4"
  cache="$root/.cache/$engine"
  if ! command -v go > /dev/null; then
    if [[ ${!required_var:-} == 1 || $target != wasm ]]; then
      echo "error: go is not on the PATH; the $engine engine (go/$engine) needs Go 1.26" >&2
      exit 1
    fi
    echo "warning: go is not on the PATH: dist/$engine.wasm not built ($what)" >&2
    exit 0
  fi
  cd "$root/go/$engine"
  mkdir -p "$cache/bin"
  if command -v flock > /dev/null; then
    exec 9> "$cache/build.lock"
    flock 9
  fi
  hash="$(go_engine_inputs_hash)"
  started=$SECONDS
}

# A hash of everything a build reads of ours.
go_engine_inputs_hash() {
  { go version; echo "$ldflags $hash_extra"; cat "$root/scripts/build-$engine.sh" "$root/scripts/lib/goEngineBuild.sh";
    find . -path ./testdata -prune -o -type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print | LC_ALL=C sort | xargs cat; } |
    sha256sum | cut -d' ' -f1
}

# fresh STAMP OUTPUT...: true when every output exists and STAMP holds the current hash.
fresh() {
  local stamp="$1"; shift
  for out in "$@"; do [[ -f $out ]] || return 1; done
  [[ -f $stamp && "$(cat "$stamp")" == "$hash" ]]
}

# go_engine_wasm MODFILE [BUILD FLAGS...]: dist/<engine>.wasm from ./cmd/wasm (built with the
# given go.mod, e.g. an overlay's copy of a module) and dist/<engine>_wasm_exec.js, Go's glue of
# the same Go; nothing when they are fresh.
go_engine_wasm() {
  local modfile="$1"; shift
  local dist="$root/dist"
  mkdir -p "$dist"
  GOOS=js GOARCH=wasm go build -modfile="$modfile" "$@" -trimpath -ldflags="$ldflags" -o "$dist/$engine.wasm.tmp" ./cmd/wasm
  mv "$dist/$engine.wasm.tmp" "$dist/$engine.wasm"
  cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$dist/${engine}_wasm_exec.js"
  echo "$hash" > "$cache/wasm.stamp"
  printf '== dist/%s.wasm: %s MB, built in %ss\n' "$engine" "$(( $(stat -c %s "$dist/$engine.wasm") / 1000000 ))" "$((SECONDS - started))"
}

# go_engine_wasm_fresh: whether dist/<engine>.wasm and its glue are fresh.
go_engine_wasm_fresh() {
  fresh "$cache/wasm.stamp" "$root/dist/$engine.wasm" "$root/dist/${engine}_wasm_exec.js"
}

# go_engine_tool NAME [go build ARGS...]: .cache/<engine>/bin/NAME built natively (go build ARGS,
# the last being the package), stamped; nothing when fresh.
go_engine_tool() {
  local name="$1"; shift
  if fresh "$cache/$name.stamp" "$cache/bin/$name"; then return 0; fi
  go build -trimpath -ldflags="$ldflags" -o "$cache/bin/$name.tmp" "$@"
  mv "$cache/bin/$name.tmp" "$cache/bin/$name"
  echo "$hash" > "$cache/$name.stamp"
}
