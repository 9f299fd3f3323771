import FerryCore
import Foundation
import OrderedCollections

/// `configMapGenerator` and `secretGenerator` with `generatorOptions` and `behavior`.
enum Generators {
    struct Options {
        var labels: [(String, String)] = []
        var annotations: [(String, String)] = []
        var disableHash = false
        var immutable = false
    }

    static let entryFields: Set<String> = ["name", "namespace", "behavior", "literals", "files", "envs", "env", "options", "type"]

    static func run(_ k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        let global = try options(k.raw["generatorOptions"], k)
        for (field, kind) in [("configMapGenerator", "ConfigMap"), ("secretGenerator", "Secret")] {
            for entry in try k.list(field) {
                for key in entry.objectValue?.keys ?? [] where !entryFields.contains(key) {
                    throw RenderError(file: k.file, message: "kustomization field '\(field).\(key)' is not supported yet")
                }
                guard let name = entry["name"]?.stringValue, !name.isEmpty else {
                    throw RenderError(file: k.file, message: "every \(field) entry needs a 'name'")
                }
                let local = try options(entry["options"], k)
                let merged = Options(
                    labels: mergePairs(global.labels, local.labels),
                    annotations: mergePairs(global.annotations, local.annotations),
                    disableHash: local.disableHash || global.disableHash,
                    immutable: local.immutable || global.immutable)
                let data = try pairs(entry, k, builder: builder, generator: name)
                let object = make(kind: kind, name: name, entry: entry, data: data, options: merged)
                try place(object, behavior: entry["behavior"]?.stringValue ?? "create", needsHash: !merged.disableHash,
                          k: k, resources: &resources)
            }
        }
    }

    static func mergePairs(_ a: [(String, String)], _ b: [(String, String)]) -> [(String, String)] {
        var out = OrderedDictionary<String, String>()
        for (key, v) in a + b { out[key] = v }
        return out.map { ($0.key, $0.value) }
    }

    static func options(_ value: Value?, _ k: Kustomization) throws -> Options {
        guard let value, !value.isNull else { return Options() }
        for key in value.objectValue?.keys ?? [] where !["labels", "annotations", "disableNameSuffixHash", "immutable"].contains(key) {
            throw RenderError(file: k.file, message: "kustomization field 'generatorOptions.\(key)' is not supported yet")
        }
        return Options(labels: try k.stringMap(value["labels"], field: "labels"),
                       annotations: try k.stringMap(value["annotations"], field: "annotations"),
                       disableHash: value["disableNameSuffixHash"]?.boolValue ?? false,
                       immutable: value["immutable"]?.boolValue ?? false)
    }

    /// Key/value pairs in kustomize's order: env files, then literals, then files.
    static func pairs(_ entry: Value, _ k: Kustomization, builder: Builder, generator: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        let envs = (entry["envs"]?.arrayValue ?? []) + (entry["env"].map { [$0] } ?? [])
        for env in envs {
            guard let path = env.stringValue else { throw RenderError(file: k.file, message: "\(generator): env file names must be strings") }
            let text = try builder.file(path, from: k, field: "\(generator) env file").text
            for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var line = Substring(rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine))
                if n == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
                line = line.drop { $0.isWhitespace }
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                out.append((String(parts[0]), parts.count == 2 ? String(parts[1]) : ""))
            }
        }
        for literal in entry["literals"]?.arrayValue ?? [] {
            guard let s = literal.stringValue, let eq = s.firstIndex(of: "="), eq != s.startIndex else {
                throw RenderError(file: k.file, message: "\(generator): invalid literal source, expected key=value")
            }
            out.append((String(s[..<eq]), removeQuotes(String(s[s.index(after: eq)...]))))
        }
        for file in entry["files"]?.arrayValue ?? [] {
            guard let s = file.stringValue else { throw RenderError(file: k.file, message: "\(generator): file names must be strings") }
            let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
            let path = parts.count == 2 ? parts[1] : s
            let key = parts.count == 2 ? parts[0] : String(path.split(separator: "/").last ?? "")
            out.append((key, try builder.file(path, from: k, field: "\(generator) file").text))
        }
        var seen = Set<String>()
        for (key, _) in out where !seen.insert(key).inserted {
            throw RenderError(file: k.file, message: "\(generator): duplicate key '\(key)'")
        }
        return out
    }

    static func removeQuotes(_ s: String) -> String {
        guard s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" else { return s }
        return String(s.dropFirst().dropLast())
    }

    static func make(kind: String, name: String, entry: Value, data: [(String, String)], options: Options) -> Value {
        var object: Value = ["apiVersion": "v1", "kind": .string(kind)]
        object[path: ["metadata", "name"]] = .string(name)
        if let ns = entry["namespace"]?.stringValue, !ns.isEmpty { object[path: ["metadata", "namespace"]] = .string(ns) }
        if !options.labels.isEmpty { object[path: ["metadata", "labels"]] = map(options.labels) }
        if !options.annotations.isEmpty { object[path: ["metadata", "annotations"]] = map(options.annotations) }
        if kind == "Secret" {
            object["type"] = .string(entry["type"]?.stringValue ?? "Opaque")
            object["data"] = map(data.map { ($0.0, Data($0.1.utf8).base64EncodedString()) })
        } else {
            object["data"] = map(data)
        }
        if options.immutable { object["immutable"] = .bool(true) }
        return object
    }

    static func map(_ pairs: [(String, String)]) -> Value {
        var members = OrderedDictionary<String, Value>()
        for (key, v) in pairs { members[key] = .string(v) }
        return .object(members)
    }

    static func place(_ object: Value, behavior: String, needsHash: Bool, k: Kustomization, resources: inout [KResource]) throws {
        let kind = object["kind"]?.stringValue ?? ""
        let name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        let namespace = object[path: ["metadata", "namespace"]]?.stringValue
        let index = resources.firstIndex {
            $0.kind == kind && $0.names.contains(name) && (namespace == nil || $0.namespace == namespace)
        }
        switch (behavior, index) {
        case ("create", nil):
            resources.append(KResource(value: object, names: [name], needsHash: needsHash, origin: k.file))
        case ("create", _?):
            throw RenderError(file: k.file, message: "\(kind) '\(name)' already exists; use behavior merge or replace")
        case ("merge", let i?), ("replace", let i?):
            var existing = resources[i].value
            for field in ["data", "binaryData", "stringData"] where behavior == "replace" { existing[field] = nil }
            for field in ["data", "labels", "annotations"] {
                let path = field == "data" ? ["data"] : ["metadata", field]
                guard case .object(let incoming) = object[path: path] else { continue }
                var current = behavior == "replace" && field != "data" ? Value.emptyObject : (existing[path: path] ?? .emptyObject)
                for (key, v) in incoming { current[key] = v }
                existing[path: path] = current
            }
            if object["immutable"] != nil { existing["immutable"] = object["immutable"] }
            resources[i].value = existing
        case ("merge", nil), ("replace", nil):
            throw RenderError(file: k.file, message: "\(kind) '\(name)' has behavior \(behavior) but no such object exists in the resources")
        default:
            throw RenderError(file: k.file, message: "\(kind) '\(name)': unknown behavior '\(behavior)' (expected create, merge or replace)")
        }
    }
}
