/// Argo CD's per-application Helm settings (`spec.source.helm`), used when the path holds a `Chart.yaml`.
public struct HelmSource: Codable, Sendable, Equatable {
    /// Values files inside the repository, relative to the chart (like `helm template -f`), applied in order.
    public var valueFiles: [String]?
    /// Values as YAML text, applied after the files.
    public var values: String?
    /// Values as an object (takes precedence over `values`), applied after the files.
    public var valuesObject: Value?
    /// `--set` style parameters, applied last.
    public var parameters: [Parameter]?
    /// `--set-file` style parameters: a value read from a file inside the repository.
    public var fileParameters: [FileParameter]?
    /// The release name (default: the application's name).
    public var releaseName: String?
    /// Leave out the chart's `crds/` directory.
    public var skipCrds: Bool?
    /// Skip a missing values file instead of failing.
    public var ignoreMissingValueFiles: Bool?
    /// The Kubernetes version reported to `.Capabilities.KubeVersion`.
    public var kubeVersion: String?
    /// Extra API versions reported to `.Capabilities.APIVersions`.
    public var apiVersions: [String]?

    /// One `--set` (or `--set-string` when `forceString`) parameter.
    public struct Parameter: Codable, Sendable, Equatable {
        /// The value path, in Helm's `--set` syntax (`image.tag`, `list[0].name`).
        public var name: String
        /// The value.
        public var value: String
        /// Keep the value a string (`--set-string`).
        public var forceString: Bool?

        /// Creates a parameter.
        public init(name: String, value: String, forceString: Bool? = nil) {
            self.name = name; self.value = value; self.forceString = forceString
        }
    }

    /// One `--set-file` parameter.
    public struct FileParameter: Codable, Sendable, Equatable {
        /// The value path.
        public var name: String
        /// A file inside the repository, relative to the chart.
        public var path: String

        /// Creates a file parameter.
        public init(name: String, path: String) { self.name = name; self.path = path }
    }

    /// Creates settings; every field is optional.
    public init(valueFiles: [String]? = nil, values: String? = nil, valuesObject: Value? = nil,
                parameters: [Parameter]? = nil, fileParameters: [FileParameter]? = nil, releaseName: String? = nil,
                skipCrds: Bool? = nil, ignoreMissingValueFiles: Bool? = nil, kubeVersion: String? = nil,
                apiVersions: [String]? = nil) {
        self.valueFiles = valueFiles; self.values = values; self.valuesObject = valuesObject
        self.parameters = parameters; self.fileParameters = fileParameters; self.releaseName = releaseName
        self.skipCrds = skipCrds; self.ignoreMissingValueFiles = ignoreMissingValueFiles
        self.kubeVersion = kubeVersion; self.apiVersions = apiVersions
    }
}
