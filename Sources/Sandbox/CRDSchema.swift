import FerryCore
import Foundation
import Synchronization

/// A custom resource's structural schema (`spec.versions[].schema.openAPIV3Schema`) applied the way the
/// apiextensions API server applies it: unknown fields are pruned before storage (reported as strict-decoding
/// errors or warnings by `fieldValidation`), then the object is validated (`CRDSchema+Validation.swift`).
/// CEL rules (`x-kubernetes-validations`) are ignored.
enum CRDSchema {
    /// The top-level `metadata` fields `ObjectMeta` knows; others are unknown fields.
    static let objectMetaFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]

    /// Drops the fields of `object` that `schema` does not declare and returns their paths, sorted
    /// (`spec.foo`, `spec.items[0].bar`). apiVersion, kind and metadata of the resource and of embedded
    /// resources are kept; `x-kubernetes-preserve-unknown-fields` keeps everything below it that is unknown.
    static func prune(_ object: inout Value, schema: Value) -> [String] {
        var unknown: [String] = []
        var root = schema
        root["x-kubernetes-embedded-resource"] = true
        prune(&object, root, path: "", unknown: &unknown)
        if var meta = object["metadata"]?.objectValue {
            for key in meta.keys where !objectMetaFields.contains(key) {
                unknown.append("metadata." + key)
                meta[key] = nil
            }
            object["metadata"] = .object(meta)
        }
        return unknown.sorted()
    }

    private static let metaFields: Set<String> = ["apiVersion", "kind", "metadata"]

    /// The pruning walk; a nil schema prunes every member of the objects below it.
    private static func prune(_ value: inout Value, _ schema: Value?, path: String, unknown: inout [String]) {
        if let schema, schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true {
            return keep(&value, schema, path: path, unknown: &unknown)
        }
        switch value {
        case .object(var members):
            let embedded = schema?["x-kubernetes-embedded-resource"]?.boolValue == true
            for key in Array(members.keys) {
                if embedded && metaFields.contains(key) { continue }
                guard var child = members[key] else { continue }
                if let property = schema?[path: ["properties", key]] {
                    prune(&child, property, path: join(path, key), unknown: &unknown)
                } else if let schema, let additional = schema["additionalProperties"], additional != .bool(false) {
                    prune(&child, additional.objectValue == nil ? nil : additional, path: join(path, key), unknown: &unknown)
                } else {
                    unknown.append(join(path, key))
                    members[key] = nil
                    continue
                }
                members[key] = child
            }
            value = .object(members)
        case .array(var items):
            for index in items.indices {
                prune(&items[index], schema?["items"], path: "\(path)[\(index)]", unknown: &unknown)
            }
            value = .array(items)
        default: return
        }
    }

    /// Below `x-kubernetes-preserve-unknown-fields`: unknown members stay, declared ones are still pruned.
    private static func keep(_ value: inout Value, _ schema: Value, path: String, unknown: inout [String]) {
        switch value {
        case .object(var members):
            let embedded = schema["x-kubernetes-embedded-resource"]?.boolValue == true
            for key in Array(members.keys) where !(embedded && metaFields.contains(key)) {
                guard var child = members[key] else { continue }
                if let property = schema[path: ["properties", key]] {
                    prune(&child, property, path: join(path, key), unknown: &unknown)
                } else if let additional = schema["additionalProperties"], additional.objectValue != nil {
                    prune(&child, additional, path: join(path, key), unknown: &unknown)
                }
                members[key] = child
            }
            value = .object(members)
        case .array(var items):
            guard let itemSchema = schema["items"] else { return }
            for index in items.indices {
                keep(&items[index], itemSchema, path: "\(path)[\(index)]", unknown: &unknown)
            }
            value = .array(items)
        default: return
        }
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Server-side apply types the applied configuration by the schema before merging: a field the schema
    /// does not declare fails the request whatever `fieldValidation` says, as a plain (500) error like
    /// `failed to create typed patch object (default/w1; example.com/v1, Kind=Widget): .spec.foo: field not declared in schema`.
    static func requireDeclared(applied: Value, _ target: Target) throws {
        guard let schema = target.customSchema else { return }
        var copy = applied
        let unknown = prune(&copy, schema: schema).map { "." + $0 + ": field not declared in schema" }
        guard !unknown.isEmpty else { return }
        let object = KubeObject(applied)
        let namespace = object.namespace.isEmpty ? "" : object.namespace
        let gvk = "\(target.type.apiVersion), Kind=\(target.type.kind)"
        let detail = unknown.count == 1 ? unknown[0] : (["errors:"] + unknown.map { "  " + $0 }).joined(separator: "\n")
        throw APIError(code: 500, reason: "",
                       message: "failed to create typed patch object (\(namespace)/\(object.name); \(gvk)): \(detail)")
    }

    /// Validation ratcheting (GA since 1.33): on an update, an error about a value equal to the old object's
    /// value at the same path is dropped (a Required error looks at the parent object). Paths through list
    /// items are not correlated and always count.
    static func ratchet(_ errors: [FieldError], new: Value, old: Value?) -> [FieldError] {
        guard let old else { return errors }
        return errors.filter { error in
            guard !error.field.contains("["), error.field != "<nil>" else { return true }
            var path = error.field.split(separator: ".").map(String.init)
            if error.reason == "FieldValueRequired" { path.removeLast() }
            guard let before = old[path: path], let after = new[path: path] else { return true }
            return !before.semanticallyEquals(after)
        }
    }

    /// A write whose spec only differed by pruned fields does not bump `metadata.generation`.
    static func keepGeneration(_ object: inout Value, old: Value) {
        if (object["spec"] ?? .null).semanticallyEquals(old["spec"] ?? .null) {
            object[path: ["metadata", "generation"]] = old[path: ["metadata", "generation"]]
        }
    }
}

