import Foundation

/// Phase timings for profiling `ferry render`: with `FERRY_TRACE_PHASES` set in the environment, each `mark`
/// writes `phase <name> <wall ms> ms, cpu <ms> ms` to stderr — the wall-clock time and the CPU time of all the
/// process's threads since the previous mark (the first mark, at `main`, shows 0). Off, a mark costs one
/// cached Boolean check.
public enum PhaseTrace {
    private static let enabled = getenv("FERRY_TRACE_PHASES") != nil
    nonisolated(unsafe) private static var last: (wall: UInt64, cpu: UInt64) = (0, 0)

    /// Records the end of phase `name`. Call from one thread at a time (the render pipeline's own thread).
    public static func mark(_ name: StaticString) {
        guard enabled else { return }
        let now = (wall: nanoseconds(CLOCK_MONOTONIC), cpu: nanoseconds(CLOCK_PROCESS_CPUTIME_ID))
        let (wall, cpu) = last.wall == 0 ? (0, 0) : (now.wall - last.wall, now.cpu - last.cpu)
        last = now
        let line = "phase \(name) \(milliseconds(wall)) ms, cpu \(milliseconds(cpu)) ms\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private static func nanoseconds(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func milliseconds(_ nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1000
        return "\(micros / 1000).\(String(micros % 1000 + 1000).dropFirst())"
    }
}
