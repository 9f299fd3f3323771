import FerryCore

/// Fields to leave out of a comparison for the resources a rule matches (Argo CD's `ignoreDifferences`).
public struct IgnoreRule: Codable, Sendable, Hashable {
    /// API group to match; `""` is the core group, `"*"` any group.
    public var group: String
    /// Kind to match, or `"*"` for any kind.
    public var kind: String
    /// Name to match; `nil` or `""` matches any name.
    public var name: String?
    /// Namespace to match; `nil` or `""` matches any namespace.
    public var namespace: String?
    /// RFC 6901 JSON pointers such as `/spec/replicas`; a `*` segment matches every array element or key.
    public var jsonPointers: [String]

    /// Creates a rule.
    public init(group: String = "", kind: String, name: String? = nil, namespace: String? = nil,
                jsonPointers: [String]) {
        self.group = group; self.kind = kind; self.name = name; self.namespace = namespace
        self.jsonPointers = jsonPointers
    }

    /// True when this rule applies to the resource named by `key`.
    public func matches(_ key: ResourceKey) -> Bool {
        Self.field(group, matches: key.group) && Self.field(kind, matches: key.kind)
            && Self.field(name ?? "", matches: key.name, emptyIsAny: true)
            && Self.field(namespace ?? "", matches: key.namespace, emptyIsAny: true)
    }

    private static func field(_ pattern: String, matches actual: String, emptyIsAny: Bool = false) -> Bool {
        pattern == "*" || pattern == actual || (emptyIsAny && pattern.isEmpty)
    }
}

/// How `Differ` compares one resource.
public struct DiffOptions: Sendable, Hashable {
    /// Fields to ignore, per matching resource.
    public var ignoreRules: [IgnoreRule]
    /// Lines of context around each change in the unified diff.
    public var contextLines: Int
    /// The server-side-apply field manager whose owned fields count even when desired no longer sets
    /// them (they are what the next apply removes); `nil` compares desired fields only.
    public var fieldManager: String?

    /// Creates options; the defaults ignore nothing, show three lines of context and detect fields
    /// removed from Git through Ferry's field manager.
    public init(ignoreRules: [IgnoreRule] = [], contextLines: Int = 3, fieldManager: String? = WellKnown.fieldManager) {
        self.ignoreRules = ignoreRules
        self.contextLines = contextLines
        self.fieldManager = fieldManager
    }

    /// Default options.
    public static let `default` = DiffOptions()

    /// The JSON pointers that apply to the resource named by `key`.
    public func ignoredPointers(for key: ResourceKey) -> [String] {
        ignoreRules.filter { $0.matches(key) }.flatMap(\.jsonPointers)
    }
}
