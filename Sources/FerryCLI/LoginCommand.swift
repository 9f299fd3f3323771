import Foundation

/// `ferry login [--server URL] --token T`: checks the token against the server, then saves both to
/// the client config file (mode 0600) for later commands.
public struct LoginCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Verify a token with a Ferry server and save it for later commands.")

    @OptionGroup var client: ClientOptions

    /// Creates the command.
    public init() {}

    /// Verifies and saves the login.
    public func run() async throws {
        try await CommandRunner.run {
            let environment = ProcessInfo.processInfo.environment
            let path = try Self.configPath(environment: environment)
            let saved = try Self.login(options: client, environment: environment, configPath: path)
            _ = try await FerryAPIClient(settings: saved.settings).listApplications()
            try saved.config.save(to: path)
            CommandRunner.write("Logged in to \(saved.settings.displayServer); saved to \(path.path)\n")
        }
    }

    /// The settings to verify and the config to save. The token must come from `--token` or `FERRY_TOKEN`.
    static func login(options: ClientOptions, environment: [String: String],
                      configPath: URL?) throws -> (settings: ClientSettings, config: ClientConfig) {
        var explicit = options
        explicit.token = options.token ?? environment["FERRY_TOKEN"]
        guard let token = explicit.token, !token.isEmpty else {
            throw CLIError("login needs a token: pass --token or set FERRY_TOKEN")
        }
        let settings = try explicit.settings(environment: environment, configPath: configPath)
        return (settings, ClientConfig(server: settings.server.absoluteString, token: token))
    }

    /// Where the config file lives for this environment.
    static func configPath(environment: [String: String]) throws -> URL {
        guard let path = ClientConfig.defaultPath(environment: environment) else {
            throw CLIError("cannot find a place for the config file: neither XDG_CONFIG_HOME nor HOME is set")
        }
        return path
    }
}
