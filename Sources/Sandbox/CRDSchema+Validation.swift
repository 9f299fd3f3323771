import FerryCore
import Foundation
import OrderedCollections

/// One field error as apimachinery's `field.Error` reports it: the cause's reason (`FieldValueInvalid`, …),
/// the field path and the body (`Invalid value: "string": spec.replicas in body must be of type integer: "string"`).
struct FieldError: Sendable, Equatable {
    var field: String
    var reason: String
    var body: String

    /// `field: body`, as in the aggregated message.
    var text: String { "\(field): \(body)" }

    static func required(_ field: String) -> FieldError {
        FieldError(field: field, reason: "FieldValueRequired", body: "Required value")
    }

    static func invalid(_ field: String, _ value: Value, _ detail: String, reason: String = "FieldValueInvalid") -> FieldError {
        FieldError(field: field, reason: reason, body: "Invalid value: \(render(value)): \(detail)")
    }

    /// A value as `field.Error` prints it: strings quoted, numbers and booleans plain, the rest as JSON.
    static func render(_ value: Value) -> String {
        switch value {
        case .string(let s): return GoQuote.quote(s)
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .bool(let b): return b ? "true" : "false"
        default: return JSON.encode(value)
        }
    }

    /// Go's `%v` of a float64 for the values schemas use (`10`, `1.5`).
    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }
}

extension APIError {
    /// 422 Invalid with typed causes; `groupKind` overrides the `Kind.group` the message starts with
    /// (empty for the anonymous errors of a patch that cannot be decoded).
    static func invalid(_ type: ResourceType, _ name: String, _ errors: [FieldError], groupKind: String? = nil) -> APIError {
        var seen: Set<String> = []
        let texts = errors.map(\.text).filter { seen.insert($0).inserted }
        let joined = texts.count == 1 ? texts[0] : "[\(texts.joined(separator: ", "))]"
        let kind = groupKind ?? (type.group.isEmpty ? type.kind : "\(type.kind).\(type.group)")
        let causes: Value = .array(errors.map {
            ["reason": .string($0.reason), "message": .string($0.body), "field": .string($0.field)]
        })
        var d: Value = ["causes": causes]
        if groupKind == nil {
            d = details(type, name)
            d["kind"] = .string(type.kind)
            d["causes"] = causes
        }
        return APIError(code: 422, reason: "Invalid", message: "\(kind) \"\(name)\" is invalid: \(joined)", details: d)
    }
}

/// Validation of a custom resource against its structural schema, in kube-openapi's order (type, string,
/// format, number, array, enum, object) and with its wording, mapped to field errors as apiextensions does.
extension CRDSchema {
    /// The field errors of `object` (a whole custom resource) against the version's `openAPIV3Schema`.
    static func validate(_ object: Value, schema: Value) -> [FieldError] {
        validate(object, schema, path: "")
    }

    /// The field errors of one value at `path` (`spec.items[0].name`).
    static func validate(_ value: Value, _ schema: Value, path: String) -> [FieldError] {
        let types = typeList(schema)
        let format = supportedFormat(schema, types)
        if value.isNull {
            guard !types.isEmpty, schema["nullable"]?.boolValue != true else { return enumErrors(value, schema, path) }
            return [typeError(path, types.joined(separator: ","), "null")] + enumErrors(value, schema, path)
        }
        var errors: [FieldError] = []
        if let error = typeMismatch(value, types, format, path) { errors.append(error) }
        switch value {
        case .string(let s):
            errors += stringErrors(s, schema, path)
            if let format, let error = formatError(s, format, path) { errors.append(error) }
        case .int, .double: errors += numberErrors(value, schema, types, format, path)
        case .array(let items): errors += arrayErrors(items, schema, path)
        default: break
        }
        errors += enumErrors(value, schema, path)
        if case .object(let members) = value { errors += objectErrors(members, schema, path) }
        return errors
    }

