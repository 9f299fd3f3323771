#!/usr/bin/env bash
# Re-creates every cases/<case>/expected.yaml with the real `kubectl kustomize` (kustomize v5 in kubectl 1.32).
# A case holds an input tree, optionally a file `entry` naming the directory to build (default: the case root),
# and either expected.yaml (written here) or error.txt (hand-written substrings Ferry's error must contain;
# this script only checks that kubectl fails too). A case with unsupported.txt is one kubectl renders but
# Ferry refuses for now (the substrings name the file and field): its expected.yaml is still written.
set -uo pipefail
cd "$(dirname "$0")/cases"
for dir in */; do
  name="${dir%/}"
  entry="."
  [[ -f "$name/entry" ]] && entry="$(tr -d '\n' < "$name/entry")"
  if [[ -f "$name/error.txt" ]]; then
    if kubectl kustomize "$name/$entry" >/dev/null 2>&1; then
      echo "FAIL $name: kubectl succeeded but error.txt expects an error" >&2; exit 1
    fi
    echo "ok   $name (error)"
  else
    if ! kubectl kustomize "$name/$entry" > "$name/expected.yaml"; then
      echo "FAIL $name: kubectl kustomize failed" >&2; exit 1
    fi
    echo "ok   $name"
  fi
done
