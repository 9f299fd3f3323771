# Sourced by the benchmarks' run.sh scripts (which set RUNS and work).
# measure CMD ARGS…: runs the command RUNS times and prints "seconds peak_kib" of the fastest run.
measure() {
  local best=999999 mem=0 s m
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null
    read -r s m < "$work/t"
    if (( $(echo "$s < $best" | bc) )); then best=$s; mem=$m; fi
  done
  echo "$best $mem"
}
