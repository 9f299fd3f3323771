import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `ferry login` saves: the server and its token, in `$XDG_CONFIG_HOME/ferry/config.json`
/// (default `~/.config/ferry/config.json`), readable by the owner only (mode 0600).
public struct ClientConfig: Codable, Sendable, Equatable {
    /// The server logged in to.
    public var server: String
    /// The token accepted by that server. Never printed.
    public var token: String

    /// Creates a config value.
    public init(server: String, token: String) { self.server = server; self.token = token }

    /// The config file's path for an environment: `$XDG_CONFIG_HOME/ferry/config.json`, else
    /// `$HOME/.config/ferry/config.json`; nil when neither variable is set.
    public static func defaultPath(environment: [String: String]) -> URL? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("ferry/config.json")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/ferry/config.json")
        }
        return nil
    }

    /// Reads the config file; nil when it does not exist.
    public static func load(from url: URL) throws -> ClientConfig? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(ClientConfig.self, from: Data(contentsOf: url))
        } catch {
            throw CLIError("cannot read config file \(url.path): it is not a valid Ferry config (run 'ferry login' again)")
        }
    }

    /// Writes the config file atomically with mode 0600, creating its directory (mode 0700) if needed.
    public func save(to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIError("cannot create config directory \(directory.path): \(error.localizedDescription)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        let temporary = directory.appendingPathComponent(".config.json.\(getpid()).tmp")
        try Self.writePrivate(data, to: temporary.path)
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CLIError("cannot write config file \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates `path` with mode 0600 from the start, so the token is never readable by others.
    private static func writePrivate(_ data: Data, to path: String) throws {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CLIError("cannot write config file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else {
            throw CLIError("cannot write config file \(path): \(String(cString: strerror(errno)))")
        }
    }
}
