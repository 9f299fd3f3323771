#!/usr/bin/env bash
# Re-creates the expected outputs of the golden patch cases with the real kubectl (apimachinery's
# strategic merge patch and evanphx/json-patch, client-side: `kubectl patch --local` needs no server).
#   StrategicMerge/cases/<case>/  original.yaml, patch.yaml, optional `type` (default strategic; `merge` for kinds
#                                 kubectl has no Go type for, such as custom resources)
#   JSONPatch/cases/<case>/       original.yaml, patch.yaml (always --type json)
# Writes expected.yaml when kubectl succeeds, or kubectl-error.txt (its message) when it refuses the patch;
# the tests then expect Ferry to refuse it too.
set -uo pipefail
cd "$(dirname "$0")"
export HOME="${TMPDIR:-/tmp}/patch-regenerate-home"   # keep kubectl away from any real kubeconfig
mkdir -p "$HOME"
run() { # dir type
  local dir="$1" type="$2"
  rm -f "$dir/expected.yaml" "$dir/kubectl-error.txt"
  local stderr
  if stderr="$(kubectl patch --local -f "$dir/original.yaml" --type "$type" -p "$(cat "$dir/patch.yaml")" -o yaml \
       2>&1 > "$dir/expected.yaml")"; then
    echo "ok   $dir"
  else
    rm -f "$dir/expected.yaml"
    grep '^error:' <<< "$stderr" > "$dir/kubectl-error.txt" || echo "$stderr" > "$dir/kubectl-error.txt"
    echo "err  $dir: $(cat "$dir/kubectl-error.txt")"
  fi
}
for dir in StrategicMerge/cases/*/; do
  type=strategic
  [[ -f "$dir/type" ]] && type="$(tr -d '\n' < "$dir/type")"
  run "${dir%/}" "$type"
done
for dir in JSONPatch/cases/*/; do run "${dir%/}" json; done