    /// The schema's types: `type`, or integer and string for `x-kubernetes-int-or-string`.
    static func typeList(_ schema: Value) -> [String] {
        if schema["x-kubernetes-int-or-string"]?.boolValue == true { return ["integer", "string"] }
        return schema["type"]?.stringValue.map { [$0] } ?? []
    }

    /// The JSON type name kube-openapi gives a decoded value.
    static func typeName(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// `format`, unless apiextensions strips it as unsupported for the type.
    private static func supportedFormat(_ schema: Value, _ types: [String]) -> String? {
        guard let format = schema["format"]?.stringValue, !format.isEmpty else { return nil }
        switch types.count == 1 ? types[0] : "" {
        case "", "string": return knownFormats.contains(format.replacingOccurrences(of: "-", with: "")) ? format : nil
        case "integer": return ["int32", "int64"].contains(format) ? format : nil
        case "number": return ["float", "double"].contains(format) ? format : nil
        default: return nil
        }
    }

    static func typeError(_ path: String, _ expected: String, _ actual: String) -> FieldError {
        .invalid(fieldName(path), .string(actual), "\(path) in body must be of type \(expected): \(GoQuote.quote(actual))",
                 reason: "FieldValueTypeInvalid")
    }

    /// The field path of an error named `path` (`<nil>` for the root, as a nil `field.Path` prints).
    static func fieldName(_ path: String) -> String {
        let trimmed = path.hasPrefix(".") ? String(path.dropFirst()) : path
        return trimmed.isEmpty ? "<nil>" : trimmed
    }

    private static func typeMismatch(_ value: Value, _ types: [String], _ format: String?, _ path: String) -> FieldError? {
        guard !types.isEmpty else { return nil }
        let actual = typeName(value)
        let floatInt = value.intValue != nil && actual == "number" && types.contains("integer")
        let intFloat = actual == "integer" && types.contains("number")
        let numeric = types.contains("number") || types.contains("integer")
        if let format, actual != "string", actual != "array", !(types.contains(actual) || floatInt || intFloat) {
            return typeError(path, format, actual == "integer" ? "int64" : actual == "number" ? "float64" : "")
        }
        if format != nil, !numeric, actual == "string" || actual == "array" { return nil }
        return types.contains(actual) || floatInt || intFloat ? nil : typeError(path, types.joined(separator: ","), actual)
    }

    private static func stringErrors(_ s: String, _ schema: Value, _ path: String) -> [FieldError] {
        let length = s.unicodeScalars.count
        if let max = schema["maxLength"]?.intValue, length > max {
            return [FieldError(field: fieldName(path), reason: "FieldValueTooLong",
                               body: "Too long: may not be more than \(max) \(max == 1 ? "byte" : "bytes")")]
        }
        if let min = schema["minLength"]?.intValue, length < min {
            return [.invalid(fieldName(path), .string(s), "\(path) in body should be at least \(min) chars long")]
        }
        if let pattern = schema["pattern"]?.stringValue, let regex = try? NSRegularExpression(pattern: pattern),
           regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
            return [.invalid(fieldName(path), .string(s), "\(path) in body should match '\(pattern)'")]
        }
        return []
    }

    private static func numberErrors(_ value: Value, _ schema: Value, _ types: [String], _ format: String?,
                                     _ path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let number: Double = if case .int(let i) = value { Double(i) } else if case .double(let d) = value { d } else { 0 }
        if types == ["integer"], format == "int32", number.rounded() == number,
           number < Double(Int32.min) || number > Double(Int32.max) {
            errors.append(.invalid("<nil>", "", "Checked value must be of type integer with format int32 in \(path)"))
        }
        if let factor = schema["multipleOf"].flatMap(double), factor > 0,
           (number / factor).rounded() != number / factor {
            errors.append(.invalid(fieldName(path), value, "\(path) in body should be a multiple of \(FieldError.number(factor))"))
        }
        if let min = schema["minimum"].flatMap(double) {
            let exclusive = schema["exclusiveMinimum"]?.boolValue == true
            if exclusive ? number <= min : number < min {
                let relation = exclusive ? "greater than" : "greater than or equal to"
                errors.append(.invalid(fieldName(path), value, "\(path) in body should be \(relation) \(FieldError.number(min))"))
            }
        }
        if let max = schema["maximum"].flatMap(double) {
            let exclusive = schema["exclusiveMaximum"]?.boolValue == true
            if exclusive ? number >= max : number > max {
                let relation = exclusive ? "less than" : "less than or equal to"
                errors.append(.invalid(fieldName(path), value, "\(path) in body should be \(relation) \(FieldError.number(max))"))
            }
        }
        return errors
    }

