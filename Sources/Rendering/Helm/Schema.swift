import FerryCore
import Foundation
import OrderedCollections

/// `values.schema.json` validation (JSON Schema draft 7 keywords Helm charts use), with Helm v4's error
/// text: `values don't meet the specifications of the schema(s) in the following chart(s):` then, per
/// chart, `- at '/path': message` lines (several failures at one place nest under `validation failed`).
enum HelmSchema {
    struct Failure {
        var location: String
        var message: String
        var causes: [Failure] = []

        func lines(indent: String) -> [String] {
            ["\(indent)- at '\(location)': \(message)"] + causes.flatMap { $0.lines(indent: indent + "  ") }
        }
    }

    /// Validates the chart's and every subchart's schema against their values; throws one error listing all.
    static func validate(chart: Chart, values: Value) throws {
        var report = ""
        collect(chart, values: values, into: &report)
        if !report.isEmpty {
            throw RenderError(file: "", message: "values don't meet the specifications of the schema(s) in the following chart(s):\n" + report)
        }
    }

    static func collect(_ chart: Chart, values: Value, into report: inout String) {
        if let schema = chart.schema {
            let failures = Validator(root: schema).check(schema, values, at: "")
            if !failures.isEmpty {
                report += "\(chart.name):\n" + failures.flatMap { $0.lines(indent: "") }.joined(separator: "\n") + "\n"
            }
        }
        for sub in chart.dependencies { collect(sub, values: values[sub.name] ?? .emptyObject, into: &report) }
    }

    struct Validator {
        let root: Value

        /// Failures of `value` against `schema`, sorted by location.
        func check(_ schema: Value, _ value: Value, at location: String) -> [Failure] {
            guard case .object(let s) = schema else { return schema == .bool(false) ? [Failure(location: location, message: "false schema")] : [] }
            if let ref = s["$ref"]?.stringValue, ref.hasPrefix("#/") {
                let path = ref.dropFirst(2).split(separator: "/").map { String($0).replacingOccurrences(of: "~1", with: "/") }
                if let target = root[path: path] { return check(target, value, at: location) }
            }
            var out: [Failure] = []
            func fail(_ message: String, _ at: String = location) { out.append(Failure(location: at, message: message)) }
            if let types = s["type"], !typeMatches(types, value) {
                let want = (types.arrayValue ?? [types]).compactMap(\.stringValue).joined(separator: " or ")
                fail("got \(typeName(value)), want \(want)")
                return out
            }
            if let options = s["enum"]?.arrayValue, !options.contains(where: { $0.semanticallyEquals(value) }) {
                fail("value must be one of " + options.map(quoted).joined(separator: ", "))
            }
            if let constant = s["const"], !constant.semanticallyEquals(value) { fail("value must be \(quoted(constant))") }
            numberChecks(s, value, fail: { fail($0) })
            stringChecks(s, value, fail: { fail($0) })
            if case .array(let items) = value {
                if let min = s["minItems"]?.intValue, items.count < min { fail("minItems: got \(items.count), want \(min)") }
                if let max = s["maxItems"]?.intValue, items.count > max { fail("maxItems: got \(items.count), want \(max)") }
                if let itemSchema = s["items"], itemSchema.objectValue != nil {
                    for (i, item) in items.enumerated() { out += check(itemSchema, item, at: "\(location)/\(i)") }
                }
            }
            if case .object(let members) = value { out += objectChecks(s, members, at: location) }
            for sub in s["allOf"]?.arrayValue ?? [] { out += check(sub, value, at: location) }
            if let anyOf = s["anyOf"]?.arrayValue, !anyOf.contains(where: { check($0, value, at: location).isEmpty }) {
                fail("anyOf failed")
            }
            if let oneOf = s["oneOf"]?.arrayValue, oneOf.filter({ check($0, value, at: location).isEmpty }).count != 1 {
                fail("oneOf failed")
            }
            if let not = s["not"], check(not, value, at: location).isEmpty { fail("not failed") }
            return group(out, at: location)
        }

        /// Several failures of one property's schema become one `validation failed` with causes.
        func group(_ failures: [Failure], at location: String) -> [Failure] {
            let sorted = failures.enumerated().sorted { a, b in
                a.element.location != b.element.location ? a.element.location < b.element.location : a.offset < b.offset
            }.map(\.element)
            return sorted
        }

