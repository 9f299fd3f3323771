import FerryCore
import Foundation

/// Texts already parsed by `tpl`-style executions of one template set, so a helper that runs the same text for
/// every template (`tpl .Values.x $`) is lexed and parsed once. Shared by all executions of the set.
final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: [String: Tree]] = [:]
    /// Entries kept at most; beyond it new texts are parsed without being remembered.
    static let capacity = 4096

    /// The trees of `text` parsed as template `name`, from the cache or by `parse`.
    func trees(name: String, text: String, parse: () throws -> [String: Tree]) throws -> [String: Tree] {
        let key = name + "\u{0}" + text
        lock.lock()
        let hit = entries[key]
        lock.unlock()
        if let hit { return hit }
        let parsed = try parse()
        lock.lock()
        if entries.count < Self.capacity { entries[key] = parsed }
        lock.unlock()
        return parsed
    }
}
