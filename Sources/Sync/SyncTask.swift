import FerryCore

/// The phases of a sync, in execution order (`SyncFail` runs only after a failure).
public enum SyncPhase: String, Sendable, Comparable, CaseIterable {
    case preSync = "PreSync", sync = "Sync", postSync = "PostSync", syncFail = "SyncFail"

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    /// Execution order.
    public static func < (a: SyncPhase, b: SyncPhase) -> Bool { a.order < b.order }
}

/// One step of a plan: apply or prune one object, or create the destination namespace.
public struct SyncTask: Sendable, CustomStringConvertible {
    /// What the step does.
    public enum Action: Sendable {
        /// Server-side apply of the prepared desired object.
        case apply(KubeObject)
        /// Delete of a tracked live object that is no longer desired.
        case prune(KubeObject)
        /// Apply of the destination Namespace (the task's key names it).
        case createNamespace
    }

    /// The phase the task runs in.
    public var phase: SyncPhase
    /// The wave inside the phase (lower first).
    public var wave: Int
    /// The object the task acts on.
    public var key: ResourceKey
    /// What to do.
    public var action: Action

    /// A task.
    public init(phase: SyncPhase, wave: Int, key: ResourceKey, action: Action) {
        self.phase = phase; self.wave = wave; self.key = key; self.action = action
    }

    /// True for prune tasks.
    public var isPrune: Bool { if case .prune = action { return true }; return false }

    /// The verb shown in the plan: `apply` or `prune`.
    public var verb: String { isPrune ? "prune" : "apply" }

    /// `PreSync  wave 0  apply  Namespace/demo`
    public var description: String {
        "\(phase.rawValue.padding(8)) wave \(wave)  \(verb)  \(key)"
    }
}

extension String {
    /// The string right-padded with spaces to `width`.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
