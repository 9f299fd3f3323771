import FerryCore

/// JSON merge patch (RFC 7386): objects merge recursively, `null` deletes a member, anything else
/// (lists included) replaces the target value.
public enum MergePatch {
    /// Applies `patch` to `target`. A patch that is not an object replaces the target whole.
    public static func apply(_ patch: Value, to target: Value) -> Value {
        guard case .object(let members) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (name, value) in members {
            if value.isNull { result[name] = nil } else { result[name] = apply(value, to: result[name] ?? .null) }
        }
        return .object(result)
    }
}
