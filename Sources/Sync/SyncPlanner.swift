import FerryCore

/// Computes a `SyncPlan` from desired and live objects. Pure: no I/O, same input → same plan.
public enum SyncPlanner {
    /// Plans a sync.
    /// - Parameters:
    ///   - desired: the rendered objects (from Git), as rendered (the planner prepares them).
    ///   - live: objects currently in the cluster that carry this app's tracking annotation (others are ignored).
    ///   - isNamespaced: whether a kind is namespaced (from discovery). CRDs in `desired` override it for
    ///     the kinds they define, so custom resources of a CRD created by the same sync are scoped correctly.
    /// - Throws: `SyncError` naming the resource for a bad wave or hook annotation, a missing name or kind,
    ///   or a resource listed twice.
    public static func plan(desired: [KubeObject], live: [KubeObject], options: SyncOptions,
                            isNamespaced: (GroupVersionKind) -> Bool) throws -> SyncPlan {
        let scope = CRDScopes(desired)
        let prepared = try desired.map { object in
            try prepare(object, options: options, isNamespaced: { scope.isNamespaced($0) ?? isNamespaced($0) })
        }
        let desiredKeys = try uniqueKeys(prepared)
        var tasks: [SyncTask] = []
        var skipped: [ResourceResult] = []
        if let namespaceTask = namespaceTask(desiredKeys, options) { tasks.append(namespaceTask) }
        for object in prepared {
            let wave = try syncWave(of: object)
            guard let phases = try hookPhases(of: object) else {
                skipped.append(ResourceResult(key: object.key, action: .skipped, message: "hook Skip: not applied"))
                continue
            }
            tasks += phases.map { SyncTask(phase: $0, wave: wave, key: object.key, action: .apply(object)) }
        }
        let orphans = orphans(live: live, desiredKeys: desiredKeys, app: options.appName)
        tasks += pruneTasks(orphans, options: options, skipped: &skipped)
        return SyncPlan(tasks: sorted(tasks), skipped: skipped.sorted { $0.key < $1.key })
    }

    /// Prepares one desired object the way the sync applies it: namespace defaulted for namespaced kinds
    /// (removed for cluster-scoped ones), tracking annotation and instance label added. Use it to compare
    /// desired with live objects exactly as the sync will write them.
    public static func prepare(_ object: KubeObject, options: SyncOptions,
                               isNamespaced: (GroupVersionKind) -> Bool) throws -> KubeObject {
        guard !object.apiVersion.isEmpty, !object.kind.isEmpty else { throw SyncError.missingKind(object) }
        guard !object.name.isEmpty else { throw SyncError.missingName(object) }
        var out = object
        if isNamespaced(object.gvk) {
            if out.namespace.isEmpty { out.namespace = options.effectiveNamespace }
        } else {
            out.namespace = ""
        }
        out.setAnnotation(WellKnown.trackingAnnotation, TrackingID(app: options.appName, key: out.key).description)
        out.setLabel(WellKnown.instanceLabel, options.appName)
        return out
    }

    /// The object's sync wave (annotation `argocd.argoproj.io/sync-wave`, default 0).
    public static func syncWave(of object: KubeObject) throws -> Int {
        guard let text = object.annotations[WellKnown.syncWave] else { return 0 }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return 0 }
        guard let wave = Int(trimmed) else { throw SyncError.badWave(object.key, text) }
        return wave
    }

    /// The phases an object runs in: `[.sync]` for plain objects, the hook's phases for hooks, nil for `Skip`.
    public static func hookPhases(of object: KubeObject) throws -> [SyncPhase]? {
        guard let text = object.annotations[WellKnown.hook], !text.trimmingSpaces.isEmpty else { return [.sync] }
        var phases: [SyncPhase] = []
        for part in text.split(separator: ",").map({ String($0).trimmingSpaces }) where !part.isEmpty {
            if part == "Skip" { return nil }
            guard let phase = SyncPhase(rawValue: part) else { throw SyncError.badHook(object.key, text) }
            if !phases.contains(phase) { phases.append(phase) }
        }
        return phases.isEmpty ? [.sync] : phases
    }

    private static func uniqueKeys(_ objects: [KubeObject]) throws -> Set<ResourceKey> {
        var keys = Set<ResourceKey>()
        for object in objects where !keys.insert(object.key).inserted { throw SyncError.duplicate(object.key) }
        return keys
    }

    private static func namespaceTask(_ desiredKeys: Set<ResourceKey>, _ options: SyncOptions) -> SyncTask? {
        guard options.createNamespace, !options.destinationNamespace.isEmpty else { return nil }
        let key = ResourceKey(group: "", kind: "Namespace", namespace: "", name: options.destinationNamespace)
        guard !desiredKeys.contains(key) else { return nil }
        return SyncTask(phase: .preSync, wave: 0, key: key, action: .createNamespace)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
