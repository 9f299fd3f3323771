
/// `ferry app wait NAME [--sync] [--health] [--timeout SECONDS]`: blocks until the application is
/// Synced and/or Healthy (neither flag means both), polling every second.
public struct AppWaitCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Wait until an application is Synced and/or Healthy.")

    @OptionGroup var client: ClientOptions
    @Argument(name: "name", help: "Application name.") var name: String
    @Flag(name: .customLong("sync"), help: "Wait for sync status Synced.") var sync = false
    @Flag(name: .customLong("health"), help: "Wait for health Healthy.") var health = false
    @Option(name: .customLong("timeout"), help: "Seconds to wait before giving up.") var timeout: Double = 300

    /// Creates the command.
    public init() {}

    /// Validates the timeout.
    public func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// Polls until the condition holds; exits 1 with a message on timeout.
    public func run() async throws {
        try await CommandRunner.run {
            let condition = WaitCondition(sync: sync, health: health)
            let api = FerryAPIClient(settings: try client.settings(), timeout: min(timeout, 10))
            let waiter = AppWaiter(name: name, condition: condition, timeout: .milliseconds(Int64(timeout * 1000)))
            let app = try await waiter.wait { try await api.application(name) }
            CommandRunner.write("application '\(app.name)' is \(condition.goal) (\(condition.state(of: app)))\n")
        }
    }
}
