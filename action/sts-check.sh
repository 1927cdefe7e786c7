#!/usr/bin/env bash
# The step of action.yml: runs `sts check` over STS_PATHS with STS_ARGS, writes SARIF to
# STS_SARIF_FILE (if set), turns the findings into annotations (a problem matcher), sets the
# step's outputs exit-code and sarif-file, and exits as sts does, so a finding fails the job
# (upload the SARIF with `if: always()`).
# Inputs come as environment variables, never spliced into the script (no injection).
#   STS_CLI   the command to run instead of npx statefulset-studio@STS_VERSION (tests)
set -uo pipefail

version="${STS_VERSION:-0.1.0}"
if [[ -n ${STS_CLI:-} ]]; then
  read -ra cli <<< "$STS_CLI"
else
  cli=(npx --yes "statefulset-studio@$version")
fi
read -ra paths -d '' <<< "${STS_PATHS:-.}" || true
read -ra extra <<< "${STS_ARGS:-}"
sarif="${STS_SARIF_FILE:-}"
args=(check "${extra[@]}")
[[ -n $sarif ]] && args+=(--sarif "$sarif")

# The text report's error and warning lines become annotations on the pull request, even where
# code scanning is not available (private repositories without GitHub Advanced Security).
matcher="$(dirname "${BASH_SOURCE[0]}")/sts-problem-matcher.json"
[[ -n ${GITHUB_ACTIONS:-} ]] && echo "::add-matcher::$matcher"
"${cli[@]}" "${args[@]}" -- "${paths[@]}"
code=$?
[[ -n ${GITHUB_ACTIONS:-} ]] && echo "::remove-matcher owner=statefulset-studio::"

if [[ -n ${GITHUB_OUTPUT:-} ]]; then
  echo "exit-code=$code" >> "$GITHUB_OUTPUT"
  if [[ -n $sarif && -f $sarif ]]; then echo "sarif-file=$sarif" >> "$GITHUB_OUTPUT"; else echo "sarif-file=" >> "$GITHUB_OUTPUT"; fi
fi
exit "$code"
