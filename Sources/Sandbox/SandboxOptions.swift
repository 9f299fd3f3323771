/// How a sandbox cluster listens and how its simulated control plane behaves.
public struct SandboxOptions: Sendable {
    /// The address to bind.
    public var host = "127.0.0.1"
    /// The port to bind; 0 picks a free ephemeral port.
    public var port = 0
    /// How long simulated workloads take to become ready (or to fail).
    public var simulationDelay: Duration = .milliseconds(300)
    /// How many recent write events are kept for watches that resume from a resourceVersion and for paged
    /// lists; older resourceVersions get `410 Gone` (reason Expired).
    public var watchHistory = 10_000
    /// How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK event.
    public var bookmarkInterval: Duration = .seconds(60)
    /// Faults injected from the start (also settable at run time with `POST /sandbox/faults`).
    public var faults = FaultSettings()

    /// Creates options; every parameter has the default above.
    public init(host: String = "127.0.0.1", port: Int = 0, simulationDelay: Duration = .milliseconds(300),
                watchHistory: Int = 10_000, bookmarkInterval: Duration = .seconds(60), faults: FaultSettings = .init()) {
        self.host = host; self.port = port; self.simulationDelay = simulationDelay
        self.watchHistory = watchHistory; self.bookmarkInterval = bookmarkInterval; self.faults = faults
    }
}
