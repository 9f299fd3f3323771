import FerryCore
import Foundation

/// How a command prints its result: an aligned table (default), a wider table, or the API objects as
/// JSON or YAML (Argo CD's shape, FerryCore's `APICoding`).
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, yaml

    /// True for the two table formats.
    public var isTable: Bool { self == .table || self == .wide }

    /// Encodes a value as pretty JSON or YAML; nil for the table formats.
    public func encode<T: Encodable>(_ value: T) throws -> String? {
        switch self {
        case .table, .wide: return nil
        case .json:
            return Self.trailingNewline(String(decoding: try Self.jsonData(value), as: UTF8.self))
        case .yaml:
            return Self.trailingNewline(YAML.encode(try JSON.parse(try Self.jsonData(value))))
        }
    }

    private static func jsonData<T: Encodable>(_ value: T) throws -> Data {
        do { return try APICoding.encoder(pretty: true).encode(value) } catch {
            throw CLIError("cannot encode output: \(error)")
        }
    }

    private static func trailingNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? text : text + "\n"
    }
}

/// The `-o/--output` option.
public struct OutputOptions: ParsableArguments, Sendable {
    /// `-o json|yaml|wide|table`.
    @Option(name: [.short, .customLong("output")], help: "Output format: table (default), wide, json or yaml.")
    public var output: OutputFormat = .table

    /// Creates the default (table).
    public init() {}
}
