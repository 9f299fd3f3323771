#!/usr/bin/env bash
# Renders a ~1,000-resource Kustomize overlay with Ferry and with `kubectl kustomize`, side by side in one run,
# and prints whole-process times (best of RUNS) and peak memory; also Ferry on the same manifests as a plain
# directory (YAML parse + encode cost without Kustomize). Needs a release build: swift build -c release.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
FERRY=${FERRY:-.build/release/ferry}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
overlay=$(python3 Benchmarks/kustomize/generate.py "$work" "${N:-334}")
git -C "$work" init -q   # so `ferry render` treats the tree as one repository (bases via ../../base)

"$FERRY" render "$overlay" > "$work/ferry.yaml"
kubectl kustomize "$overlay" > "$work/kubectl.yaml"
objects=$(grep -c '^kind:' "$work/kubectl.yaml")
if cmp -s "$work/ferry.yaml" "$work/kubectl.yaml"; then same="identical"; else same="DIFFERENT"; fi

source Benchmarks/measure.sh
mkdir -p "$work/plain" && cp "$work"/base/svc-*.yaml "$work/plain/"
read -r ps pm < <(measure "$FERRY" render "$work/plain")
read -r fs fm < <(measure "$FERRY" render "$overlay")
read -r ks km < <(measure kubectl kustomize "$overlay")
echo "objects: $objects; outputs $same"
echo "ferry render (plain directory, same manifests): ${ps}s  peak ${pm} KiB"
echo "ferry render:      ${fs}s  peak ${fm} KiB"
echo "kubectl kustomize: ${ks}s  peak ${km} KiB"
echo "ratio (kubectl/ferry): time $(echo "scale=1; $ks / $fs" | bc)x, memory $(echo "scale=2; $km / $fm" | bc)x"
