import FerryCore

/// `replacements`: copy a field of one resource (the source) into fields of others (the targets), with
/// kustomize's `delimiter`/`index`/`create` options. Runs after the other builtin transformers, so a
/// generated ConfigMap's name is still without its hash suffix.
enum Replacements {
    static let sourceFields: Set<String> = ["group", "version", "kind", "name", "namespace", "fieldPath", "options"]
    static let selectorFields: Set<String> = ["group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"]
    static let targetFields: Set<String> = ["select", "reject", "fieldPaths", "options"]
    static let optionFields: Set<String> = ["delimiter", "index", "create"]

    static func run(_ k: Kustomization, builder: Builder, resources: inout [KResource]) throws {
        var list: [Value] = []
        for (i, entry) in try k.list("replacements").enumerated() {
            if let path = entry["path"]?.stringValue {
                let (file, text) = try builder.file(path, from: k, field: "replacements[\(i)].path")
                let loaded = try YAML.parse(text, file: builder.display(file))
                list += loaded.arrayValue ?? (loaded.isNull ? [] : [loaded])
            } else {
                list.append(entry)
            }
        }
        try apply(list, file: k.file, to: &resources)
    }

    /// Applies replacements in order (each sees the result of the previous one).
    static func apply(_ replacements: [Value], file: String, to resources: inout [KResource]) throws {
        for (i, replacement) in replacements.enumerated() {
            let field = "replacements[\(i)]"
            for key in replacement.objectValue?.keys ?? [] where key != "source" && key != "targets" {
                throw RenderError(file: file, message: "unknown field '\(field).\(key)' (expected source, targets)")
            }
            guard let source = replacement["source"], case .array(let targets) = replacement["targets"] else {
                throw RenderError(file: file, message: "\(field): replacements must specify a source and at least one target")
            }
            let value = try sourceValue(source, field: "\(field).source", file: file, resources: resources)
            for (j, target) in targets.enumerated() {
                try copy(value, to: target, field: "\(field).targets[\(j)]", file: file, resources: &resources)
            }
        }
    }

    static func check(_ value: Value?, allowed: Set<String>, field: String, file: String) throws {
        guard let value, !value.isNull else { return }
        guard case .object(let members) = value else {
            throw RenderError(file: file, message: "'\(field)' must be a mapping, found a \(value.typeName)")
        }
        for key in members.keys where !allowed.contains(key) {
            throw RenderError(file: file, message: "unknown field '\(field).\(key)'")
        }
    }

