import FerryCore

/// Why a sync could not be planned; the message names the resource and, where relevant, the annotation.
public struct SyncError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The human-readable reason.
    public var message: String

    /// An error with the given message.
    public init(_ message: String) { self.message = message }

    /// A readable message.
    public var description: String { message }

    static func badWave(_ key: ResourceKey, _ value: String) -> SyncError {
        SyncError("\(key): annotation \(WellKnown.syncWave) must be an integer, got \"\(value)\"")
    }

    static func badHook(_ key: ResourceKey, _ value: String) -> SyncError {
        SyncError("\(key): annotation \(WellKnown.hook) has unknown hook type \"\(value)\" "
                  + "(expected PreSync, Sync, PostSync, SyncFail or Skip)")
    }

    static func missingName(_ object: KubeObject) -> SyncError {
        let kind = object.kind.isEmpty ? "object" : object.kind
        let hint = object.value[path: ["metadata", "generateName"]] == nil
            ? "" : " (generateName is not supported: give the object a metadata.name)"
        return SyncError("\(kind) without metadata.name cannot be synced\(hint)")
    }

    static func missingKind(_ object: KubeObject) -> SyncError {
        SyncError("object \"\(object.name)\" has no apiVersion or kind")
    }

    static func duplicate(_ key: ResourceKey) -> SyncError {
        SyncError("\(key) appears more than once in the desired manifests")
    }
}
