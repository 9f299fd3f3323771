import FerryCore

/// The comparison of one resource's desired state (from Git) with its live state.
public struct ResourceDiffResult: Sendable, Equatable {
    /// The resource compared.
    public var key: ResourceKey
    /// `Synced` when live matches desired, `OutOfSync` otherwise.
    public var status: SyncStatus
    /// The desired object exactly as given (may hold Secret data: never display it).
    public var desired: KubeObject?
    /// The live object exactly as given (may hold Secret data: never display it).
    public var live: KubeObject?
    /// Desired after normalization, ignore rules and Secret masking: safe to display.
    public var normalizedDesired: KubeObject?
    /// Live after normalization, ignore rules and Secret masking: safe to display.
    public var normalizedLive: KubeObject?
    /// True when live does not match desired.
    public var modified: Bool
    /// The unified diff of live against desired (empty when they match). Secret values are masked.
    public var unifiedDiff: String

    /// Creates a result.
    public init(key: ResourceKey, status: SyncStatus, desired: KubeObject?, live: KubeObject?,
                normalizedDesired: KubeObject? = nil, normalizedLive: KubeObject? = nil,
                modified: Bool, unifiedDiff: String) {
        self.key = key; self.status = status; self.desired = desired; self.live = live
        self.normalizedDesired = normalizedDesired; self.normalizedLive = normalizedLive
        self.modified = modified; self.unifiedDiff = unifiedDiff
    }
}
