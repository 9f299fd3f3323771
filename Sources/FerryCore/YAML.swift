import Foundation
import OrderedCollections
import Yams

/// A YAML document parsed from a stream, with the line it starts on.
public struct YAMLDocument: Sendable {
    /// The parsed value (`.null` for an empty document).
    public var value: Value
    /// 1-based line of the document's first node.
    public var line: Int
}

/// YAML decoding into `Value` and kubectl-style YAML encoding.
public enum YAML {
    /// Largest YAML input accepted, to bound work on untrusted repositories.
    public static let maxInputBytes = 16 << 20

    /// Which rules type plain (unquoted, untagged) scalars and mapping keys.
    public enum Dialect: Sendable, Equatable {
        /// Ferry's default reader, tuned for `kubectl kustomize` parity (see `resolvePlain`).
        case standard
        /// YAML 1.1 as Helm reads it — go-yaml v2 under sigs.k8s.io/yaml: `y`/`n`/`yes`/`on`/`off`… are booleans,
        /// `08` is a float, bool- and number-like keys become their JSON spelling (`on:` is `"true"`), a null key
        /// is an error (see `resolvePlain11`).
        case yaml11
    }

    /// Parses every document of a YAML stream. Errors carry `file`, line and column.
    public static func parseAll(_ text: String, file: String = "<input>", dialect: Dialect = .standard) throws -> [YAMLDocument] {
        guard text.utf8.count <= maxInputBytes else {
            throw DocumentError(file: file, line: 1, column: 1, message: "file larger than \(maxInputBytes) bytes")
        }
        do {
            var docs: [YAMLDocument] = []
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .default)
            while let node = try parser.nextRoot() {
                let value = try convert(node, file: file, depth: 0, dialect: dialect)
                docs.append(YAMLDocument(value: value, line: node.mark?.line ?? 1))
            }
            return docs
        } catch let error as YamlError {
            throw DocumentError(yamlError: error, file: file)
        }
    }

    /// Parses a single-document YAML string.
    public static func parse(_ text: String, file: String = "<input>", dialect: Dialect = .standard) throws -> Value {
        try parseAll(text, file: file, dialect: dialect).first?.value ?? .null
    }

    static func convert(_ node: Node, file: String, depth: Int, dialect: Dialect) throws -> Value {
        if depth > 256 {
            throw DocumentError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                                message: "nesting too deep")
        }
        switch node {
        case .scalar(let scalar):
            // Untagged plain scalars are typed here (fast, no regular expressions); quoted ones are strings.
            let explicitTag = scalar.tag.description
            if explicitTag.isEmpty || explicitTag == "!" {
                guard scalar.style == .plain else { return .string(scalar.string) }
                return dialect == .yaml11 ? resolvePlain11(scalar.string) : resolvePlain(scalar.string)
            }
            return try scalarValue(scalar, tag: explicitTag, file: file)
        case .sequence(let seq):
            return .array(try seq.map { try convert($0, file: file, depth: depth + 1, dialect: dialect) })
        case .mapping(let map):
            var members = OrderedDictionary<String, Value>()
            for (key, value) in map {
                guard case .scalar(let keyScalar) = key else {
                    throw DocumentError(file: file, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0,
                                        message: "mapping keys must be scalars")
                }
                if key.tag.description == Tag.Name.merge.rawValue {
                    if case .object(let merged) = try convert(value, file: file, depth: depth + 1, dialect: dialect) {
                        for (k, v) in merged where members[k] == nil { members[k] = v }
                    }
                    continue
                }
                let name = try mappingKey(keyScalar, node: key, file: file, dialect: dialect)
                members[name] = try convert(value, file: file, depth: depth + 1, dialect: dialect)
            }
            return .object(members)
        case .alias(let alias):
            throw DocumentError(file: file, line: alias.mark?.line ?? 0, column: alias.mark?.column ?? 0,
                                message: "unresolved YAML alias")
        }
    }

    /// A mapping key's name: as written, except plain keys in the YAML 1.1 dialect (see `mappingKey11`).
    static func mappingKey(_ scalar: Node.Scalar, node: Node, file: String, dialect: Dialect) throws -> String {
        // Yams' duplicate-key check resolves key tags in place (its basic resolver says `!!str` for every plain
        // key), so an implicit key cannot be told from an explicit `!!str` one here; both are typed as plain.
        guard dialect == .yaml11, scalar.style == .plain else { return scalar.string }
        let tag = scalar.tag.description
        guard tag.isEmpty || tag == "!" || tag == Tag.Name.str.rawValue else { return scalar.string }
        guard let name = mappingKey11(scalar.string) else {
            throw DocumentError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                                message: "unsupported map key '\(scalar.string)' (Helm's YAML reader allows string, number and boolean keys)")
        }
        return name
    }

    static func scalarValue(_ scalar: Node.Scalar, tag: String, file: String) throws -> Value {
        let text = scalar.string
        switch tag {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue:
            return .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
        case Tag.Name.int.rawValue:
            if let i = parseInt(text) { return .int(i) }
            if let d = Double(text.replacingOccurrences(of: "_", with: "")) { return .double(d) }
            return .string(text)
        case Tag.Name.float.rawValue:
            return .double(parseFloat(text) ?? 0)
        default:
            return .string(text)
        }
    }

    static func parseInt(_ raw: String) -> Int64? {
        var text = raw.contains("_") ? raw.replacingOccurrences(of: "_", with: "") : raw
        var sign: Int64 = 1
        if text.hasPrefix("-") { sign = -1; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let magnitude: Int64?
        if text.hasPrefix("0x") { magnitude = Int64(text.dropFirst(2), radix: 16) }
        else if text.hasPrefix("0o") { magnitude = Int64(text.dropFirst(2), radix: 8) }
        else if text.hasPrefix("0b") { magnitude = Int64(text.dropFirst(2), radix: 2) }
        else if text.count > 1, text.hasPrefix("0") { magnitude = Int64(text.dropFirst(), radix: 8) }
        else { magnitude = Int64(text) }
        return magnitude.map { $0 * sign }
    }

    static func parseFloat(_ raw: String) -> Double? {
        let text = (raw.contains("_") ? raw.replacingOccurrences(of: "_", with: "") : raw).lowercased()
        switch text {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text)
        }
    }
}

/// An error in a document, pointing at file, line and column.
public struct DocumentError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            self.init(file: file, line: mark.line, column: mark.column, message: prefix + problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(file: file, line: context.mark.line, column: context.mark.column,
                      message: "duplicate keys in mapping: \(duplicates.joined(separator: ", "))")
        default:
            self.init(file: file, line: 0, column: 0, message: "\(yamlError)")
        }
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
