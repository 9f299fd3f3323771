import FerryCore
import KubeClient

extension SyncExecutor {
    /// Server-side applies one object and classifies the outcome against what was there before.
    func apply(_ object: KubeObject, _ context: Context) async -> ResourceResult {
        let key = object.key
        let suffix = context.options.dryRun ? "server dry run" : ""
        do {
            let (before, after) = try await retryingUnknownKind(object.gvk) {
                try await applyOnce(object, context.options)
            }
            return ResourceResult(key: key, action: Self.outcome(before: before, after: after, dryRun: context.options.dryRun),
                                  message: suffix)
        } catch let error as KubeError where context.options.dryRun {
            if let reason = Self.dryRunSkipReason(error, object, context) {
                return ResourceResult(key: key, action: .skipped, message: reason)
            }
            return ResourceResult(key: key, action: .failed, message: "\(key): apply failed: \(error)")
        } catch {
            return ResourceResult(key: key, action: .failed, message: "\(key): apply failed: \(error)")
        }
    }

    /// In a dry run, objects that depend on a CRD or Namespace the same sync creates cannot be validated yet.
    static func dryRunSkipReason(_ error: KubeError, _ object: KubeObject, _ context: Context) -> String? {
        if error == .unknownKind(object.gvk), context.crds.defines(object.gvk) {
            return "server dry run: its CustomResourceDefinition is not created yet"
        }
        if error.code == 404, context.namespaces.contains(object.namespace) {
            return "server dry run: namespace \"\(object.namespace)\" is not created yet"
        }
        return nil
    }

    /// Deletes one orphan with background propagation (nothing is deleted in a dry run).
    func prune(_ object: KubeObject, _ context: Context) async -> ResourceResult {
        let key = object.key
        if context.options.dryRun { return ResourceResult(key: key, action: .deleted, message: "dry run") }
        do {
            try await withDeadline(context.options.applyTimeout, what: "\(key): delete") { [api] in
                try await api.delete(object.gvk, namespace: object.namespace, name: object.name,
                                     propagation: .background)
            }
            return ResourceResult(key: key, action: .deleted)
        } catch {
            return ResourceResult(key: key, action: .failed, message: "\(key): delete failed: \(error)")
        }
    }

    private func applyOnce(_ object: KubeObject, _ options: SyncOptions) async throws -> (KubeObject?, KubeObject) {
        let applyOptions = ApplyOptions(fieldManager: options.fieldManager, force: true, dryRun: options.dryRun)
        return try await withDeadline(options.applyTimeout, what: "\(object.key): apply") { [api] in
            let before = try await api.get(object.gvk, namespace: object.namespace, name: object.name)
            let after = try await api.apply(object, options: applyOptions)
            return (before, after)
        }
    }

    /// Runs `body`; when the server does not know the kind (a CRD applied moments ago), re-reads discovery
    /// once and tries again.
    private func retryingUnknownKind<T>(_ gvk: GroupVersionKind, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as KubeError where error == .unknownKind(gvk) {
            _ = try await api.resources(refresh: true)
            return try await body()
        }
    }

    /// `created` when nothing was there; `unchanged` when the server kept the resourceVersion or the object
    /// is the same apart from bookkeeping fields; `configured` otherwise. A dry run never bumps the
    /// resourceVersion, so there only the content counts.
    static func outcome(before: KubeObject?, after: KubeObject, dryRun: Bool) -> ResourceAction {
        guard let before else { return .created }
        let version: (KubeObject) -> String? = { $0.value[path: ["metadata", "resourceVersion"]]?.stringValue }
        if !dryRun, let old = version(before), old == version(after) { return .unchanged }
        return comparable(before).semanticallyEquals(comparable(after)) ? .unchanged : .configured
    }

    /// The object without fields the server changes on its own.
    private static func comparable(_ object: KubeObject) -> Value {
        var value = object.value
        for field in ["resourceVersion", "managedFields", "generation", "creationTimestamp", "uid"] {
            value[path: ["metadata", field]] = nil
        }
        value["status"] = nil
        return value
    }
}
