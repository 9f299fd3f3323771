import FerryCore
import Foundation
import Hummingbird

/// A one-off message carried across the redirect after a dashboard action, in a short-lived cookie.
struct Flash {
    static let cookieName = "ferry_flash"

    var message: String
    var tone: String

    init(message: String, tone: String) { self.message = message; self.tone = tone }

    /// Reads the cookie value written by `cookie`; nil when absent or malformed.
    init?(cookie value: String?) {
        guard let value, let data = Data(base64Encoded: Self.unURLSafe(value)),
              let text = String(data: data, encoding: .utf8), let bar = text.firstIndex(of: "|") else { return nil }
        let tone = String(text[..<bar])
        guard ["ok", "warn", "bad"].contains(tone) else { return nil }
        self.init(message: String(text[text.index(after: bar)...]), tone: tone)
    }

    /// "Sync succeeded: …" or "Sync failed: …" for a finished run.
    static func outcome(of run: SyncRun, verb: String) -> Flash {
        let detail = run.message.isEmpty ? "" : ": \(run.message)"
        switch run.phase {
        case .succeeded: return Flash(message: "\(verb) succeeded (run #\(run.id))\(detail)", tone: "ok")
        case .running: return Flash(message: "\(verb) started (run #\(run.id))\(detail)", tone: "warn")
        case .failed: return Flash(message: "\(verb) failed (run #\(run.id))\(detail)", tone: "bad")
        }
    }

    /// The cookie carrying this message (base64url, so any text is a valid cookie value).
    var cookie: Cookie {
        let text = "\(tone)|\(message.prefix(1000))"
        let encoded = Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return Cookie(name: Self.cookieName, value: encoded, maxAge: 60, path: "/", httpOnly: true, sameSite: .strict)
    }

    /// A cookie that deletes the flash.
    static var expired: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .strict)
    }

    private static func unURLSafe(_ value: String) -> String {
        var text = value.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return text
    }
}
