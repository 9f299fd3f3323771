
/// `ferry version`: the client's version, and the server's when it is reachable.
public struct VersionCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(commandName: "version", abstract: "Print version information.")

    @OptionGroup var client: ClientOptions
    @OptionGroup var output: OutputOptions
    @Flag(name: .customLong("client"), help: "Only print the client version.") var clientOnly = false

    /// Creates the command.
    public init() {}

    /// The versions, as printed with `-o json|yaml`.
    struct Versions: Encodable {
        var clientVersion: String
        var serverVersion: String?
        var serverError: String?
    }

    /// Prints the versions; an unreachable server is reported but is not an error.
    public func run() async throws {
        try await CommandRunner.run {
            var versions = Versions(clientVersion: FerryVersion.client)
            if !clientOnly {
                do {
                    versions.serverVersion = try await client.client().version()
                } catch let error as CLIError {
                    versions.serverError = error.message
                }
            }
            CommandRunner.write(try output.output.encode(versions) ?? Self.text(versions))
        }
    }

    static func text(_ v: Versions) -> String {
        var text = "Client Version: \(v.clientVersion)\n"
        if let server = v.serverVersion { text += "Server Version: \(server)\n" }
        if let error = v.serverError { text += "Server Version: unavailable (\(error))\n" }
        return text
    }
}
