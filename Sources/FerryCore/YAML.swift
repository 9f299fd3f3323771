import Foundation
import OrderedCollections

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

    /// Which parts of each document to build: all of it, or only the listed mapping keys (each with what to
    /// build of its value). The rest is read and checked as for a whole parse — syntax, nesting, duplicate and
    /// invalid keys — but not turned into values, which is most of a parse's cost.
    public indirect enum Selection: Sendable {
        case all
        case keys([String: Selection])

        /// What to build of the value of `key`; nil when it is not wanted.
        func member(_ key: String) -> Selection? {
            switch self {
            case .all: return .all
            case .keys(let keys): return keys[key]
            }
        }
    }

    /// Parses every document of a YAML stream. Errors carry `file`, line and column. With a `selecting` other than
    /// `.all`, each document's value holds only the selected parts (a stream with anchors or aliases is built
    /// whole, as their values may be needed anywhere).
    public static func parseAll(_ text: String, file: String = "<input>", dialect: Dialect = .standard,
                                selecting selection: Selection = .all) throws -> [YAMLDocument] {
        guard text.utf8.count <= maxInputBytes else {
            throw DocumentError(file: file, line: 1, column: 1, message: "file larger than \(maxInputBytes) bytes")
        }
        var text = text
        do {
            return try text.withUTF8 { try YAMLEventReader(file: file, dialect: dialect, selection: selection).documents($0) }
        } catch is YAMLEventReader.NeedsWholeDocuments {
            return try text.withUTF8 { try YAMLEventReader(file: file, dialect: dialect).documents($0) }
        }
    }

    /// Parses a single-document YAML string.
    public static func parse(_ text: String, file: String = "<input>", dialect: Dialect = .standard) throws -> Value {
        try parseAll(text, file: file, dialect: dialect).first?.value ?? .null
    }

    /// An explicitly tagged scalar (`!!int 10`, `!!str true`); unknown tags leave the text a string.
    static func scalarValue(_ text: String, tag: String) -> Value {
        switch tag {
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool":
            return .bool(["true", "yes", "on", "y"].contains(text.lowercased()))
        case "tag:yaml.org,2002:int":
            if let i = parseInt(text) { return .int(i) }
            if let d = Double(text.replacingOccurrences(of: "_", with: "")) { return .double(d) }
            return .string(text)
        case "tag:yaml.org,2002:float":
            return .double(parseFloat(text) ?? 0)
        default:
            return .string(text)
        }
    }

    static func parseInt(_ raw: String) -> Int64? {
        var text = raw.utf8.contains(UInt8(ascii: "_")) ? raw.replacingOccurrences(of: "_", with: "") : raw
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
        let text = (raw.utf8.contains(UInt8(ascii: "_")) ? raw.replacingOccurrences(of: "_", with: "") : raw).lowercased()
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

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
