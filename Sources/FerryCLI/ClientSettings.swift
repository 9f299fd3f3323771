import Foundation

/// The server and token a client command uses, after applying precedence:
/// command-line option, then `FERRY_SERVER` / `FERRY_TOKEN`, then what `ferry login` saved, then the default
/// server `http://127.0.0.1:8080` (no token).
///
/// A saved token is only used for the server it was saved for, so pointing the CLI at another server never
/// sends it there.
public struct ClientSettings: Sendable, Equatable {
    /// The server used when nothing else names one.
    public static let defaultServer = "http://127.0.0.1:8080"

    /// The Ferry server's base URL.
    public var server: URL
    /// The bearer token, if any. Never printed.
    public var token: String?

    /// Creates settings directly.
    public init(server: URL, token: String?) { self.server = server; self.token = token }

    /// Resolves settings from explicit options, an environment and the saved config (if any).
    public static func resolve(server: String?, token: String?, environment: [String: String],
                               config: ClientConfig?) throws -> ClientSettings {
        let chosen = nonEmpty(server) ?? nonEmpty(environment["FERRY_SERVER"]) ?? nonEmpty(config?.server) ?? defaultServer
        let url = try parseServer(chosen)
        var resolvedToken = nonEmpty(token) ?? nonEmpty(environment["FERRY_TOKEN"])
        if resolvedToken == nil, let config, let saved = try? parseServer(config.server), sameServer(saved, url) {
            resolvedToken = nonEmpty(config.token)
        }
        return ClientSettings(server: url, token: resolvedToken)
    }

    /// Parses a server URL; only `http` and `https` with a host are accepted.
    public static func parseServer(_ text: String) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty else {
            throw CLIError("invalid server URL '\(redacted(trimmed))': expected http(s)://host[:port]")
        }
        return url
    }

    /// The URL without user info, safe to print.
    public static func redacted(_ text: String) -> String {
        guard var parts = URLComponents(string: text), parts.user != nil || parts.password != nil else { return text }
        parts.user = nil; parts.password = nil
        return parts.string ?? text
    }

    /// The server URL, safe to print.
    public var displayServer: String { Self.redacted(server.absoluteString) }

    private static func sameServer(_ a: URL, _ b: URL) -> Bool {
        normalized(a) == normalized(b)
    }

    private static func normalized(_ url: URL) -> String {
        var text = url.absoluteString.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
