import FerryCore
import OrderedCollections

/// Hides Secret values while keeping a diff meaningful.
///
/// Every value under `data` (and `stringData`) of a Secret becomes a run of `+` signs. Within one key,
/// the first distinct value gets eight signs, the next nine, and so on, over live and desired together:
/// equal values get equal masks and different values different masks, so a diff shows *that* a secret
/// value changed without showing it. Values under different keys are masked independently.
public enum SecretMasker {
    /// Length of the first mask.
    public static let baseMaskLength = 8

    /// Masks the Secret data of `desired` and `live` together. Objects that are not Secrets are returned
    /// unchanged.
    public static func mask(desired: KubeObject?, live: KubeObject?) -> (desired: KubeObject?, live: KubeObject?) {
        let secrets = [live, desired].compactMap { $0 }.filter(Normalizer.isSecret)
        guard !secrets.isEmpty else { return (desired, live) }
        var masks = MaskTable()
        for object in secrets {
            for section in ["data", "stringData"] { masks.record(object.value[section]) }
        }
        return (desired.map { masks.apply(to: $0) }, live.map { masks.apply(to: $0) })
    }

    /// Masks one object on its own (for display of a single Secret).
    public static func mask(_ object: KubeObject) -> KubeObject {
        mask(desired: object, live: nil).desired ?? object
    }
}

/// Per key, the distinct values seen so far, in order; the index picks the mask length.
private struct MaskTable {
    var seen: [String: [Value]] = [:]

    mutating func record(_ section: Value?) {
        guard let members = section?.objectValue else { return }
        for (key, value) in members where !(seen[key] ?? []).contains(value) {
            seen[key, default: []].append(value)
        }
    }

    func apply(to object: KubeObject) -> KubeObject {
        guard Normalizer.isSecret(object) else { return object }
        var result = object
        for section in ["data", "stringData"] {
            guard let members = object.value[section]?.objectValue else { continue }
            var masked = OrderedDictionary<String, Value>()
            for (key, value) in members { masked[key] = .string(mask(key: key, value: value)) }
            result.value[section] = .object(masked)
        }
        return result
    }

    func mask(key: String, value: Value) -> String {
        let index = seen[key]?.firstIndex(of: value) ?? 0
        return String(repeating: "+", count: SecretMasker.baseMaskLength + index)
    }
}