    private static func double(_ value: Value) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    private static func arrayErrors(_ items: [Value], _ schema: Value, _ path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let itemSchema = schema["items"], itemSchema.objectValue != nil {
            for (index, item) in items.enumerated() { errors += validate(item, itemSchema, path: "\(path)[\(index)]") }
        }
        let count = Int64(items.count)
        if let min = schema["minItems"]?.intValue, count < min {
            errors.append(.invalid(fieldName(path), .int(count), "\(path) in body should have at least \(min) items"))
        }
        if let max = schema["maxItems"]?.intValue, count > max {
            errors.append(tooMany(path, count, max))
        }
        if schema["uniqueItems"]?.boolValue == true,
           items.indices.contains(where: { i in items[..<i].contains { $0.semanticallyEquals(items[i]) } }) {
            errors.append(.invalid(fieldName(path), "", "\(path) in body shouldn't contain duplicates"))
        }
        return errors
    }

    private static func tooMany(_ path: String, _ count: Int64, _ max: Int64) -> FieldError {
        FieldError(field: fieldName(path), reason: "FieldValueTooMany",
                   body: "Too many: \(count): must have at most \(max) \(max == 1 ? "item" : "items")")
    }

    private static func enumErrors(_ value: Value, _ schema: Value, _ path: String) -> [FieldError] {
        guard let allowed = schema["enum"]?.arrayValue, !allowed.isEmpty,
              !allowed.contains(where: { $0.semanticallyEquals(value) }) else { return [] }
        let names = allowed.map { GoQuote.quote($0.stringValue ?? JSON.encode($0)) }
        return [FieldError(field: fieldName(path), reason: "FieldValueNotSupported",
                           body: "Unsupported value: \(FieldError.render(value)): supported values: "
                               + names.joined(separator: ", "))]
    }

    private static func objectErrors(_ members: OrderedDictionary<String, Value>, _ schema: Value,
                                     _ path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let count = Int64(members.count)
        if let min = schema["minProperties"]?.intValue, count < min {
            errors.append(.invalid(fieldName(path), .int(count), "\(path) in body should have at least \(min) properties"))
        }
        if let max = schema["maxProperties"]?.intValue, count > max { errors.append(tooMany(path, count, max)) }
        let properties = schema["properties"]?.objectValue ?? [:]
        if let additional = schema["additionalProperties"], additional.objectValue != nil {
            for key in members.keys.sorted() where properties[key] == nil {
                errors += validate(members[key] ?? .null, additional, path: join(path, key))
            }
        }
        for key in properties.keys.sorted() {
            guard let child = members[key], let property = properties[key] else { continue }
            errors += validate(child, property, path: join(path, key))
        }
        for key in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where members[key] == nil {
            errors.append(.required(fieldName(path + "." + key)))
        }
        if schema["x-kubernetes-embedded-resource"]?.boolValue == true { errors += embeddedErrors(members, path) }
        return errors
    }

    /// An embedded resource needs a string `apiVersion` and `kind`.
    private static func embeddedErrors(_ members: OrderedDictionary<String, Value>, _ path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for key in ["apiVersion", "kind"] {
            let field = fieldName(join(path, key))
            guard let member = members[key] else { errors.append(.required(field)); continue }
            if case .string(let s) = member {
                if s.isEmpty { errors.append(.invalid(field, "", "must not be empty")) }
            } else {
                errors.append(.invalid(field, member, "must be a string"))
            }
        }
        return errors
    }
}
