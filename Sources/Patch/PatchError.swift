import FerryCore

/// Why a patch could not be applied. The message reads like apimachinery's (strategic merge) or like
/// RFC 6902 tools' (JSON patch), and names the failing operation and path where there is one.
public struct PatchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The whole human-readable message.
    public var message: String
    /// For JSON patch failures: the zero-based index of the failing operation.
    public var operationIndex: Int?
    /// The JSON pointer (JSON patch) or dotted field path (strategic merge) that failed, when known.
    public var path: String?

    /// An error with a message and optional context.
    public init(_ message: String, operationIndex: Int? = nil, path: String? = nil) {
        self.message = message
        self.operationIndex = operationIndex
        self.path = path
    }

    /// The message.
    public var description: String { message }
}

extension PatchError {
    static func notAnObject(_ what: String, _ value: Value) -> PatchError {
        PatchError("\(what) must be a JSON object, not \(value.typeName)")
    }

    static func noMergeKey(_ item: Value, _ key: String, path: String) -> PatchError {
        PatchError("map: \(JSON.encode(item)) does not contain declared merge key: \(key)", path: path)
    }

    static func badPatchType(_ directive: Value, _ map: Value, path: String) -> PatchError {
        PatchError("unknown patch type: \(directive.stringValue ?? JSON.encode(directive)) in map: \(JSON.encode(map))",
                   path: path)
    }

    static func badArgType(expected: String, _ actual: Value, path: String) -> PatchError {
        PatchError("expected a \(expected), but received a \(actual.typeName) at \(path)", path: path)
    }

    static func retainKeysFormat(path: String) -> PatchError {
        PatchError("invalid patch format of retainKeys at \(path)", path: path)
    }

    static func setElementOrderFormat(path: String) -> PatchError {
        PatchError("invalid patch format of setElementOrder list at \(path)", path: path)
    }

    static func primitiveListFormat(path: String) -> PatchError {
        PatchError("invalid patch format of primitive list at \(path)", path: path)
    }
}
