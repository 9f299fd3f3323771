# Sourced by the benchmarks' run.sh scripts (which set RUNS and work).
# measure CMD ARGS…: runs the command RUNS times and prints "seconds peak_kib" of the fastest run. Wall time is
# taken in nanoseconds around the run (GNU time's %e has only centiseconds, too coarse for runs of a few tens of
# milliseconds) and printed in seconds with millisecond precision; peak memory is GNU time's %M.
measure() {
  local best=999999999999 mem=0 t0 t1 ns m
  for _ in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/t" "$@" > /dev/null
    t1=$(date +%s%N)
    ns=$((t1 - t0))
    read -r m < "$work/t"
    if (( ns < best )); then best=$ns; mem=$m; fi
  done
  printf "%d.%03d %s\n" $((best / 1000000000)) $(((best / 1000000) % 1000)) "$mem"
}
