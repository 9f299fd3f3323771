import Foundation

/// The options every client command takes: which Ferry server to talk to and with which token.
public struct ClientOptions: ParsableArguments, Sendable {
    /// `--server URL`; falls back to `FERRY_SERVER`, the saved login, then `http://127.0.0.1:8080`.
    @Option(name: .customLong("server"), help: ArgumentHelp("Ferry server URL (env FERRY_SERVER; default \(ClientSettings.defaultServer)).",
                                            valueName: "url"))
    public var server: String?

    /// `--token T`; falls back to `FERRY_TOKEN`, then the saved login.
    @Option(name: .customLong("token"), help: ArgumentHelp("API token (env FERRY_TOKEN; default: the one saved by 'ferry login').",
                                            valueName: "token"))
    public var token: String?

    /// Creates empty options (everything from the environment or config).
    public init() {}

    /// Resolves the settings against an environment and a config file path (nil = no saved login).
    public func settings(environment: [String: String] = ProcessInfo.processInfo.environment,
                         configPath: URL? = nil) throws -> ClientSettings {
        let path = configPath ?? ClientConfig.defaultPath(environment: environment)
        let config = try path.flatMap { try ClientConfig.load(from: $0) }
        return try ClientSettings.resolve(server: server, token: token, environment: environment, config: config)
    }

    /// An API client for the resolved settings.
    public func client() throws -> FerryAPIClient {
        FerryAPIClient(settings: try settings())
    }
}
