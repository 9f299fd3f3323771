import FerryCore
import Foundation

/// `semver` (a map with `Major`, `Minor`, `Patch`, `Prerelease`, `Metadata`, `Original`) and `semverCompare`.
enum SprigSemver {
    static let table: FunctionMap = [
        "semverCompare": { args in
            try Arg.count(args, 2)
            let constraint = try constraints.value(try Arg.string(args[0]), SemverConstraints.init)
            return .bool(constraint.check(try versions.value(try Arg.string(args[1]), Semver.init)))
        },
        "semver": { args in
            try Arg.count(args, 1)
            let v = try versions.value(try Arg.string(args[0]), Semver.init)
            // Go's *semver.Version prints through its String() method.
            return .value(GoStringer.object(
                ["Major": .int(Int64(clamping: v.major)), "Minor": .int(Int64(clamping: v.minor)),
                 "Patch": .int(Int64(clamping: v.patch)), "Prerelease": .string(v.pre),
                 "Metadata": .string(v.metadata), "Original": .string(v.original)], string: v.description))
        },
    ]

    /// Parsed constraints and versions by their text. Charts compare the same few strings in every template
    /// (`semverCompare ">=1.19-0" .Capabilities.KubeVersion.Version` in each capability helper), and a parse
    /// costs several regular-expression matches, which also contend for a lock inside Foundation's regex.
    static let constraints = ParseMemo<SemverConstraints>()
    static let versions = ParseMemo<Semver>()
}

/// Results (values or `FunctionError`s) of a pure parse by input text, shared by all threads. It holds at most
/// `limit` texts, as they may come from a chart's values; past that, parses are not remembered.
final class ParseMemo<T: Sendable>: @unchecked Sendable {
    private var results: [String: Result<T, FunctionError>] = [:]
    private let lock = NSLock()
    private let limit: Int

    init(limit: Int = 512) { self.limit = limit }

    /// `parse(text)`, computed once per text.
    func value(_ text: String, _ parse: (String) throws -> T) throws -> T {
        if let known = lock.withLock({ results[text] }) { return try known.get() }
        let result: Result<T, FunctionError>
        do { result = .success(try parse(text)) } catch let error as FunctionError { result = .failure(error) }
        lock.withLock { if results.count < limit { results[text] = result } }
        return try result.get()
    }
}