        func objectChecks(_ s: OrderedDictionaryView, _ members: OrderedDictionaryView, at location: String) -> [Failure] {
            var out: [Failure] = []
            let missing = (s["required"]?.arrayValue ?? []).compactMap(\.stringValue).filter { members[$0] == nil }
            if missing.count == 1 { out.append(Failure(location: location, message: "missing property '\(missing[0])'")) }
            if missing.count > 1 {
                out.append(Failure(location: location, message: "missing properties " + missing.map { "'\($0)'" }.joined(separator: ", ")))
            }
            let properties = s["properties"]?.objectValue ?? [:]
            for (key, sub) in properties {
                guard let child = members[key] else { continue }
                let failures = check(sub, child, at: location + "/" + key)
                if failures.count == 1 || failures.allSatisfy({ $0.location != location + "/" + key }) {
                    out += failures
                } else if !failures.isEmpty {
                    out.append(Failure(location: location + "/" + key, message: "validation failed", causes: failures))
                }
            }
            if let additional = s["additionalProperties"] {
                let patterns = (s["patternProperties"]?.objectValue ?? [:]).keys
                let extra = members.keys.filter { key in
                    properties[key] == nil && !patterns.contains { key.range(of: $0, options: .regularExpression) != nil }
                }
                if additional == .bool(false), !extra.isEmpty {
                    out.append(Failure(location: location, message: "additional properties " + extra.map { "'\($0)'" }.joined(separator: ", ") + " not allowed"))
                } else if additional.objectValue != nil {
                    for key in extra { out += check(additional, members[key] ?? .null, at: location + "/" + key) }
                }
            }
            return out
        }

        func numberChecks(_ s: OrderedDictionaryView, _ value: Value, fail: (String) -> Void) {
            let number: Double
            switch value { case .int(let i): number = Double(i); case .double(let d): number = d; default: return }
            func text(_ v: Value) -> String { quoted(v) }
            if let min = s["minimum"], let m = double(min), number < m { fail("minimum: got \(text(value)), want \(text(min))") }
            if let max = s["maximum"], let m = double(max), number > m { fail("maximum: got \(text(value)), want \(text(max))") }
            if let min = s["exclusiveMinimum"], let m = double(min), number <= m { fail("exclusiveMinimum: got \(text(value)), want \(text(min))") }
            if let max = s["exclusiveMaximum"], let m = double(max), number >= m { fail("exclusiveMaximum: got \(text(value)), want \(text(max))") }
            if let step = s["multipleOf"], let m = double(step), m > 0, (number / m).rounded() != number / m {
                fail("multipleOf: \(text(value)) not multipleOf \(text(step))")
            }
        }

        func stringChecks(_ s: OrderedDictionaryView, _ value: Value, fail: (String) -> Void) {
            guard case .string(let string) = value else { return }
            let length = string.unicodeScalars.count
            if let min = s["minLength"]?.intValue, length < min { fail("minLength: got \(length), want \(min)") }
            if let max = s["maxLength"]?.intValue, length > max { fail("maxLength: got \(length), want \(max)") }
            if let pattern = s["pattern"]?.stringValue, string.range(of: pattern, options: .regularExpression) == nil {
                fail("'\(string)' does not match pattern '\(pattern)'")
            }
        }

        func double(_ v: Value) -> Double? {
            switch v { case .int(let i): Double(i); case .double(let d): d; default: nil }
        }

        func typeMatches(_ types: Value, _ value: Value) -> Bool {
            (types.arrayValue ?? [types]).compactMap(\.stringValue).contains { type in
                switch (type, value) {
                case ("integer", .int): true
                case ("integer", .double(let d)): d.rounded() == d
                case ("number", .int), ("number", .double): true
                case ("string", .string), ("boolean", .bool), ("null", .null), ("array", .array), ("object", .object): true
                default: false
                }
            }
        }

        func typeName(_ value: Value) -> String {
            switch value {
            case .int, .double: "number"
            case .bool: "boolean"
            default: value.typeName
            }
        }

        func quoted(_ value: Value) -> String {
            switch value {
            case .string(let s): "'\(s)'"
            case .double(let d): d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
            default: JSON.encode(value)
            }
        }
    }
}

typealias OrderedDictionaryView = OrderedDictionary<String, Value>
