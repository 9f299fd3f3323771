/// Argo CD's per-application Kustomize settings (`spec.source.kustomize`): edits applied to the app's
/// kustomization before it is built, as `kustomize edit set|add …` would make them.
public struct KustomizeOverrides: Codable, Sendable, Equatable {
    /// Replaces the kustomization's `namePrefix`.
    public var namePrefix: String?
    /// Replaces the kustomization's `nameSuffix`.
    public var nameSuffix: String?
    /// Image overrides in `kustomize edit set image` syntax: `name=newName:tag`, `name:tag`, `name@digest`, …
    public var images: [String]?
    /// Replaces the kustomization's `namespace`.
    public var namespace: String?
    /// Labels added to `commonLabels`; an existing key is an error unless `forceCommonLabels`.
    public var commonLabels: [String: String]?
    /// Annotations added to `commonAnnotations`; an existing key is an error unless `forceCommonAnnotations`.
    public var commonAnnotations: [String: String]?
    /// Lets `commonLabels` overwrite labels the kustomization already sets.
    public var forceCommonLabels: Bool?
    /// Lets `commonAnnotations` overwrite annotations the kustomization already sets.
    public var forceCommonAnnotations: Bool?
    /// Replica counts by workload name, replacing entries of the same name.
    public var replicas: [Replica]?

    /// One `replicas` override. Argo CD accepts the count as a number or a string.
    public struct Replica: Codable, Sendable, Equatable {
        /// The workload's name (before prefixes and suffixes).
        public var name: String
        /// The replica count.
        public var count: Int

        /// Creates an override.
        public init(name: String, count: Int) { self.name = name; self.count = count }

        enum CodingKeys: String, CodingKey { case name, count }

        /// Decodes `count` from a number or a decimal string, as Argo CD's `intstr` does.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            if let n = try? c.decode(Int.self, forKey: .count) {
                count = n
            } else {
                let text = try c.decode(String.self, forKey: .count)
                guard let n = Int(text) else {
                    throw DecodingError.dataCorruptedError(forKey: .count, in: c,
                                                           debugDescription: "replica count '\(text)' is not an integer")
                }
                count = n
            }
        }
    }

    /// Creates overrides; every field is optional.
    public init(namePrefix: String? = nil, nameSuffix: String? = nil, images: [String]? = nil, namespace: String? = nil,
                commonLabels: [String: String]? = nil, commonAnnotations: [String: String]? = nil,
                forceCommonLabels: Bool? = nil, forceCommonAnnotations: Bool? = nil, replicas: [Replica]? = nil) {
        self.namePrefix = namePrefix; self.nameSuffix = nameSuffix; self.images = images; self.namespace = namespace
        self.commonLabels = commonLabels; self.commonAnnotations = commonAnnotations
        self.forceCommonLabels = forceCommonLabels; self.forceCommonAnnotations = forceCommonAnnotations
        self.replicas = replicas
    }

    /// True when no field is set.
    public var isEmpty: Bool { self == KustomizeOverrides() }
}
