#!/usr/bin/env bash
# Re-creates every cases/<case>/expected.yaml with the real `kubectl kustomize` (kustomize v5 in kubectl 1.32).
# A case holds an input tree, optionally a file `entry` naming the directory to build (default: the case root),
# and either expected.yaml (written here) or error.txt (hand-written substrings Ferry's error must contain;
# this script only checks that kubectl fails too). A case with unsupported.txt is one kubectl renders but
# Ferry refuses for now (the substrings name the file and field): its expected.yaml is still written.
# A case holding a `helm-case` file uses helmCharts: kubectl runs it with `--enable-helm --helm-command
# helm-shim/helm`, a stand-in helm on Helm v4's engine from the helm-python-sdk venv (FERRY_TOOLS_VENV,
# default the repository's .venv-tools from scripts/setup-python-tools.sh); without it those cases are skipped.
# Usage: regenerate.sh [case ...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
shim="$here/helm-shim/helm"
venv="${FERRY_TOOLS_VENV:-$here/../../../.venv-tools}"
cd "$here/cases"
cases=("$@")
[[ ${#cases[@]} -eq 0 ]] && cases=(*/)
for dir in "${cases[@]}"; do
  name="${dir%/}"
  entry="."
  [[ -f "$name/entry" ]] && entry="$(tr -d '\n' < "$name/entry")"
  flags=()
  if [[ -f "$name/helm-case" ]]; then
    if [[ ! -x "$venv/bin/python" ]]; then echo "skip $name (no helm venv at $venv)"; continue; fi
    flags=(--enable-helm --helm-command "$shim")
  fi
  if [[ -f "$name/error.txt" ]]; then
    if kubectl kustomize "${flags[@]}" "$name/$entry" >/dev/null 2>&1; then
      echo "FAIL $name: kubectl succeeded but error.txt expects an error" >&2; exit 1
    fi
    echo "ok   $name (error)"
  else
    if ! kubectl kustomize "${flags[@]}" "$name/$entry" > "$name/expected.yaml"; then
      echo "FAIL $name: kubectl kustomize failed" >&2; exit 1
    fi
    echo "ok   $name"
  fi
done
