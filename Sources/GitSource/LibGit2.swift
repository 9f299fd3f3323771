import CLibGit2
import Foundation

/// Process-wide libgit2 set-up and the conversion of libgit2 failures into `GitError`.
enum LibGit2 {
    /// Loads libgit2 (it is opened on first use, see CLibGit2.h) and runs `git_libgit2_init`, exactly once
    /// (Swift initialises static lets lazily and thread-safely); the reason when the library cannot be loaded.
    private static let loadFailure: String? = {
        var message = [CChar](repeating: 0, count: 512)
        guard ferry_git2_load(&message, message.count) == 0 else { return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        git_libgit2_init()
        return nil
    }()

    /// Makes sure libgit2 is loaded and initialised; call before any other libgit2 function.
    static func ensureInitialized(url: String) throws {
        if let loadFailure {
            throw GitError(.other, url: url, message: "libgit2 could not be loaded (\(loadFailure)); install libgit2 "
                           + "(Debian 12: apt-get install libgit2-1.5)")
        }
    }

    /// Whether this libgit2 was built with SSH support.
    static var supportsSSH: Bool {
        guard loadFailure == nil else { return false }
        return UInt32(bitPattern: git_libgit2_features()) & GIT_FEATURE_SSH.rawValue != 0
    }

    /// libgit2's message for the last failure on this thread.
    static func lastMessage() -> String {
        guard let error = git_error_last(), let text = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: text)
    }

    /// The error class of the last failure on this thread.
    static func lastClass() -> Int32 { git_error_last()?.pointee.klass ?? 0 }

    /// Hex text of an object id.
    static func hex(_ oid: git_oid) -> String {
        var copy = oid
        return withUnsafePointer(to: &copy) { String(cString: git_oid_tostr_s($0)) }
    }

    /// Parses a full 40-digit hex SHA.
    static func oid(_ hex: String) -> git_oid? {
        guard isFullSHA(hex) else { return nil }
        var oid = git_oid()
        return git_oid_fromstr(&oid, hex) == 0 ? oid : nil
    }

    /// Whether `text` is a full 40-digit hex SHA.
    static func isFullSHA(_ text: String) -> Bool { text.count == 40 && isHex(text) }

    /// Whether `text` could be an abbreviated SHA (4–39 hex digits).
    static func isShortSHA(_ text: String) -> Bool { (4..<40).contains(text.count) && isHex(text) }

    private static func isHex(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }
}

/// What a libgit2 call needs to turn its failure into a `GitError`: the URL and the secrets to scrub.
struct GitFailureContext {
    /// The repository URL as given by the caller (redacted when printed).
    var url: String
    /// Secrets that must never appear in a message.
    var secrets: [String]

    /// Throws a `GitError` when `code` is negative, with libgit2's message scrubbed of secrets.
    func check(_ code: Int32, _ action: @autoclosure () -> String, revision: String? = nil) throws {
        guard code < 0 else { return }
        throw error(code, action(), revision: revision)
    }

    /// The `GitError` for a failed libgit2 call: "<action> <url>: <libgit2 message>".
    func error(_ code: Int32, _ action: String, revision: String? = nil, kind: GitError.Kind? = nil) -> GitError {
        let detail = GitURL.scrub(LibGit2.lastMessage(), secrets: secrets)
        let resolvedKind = kind ?? classify(code, detail)
        let message = "\(action) \(GitURL.redacted(url)): \(detail)"
        return GitError(resolvedKind, url: url, revision: revision, message: GitURL.scrub(message, secrets: secrets))
    }

    private func classify(_ code: Int32, _ detail: String) -> GitError.Kind {
        let lower = detail.lowercased()
        if code == GIT_EAUTH.rawValue || lower.contains("authentication") || lower.contains("401")
            || lower.contains("credential") { return .authentication }
        if code == GIT_ENOTFOUND.rawValue { return .revisionNotFound }
        let netClasses: [UInt32] = [GIT_ERROR_NET.rawValue, GIT_ERROR_SSH.rawValue, GIT_ERROR_HTTP.rawValue,
                                    GIT_ERROR_SSL.rawValue, GIT_ERROR_OS.rawValue]
        if netClasses.contains(UInt32(bitPattern: LibGit2.lastClass())) { return .unreachable }
        return .other
    }
}
