import Foundation

/// An application: where its manifests live in Git and where they go. Argo CD's JSON shape.
public struct Application: Codable, Sendable, Equatable {
    public var apiVersion = "argoproj.io/v1alpha1"
    public var kind = "Application"
    public var metadata: Metadata
    public var spec: ApplicationSpec
    public var status: ApplicationStatus

    public init(name: String, spec: ApplicationSpec, status: ApplicationStatus = ApplicationStatus()) {
        self.metadata = Metadata(name: name)
        self.spec = spec
        self.status = status
    }

    public var name: String { metadata.name }

    /// Object metadata of an application.
    public struct Metadata: Codable, Sendable, Equatable {
        public var name: String
        public var namespace: String?
        public var creationTimestamp: Date?
        public init(name: String, namespace: String? = nil, creationTimestamp: Date? = nil) {
            self.name = name; self.namespace = namespace; self.creationTimestamp = creationTimestamp
        }
    }
}

/// The desired state of an application.
public struct ApplicationSpec: Codable, Sendable, Equatable {
    public var source: Source
    public var destination: Destination
    public var syncPolicy: SyncPolicy?

    public init(source: Source, destination: Destination, syncPolicy: SyncPolicy? = nil) {
        self.source = source; self.destination = destination; self.syncPolicy = syncPolicy
    }

    /// True when automated sync is on.
    public var isAutomated: Bool { syncPolicy?.automated != nil }
    /// True when automated sync may prune.
    public var autoPrune: Bool { syncPolicy?.automated?.prune ?? false }
    /// True when drift in the cluster is corrected without a new commit.
    public var selfHeal: Bool { syncPolicy?.automated?.selfHeal ?? false }
    /// True when the destination namespace is created by a sync (`CreateNamespace=true`).
    public var createNamespace: Bool { syncPolicy?.syncOptions?.contains("CreateNamespace=true") ?? false }
}

/// Where manifests come from.
public struct Source: Codable, Sendable, Equatable {
    public var repoURL: String
    public var path: String
    public var targetRevision: String
    /// Argo CD's per-app Kustomize settings, applied when the path holds a kustomization.
    public var kustomize: KustomizeOverrides?
    /// Argo CD's per-app Helm settings, applied when the path holds a Chart.yaml.
    public var helm: HelmSource?
    public init(repoURL: String, path: String, targetRevision: String = "HEAD", kustomize: KustomizeOverrides? = nil,
                helm: HelmSource? = nil) {
        self.repoURL = repoURL; self.path = path; self.targetRevision = targetRevision
        self.kustomize = kustomize; self.helm = helm
    }
}

/// Where manifests go.
public struct Destination: Codable, Sendable, Equatable {
    public var server: String?
    public var namespace: String
    public init(server: String? = nil, namespace: String) { self.server = server; self.namespace = namespace }
}

/// When and how syncs happen.
public struct SyncPolicy: Codable, Sendable, Equatable {
    public var automated: Automated?
    public var syncOptions: [String]?
    public init(automated: Automated? = nil, syncOptions: [String]? = nil) {
        self.automated = automated; self.syncOptions = syncOptions
    }

    /// Automated sync settings.
    public struct Automated: Codable, Sendable, Equatable {
        public var prune: Bool
        public var selfHeal: Bool
        public init(prune: Bool = false, selfHeal: Bool = false) { self.prune = prune; self.selfHeal = selfHeal }
    }
}

/// The observed state of an application.
public struct ApplicationStatus: Codable, Sendable, Equatable {
    public var sync = SyncInfo()
    public var health = Health(.unknown)
    public var resources: [ResourceStatus] = []
    public var history: [HistoryEntry] = []
    public var conditions: [Condition] = []
    public var operationState: OperationState?
    public var reconciledAt: Date?
    /// Set by a rollback: automated sync leaves the app alone until Git moves past `revision`.
    public var pinned: Pin?

    public init() {}

    /// Sync status and the revision it was computed for.
    public struct SyncInfo: Codable, Sendable, Equatable {
        public var status: SyncStatus = .unknown
        public var revision: String?
        public init(status: SyncStatus = .unknown, revision: String? = nil) { self.status = status; self.revision = revision }
    }

    /// A rollback pin.
    public struct Pin: Codable, Sendable, Equatable {
        public var syncRunID: Int64
        public var gitRevision: String
        public init(syncRunID: Int64, gitRevision: String) { self.syncRunID = syncRunID; self.gitRevision = gitRevision }
    }
}

/// One managed resource's state within an application.
public struct ResourceStatus: Codable, Sendable, Equatable {
    public var group: String
    public var version: String
    public var kind: String
    public var namespace: String
    public var name: String
    public var status: SyncStatus
    public var health: Health?

    public init(key: ResourceKey, version: String, status: SyncStatus, health: Health?) {
        group = key.group; kind = key.kind; namespace = key.namespace; name = key.name
        self.version = version; self.status = status; self.health = health
    }

    public var key: ResourceKey { ResourceKey(group: group, kind: kind, namespace: namespace, name: name) }
}

/// A summary of one sync run, as listed in `status.history`.
public struct HistoryEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var revision: String
    public var deployedAt: Date
    public var initiatedBy: String
    public var rollbackOf: Int64?
    public init(id: Int64, revision: String, deployedAt: Date, initiatedBy: String, rollbackOf: Int64? = nil) {
        self.id = id; self.revision = revision; self.deployedAt = deployedAt
        self.initiatedBy = initiatedBy; self.rollbackOf = rollbackOf
    }
}

/// A problem that stops the app from being reconciled (bad manifest, Git error, …).
public struct Condition: Codable, Sendable, Equatable {
    public var type: String
    public var message: String
    public init(type: String, message: String) { self.type = type; self.message = message }

    public static let comparisonError = "ComparisonError"
    public static let syncError = "SyncError"
    public static let gitError = "GitError"
}

/// The last (or current) operation on the app.
public struct OperationState: Codable, Sendable, Equatable {
    public var phase: SyncRunPhase
    public var message: String
    public var syncRunID: Int64?
    public var startedAt: Date
    public var finishedAt: Date?
    public init(phase: SyncRunPhase, message: String, syncRunID: Int64? = nil, startedAt: Date, finishedAt: Date? = nil) {
        self.phase = phase; self.message = message; self.syncRunID = syncRunID
        self.startedAt = startedAt; self.finishedAt = finishedAt
    }
}
