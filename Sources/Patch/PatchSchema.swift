import FerryCore
import Foundation

/// The patch metadata of the Kubernetes built-in types: for each type, which fields hold other types,
/// lists or maps, and how lists merge (`x-kubernetes-patch-strategy`, `x-kubernetes-patch-merge-key`,
/// `x-kubernetes-list-type`, `x-kubernetes-list-map-keys`), plus the apiVersion/kind → type index.
///
/// `PatchSchema.kubernetes` reads `patch-schema.json` (derived from the Kubernetes 1.37 OpenAPI
/// definitions by `scripts/generate-patch-schema.py`) the first time it is used, once per process.
public struct PatchSchema: Sendable {
    let storage: Storage

    /// The built-in Kubernetes 1.37 types. Loaded lazily and thread-safely on first use; if the bundled
    /// file cannot be read the schema is empty (every kind patches with JSON merge semantics) and
    /// `loadError` says why.
    public static let kubernetes: PatchSchema = {
        do { return try PatchSchema.loadBundled() } catch {
            return PatchSchema(storage: Storage(kinds: [:], types: [:], loadError: "\(error)"))
        }
    }()

    /// Why the bundled schema could not be loaded, or nil when it was.
    public var loadError: String? { storage.loadError }

    /// Builds a schema from the compact JSON form that `scripts/generate-patch-schema.py` writes.
    public init(compactJSON document: Value) throws {
        guard let kinds = document["kinds"]?.objectValue, let types = document["types"]?.objectValue else {
            throw PatchError("patch schema: expected top-level 'kinds' and 'types' objects")
        }
        var kindIndex: [String: String] = [:]
        for (key, name) in kinds { if let name = name.stringValue { kindIndex[key] = name } }
        var typeIndex: [String: TypeInfo] = [:]
        for (name, entry) in types { typeIndex[name] = TypeInfo(entry) }
        storage = Storage(kinds: kindIndex, types: typeIndex, loadError: nil)
    }

    init(storage: Storage) { self.storage = storage }

    /// Reads the compact schema from a file.
    public static func load(from url: URL) throws -> PatchSchema {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PatchError("patch schema: cannot read \(url.path): \(error.localizedDescription)")
        }
        do { return try PatchSchema(compactJSON: try JSON.parse(data)) } catch let error as PatchError { throw error } catch {
            throw PatchError("patch schema: \(url.path): \(error)")
        }
    }

    private static func loadBundled() throws -> PatchSchema {
        let candidates = bundledFileCandidates()
        guard let url = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) else {
            throw PatchError("patch schema: patch-schema.json not found (looked in "
                             + candidates.map(\.path).joined(separator: ", ") + ")")
        }
        return try load(from: url)
    }

    /// Where the resource can be: SwiftPM's resource bundle beside the executable (how `swift build` and
    /// `swift test` lay it out, and how an install must copy it), or the source tree for development builds.
    /// `Bundle.module` is not used because it stops the process when the bundle is missing.
    static func bundledFileCandidates() -> [URL] {
        var directories = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            directories.append(executable)
        }
        var candidates: [URL] = []
        for directory in directories {
            for bundle in ["Ferry_Patch.resources", "Ferry_Patch.bundle", "Ferry_Patch.bundle/Contents/Resources"] {
                candidates.append(directory.appendingPathComponent(bundle).appendingPathComponent("patch-schema.json"))
            }
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources/patch-schema.json"))
        return candidates
    }

    /// The schema of a top-level kind (`apiVersion` as in manifests: `v1`, `apps/v1`), or nil when the kind
    /// is not a built-in type (custom resources), in which case strategic merge falls back to JSON merge.
    public func type(apiVersion: String, kind: String) -> Node? {
        guard let name = storage.kinds[apiVersion + "/" + kind] else { return nil }
        return Node(storage: storage, shape: .named(name))
    }

    /// The schema of a whole object, from its own `apiVersion` and `kind` members; nil for custom resources.
    public func type(of object: Value) -> Node? {
        type(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? "")
    }

    /// The schema of a definition by its OpenAPI name (`io.k8s.api.core.v1.PodSpec`), or nil when unknown.
    public func type(named name: String) -> Node? {
        storage.types[name] == nil && !storage.kinds.values.contains(name) ? nil : Node(storage: storage, shape: .named(name))
    }
}

