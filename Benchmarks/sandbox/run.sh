#!/usr/bin/env bash
# Benchmarks the sandbox cluster as real clients load it: server-side apply of N objects with kubectl, a list of
# LIST ConfigMaps (whole, paged, and as kubectl's table), and a watch fan-out (WATCHERS watches, CHANGES writes).
# Prints whole-run times, the sandbox process's CPU time in each phase (how much of the run is the server's),
# and its peak memory. Needs a release build (swift build -c release --product ferry) and kubectl.
set -euo pipefail
cd "$(dirname "$0")/../.."
FERRY=${FERRY:-.build/release/ferry}
RUNS=${RUNS:-3}; N=${N:-1000}; LIST=${LIST:-10000}; WATCHERS=${WATCHERS:-50}; CHANGES=${CHANGES:-1000}
work=$(mktemp -d)
pid=""
# (SIGTERM: a background job of a non-interactive shell ignores SIGINT.)
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$FERRY" sandbox --port 0 --data "$work/sandbox" > "$work/sandbox.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox/kubeconfig" ] && break; sleep 0.1; done
export KUBECONFIG="$work/sandbox/kubeconfig"
k() { kubectl --request-timeout=120s "$@"; }

ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }            # sandbox user+system time, clock ticks
ticks=$(getconf CLK_TCK)
peak() { awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status"; }
# phase LABEL CMD…: runs CMD, prints wall time and the sandbox's CPU time during it (best of RUNS for reads,
# whose label starts with GET or kubectl get), and the sandbox's peak memory so far.
phase() {
  local label=$1; shift
  local c0 t0 t1 c1 best=999999999 cpu_best=0 runs=1
  case "$label" in GET*|"kubectl get"*) runs=$RUNS ;; esac
  for _ in $(seq "$runs"); do
    c0=$(cpu); t0=$(ms)
    "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
    t1=$(ms); c1=$(cpu)
    if (( t1 - t0 < best )); then best=$((t1 - t0)); cpu_best=$((c1 - c0)); fi
  done
  printf "  %-52s %7.3f s   sandbox CPU %6.2f s   peak %s\n" "$label" "$(echo "$best / 1000" | bc -l)" \
    "$(echo "$cpu_best / $ticks" | bc -l)" "$(peak)"
}

echo "sandbox: $(head -1 "$work/sandbox.log"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 Benchmarks/sandbox/generate.py "$work/a.yaml" "$N" a
python3 Benchmarks/sandbox/generate.py "$work/b.yaml" "$N" b
echo "server-side apply of $N objects (+4 namespaces) with kubectl:"
phase "kubectl apply --server-side (create)" k apply --server-side -f "$work/a.yaml"
phase "kubectl apply --server-side (unchanged)" k apply --server-side -f "$work/a.yaml"
phase "kubectl apply --server-side (every object changed)" k apply --server-side -f "$work/b.yaml"
echo "  objects in the sandbox now: $(k get deploy,svc,cm,rs,pods -A -o name | wc -l) (the control plane adds ReplicaSets and Pods)"

echo "list of $LIST ConfigMaps (+ those above), all namespaces; reads best of $RUNS:"
k create namespace list > /dev/null
phase "create $LIST ConfigMaps (HTTP POST, 4 connections)" python3 Benchmarks/sandbox/load.py create "$KUBECONFIG" list "$LIST" 4
echo "    $(cat "$work/out")"
server=$(awk '/server:/ {print $2}' "$KUBECONFIG"); token=$(awk '/token:/ {print $2}' "$KUBECONFIG")
phase "GET /api/v1/configmaps, one JSON response (curl)" curl -sf -o "$work/list.json" -H "Authorization: Bearer $token" "$server/api/v1/configmaps"
echo "    items: $(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['items']))" "$work/list.json"), $(( $(stat -c %s "$work/list.json") / 1024 )) KiB"
phase "GET in pages of 500 with continue (HTTP)" python3 Benchmarks/sandbox/load.py pages "$KUBECONFIG" /api/v1/configmaps 500
echo "    $(cat "$work/out")"
phase "kubectl get cm -A -o name (pages of 500)" k get configmaps -A -o name
echo "    lines: $(wc -l < "$work/out")"
phase "kubectl get cm -A (server-side Table, pages of 500)" k get configmaps -A

echo "watch fan-out: $WATCHERS watchers, $CHANGES creates:"
k create namespace watched > /dev/null
phase "until every watcher has seen every event" python3 Benchmarks/sandbox/load.py fanout "$KUBECONFIG" watched "$WATCHERS" "$CHANGES"
echo "    $(cat "$work/out")"
echo "sandbox peak memory (VmHWM): $(peak)"
