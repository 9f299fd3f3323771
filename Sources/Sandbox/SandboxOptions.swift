import Foundation

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
    /// How long a list for a resourceVersion the store has not reached waits for it before answering
    /// 504 "Too large resource version" (a real API server's watch cache waits 3 s).
    public var freshnessTimeout: Duration = .seconds(3)
    /// The time the CronJob controller goes by (tests move it forward).
    public var clock: @Sendable () -> Date = { Date() }
    /// How often the CronJob controller looks for due CronJobs.
    public var cronInterval: Duration = .seconds(5)
    /// Faults injected from the start (also settable at run time with `POST /sandbox/faults`).
    public var faults = FaultSettings()
    /// HTTPS with a generated CA and required authentication; nil (the default) serves plain HTTP.
    public var tls: SandboxTLSOptions?

    /// Creates options; every parameter has the default above.
    public init(host: String = "127.0.0.1", port: Int = 0, simulationDelay: Duration = .milliseconds(300),
                watchHistory: Int = 10_000, bookmarkInterval: Duration = .seconds(60), faults: FaultSettings = .init(),
                tls: SandboxTLSOptions? = nil) {
        self.host = host; self.port = port; self.simulationDelay = simulationDelay
        self.watchHistory = watchHistory; self.bookmarkInterval = bookmarkInterval; self.faults = faults
        self.tls = tls
    }
}

/// HTTPS settings: the sandbox generates a CA and a serving certificate at start, and every request except the
/// health and version endpoints must carry the bearer token or a client certificate signed by that CA.
public struct SandboxTLSOptions: Sendable, Hashable {
    /// Which credential the written kubeconfig's user carries (the server accepts both).
    public enum Credential: String, Sendable, Hashable, CaseIterable {
        /// `user.token`: the sandbox's bearer token.
        case token
        /// `user.client-certificate-data` / `client-key-data`: a client certificate signed by the sandbox CA.
        case clientCertificate = "client-certificate"
    }

    /// The credential written to the kubeconfig.
    public var credential: Credential

    /// Creates HTTPS settings; the kubeconfig carries the bearer token unless told otherwise.
    public init(credential: Credential = .token) { self.credential = credential }
}
