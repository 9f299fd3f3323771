/// How a sandbox cluster listens and how its simulated control plane behaves.
public struct SandboxOptions: Sendable {
    /// The address to bind.
    public var host = "127.0.0.1"
    /// The port to bind; 0 picks a free ephemeral port.
    public var port = 0
    /// How long simulated workloads take to become ready (or to fail).
    public var simulationDelay: Duration = .milliseconds(300)

    /// Creates options; every parameter has the default above.
    public init(host: String = "127.0.0.1", port: Int = 0, simulationDelay: Duration = .milliseconds(300)) {
        self.host = host; self.port = port; self.simulationDelay = simulationDelay
    }
}
