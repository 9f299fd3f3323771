import FerryCore
import Foundation
import GoTemplate

/// Parameters of a Helm render: what `helm template` takes on its command line.
public struct HelmOptions: Sendable {
    /// `.Release.Name`.
    public var releaseName: String
    /// `.Release.Namespace`.
    public var namespace: String
    /// Values files (`-f`), read from the tree relative to the chart directory (`../` may reach elsewhere
    /// in the repository, never outside it), as Argo CD's `helm.valueFiles`.
    public var valueFiles: [String]
    /// Skip a values file that does not exist instead of failing (Argo CD's `ignoreMissingValueFiles`).
    public var ignoreMissingValueFiles = false
    /// Inline values (YAML documents), merged in order after the values files (Argo CD's `helm.values`;
    /// the CLI hands local `-f` files in here).
    public var valuesYAML: [String]
    /// Inline values as a value, merged after `valuesYAML` (Argo CD's `helm.valuesObject`).
    public var values: Value
    /// `--set-json` expressions.
    public var setJSON: [String]
    /// `--set` expressions.
    public var set: [String]
    /// `--set-string` expressions.
    public var setString: [String]
    /// `--set-file` expressions (`key=path`, paths relative to the chart directory).
    public var setFile: [String]
    /// `--set-literal` expressions (`key=text`, the text taken as it is).
    public var setLiteral: [String] = []
    /// `--kube-version` (`v1.30.0`, `1.30`); nil for Helm's default.
    public var kubeVersion: String?
    /// `--api-versions`, added to the default capabilities.
    public var apiVersions: [String]
    /// `--include-crds`: put `crds/` files in the output.
    public var includeCRDs: Bool
    /// `--skip-crds`: leave them out even when `includeCRDs` is set.
    public var skipCRDs: Bool
    /// `.Release.IsUpgrade` (and not `IsInstall`).
    public var isUpgrade: Bool
    /// Where Sprig's clock and randomness come from.
    public var sprig: SprigSettings
    /// For a process that exits right after rendering (`ferry render`): the parsed templates, very many small
    /// objects, are left for the exit to reclaim instead of being freed. A long-running process frees them.
    public var leavesParsedTemplatesToExit = false

    /// Creates options with `helm template`'s defaults.
    public init(releaseName: String = "release-name", namespace: String = "default", valueFiles: [String] = [],
                valuesYAML: [String] = [], values: Value = .emptyObject, setJSON: [String] = [], set: [String] = [],
                setString: [String] = [], setFile: [String] = [], kubeVersion: String? = nil, apiVersions: [String] = [],
                includeCRDs: Bool = false, skipCRDs: Bool = false, isUpgrade: Bool = false, sprig: SprigSettings = SprigSettings()) {
        self.releaseName = releaseName; self.namespace = namespace; self.valueFiles = valueFiles
        self.valuesYAML = valuesYAML; self.values = values; self.setJSON = setJSON; self.set = set
        self.setString = setString; self.setFile = setFile; self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions; self.includeCRDs = includeCRDs; self.skipCRDs = skipCRDs
        self.isUpgrade = isUpgrade; self.sprig = sprig
    }
}

/// Deterministic time and randomness for Sprig functions, so renders can be reproduced in tests.
public struct SprigSettings: Sendable {
    /// A seed for `randAlphaNum`, `genCA`…; nil for the system generator.
    public var seed: UInt64?
    /// The time `now` returns; nil for the clock.
    public var now: Date?
    /// Creates settings (defaults: real clock and randomness).
    public init(seed: UInt64? = nil, now: Date? = nil) { self.seed = seed; self.now = now }
}

/// Helm's default capabilities for `helm template` (client-only): the Kubernetes version and the
/// group/versions Helm's built-in scheme knows.
enum HelmCapabilities {
    static let defaultKubeVersion = "v1.36.0"
    static let helmVersion = "v4.0.0"
    static let defaultAPIVersions = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
        "admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1",
        "apps/v1beta2", "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
        "batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", "discovery.k8s.io/v1",
        "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3", "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "node.k8s.io/v1",
        "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1", "rbac.authorization.k8s.io/v1",
        "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1",
        "resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1alpha2",
        "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1",
        "storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1",
    ]

    /// `.Capabilities` for the options; throws for an unparsable `--kube-version`.
    static func value(_ options: HelmOptions) throws -> Value {
        var version = defaultKubeVersion
        if let requested = options.kubeVersion {
            guard let parsed = SemVer(requested) else {
                throw RenderError(file: "", message: "invalid kube version '\(requested)': expected v<major>.<minor>[.<patch>]")
            }
            version = "v\(parsed.major).\(parsed.minor).\(parsed.patch)"
        }
        let parts = version.dropFirst().split(separator: ".")
        let major = parts.first.map(String.init) ?? "", minor = parts.count > 1 ? String(parts[1]) : ""
        let apiVersions = defaultAPIVersions + options.apiVersions.filter { !defaultAPIVersions.contains($0) }
        return [
            "APIVersions": .array(apiVersions.map(Value.string)),
            // An action prints KubeVersion through its String() method (`v1.x.y`); functions get the struct.
            "KubeVersion": GoStringer.object(["Version": .string(version), "Major": .string(major), "Minor": .string(minor),
                                              "GitVersion": .string(version)],
                                             string: version, argumentForm: "{\(version) \(version) \(major) \(minor)}"),
            "HelmVersion": ["Version": .string(helmVersion), "GitCommit": "", "GitTreeState": "", "GoVersion": ""],
        ]
    }
}
