import FerryCore

/// Compares desired objects (from Git) with live objects (from the cluster).
public enum Differ {
    /// Compares desired (from Git, with Ferry's tracking annotation already added) with live.
    ///
    /// Missing live → `OutOfSync`. Live fields that desired does not mention are ignored (server defaults,
    /// other managers); desired fields must be present and equal in live (numbers compare by value, lists
    /// element-wise with the same subset rule, and a list of a different length is a difference). Fields
    /// that Ferry's field manager owns in live but desired no longer sets are differences too (the next
    /// apply removes them; see `DiffOptions.fieldManager`). A live object with no desired counterpart is
    /// `OutOfSync` too (the caller decides whether to prune it). Both `nil` → `Unknown`.
    public static func diff(desired: KubeObject?, live: KubeObject?, options: DiffOptions = .default) -> ResourceDiffResult {
        guard let reference = desired ?? live else {
            return ResourceDiffResult(key: ResourceKey(group: "", kind: "", namespace: "", name: ""), status: .unknown,
                                      desired: nil, live: nil, modified: false, unifiedDiff: "")
        }
        let key = reference.key
        let pointers = options.ignoredPointers(for: key).compactMap(JSONPointer.init)
        let wanted = desired.map { prepare($0, removing: pointers) }
        let actual = live.map { prepare($0, removing: pointers) }
        let owned = live.flatMap { live in options.fieldManager.flatMap { OwnedFields(of: live, manager: $0) } }
        let shown = actual.map { live in
            wanted.map { KubeObject(Projection.project(live.value, onto: $0.value, owned: owned)) } ?? live
        }
        let modified = !bothPresentAndEqual(wanted, shown)
        let masked = SecretMasker.mask(desired: wanted, live: shown)
        let text = modified ? render(key: key, live: masked.live, desired: masked.desired, context: options.contextLines) : ""
        let maskedLive = SecretMasker.mask(desired: wanted, live: actual).live
        return ResourceDiffResult(key: key, status: modified ? .outOfSync : .synced, desired: desired, live: live,
                                  normalizedDesired: masked.desired, normalizedLive: maskedLive,
                                  modified: modified, unifiedDiff: text)
    }

    /// Compares many desired/live pairs, one result each, in order; see `diff(desired:live:options:)`.
    public static func diff(pairs: [(desired: KubeObject?, live: KubeObject?)], options: DiffOptions = .default) -> [ResourceDiffResult] {
        pairs.map { diff(desired: $0.desired, live: $0.live, options: options) }
    }

    private static func bothPresentAndEqual(_ desired: KubeObject?, _ projectedLive: KubeObject?) -> Bool {
        guard let desired, let projectedLive else { return false }
        return projectedLive.value.semanticallyEquals(desired.value)
    }

    private static func prepare(_ object: KubeObject, removing pointers: [JSONPointer]) -> KubeObject {
        var value = Normalizer.normalize(object).value
        for pointer in pointers { value = pointer.removing(from: value) }
        return KubeObject(value)
    }

    private static func render(key: ResourceKey, live: KubeObject?, desired: KubeObject?, context: Int) -> String {
        UnifiedDiff.make(old: live.map { YAML.encode($0.value) } ?? "",
                         new: desired.map { YAML.encode($0.value) } ?? "",
                         oldName: "\(key) (live)", newName: "\(key) (desired)", context: context)
    }
}