/// The `fieldValidation` directive of a write: what happens to unknown fields.
enum FieldValidation: String, Sendable {
    /// Reject the request (400, or 422 for patches).
    case strict = "Strict"
    /// Accept it, prune the fields and answer with a `Warning` header per field (the server's default).
    case warn = "Warn"
    /// Prune the fields silently.
    case ignore = "Ignore"

    /// Reads the query parameter; an unknown value is a 400 as on a real server.
    init(_ request: APIRequest) throws {
        let raw = request.query["fieldValidation"] ?? ""
        if raw.isEmpty { self = .warn; return }
        guard let directive = FieldValidation(rawValue: raw) else {
            throw APIError.badRequest("fieldValidation parameter unsupported: \(raw)")
        }
        self = directive
    }
}

/// How one write of a custom resource decodes its body: the directive, the verb (for the error wording) and
/// the warnings collected while the write runs (sent as `Warning: 299` headers).
struct CustomDecoding: Sendable {
    enum Verb: Sendable { case create, update, patch, apply }
    var directive: FieldValidation
    var verb: Verb
    let warnings = Warnings()

    /// Collected warning texts (shared by the copies of a `Target`).
    final class Warnings: Sendable {
        private let texts = Mutex<[String]>([])
        func add(_ text: String) { texts.withLock { $0.append(text) } }
        var all: [String] { texts.withLock { $0 } }
    }

    /// Prunes `object` by `schema`, then rejects, warns about or ignores the unknown fields found.
    func prune(_ object: inout Value, schema: Value, type: ResourceType) throws {
        let original = object
        let unknown = CRDSchema.prune(&object, schema: schema)
        guard !unknown.isEmpty, verb != .apply else { return }
        let errors = unknown.map { "unknown field \"\($0)\"" }
        switch directive {
        case .ignore: return
        case .warn: errors.forEach(warnings.add)
        case .strict:
            let text = "strict decoding error: " + errors.joined(separator: ", ")
            if verb == .patch {
                // The patched document fails to decode: apiserver reports it as an invalid `patch` field.
                throw APIError.invalid(ResourceType(group: "", version: "", name: "", kind: "", namespaced: false,
                                                    verbs: [], subresources: []), "",
                                       [FieldError(field: "patch", reason: "FieldValueInvalid",
                                                   body: "Invalid value: \(GoQuote.quote(JSON.encode(original))): \(text)")],
                                       groupKind: "")
            }
            throw APIError.badRequest("\(type.kind) in version \"\(type.version)\" cannot be handled as a \(type.kind): \(text)")
        }
    }
}

extension CustomDecoding {
    /// The directive and verb of a request for a custom resource.
    init(_ request: APIRequest) throws {
        directive = try FieldValidation(request)
        switch request.method {
        case "POST": verb = .create
        case "PUT": verb = .update
        default:
            let apply = request.contentType.hasPrefix("application/apply-patch")
            verb = apply ? .apply : .patch
        }
    }
}

extension Target {
    /// The response of `write` (or its failure) with the warnings the write collected; only API errors
    /// are answered here, others propagate.
    func warned(_ write: () throws -> APIResponse) throws -> APIResponse {
        var response: APIResponse
        do { response = try write() } catch let error as APIError { response = .error(error) }
        response.warnings += decoding?.warnings.all ?? []
        return response
    }
}
