#!/usr/bin/env python3
"""measure.py RUNS CMD ARGS...: runs CMD RUNS times (stdout discarded) and prints "seconds peak_kib" of the fastest run.

Wall time is taken around spawning the process and waiting for it (posix_spawn + wait4, in nanoseconds), so it is
the process's own life plus a spawn; peak memory is the child's maximum resident set (ru_maxrss, KiB; it counts
the spawning Python's ~13 MiB until the exec, so it is only meaningful for processes larger than that). Timing from
the shell instead (`date` before and after GNU time) added 2-4 ms of other processes to every run, which is a
tenth of a 20 ms run and would hide differences between fast tools.
"""
import os
import sys
import time

def run_once(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 1)]
        start = time.perf_counter_ns()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter_ns() - start
    finally:
        os.close(devnull)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"measure.py: {' '.join(argv)} exited {code}")
    return elapsed, usage.ru_maxrss

def main():
    runs, argv = int(sys.argv[1]), sys.argv[2:]
    best = min(run_once(argv) for _ in range(runs))
    print(f"{best[0] / 1e9:.3f} {best[1]}")

main()
