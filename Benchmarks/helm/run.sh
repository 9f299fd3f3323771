#!/usr/bin/env bash
# Renders a large generated chart (N components × 5 templates, heavy helper use) with `ferry render` and with
# the real Helm engine (Helm v4's Go SDK through helm-python-sdk, client-only), side by side, and prints the
# best-of-RUNS whole-process time and peak memory of each. Needs a release build (swift build -c release)
# and the Python tools venv (HELM_PY, default .venv-tools/bin/python from scripts/setup-python-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
FERRY=${FERRY:-.build/release/ferry}
HELM_PY=${HELM_PY:-.venv-tools/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chart=$(python3 Benchmarks/helm/generate.py "$work" "${N:-24}")
templates=$(ls "$chart/templates" | wc -l)

"$FERRY" render "$chart" > "$work/ferry.yaml"
"$HELM_PY" Benchmarks/helm/helm_template.py "$chart" > "$work/helm.yaml"
objects=$(grep -c '^kind:' "$work/helm.yaml")
if cmp -s "$work/ferry.yaml" "$work/helm.yaml"; then same="identical"; else same="DIFFERENT"; fi

source Benchmarks/measure.sh
read -r fs fm < <(measure "$FERRY" render "$chart")
read -r hs hm < <(measure "$HELM_PY" Benchmarks/helm/helm_template.py "$chart")
read -r ps pm < <(measure "$HELM_PY" -c "import helm_python")
read -r vs vm < <(measure "$FERRY" version --client)
echo "templates: $templates; objects: $objects; outputs $same"
echo "ferry render:             ${fs}s  peak ${fm} KiB   (of which process start-up, \`ferry version --client\`: ${vs}s, ${vm} KiB)"
echo "helm (python SDK):        ${hs}s  peak ${hm} KiB   (of which python + library load: ${ps}s, ${pm} KiB)"
echo "ratio (helm/ferry): time $(echo "scale=2; $hs / $fs" | bc)x, memory $(echo "scale=2; $hm / $fm" | bc)x"
