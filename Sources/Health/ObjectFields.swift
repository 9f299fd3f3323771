import FerryCore

/// Typed reads of an object's fields with Kubernetes' defaults (absent numbers are 0, strings "").
struct ObjectFields {
    let value: Value

    init(_ object: KubeObject) { value = object.value }
    init(_ value: Value) { self.value = value }

    func int(_ path: String...) -> Int64 { value[path: path]?.intValue ?? 0 }
    func optionalInt(_ path: String...) -> Int64? { value[path: path]?.intValue }
    func string(_ path: String...) -> String { value[path: path]?.stringValue ?? "" }
    func bool(_ path: String...) -> Bool { value[path: path]?.boolValue ?? false }
    func array(_ path: String...) -> [Value] { value[path: path]?.arrayValue ?? [] }
    func has(_ path: String...) -> Bool { value[path: path] != nil }

    /// `status.conditions`, as fields.
    var conditions: [ObjectFields] { array("status", "conditions").map(ObjectFields.init) }

    /// The first status condition of the given type.
    func condition(_ type: String) -> ObjectFields? {
        conditions.first { $0.string("type") == type }
    }
}

extension Health {
    /// A health with a message, `nil` when the message is empty (as Argo CD omits empty messages).
    static func with(_ status: HealthStatus, _ message: String) -> Health {
        Health(status, message.isEmpty ? nil : message)
    }
}
