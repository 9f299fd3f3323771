import FerryCore

extension SyncPlanner {
    /// Live objects that this app manages (tracking id names the app and the object) and that are no longer
    /// desired. Hooks are never orphans: they have their own lifecycle.
    static func orphans(live: [KubeObject], desiredKeys: Set<ResourceKey>, app: String) -> [KubeObject] {
        var seen = Set<ResourceKey>()
        return live.filter { object in
            TrackingID.isManaged(object, by: app)
                && object.annotations[WellKnown.hook] == nil
                && !desiredKeys.contains(object.key)
                && seen.insert(object.key).inserted
        }
    }

    /// Prune tasks for orphans when prune is on; otherwise (or when an orphan opts out with `Prune=false`)
    /// a `skipped` result explaining why it stays.
    static func pruneTasks(_ orphans: [KubeObject], options: SyncOptions,
                           skipped: inout [ResourceResult]) -> [SyncTask] {
        var tasks: [SyncTask] = []
        for object in orphans {
            if optsOutOfPrune(object) {
                skipped.append(ResourceResult(key: object.key, action: .skipped,
                                              message: "requires pruning, but Prune=false"))
            } else if !options.prune {
                skipped.append(ResourceResult(key: object.key, action: .skipped, message: "requires pruning"))
            } else {
                let wave = (try? syncWave(of: object)) ?? 0
                tasks.append(SyncTask(phase: .sync, wave: wave, key: object.key, action: .prune(object)))
            }
        }
        return tasks
    }

    /// True when the object's `argocd.argoproj.io/sync-options` contain `Prune=false`.
    static func optsOutOfPrune(_ object: KubeObject) -> Bool {
        guard let text = object.annotations[WellKnown.syncOptions] else { return false }
        return text.split(separator: ",").contains { String($0).trimmingSpaces == "Prune=false" }
    }
}
