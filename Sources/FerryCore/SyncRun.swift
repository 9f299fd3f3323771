import Foundation

/// One sync (or rollback) of an application: what was applied, to what effect. Append-only history.
public struct SyncRun: Codable, Sendable, Equatable {
    public var id: Int64
    public var app: String
    public var revision: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var phase: SyncRunPhase
    public var message: String
    public var initiatedBy: String
    /// The id of the run whose manifests this run re-applied.
    public var rollbackOf: Int64?
    public var resources: [ResourceResult]
    /// The exact manifests applied, as a YAML stream.
    public var manifests: String

    public init(id: Int64 = 0, app: String, revision: String, startedAt: Date, finishedAt: Date? = nil,
                phase: SyncRunPhase = .running, message: String = "", initiatedBy: String,
                rollbackOf: Int64? = nil, resources: [ResourceResult] = [], manifests: String = "") {
        self.id = id; self.app = app; self.revision = revision; self.startedAt = startedAt
        self.finishedAt = finishedAt; self.phase = phase; self.message = message
        self.initiatedBy = initiatedBy; self.rollbackOf = rollbackOf; self.resources = resources
        self.manifests = manifests
    }
}

/// What a sync did to one resource.
public struct ResourceResult: Codable, Sendable, Equatable, CustomStringConvertible {
    public var group: String
    public var kind: String
    public var namespace: String
    public var name: String
    public var action: ResourceAction
    public var message: String

    public init(key: ResourceKey, action: ResourceAction, message: String = "") {
        group = key.group; kind = key.kind; namespace = key.namespace; name = key.name
        self.action = action; self.message = message
    }

    public var key: ResourceKey { ResourceKey(group: group, kind: kind, namespace: namespace, name: name) }

    /// `Deployment/prod/web configured`
    public var description: String {
        "\(key) \(action.rawValue)" + (message.isEmpty ? "" : ": \(message)")
    }
}
