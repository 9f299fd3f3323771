#!/usr/bin/env bash
# Renders two large generated charts with `ferry render` and with the real Helm engine (Helm v4's Go SDK through
# helm-python-sdk, client-only), side by side, and prints the best-of-RUNS whole-process time and peak memory of
# each, and their ratio:
#   - "light":  generate.py, N components × 5 templates leaning on a few small shared helpers;
#   - "common": generate_common.py, the same shape on a library chart in the style of widely used public charts
#               (about 40 nested helper calls per Deployment: names, labels, tpl of values, images, capabilities…).
# N sets the sizes, one or more (default "24 100": 121/127 and 501/507 templates); CHARTS="light common" picks the
# charts; FERRY_BASELINE=path/to/older/ferry adds that binary to the alternation, for before/after figures.
# Needs a release build (swift build -c release) and the Python tools venv (HELM_PY, default
# .venv-tools/bin/python from scripts/setup-python-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
N=${N:-24 100}
FERRY=${FERRY:-.build/release/ferry}
HELM_PY=${HELM_PY:-.venv-tools/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source Benchmarks/measure.sh

read -r vs vm < <(measure "$FERRY" version --client)
read -r ps pm < <(measure "$HELM_PY" -c "import helm_python")
echo "floors: ferry process start-up (\`ferry version --client\`) ${vs}s, ${vm} KiB;" \
     "python + Helm library load ${ps}s, ${pm} KiB"

for n in $N; do
  for style in ${CHARTS:-light common}; do
    case $style in
      light) chart=$(python3 Benchmarks/helm/generate.py "$work/$style$n" "$n") ;;
      common) chart=$(python3 Benchmarks/helm/generate_common.py "$work/$style$n" "$n") ;;
      *) echo "unknown chart style: $style" >&2; exit 2 ;;
    esac
    templates=$(find "$chart" -path '*/templates/*' -type f | wc -l)
    "$FERRY" render "$chart" > "$work/ferry.yaml"
    "$HELM_PY" Benchmarks/helm/helm_template.py "$chart" > "$work/helm.yaml"
    objects=$(grep -c '^kind:' "$work/helm.yaml")
    if cmp -s "$work/ferry.yaml" "$work/helm.yaml"; then same="identical"; else same="DIFFERENT"; fi
    # Alternate the two tools so that machine noise falls on both alike. Besides the best run of each, the median
    # of the per-pair ratios (each Ferry run against the Helm run right after it) is printed: on a machine whose
    # speed drifts from minute to minute it is the steadier figure.
    best_f=999999 best_h=999999 best_b=999999 pairs=""
    for _ in $(seq "$RUNS"); do
      if [ -n "${FERRY_BASELINE:-}" ]; then
        read -r bs bm < <(RUNS=1 measure "$FERRY_BASELINE" render "$chart")
        if [ "$(echo "$bs < $best_b" | bc)" = 1 ]; then best_b=$bs; mem_b=$bm; fi
      fi
      read -r fs fm < <(RUNS=1 measure "$FERRY" render "$chart")
      read -r hs hm < <(RUNS=1 measure "$HELM_PY" Benchmarks/helm/helm_template.py "$chart")
      if [ "$(echo "$fs < $best_f" | bc)" = 1 ]; then best_f=$fs; mem_f=$fm; fi
      if [ "$(echo "$hs < $best_h" | bc)" = 1 ]; then best_h=$hs; mem_h=$hm; fi
      pairs="$pairs $(echo "scale=4; $hs / $fs" | bc)"
    done
    median=$(printf "%s\n" $pairs | sort -n | awk '{ r[NR] = $1 } END { printf "%.2f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')
    echo "$style chart: templates $templates, objects $objects, outputs $same"
    if [ -n "${FERRY_BASELINE:-}" ]; then
      echo "  baseline render:   ${best_b}s  peak ${mem_b} KiB  (helm/baseline $(echo "scale=2; $best_h / $best_b" | bc)x)"
    fi
    echo "  ferry render:      ${best_f}s  peak ${mem_f} KiB"
    echo "  helm (python SDK): ${best_h}s  peak ${mem_h} KiB"
    echo "  ratio (helm/ferry): time $(echo "scale=2; $best_h / $best_f" | bc)x (best runs), ${median}x (median of $RUNS pairs)," \
         "memory $(echo "scale=2; $mem_h / $mem_f" | bc)x"
  done
done
