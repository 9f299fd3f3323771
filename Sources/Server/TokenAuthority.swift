import Crypto
import Foundation

/// Checks the admin token and derives the values the dashboard hands to browsers.
///
/// The token itself never leaves the server after login: the session cookie holds an HMAC of it, the CSRF
/// field another. All comparisons go through SHA-256 digests and a constant-time compare.
struct TokenAuthority: Sendable {
    /// The identity every valid credential maps to.
    static let identity = "admin"

    private let tokenDigest: [UInt8]
    private let keyData: Data

    init(adminToken: String) {
        self.tokenDigest = Self.digest(adminToken)
        self.keyData = Data(adminToken.utf8)
    }

    /// True when `candidate` is the admin token.
    func isAdminToken(_ candidate: String) -> Bool {
        Self.constantTimeEqual(Self.digest(candidate), tokenDigest)
    }

    /// The value of the `ferry_token` session cookie.
    var sessionValue: String { derive("ferry-session-v1") }
    /// The CSRF token dashboard forms carry.
    var csrfToken: String { derive("ferry-csrf-v1") }

    /// True when `candidate` is the session cookie value.
    func isSession(_ candidate: String) -> Bool { Self.matches(candidate, sessionValue) }
    /// True when `candidate` is the CSRF token.
    func isCSRFToken(_ candidate: String) -> Bool { Self.matches(candidate, csrfToken) }

    private func derive(_ purpose: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: SymmetricKey(data: keyData))
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func matches(_ candidate: String, _ expected: String) -> Bool {
        constantTimeEqual(digest(candidate), digest(expected))
    }

    private static func digest(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(text.utf8)))
    }

    /// Compares two equal-length digests without an early exit.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
