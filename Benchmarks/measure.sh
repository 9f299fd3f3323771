# Sourced by the benchmarks' run.sh scripts (which set RUNS).
# measure CMD ARGS…: runs the command RUNS times and prints "seconds peak_kib" of the fastest run (measure.py:
# wall time around spawn and wait, in nanoseconds, printed with millisecond precision; peak resident memory).
measure() {
  python3 "$(dirname "${BASH_SOURCE[0]}")/measure.py" "${RUNS:-5}" "$@"
}
