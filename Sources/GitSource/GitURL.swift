import Crypto
import Foundation

/// URL handling for repository remotes: redaction, normalisation and the cache key.
enum GitURL {
    /// The URL without user name or password (`https://user:tok@host/x` → `https://host/x`).
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + String(rest[rest.index(after: at)...])
    }

    /// A canonical spelling used to share one cache per remote: credentials removed, scheme and host
    /// lower-cased, trailing slashes dropped, local paths turned into absolute `file://` URLs.
    static func normalised(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if isLocalPath(trimmed) {
            return "file://" + URL(fileURLWithPath: trimmed).standardizedFileURL.path
        }
        var text = redacted(trimmed)
        while text.hasSuffix("/") && !text.hasSuffix("://") { text.removeLast() }
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        if scheme == "file" {
            let path = String(rest)
            return "file://" + URL(fileURLWithPath: path.isEmpty ? "/" : path).standardizedFileURL.path
        }
        return scheme + "://" + rest[..<hostEnd].lowercased() + rest[hostEnd...]
    }

    /// The URL handed to libgit2: local paths become absolute, everything else is passed unchanged.
    static func remote(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if isLocalPath(trimmed) { return URL(fileURLWithPath: trimmed).standardizedFileURL.path }
        return trimmed
    }

    /// The cache directory name: hex SHA-256 of the normalised URL.
    static func cacheKey(_ url: String) -> String {
        SHA256.hash(data: Data(normalised(url).utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `url` is a plain file-system path rather than a URL or scp-like `host:path`.
    static func isLocalPath(_ url: String) -> Bool {
        if url.contains("://") { return false }
        if url.hasPrefix("/") || url.hasPrefix(".") { return true }
        guard let colon = url.firstIndex(of: ":") else { return true }
        if let slash = url.firstIndex(of: "/"), slash < colon { return true }
        return false
    }

    /// `message` with every secret replaced by `***` and every userinfo removed from embedded URLs.
    static func scrub(_ message: String, secrets: [String]) -> String {
        var text = message
        for secret in secrets where !secret.isEmpty {
            text = text.replacingOccurrences(of: secret, with: "***")
        }
        // Drop `user:pass@` after any `scheme://` in the message.
        var out = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            out += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            let end = rest.firstIndex(where: { $0 == "/" || $0 == " " || $0 == "'" || $0 == "\"" }) ?? rest.endIndex
            if let at = rest[..<end].lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        }
        return out + rest
    }
}
