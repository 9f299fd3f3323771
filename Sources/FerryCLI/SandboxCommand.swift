import Foundation
import Logging
import Sandbox

/// `ferry sandbox`: the embedded Kubernetes API server on its own.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the sandbox cluster (a Kubernetes API server for local use) on its own.",
        discussion: "Writes DATA/kubeconfig: `kubectl --kubeconfig DATA/kubeconfig get ns`. Faults can also be "
            + "changed while running: `curl -X POST URL/sandbox/faults -d '{\"errorRate\":0.1,\"seed\":7}'`.")

    @Option(name: .customLong("host"), help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .customLong("port"), help: "Port to listen on (0 = any free port).") var port = 6443
    @Option(name: .customLong("data"), help: "Directory for the sandbox's database and kubeconfig.") var data = "./data/sandbox"
    @Option(name: .customLong("watch-history"), help: "Recent write events kept for resuming watches and paged lists.") var watchHistory = 10_000
    @Option(name: .customLong("bookmark-interval"), help: "Seconds between BOOKMARK events on watches that allow them.") var bookmarkInterval = 60.0
    @Option(name: .customLong("fault-latency-ms"), help: "Fault: milliseconds added to every resource request.") var faultLatencyMs = 0
    @Option(name: .customLong("fault-error-rate"), help: "Fault: share (0-1) of resource requests answered 500.") var faultErrorRate = 0.0
    @Option(name: .customLong("fault-too-many-requests-rate"), help: "Fault: share (0-1) of resource requests answered 429.") var faultTooManyRequestsRate = 0.0
    @Option(name: .customLong("fault-retry-after-seconds"), help: "Fault: Retry-After seconds sent with a 429.") var faultRetryAfterSeconds = 1
    @Option(name: .customLong("fault-drop-watch-after-seconds"), help: "Fault: close every watch stream after this many seconds.") var faultDropWatchAfterSeconds: Double?
    @Option(name: .customLong("fault-seed"), help: "Fault: seed for repeatable fault draws.") var faultSeed: UInt64?
    @Flag(name: .customLong("tls"), help: "Serve HTTPS with a generated CA and require a bearer token or client certificate.") var tls = false
    @Option(name: .customLong("tls-credential"), help: "With --tls, the credential written to the kubeconfig: token or client-certificate.")
    var tlsCredential = "token"

    func validate() throws {
        guard (0...1).contains(faultErrorRate), (0...1).contains(faultTooManyRequestsRate) else {
            throw ValidationError("--fault-error-rate and --fault-too-many-requests-rate must be between 0 and 1")
        }
        guard watchHistory > 0, bookmarkInterval > 0, faultLatencyMs >= 0, faultRetryAfterSeconds >= 0 else {
            throw ValidationError("--watch-history, --bookmark-interval, --fault-latency-ms and "
                + "--fault-retry-after-seconds must not be negative (history and interval above 0)")
        }
        guard SandboxTLSOptions.Credential(rawValue: tlsCredential) != nil else {
            throw ValidationError("--tls-credential must be token or client-certificate, not \(tlsCredential)")
        }
        if let drop = faultDropWatchAfterSeconds, drop <= 0 {
            throw ValidationError("--fault-drop-watch-after-seconds must be above 0")
        }
    }

    func run() async throws {
        let dir = URL(fileURLWithPath: data).standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var options = SandboxOptions()
        options.host = host
        options.port = port
        options.watchHistory = watchHistory
        options.bookmarkInterval = .milliseconds(Int64(bookmarkInterval * 1000))
        options.faults = FaultSettings(latencyMs: faultLatencyMs, errorRate: faultErrorRate,
                                       tooManyRequestsRate: faultTooManyRequestsRate,
                                       retryAfterSeconds: faultRetryAfterSeconds,
                                       dropWatchAfterSeconds: faultDropWatchAfterSeconds, seed: faultSeed)
        if tls { options.tls = SandboxTLSOptions(credential: SandboxTLSOptions.Credential(rawValue: tlsCredential) ?? .token) }
        let sandbox = try SandboxCluster(dataDirectory: dir, options: options)
        let url = try await sandbox.start()
        say("sandbox cluster on \(url.absoluteString)")
        say("kubeconfig: \(sandbox.kubeconfigPath.path)")
        try await sandbox.run()
    }
}
