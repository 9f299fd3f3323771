import FerryCore
import Foundation

/// One column a CRD version declares in `additionalPrinterColumns`: what `kubectl get` shows after NAME.
/// Without any, a custom resource's table is NAME and AGE, as on a real API server.
struct PrinterColumn: Sendable, Hashable {
    var name: String
    /// `integer`, `number`, `string`, `boolean` or `date` (shown as an age, like AGE).
    var type: String
    var format: String
    var description: String
    /// Columns with priority above 0 appear only in `kubectl get -o wide`.
    var priority: Int64
    /// The JSONPath evaluated on each object; nil when it is outside the supported subset (cells are empty).
    var path: SimpleJSONPath?

    /// The default column of a CRD that declares none.
    static let age = PrinterColumn(name: "Age", type: "date", format: "",
                                   description: "Time since the object was created (metadata.creationTimestamp).",
                                   priority: 0, path: SimpleJSONPath(".metadata.creationTimestamp"))

    /// The columns of one CRD version (`spec.versions[].additionalPrinterColumns`), or `[age]` without any.
    static func columns(of version: Value) -> [PrinterColumn] {
        let declared = (version["additionalPrinterColumns"]?.arrayValue ?? []).compactMap { column -> PrinterColumn? in
            guard let name = column["name"]?.stringValue, let path = column["jsonPath"]?.stringValue else { return nil }
            return PrinterColumn(name: name, type: column["type"]?.stringValue ?? "string",
                                 format: column["format"]?.stringValue ?? "",
                                 description: column["description"]?.stringValue ?? "",
                                 priority: column["priority"]?.intValue ?? 0, path: SimpleJSONPath(path))
        }
        return declared.isEmpty ? [age] : declared
    }

    /// The column's `columnDefinitions` entry.
    var definition: Value {
        ["name": .string(name), "type": .string(type), "format": .string(format),
         "description": .string(description), "priority": .int(priority)]
    }

    /// The cell for `object`: the first value the path selects, converted to the column type; null (kubectl
    /// prints an empty cell) when nothing is selected or the value does not fit the type.
    func cell(_ object: Value, now: Date = Date()) -> Value {
        guard let value = path?.evaluate(object).first else { return .null }
        switch (type, value) {
        case ("string", .string): return value
        case ("string", .null): return .null
        case ("string", _): return .string(JSON.encode(value))
        case ("integer", .int): return value
        case ("integer", .double(let d)) where d.isFinite && abs(d) < 9.0e18: return .int(Int64(d))
        case ("number", .int), ("number", .double), ("boolean", .bool): return value
        case ("date", .string(let text)):
            guard let date = APICoding.parseDate(text) else { return "<invalid>" }
            return .string(HumanDuration.format(now.timeIntervalSince(date)))
        default: return .null
        }
    }
}

extension Table {
    /// The Table of custom resources: NAME, then the CRD version's printer columns.
    static func render(_ objects: [Value], columns: [PrinterColumn], resourceVersion: String) -> Value {
        let name: Value = ["name": "Name", "type": "string", "format": "name",
                           "description": "The object's name (metadata.name).", "priority": 0]
        let now = Date()
        let rows: [Value] = objects.map { object in
            row(object, cells: [.string(KubeObject(object).name)] + columns.map { $0.cell(object, now: now) })
        }
        return document(definitions: [name] + columns.map(\.definition), rows: rows, resourceVersion: resourceVersion)
    }
}
