import FerryCore

/// One deprecated `vars` entry: `$(NAME)` in the fields `varReference` lists becomes a field of one object.
struct Var: Equatable {
    var name: String
    var group: String, version: String, kind: String, objectName: String, namespace: String
    var fieldPath: String
}

/// `vars`: declared per kustomization, bound to the object they name when declared, resolved once at the
/// top after names are final (so `$(CM)` of a generated ConfigMap carries its hash).
enum Vars {
    static func parse(_ k: Kustomization) throws -> [Var] {
        try k.list("vars").enumerated().map { i, entry in
            let field = "vars[\(i)]"
            guard let name = entry["name"]?.stringValue, !name.isEmpty else {
                throw RenderError(file: k.file, message: "\(field) needs a 'name'")
            }
            for key in entry.objectValue?.keys ?? [] where !["name", "objref", "fieldref"].contains(key) {
                throw RenderError(file: k.file, message: "unknown field '\(field).\(key)' (expected name, objref, fieldref)")
            }
            guard let ref = entry["objref"], case .object = ref else {
                throw RenderError(file: k.file, message: "\(field) ('\(name)') needs an 'objref'")
            }
            for key in ref.objectValue?.keys ?? [] where !["apiVersion", "group", "version", "kind", "name", "namespace"].contains(key) {
                throw RenderError(file: k.file, message: "unknown field '\(field).objref.\(key)'")
            }
            func text(_ v: Value?, _ key: String) -> String { v?[key]?.stringValue ?? "" }
            var group = text(ref, "group"), version = text(ref, "version")
            let apiVersion = text(ref, "apiVersion")
            if !apiVersion.isEmpty {
                let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
                if parts.count == 2 { group = parts[0]; version = parts[1] } else { version = apiVersion }
            }
            let path = text(entry["fieldref"], "fieldpath")
            return Var(name: name, group: group, version: version, kind: text(ref, "kind"), objectName: text(ref, "name"),
                       namespace: text(ref, "namespace"), fieldPath: path.isEmpty ? "metadata.name" : path)
        }
    }

    /// Expands `$(VAR)` in every `varReference` field (kustomize's ResolveVars).
    static func resolve(_ accumulator: inout Accumulator, file: String) throws {
        guard !accumulator.vars.isEmpty else { return }
        var values: [String: Value] = [:]
        for v in accumulator.vars {
            guard let holder = accumulator.resources.first(where: { $0.varNames.contains(v.name) }) else {
                throw RenderError(file: file, message: "var '\(v.name)' cannot be mapped to a field in the set of known resources (objref \(v.kind) '\(v.objectName)')")
            }
            guard let value = FieldPath.get(holder.value, FieldPath.split(v.fieldPath)), FieldPath.scalarText(value) != nil else {
                throw RenderError(file: file, message: "field '\(v.fieldPath)' specified in var '\(v.name)' not found in \(holder.kind) '\(holder.name)'")
            }
            values[v.name] = value
        }
        for i in accumulator.resources.indices {
            for spec in accumulator.config.varReference {
                try spec.apply(to: &accumulator.resources[i].value) { current in
                    guard let current else { return nil }
                    return try expandField(current, values, file: file)
                }
            }
        }
    }

    static func expandField(_ node: Value, _ values: [String: Value], file: String) throws -> Value {
        switch node {
        case .string(let s):
            return expand(s, values)
        case .object(var members):
            // Map fields (labels, annotations) hold strings: a typed value is written as its text.
            for (key, v) in members {
                guard case .string(let s) = v else { continue }
                let expanded = expand(s, values)
                members[key] = FieldPath.scalarText(expanded).map(Value.string) ?? expanded
            }
            return .object(members)
        case .array(let items):
            return .array(try items.map { item in
                guard case .string(let s) = item else {
                    throw RenderError(file: file, message: "vars: invalid value type in a list, expected strings")
                }
                return expand(s, values)
            })
        default:
            return node
        }
    }

    /// Kubernetes-style expansion: `$(NAME)` becomes the value, `$$` becomes `$`, unknown names stay.
    /// A field that is exactly `$(NAME)` takes the value with its type.
    static func expand(_ input: String, _ values: [String: Value]) -> Value {
        let chars = Array(input)
        var out = "", i = 0
        while i < chars.count {
            guard chars[i] == "$", i + 1 < chars.count else { out.append(chars[i]); i += 1; continue }
            let next = chars[i + 1]
            if next == "$" { out.append("$"); i += 2; continue }
            guard next == "(", let close = chars[(i + 2)...].firstIndex(of: ")") else {
                out.append("$"); out.append(next); i += 2; continue
            }
            let name = String(chars[(i + 2)..<close])
            if let value = values[name] {
                if input == "$(\(name))" { return value }
                out += FieldPath.scalarText(value) ?? ""
            } else {
                out += "$(\(name))"
            }
            i = close + 1
        }
        return .string(out)
    }
}

extension Accumulator {
    /// Declares a var (kustomize's MergeVars): binds it to the one object it names, refuses duplicates.
    mutating func bind(_ v: Var, file: String) throws {
        let matches = resources.indices.filter { i in
            let r = resources[i], gvk = KubeObject(r.value).gvk
            guard gvk.group == v.group, gvk.version == v.version, gvk.kind == v.kind else { return false }
            return r.allIDs.contains { id in
                id.name == v.objectName && (v.namespace.isEmpty && !r.isClusterScoped || id.namespace == (v.namespace.isEmpty ? "" : v.namespace))
            }
        }
        if matches.count > 1 {
            throw RenderError(file: file, message: "found \(matches.count) resId matches for var '\(v.name)' (unable to disambiguate)")
        }
        if let i = matches.first { resources[i].varNames.append(v.name) }
        try addVar(v, file: file)
    }

    mutating func addVar(_ v: Var, file: String) throws {
        if vars.contains(where: { $0.name == v.name }) {
            throw RenderError(file: file, message: "var '\(v.name)' already encountered")
        }
        vars.append(v)
    }
}