    static func sourceValue(_ source: Value, field: String, file: String, resources: [KResource]) throws -> Value {
        try check(source, allowed: sourceFields, field: field, file: file)
        try check(source["options"], allowed: optionFields, field: "\(field).options", file: file)
        let selector = try ResourceSelector(source, field: field, file: file)
        let matches = resources.filter { selector.selectsAnyID(of: $0) }
        guard let resource = matches.first else {
            throw RenderError(file: file, message: "\(field): nothing selected by \(selector)")
        }
        guard matches.count == 1 else {
            throw RenderError(file: file, message: "\(field): multiple matches for selector \(selector)")
        }
        let fieldPath = source["fieldPath"]?.stringValue ?? "metadata.name"
        guard let value = FieldPath.get(resource.value, FieldPath.split(fieldPath)), !isEmpty(value) else {
            throw RenderError(file: file, message: "\(field): fieldPath `\(fieldPath)` is missing for replacement source \(resource.kind)/\(resource.name)")
        }
        guard let options = source["options"], let delimiter = options["delimiter"]?.stringValue, !delimiter.isEmpty else {
            return value
        }
        guard let text = FieldPath.scalarText(value) else {
            throw RenderError(file: file, message: "\(field): delimiter option can only be used with scalar nodes")
        }
        let parts = text.components(separatedBy: delimiter)
        let index = Int(options["index"]?.intValue ?? 0)
        guard index >= 0, index < parts.count else {
            throw RenderError(file: file, message: "\(field): options.index \(index) is out of bounds for value \(text)")
        }
        return .string(parts[index])
    }

    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .null: return true
        case .object(let m): return m.isEmpty
        case .array(let a): return a.isEmpty
        default: return false
        }
    }

    static func copy(_ value: Value, to target: Value, field: String, file: String, resources: inout [KResource]) throws {
        try check(target, allowed: targetFields, field: field, file: file)
        try check(target["options"], allowed: optionFields, field: "\(field).options", file: file)
        guard let select = target["select"], !select.isNull else {
            throw RenderError(file: file, message: "\(field): target must specify resources to select")
        }
        let selector = try ResourceSelector(select, field: "\(field).select", file: file, allowed: selectorFields)
        let rejects = try (target["reject"]?.arrayValue ?? []).enumerated().map {
            try ResourceSelector($0.element, field: "\(field).reject[\($0.offset)]", file: file, allowed: selectorFields)
        }
        var paths = try (target["fieldPaths"]?.arrayValue ?? []).map { item -> String in
            guard let s = item.stringValue else { throw RenderError(file: file, message: "\(field).fieldPaths entries must be strings") }
            return s
        }
        if paths.isEmpty { paths = ["metadata.name"] }
        let options = target["options"]
        for i in resources.indices {
            let resource = resources[i]
            guard selector.matchesLabelsAndAnnotations(resource),
                  !rejects.contains(where: { $0.hasLabelOrAnnotationSelector && $0.matchesLabelsAndAnnotations(resource) }),
                  selector.selectsAnyID(of: resource),
                  !rejects.contains(where: { !$0.isEmptyID && $0.selectsAnyID(of: resource) }) else { continue }
            for path in paths {
                try set(value, at: path, in: &resources[i], options: options, field: field, file: file)
            }
        }
    }

    static func set(_ value: Value, at path: String, in resource: inout KResource, options: Value?,
                    field: String, file: String) throws {
        let create = options?["create"]?.boolValue ?? false
        var thrown: RenderError?
        let segments = FieldPath.split(path)
        // Top-level labels and annotations are string maps; kustomize rewrites them as strings.
        let stringMap = segments.count == 3 && segments[0] == "metadata" && (segments[1] == "labels" || segments[1] == "annotations")
        let count = FieldPath.update(&resource.value, segments[...], create: create) { node in
            do {
                let combined = try combine(value, into: node, options: options, field: field, file: file)
                node = stringMap ? (FieldPath.scalarText(combined).map(Value.string) ?? combined) : combined
            } catch let e as RenderError { thrown = e } catch {}
        }
        if let thrown { throw thrown }
        if count == 0 {
            let verb = create ? "unable to find or create field" : "unable to find field"
            throw RenderError(file: file, message: "\(field): \(verb) \"\(path)\" in replacement target \(resource.kind)/\(resource.name)")
        }
    }

    /// The target field's new value: the source, or the target's delimited parts with one replaced.
    static func combine(_ value: Value, into node: Value, options: Value?, field: String, file: String) throws -> Value {
        var value = value
        if let delimiter = options?["delimiter"]?.stringValue, !delimiter.isEmpty {
            guard let current = node.isNull ? "" : FieldPath.scalarText(node) else {
                throw RenderError(file: file, message: "\(field): delimiter option can only be used with scalar nodes")
            }
            var parts = current.components(separatedBy: delimiter)
            let index = Int(options?["index"]?.intValue ?? 0)
            let text = FieldPath.scalarText(value) ?? ""
            if index < 0 { parts.insert(text, at: 0) } else if index >= parts.count { parts.append(text) } else { parts[index] = text }
            value = .string(parts.joined(separator: delimiter))
        }
        return retyped(value, like: node)
    }

    /// kustomize replaces a scalar's text but keeps its tag: a string field stays a string. A new field
    /// gets the text as a plain scalar, so `"8080"` becomes the number 8080 (as kubectl prints it).
    static func retyped(_ value: Value, like node: Value) -> Value {
        guard let text = FieldPath.scalarText(value) else { return value }
        switch node {
        case .null:
            guard case .string = value, let plain = try? YAML.parse(text) else { return value }
            switch plain {
            case .int, .bool, .double: return plain
            default: return value
            }
        case .string: return .string(text)
        case .int: return Int64(text).map(Value.int) ?? value
        case .bool: return text == "true" ? .bool(true) : (text == "false" ? .bool(false) : value)
        default: return value
        }
    }
}
