import FerryCore

/// Building a `PatchSchema` from raw OpenAPI v2 definitions — a custom schema such as kustomize's
/// `openapi: {path: …}` names — instead of the compact bundled form.
///
/// The conversion keeps what `scripts/generate-patch-schema.py` keeps: the apiVersion/kind index from
/// `x-kubernetes-group-version-kind` (the first definition in name order wins a kind), and per definition the
/// fields that refer to another type (`$ref`, directly, as list items or as map values) or carry patch,
/// list or map metadata. Unlike the generator it also follows inline object schemas (a `properties` block
/// with no `$ref`), as hand-written custom schemas often nest them: each becomes a type named after its
/// place, `Definition/field`, with `[]` for list items and `{}` for map values.
extension PatchSchema {
    /// Builds a schema from an OpenAPI v2 document: a mapping whose `definitions` (or `$defs`) member maps
    /// definition names to schemas. A document without definitions gives an empty schema. Throws a
    /// `PatchError` naming the definition and field when the document or an extension has the wrong shape.
    public init(openAPIDefinitions document: Value) throws {
        guard case .object = document else {
            throw PatchError("OpenAPI schema: expected a mapping with 'definitions', found \(document.typeName)")
        }
        let definitions = document["definitions"] ?? document["$defs"] ?? .null
        var converter = OpenAPIConverter()
        switch definitions {
        case .null:
            break
        case .object(let members):
            for name in members.keys.sorted() {
                try converter.addDefinition(name, members[name] ?? .null)
            }
        default:
            throw PatchError("OpenAPI schema: 'definitions' must be a mapping of names to schemas, found \(definitions.typeName)")
        }
        self.init(storage: Storage(kinds: converter.kinds, types: converter.types, loadError: nil))
    }

    /// This schema with `other`'s kinds and types added; where both define a kind or a type, `other`'s wins
    /// (the way kustomize indexes a custom schema on top of definitions it has already read).
    public func merging(_ other: PatchSchema) -> PatchSchema {
        let kinds = storage.kinds.merging(other.storage.kinds) { _, new in new }
        let types = storage.types.merging(other.storage.types) { _, new in new }
        return PatchSchema(storage: Storage(kinds: kinds, types: types, loadError: storage.loadError))
    }

    /// The number of apiVersion/kind pairs the schema indexes.
    public var kindCount: Int { storage.kinds.count }
}

/// Walks OpenAPI definitions into the tables behind a `PatchSchema`.
struct OpenAPIConverter {
    static let refPrefixes = ["#/definitions/", "#/$defs/"]

    var kinds: [String: String] = [:]
    var types: [String: TypeInfo] = [:]

    mutating func addDefinition(_ name: String, _ schema: Value) throws {
        guard case .object = schema else {
            throw PatchError("OpenAPI schema: definition '\(name)' must be a mapping, found \(schema.typeName)")
        }
        for apiVersionKind in try Self.groupVersionKinds(schema, definition: name) where kinds[apiVersionKind] == nil {
            kinds[apiVersionKind] = name
        }
        try addType(name, schema, definition: name)
    }

    /// `x-kubernetes-group-version-kind` as `apiVersion/kind` keys (`apps/v1/Deployment`, `v1/Pod`).
    static func groupVersionKinds(_ schema: Value, definition: String) throws -> [String] {
        guard let list = schema["x-kubernetes-group-version-kind"], !list.isNull else { return [] }
        guard let entries = list.arrayValue else {
            throw PatchError("OpenAPI schema: definition '\(definition)': x-kubernetes-group-version-kind must be a list, found \(list.typeName)")
        }
        return try entries.map { entry in
            guard let version = entry["version"]?.stringValue, let kind = entry["kind"]?.stringValue else {
                throw PatchError("OpenAPI schema: definition '\(definition)': each x-kubernetes-group-version-kind entry needs string 'version' and 'kind'")
            }
            let group = entry["group"]?.stringValue ?? ""
            return (group.isEmpty ? version : "\(group)/\(version)") + "/" + kind
        }
    }

    /// Records the type `name` when one of its fields or its map type matters for patching.
    mutating func addType(_ name: String, _ schema: Value, definition: String) throws {
        var info = TypeInfo()
        for (field, property) in schema["properties"]?.objectValue ?? [:] {
            if let fieldInfo = try self.field(property, place: "\(name)/\(field)", definition: definition) {
                info.fields[field] = fieldInfo
            }
        }
        info.mapType = try Self.string(schema, "x-kubernetes-map-type", at: name)
        if !info.fields.isEmpty || info.mapType != nil { types[name] = info }
    }

    /// The patch metadata of one property, or nil when it has none and refers to no type.
    mutating func field(_ schema: Value, place: String, definition: String) throws -> FieldInfo? {
        guard case .object = schema else { return nil }
        var info = FieldInfo()
        info.type = try typeName(schema, place: place, definition: definition)
        if let items = schema["items"], case .object = items {
            info.container = "list"
            if let type = try typeName(items, place: place + "[]", definition: definition) { info.type = type }
        }
        if let values = schema["additionalProperties"], case .object = values,
           let type = try typeName(values, place: place + "{}", definition: definition) {
            info.container = "map"
            info.type = type
        }
        info.mergeKey = try Self.string(schema, "x-kubernetes-patch-merge-key", at: place)
        info.listType = try Self.string(schema, "x-kubernetes-list-type", at: place)
        info.mapType = try Self.string(schema, "x-kubernetes-map-type", at: place)
        if let strategy = try Self.string(schema, "x-kubernetes-patch-strategy", at: place) {
            info.strategies = strategy.split(separator: ",").map(String.init)
        }
        if let keys = schema["x-kubernetes-list-map-keys"], !keys.isNull {
            guard let list = keys.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw PatchError("OpenAPI schema: \(place): x-kubernetes-list-map-keys must be a list of strings")
            }
            info.listMapKeys = list.compactMap(\.stringValue)
        }
        let hasMetadata = info.type != nil || !info.strategies.isEmpty || info.mergeKey != nil
            || info.listType != nil || !info.listMapKeys.isEmpty || info.mapType != nil
        return hasMetadata ? info : nil
    }

    /// The type a schema stands for: its `$ref` target, or for an inline object schema with properties
    /// that matter, a type recorded under `place`.
    mutating func typeName(_ schema: Value, place: String, definition: String) throws -> String? {
        if let ref = schema["$ref"] {
            guard let text = ref.stringValue, let prefix = Self.refPrefixes.first(where: text.hasPrefix) else {
                throw PatchError("OpenAPI schema: \(place): $ref must point into #/definitions/, found \(JSON.encode(ref))")
            }
            return String(text.dropFirst(prefix.count))
        }
        guard schema["properties"]?.objectValue?.isEmpty == false || schema["x-kubernetes-map-type"] != nil else { return nil }
        try addType(place, schema, definition: definition)
        return types[place] == nil ? nil : place
    }

    /// An extension that must be a string when present.
    static func string(_ schema: Value, _ key: String, at place: String) throws -> String? {
        guard let value = schema[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw PatchError("OpenAPI schema: \(place): \(key) must be a string, found \(value.typeName)")
        }
        return text
    }
}

extension TypeInfo {
    /// A type with no fields and no map type.
    init() {}
}

extension FieldInfo {
    /// A field with no metadata.
    init() {}
}
