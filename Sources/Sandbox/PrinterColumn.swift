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
            return .string(Self.humanDuration(now.timeIntervalSince(date)))
        default: return .null
        }
    }

    /// An age as the API server words date cells: `45s`, `3m12s`, `25m`, `5h4m`, `30h`, `3d2h`, `200d`, `2y4d`.
    static func humanDuration(_ interval: TimeInterval) -> String {
        let seconds = Int64(interval)
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60, hours = seconds / 3600, days = hours / 24
        func pair(_ big: Int64, _ bigUnit: String, _ small: Int64, _ smallUnit: String) -> String {
            small == 0 ? "\(big)\(bigUnit)" : "\(big)\(bigUnit)\(small)\(smallUnit)"
        }
        if minutes < 10 { return pair(minutes, "m", seconds % 60, "s") }
        if minutes < 180 { return "\(minutes)m" }
        if hours < 8 { return pair(hours, "h", minutes % 60, "m") }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 { return pair(days, "d", hours % 24, "h") }
        if hours < 24 * 365 * 2 { return "\(days)d" }
        if hours < 24 * 365 * 8 { return pair(days / 365, "y", days % 365, "d") }
        return "\(days / 365)y"
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
