/// Whether live state matches Git: Argo CD's sync status codes.
public enum SyncStatus: String, Codable, Sendable, CaseIterable {
    case synced = "Synced"
    case outOfSync = "OutOfSync"
    case unknown = "Unknown"
}

/// Argo CD's health status codes, ordered from best to worst.
public enum HealthStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case healthy = "Healthy"
    case suspended = "Suspended"
    case progressing = "Progressing"
    case missing = "Missing"
    case degraded = "Degraded"
    case unknown = "Unknown"

    private var severity: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: HealthStatus, b: HealthStatus) -> Bool { a.severity < b.severity }
}

/// A health status with the reason for it.
public struct Health: Codable, Sendable, Equatable {
    public var status: HealthStatus
    public var message: String?
    public init(_ status: HealthStatus, _ message: String? = nil) { self.status = status; self.message = message }
}

/// What a sync did to one resource; reads like kubectl (`created`, `configured`, …).
public enum ResourceAction: String, Codable, Sendable {
    case created, configured, unchanged, deleted, skipped, failed
}

/// The outcome of a sync run.
public enum SyncRunPhase: String, Codable, Sendable {
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
}
