import Foundation

/// Phase timings for profiling `ferry render`: with `FERRY_TRACE_PHASES` set in the environment, each `mark`
/// writes `phase <name> <milliseconds since the previous mark>` to stderr (the first mark, at `main`, counts
/// from the process's first mark and so shows 0). Off, a mark costs one cached Boolean check.
public enum PhaseTrace {
    private static let enabled = getenv("FERRY_TRACE_PHASES") != nil
    nonisolated(unsafe) private static var last: UInt64 = 0

    /// Records the end of phase `name`. Call from one thread at a time (the render pipeline's own thread).
    public static func mark(_ name: StaticString) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let nanoseconds = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        let elapsed = last == 0 ? 0 : nanoseconds - last
        last = nanoseconds
        let micros = elapsed / 1000
        let line = "phase \(name) \(micros / 1000).\(String(micros % 1000 + 1000).dropFirst()) ms\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }
}
