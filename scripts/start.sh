#!/usr/bin/env bash
# Starts the product: VS Code (code-server 4.100.3, in the browser, Dark Modern as VS Code's
# default) with StatefulSet Studio installed from the packaged VSIX (packaged again only when a
# source is newer than it) and a folder open: the repository's examples/, or your own.
# Runs in the foreground until Ctrl+C (or SIGTERM), then stops code-server and all it started.
#
#   bash scripts/start.sh [FOLDER]   open FOLDER (default: examples/)
#   PORT   the port on 127.0.0.1 to serve on (default 8080)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-8080}"
folder="$(cd "${1:-$root/examples}" && pwd)"
tools="${VSCODE_TOOLS_DIR:-$root/.vscode-test/tools}"
code_server=("$(command -v node)" "$tools/node_modules/code-server/out/node/entry.js")
cd "$root"

[[ -d $folder ]] || { echo "$folder is not a folder" >&2; exit 1; }
bash "$root/scripts/install-vscode.sh"
if [[ ! -d node_modules ]]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi
vsix="$root/dist/statefulset-studio.vsix"
# Package only when a source is newer than the VSIX (or there is none): a start takes seconds, not a build.
if [[ ! -f $vsix ]] || [[ -n $(find client server protocol schemas snippets images package.json esbuild.mjs .vscodeignore \
    -newer "$vsix" -not -path '*/node_modules/*' -print -quit 2>/dev/null) ]]; then
  bash "$root/scripts/package.sh"
else
  echo "== $vsix is newer than every source: not packaged again"
fi

# A fresh extensions folder and user data folder per start: an old one would keep the
# previous VSIX and restore the previous session's editors and panels. code-server's
# config.yaml goes there too, not to ~/.config (the flags below override it anyway).
state="$(mktemp -d "${TMPDIR:-/tmp}/statefulset-studio.XXXXXX")"
export XDG_CONFIG_HOME="$state/config"
server_pid=""
cleanup() {
  trap - EXIT INT TERM
  if [[ -n $server_pid ]] && kill -0 -- "-$server_pid" 2>/dev/null; then
    echo; echo "== stopping code-server (process group $server_pid)"
    # The whole group: the server, the extension host, the language server, the file watcher.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  rm -rf "$state"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== installing dist/statefulset-studio.vsix"
"${code_server[@]}" --extensions-dir "$state/extensions" \
  --install-extension "$root/dist/statefulset-studio.vsix"
mkdir -p "$state/user-data/User"
cat > "$state/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "extensions.ignoreRecommendations": true,
  "git.openRepositoryInParentFolders": "never",
  "workbench.colorTheme": "Default Dark Modern"
}
JSON

# setsid: a process group of its own (its id is the server's pid), so that stopping it
# also ends everything it started; the server's output still goes to this terminal.
setsid "${code_server[@]}" \
  --auth none \
  --bind-addr "127.0.0.1:$port" \
  --extensions-dir "$state/extensions" \
  --user-data-dir "$state/user-data" \
  --disable-telemetry \
  --disable-update-check \
  --disable-workspace-trust \
  "$folder" &
server_pid=$!

# Ready when it answers HTTP (a redirect on /); give up after 30 s.
ready=""
for ((i = 0; i < 300; i++)); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "code-server exited; is port $port in use? Try PORT=8081 $0" >&2
    exit 1
  fi
  if node -e "fetch('http://127.0.0.1:$port/', { redirect: 'manual' }).then(() => process.exit(0), () => process.exit(1))"; then
    ready=1
    break
  fi
  sleep 0.1
done
[[ -n $ready ]] || { echo "code-server did not answer on port $port within 30 s" >&2; exit 1; }

cat <<EOF2

  StatefulSet Studio is running. Open in a browser on this machine:

      http://127.0.0.1:$port/?folder=$folder

  (Use 127.0.0.1 or localhost: on another address over plain http the preview stays blank.
   From another machine: ssh -L $port:127.0.0.1:$port <this host>, then the same URL.)
  Press Ctrl+C to stop.

EOF2
wait "$server_pid"