extension PatchSchema {
    /// One type in the schema: an object with known fields, or a map whose values all have one type.
    public struct Node: Sendable, CustomStringConvertible {
        let storage: Storage
        let shape: Shape

        enum Shape: Sendable { case named(String), mapOf(String) }

        /// The OpenAPI definition name (for a map of values, `map[name]`).
        public var name: String {
            switch shape {
            case .named(let name): name
            case .mapOf(let name): "map[\(name)]"
            }
        }

        /// Same as `name`.
        public var description: String { name }

        /// `x-kubernetes-map-type` of the definition (`atomic` or `granular`), if set.
        public var mapType: String? {
            guard case .named(let name) = shape else { return nil }
            return storage.types[name]?.mapType
        }

        /// The metadata of field `name`, or nil when the schema says nothing about it (a scalar, a plain map
        /// of scalars, or an unknown field).
        public func field(_ name: String) -> Field? {
            switch shape {
            case .named(let type): return storage.types[type]?.fields[name].map { Field(name: name, info: $0, storage: storage) }
            case .mapOf(let type): return Field(name: name, info: FieldInfo(type: type), storage: storage)
            }
        }
    }

    /// The patch metadata of one field.
    public struct Field: Sendable {
        /// The field's JSON name.
        public let name: String
        let info: FieldInfo
        let storage: Storage

        /// `x-kubernetes-patch-strategy` split at commas (`merge`, `replace`, `retainKeys`).
        public var patchStrategies: [String] { info.strategies }
        /// `x-kubernetes-patch-merge-key`, for lists that merge item by item.
        public var patchMergeKey: String? { info.mergeKey }
        /// `x-kubernetes-list-type`: `atomic`, `set` or `map`.
        public var listType: String? { info.listType }
        /// `x-kubernetes-list-map-keys`, for `map` lists.
        public var listMapKeys: [String] { info.listMapKeys }
        /// `x-kubernetes-map-type`: `atomic` or `granular`.
        public var mapType: String? { info.mapType }
        /// True for list fields.
        public var isList: Bool { info.container == "list" }
        /// The strategy other than `retainKeys` (`merge` or `replace`), if any.
        public var patchStrategy: String? { info.strategies.first { $0 != "retainKeys" } }
        /// True when the field's map carries the `retainKeys` strategy.
        public var retainsKeys: Bool { info.strategies.contains("retainKeys") }

        /// The schema of the field's value: for lists, of one item; for typed maps, of the map.
        public var type: Node? {
            guard let type = info.type else { return nil }
            if info.container == "map" { return Node(storage: storage, shape: .mapOf(type)) }
            return Node(storage: storage, shape: .named(type))
        }
    }
}

/// The immutable tables behind a schema.
final class Storage: Sendable {
    let kinds: [String: String]
    let types: [String: TypeInfo]
    let loadError: String?

    init(kinds: [String: String], types: [String: TypeInfo], loadError: String?) {
        self.kinds = kinds
        self.types = types
        self.loadError = loadError
    }
}

struct TypeInfo: Sendable {
    var fields: [String: FieldInfo] = [:]
    var mapType: String?

    init(_ entry: Value) {
        for (name, field) in entry["fields"]?.objectValue ?? [:] { fields[name] = FieldInfo(field) }
        mapType = entry["mapType"]?.stringValue
    }
}

struct FieldInfo: Sendable {
    var type: String?
    var container: String?
    var strategies: [String] = []
    var mergeKey: String?
    var listType: String?
    var listMapKeys: [String] = []
    var mapType: String?

    init(type: String) { self.type = type }

    init(_ entry: Value) {
        type = entry["type"]?.stringValue
        container = entry["container"]?.stringValue
        strategies = (entry["strategy"]?.stringValue ?? "").split(separator: ",").map(String.init)
        mergeKey = entry["mergeKey"]?.stringValue
        listType = entry["listType"]?.stringValue
        listMapKeys = (entry["listMapKeys"]?.arrayValue ?? []).compactMap(\.stringValue)
        mapType = entry["mapType"]?.stringValue
    }
}
