import FerryCore

/// A Helm hook (`helm.sh/hook`) and how Ferry's sync phases run it.
///
/// Mapping (as Argo CD does for Helm charts): `pre-install`/`pre-upgrade` → `PreSync`,
/// `post-install`/`post-upgrade` → `PostSync`, `helm.sh/hook-weight` → sync wave, delete policies
/// `before-hook-creation`/`hook-succeeded`/`hook-failed` → `BeforeHookCreation`/`HookSucceeded`/`HookFailed`.
/// Hooks of other events (`test`, `pre-delete`, `post-delete`, `pre-rollback`, `post-rollback`) are not
/// part of a sync and are left out of the objects Ferry applies.
public struct HelmHook: Sendable, Equatable {
    /// The Helm annotation naming the hook events.
    public static let hookAnnotation = "helm.sh/hook"
    /// The Helm annotation ordering hooks (an integer, default 0).
    public static let weightAnnotation = "helm.sh/hook-weight"
    /// The Helm annotation listing when a hook resource is deleted.
    public static let deletePolicyAnnotation = "helm.sh/hook-delete-policy"
    /// Argo CD's hook delete policy annotation, which Ferry's sync reads.
    public static let argoDeletePolicy = "argocd.argoproj.io/hook-delete-policy"

    static let knownEvents: Set<String> = ["pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade",
                                           "post-upgrade", "pre-rollback", "post-rollback", "test", "test-success"]

    /// The events, lower-cased, in annotation order.
    public var events: [String]
    /// `helm.sh/hook-weight`.
    public var weight: Int
    /// `helm.sh/hook-delete-policy` entries.
    public var deletePolicies: [String]

    /// Reads the annotations; nil when the object is not a hook.
    public init?(_ object: KubeObject) {
        guard let raw = object.annotations[Self.hookAnnotation] else { return nil }
        events = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        weight = Int(object.annotations[Self.weightAnnotation]?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        deletePolicies = (object.annotations[Self.deletePolicyAnnotation] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// False when an event is unknown: Helm skips such documents entirely.
    var isKnown: Bool { events.allSatisfy(Self.knownEvents.contains) }

    /// The Ferry/Argo sync phases this hook runs in (empty: not part of a sync).
    public var syncPhases: [String] {
        var phases: [String] = []
        for event in events {
            let phase: String? = switch event {
            case "pre-install", "pre-upgrade": "PreSync"
            case "post-install", "post-upgrade": "PostSync"
            default: nil
            }
            if let phase, !phases.contains(phase) { phases.append(phase) }
        }
        return phases
    }

    /// The object annotated for Ferry's sync (nil when the hook has no sync phase). Existing Argo
    /// annotations are kept: a chart written for Argo CD says what it means.
    public func annotate(_ object: KubeObject) -> KubeObject? {
        let phases = syncPhases
        guard !phases.isEmpty else { return nil }
        var out = object
        if out.annotations[WellKnown.hook] == nil { out.setAnnotation(WellKnown.hook, phases.joined(separator: ",")) }
        if out.annotations[WellKnown.syncWave] == nil { out.setAnnotation(WellKnown.syncWave, String(weight)) }
        let mapped = deletePolicies.compactMap { policy -> String? in
            switch policy {
            case "before-hook-creation": "BeforeHookCreation"
            case "hook-succeeded": "HookSucceeded"
            case "hook-failed": "HookFailed"
            default: nil
            }
        }
        if !mapped.isEmpty, out.annotations[Self.argoDeletePolicy] == nil {
            out.setAnnotation(Self.argoDeletePolicy, mapped.joined(separator: ","))
        }
        return out
    }
}
