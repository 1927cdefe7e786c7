#!/usr/bin/env bash
# Installs what the end-to-end tests and `scripts/start.sh` need to run the extension in
# a real VS Code, headless: Debian's Chromium and ripgrep, and VS Code 1.100.3 as shipped
# in code-server@4.100.3, in a tool folder of its own (see /work/shared/real-vscode.md).
#
# Idempotent: apt is skipped when every package is installed, the tool folder when its
# marker file says it is complete for these versions. Runs as root (CI) or with sudo.
#
#   VSCODE_TOOLS_DIR   the tool folder (default: <repo>/.vscode-test/tools, git-ignored)
set -euo pipefail

readonly CODE_SERVER_VERSION=4.100.3
# fonts-wqy-microhei: a CJK font, or the zh-cn e2e's screenshots show boxes for Chinese (issue 22; 4 MB).
readonly APT_PACKAGES=(libkrb5-dev pkg-config libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium fonts-wqy-microhei)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="${VSCODE_TOOLS_DIR:-$root/.vscode-test/tools}"
# The same playwright-core as the project's, so the tool folder never disagrees with it.
playwright_version="$(node -p "require('$root/node_modules/playwright-core/package.json').version" 2>/dev/null \
  || node -p "require('$root/package.json').devDependencies['playwright-core'].replace(/^[^0-9]*/, '')")"
marker="$tools/.installed"
marker_text="code-server@$CODE_SERVER_VERSION playwright-core@$playwright_version node@$(node -v)"

started=$SECONDS
step_started=$SECONDS
step() { printf '\n== %s\n' "$*"; step_started=$SECONDS; }
done_step() { printf '   done in %ss\n' "$((SECONDS - step_started))"; }

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

# --- 1. Debian packages --------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
  echo "== apt: all ${#APT_PACKAGES[@]} packages already installed, skipped"
else
  step "apt: installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  done_step
fi

# --- 2-5. The tool folder ------------------------------------------------------------
if [[ -f $marker && "$(cat "$marker")" == "$marker_text" ]]; then
  echo "== tool folder $tools: complete ($marker_text), skipped"
else
  step "tool folder $tools: code-server@$CODE_SERVER_VERSION"
  mkdir -p "$tools"
  rm -f "$marker"
  cd "$tools"
  # Without a package.json of its own, npm would install into the project's.
  [[ -f package.json ]] || echo '{"private":true}' > package.json
  # --ignore-scripts: code-server's post-install refuses root and downloads ripgrep.
  npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION"
  done_step

  step "VS Code's own dependencies, native modules rebuilt against the local Node"
  cd "$tools/node_modules/code-server/lib/vscode"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts
  # Debian's ripgrep where VS Code looks for it, so nothing is downloaded.
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  # npm_config_yes lets node-pty's script call `npx node-gyp`.
  npm_config_yes=true npm rebuild
  ln -sfn node_modules node_modules.asar
  (cd extensions && npm install --no-audit --no-fund --omit=dev)
  done_step

  step "argon2, playwright-core@$playwright_version"
  cd "$tools"
  npm_config_yes=true npm rebuild argon2
  # Never `playwright install`: it downloads a browser; Debian's Chromium is used.
  npm install --no-audit --no-fund "playwright-core@$playwright_version"
  done_step

  echo "$marker_text" > "$marker"
fi

code_server="$tools/node_modules/.bin/code-server"
printf '\n== ready in %ss: %s (%s), %s\n' "$((SECONDS - started))" \
  "$code_server" "$("$code_server" --version 2>/dev/null | tail -1)" "$(/usr/bin/chromium --version 2>/dev/null)"
