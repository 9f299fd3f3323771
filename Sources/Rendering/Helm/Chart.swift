import FerryCore
import Foundation

/// One entry of `dependencies:` in Chart.yaml (or requirements.yaml for apiVersion v1 charts).
public struct ChartDependency: Sendable, Equatable {
    /// The dependency's chart name (the name of a directory or archive under `charts/`).
    public var name: String
    /// The version constraint (informational: Ferry renders what `charts/` holds).
    public var version: String
    /// The repository URL (informational).
    public var repository: String
    /// Comma-separated value paths; the first that is a boolean enables or disables the chart.
    public var condition: String
    /// Tags: enabled when any is true, disabled when all that are set are false.
    public var tags: [String]
    /// The name the chart is known by in the parent (values key, `.Chart.Name`).
    public var alias: String
    /// `import-values`: strings (`exports.X`) or `{child, parent}` maps.
    public var importValues: [Value]

    /// The name the subchart takes in its parent.
    public var effectiveName: String { alias.isEmpty ? name : alias }

    init(_ value: Value) {
        name = value["name"]?.stringValue ?? ""
        version = value["version"]?.stringValue ?? ""
        repository = value["repository"]?.stringValue ?? ""
        condition = value["condition"]?.stringValue ?? ""
        tags = value["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        alias = value["alias"]?.stringValue ?? ""
        importValues = value["import-values"]?.arrayValue ?? []
    }
}

/// The parsed `Chart.yaml`.
public struct ChartMetadata: Sendable {
    /// The raw document.
    public var raw: Value
    /// `name`.
    public var name: String
    /// `version` (SemVer 2).
    public var version: String
    /// `apiVersion`: `v1` or `v2`.
    public var apiVersion: String
    /// `type`: `application` (default) or `library`.
    public var type: String
    /// `kubeVersion`: a SemVer constraint on the cluster version, or empty.
    public var kubeVersion: String
    /// `dependencies` (or requirements.yaml's for v1 charts).
    public var dependencies: [ChartDependency]

    /// True for `type: library`: its templates define helpers only and are never rendered.
    public var isLibrary: Bool { type == "library" }

    /// Parses and validates Chart.yaml text; `file` names it in errors.
    public init(yaml text: String, file: String) throws {
        let value = try YAML.parse(text, file: file, dialect: .yaml11)
        guard case .object = value else { throw RenderError(file: file, message: "chart metadata (Chart.yaml) is not a mapping") }
        raw = value
        func string(_ key: String) -> String {
            switch value[key] {
            case .string(let s)?: return s
            case .int(let i)?: return String(i)
            case .double(let d)?: return YAML.formatGoFloat(d, bitSize: 32)  // sigs.k8s.io/yaml into a string field
            case .bool(let b)?: return b ? "true" : "false"  // `name: n` is the chart "false", as in Helm
            default: return ""
            }
        }
        apiVersion = string("apiVersion")
        name = string("name")
        version = string("version")
        type = string("type")
        kubeVersion = string("kubeVersion")
        dependencies = value["dependencies"]?.arrayValue?.map(ChartDependency.init) ?? []
        if apiVersion.isEmpty { throw RenderError(file: file, message: "validation: chart.metadata.apiVersion is required") }
        if name.isEmpty { throw RenderError(file: file, message: "validation: chart.metadata.name is required") }
        if version.isEmpty { throw RenderError(file: file, message: "validation: chart.metadata.version is required") }
        if !["", "application", "library"].contains(type) {
            throw RenderError(file: file, message: "validation: chart.metadata.type must be application or library")
        }
    }

    /// `.Chart` as templates see it: Go's `chart.Metadata` field names, every field present.
    public var templateValue: Value {
        func str(_ key: String) -> Value {
            switch raw[key] {
            case .string(let s)?: return .string(s)
            case .int(let i)?: return .string(String(i))
            case .double(let d)?: return .string(YAML.formatGoFloat(d, bitSize: 32))
            case .bool(let b)?: return .string(b ? "true" : "false")
            default: return .string("")
            }
        }
        let deps: Value = raw["dependencies"].map { deps in
            .array((deps.arrayValue ?? []).map { dep in
                var out: Value = .emptyObject
                for (key, goKey) in [("name", "name"), ("version", "version"), ("repository", "repository"),
                                     ("condition", "condition"), ("tags", "tags"), ("enabled", "enabled"),
                                     ("import-values", "import-values"), ("alias", "alias")] {
                    if let v = dep[key] { out[goKey] = v }
                }
                return out
            })
        } ?? .null
        return [
            "Name": .string(name), "Home": str("home"), "Sources": raw["sources"] ?? .null,
            "Version": .string(version), "Description": str("description"), "Keywords": raw["keywords"] ?? .null,
            "Maintainers": raw["maintainers"] ?? .null, "Icon": str("icon"), "APIVersion": .string(apiVersion),
            "Condition": str("condition"), "Tags": str("tags"), "AppVersion": str("appVersion"),
            "Deprecated": .bool(raw["deprecated"]?.boolValue ?? false), "Annotations": raw["annotations"] ?? .null,
            "KubeVersion": .string(kubeVersion), "Dependencies": deps, "Type": .string(type),
        ]
    }
}

/// A loaded chart: metadata, default values, templates, other files and its subcharts.
public struct Chart: Sendable {
    /// Chart.yaml.
    public var metadata: ChartMetadata
    /// values.yaml (numbers as Go's float64, like Helm).
    public var values: Value
    /// values.schema.json, if present.
    public var schema: Value?
    /// `templates/…` files: path relative to the chart root and text.
    public var templates: [(path: String, text: String)]
    /// `crds/…` files.
    public var crds: [(path: String, data: Data)]
    /// Every file that is not Chart.yaml, values.yaml, a template or a subchart (what `.Files` reads).
    public var files: [String: Data]
    /// Subcharts from `charts/` (before conditions, tags and aliases are applied).
    public var dependencies: [Chart]

    /// The chart's name in its parent (the alias once applied).
    public var name: String { metadata.name }
}
