import FerryCore
import Foundation

/// Decodes the Kubernetes protobuf envelope (`k8s\0` + `runtime.Unknown`) for the kinds kubectl's imperative
/// commands send that way (`create namespace|configmap|secret|serviceaccount|deployment|service|ingress`) and for
/// `DeleteOptions`. Other
/// kinds answer 415.
enum Protobuf {
    indirect enum FieldType: Sendable {
        case string, bytes, int, bool
        case message([Int: (String, FieldType)])
        case map(FieldType)
        case repeated(FieldType)
        case time
        case intOrString
        /// A message whose fields are the parent's in JSON (Go's inlined struct, e.g. `IngressRuleValue`).
        case inline([Int: (String, FieldType)])
    }

    static let objectMeta: [Int: (String, FieldType)] = [
        1: ("name", .string), 2: ("generateName", .string), 3: ("namespace", .string),
        11: ("labels", .map(.string)), 12: ("annotations", .map(.string)), 14: ("finalizers", .repeated(.string)),
    ]

    /// Field tables per kind (the `generated.proto` numbers of the built-in types).
    static let kinds: [String: [Int: (String, FieldType)]] = [
        "Namespace": [1: ("metadata", .message(objectMeta)),
                      2: ("spec", .message([1: ("finalizers", .repeated(.string))]))],
        "ConfigMap": [1: ("metadata", .message(objectMeta)), 2: ("data", .map(.string)),
                      3: ("binaryData", .map(.bytes)), 4: ("immutable", .bool)],
        "Secret": [1: ("metadata", .message(objectMeta)), 2: ("data", .map(.bytes)), 3: ("type", .string),
                   4: ("stringData", .map(.string)), 5: ("immutable", .bool)],
        "ServiceAccount": [1: ("metadata", .message(objectMeta)), 4: ("automountServiceAccountToken", .bool)],
        "Deployment": [1: ("metadata", .message(objectMeta)), 2: ("spec", .message([
            1: ("replicas", .int), 2: ("selector", .message(labelSelector)),
            3: ("template", .message([1: ("metadata", .message(objectMeta)), 2: ("spec", .message(podSpec))])),
        ]))],
        "Service": [1: ("metadata", .message(objectMeta)), 2: ("spec", .message([
            1: ("ports", .repeated(.message([1: ("name", .string), 2: ("protocol", .string), 3: ("port", .int),
                                             4: ("targetPort", .intOrString), 5: ("nodePort", .int)]))),
            2: ("selector", .map(.string)), 3: ("clusterIP", .string), 4: ("type", .string),
            7: ("externalName", .string),
        ]))],
        // networking.k8s.io/v1 (`kubectl create ingress`).
        "Ingress": [1: ("metadata", .message(objectMeta)), 2: ("spec", .message([
            1: ("defaultBackend", .message(ingressBackend)),
            2: ("tls", .repeated(.message([1: ("hosts", .repeated(.string)), 2: ("secretName", .string)]))),
            3: ("rules", .repeated(.message([
                1: ("host", .string),
                2: ("ingressRuleValue", .inline([1: ("http", .message([1: ("paths", .repeated(.message([
                    1: ("path", .string), 2: ("backend", .message(ingressBackend)), 3: ("pathType", .string),
                ])))]))])),
            ]))),
            4: ("ingressClassName", .string),
        ]))],
        // The body of a DELETE, which client-go sends in protobuf (Helm's uninstall does).
        "DeleteOptions": [
            1: ("gracePeriodSeconds", .int),
            2: ("preconditions", .message([1: ("uid", .string), 2: ("resourceVersion", .string)])),
            3: ("orphanDependents", .bool), 4: ("propagationPolicy", .string), 5: ("dryRun", .repeated(.string)),
        ],
    ]

    static let labelSelector: [Int: (String, FieldType)] = [1: ("matchLabels", .map(.string))]

    static let ingressBackend: [Int: (String, FieldType)] = [
        3: ("resource", .message([1: ("apiGroup", .string), 2: ("kind", .string), 3: ("name", .string)])),
        4: ("service", .message([1: ("name", .string), 2: ("port", .message([1: ("name", .string), 2: ("number", .int)]))])),
    ]



    /// The PodSpec subset `kubectl create deployment|job` fills in.
    static let podSpec: [Int: (String, FieldType)] = [
        2: ("containers", .repeated(.message([
            1: ("name", .string), 2: ("image", .string), 3: ("command", .repeated(.string)),
            4: ("args", .repeated(.string)),
            6: ("ports", .repeated(.message([1: ("name", .string), 3: ("containerPort", .int), 4: ("protocol", .string)]))),
            7: ("env", .repeated(.message([1: ("name", .string), 2: ("value", .string)]))),
        ]))),
        3: ("restartPolicy", .string), 8: ("serviceAccountName", .string),
    ]

    /// The object in a protobuf request body, as JSON-shaped `Value`.
    static func decode(_ data: Data) throws -> Value {
        let bytes = [UInt8](data)
        guard bytes.count >= 4, bytes[0..<4] == [0x6B, 0x38, 0x73, 0x00] else {
            throw APIError.badRequest("protobuf body lacks the k8s envelope")
        }
        let unknown = try fields(bytes[4...])
        let typeMeta = try fields(ArraySlice(unknown.first { $0.number == 1 }?.bytes ?? []))
        let apiVersion = typeMeta.first { $0.number == 1 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let kind = typeMeta.first { $0.number == 2 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        guard let schema = kinds[kind] else {
            throw APIError.unsupportedMediaType("application/vnd.kubernetes.protobuf for \(kind)")
        }
        var object = try message(ArraySlice(unknown.first { $0.number == 2 }?.bytes ?? []), schema)
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        return object
    }

    struct Field { var number: Int; var varint: UInt64; var bytes: [UInt8] }

    static func fields(_ input: ArraySlice<UInt8>) throws -> [Field] {
        var pos = input.startIndex
        var out: [Field] = []
        func varint() throws -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while pos < input.endIndex {
                let b = input[pos]; pos += 1
                result |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { return result }
                shift += 7
                if shift > 63 { break }
            }
            throw APIError.badRequest("truncated protobuf varint")
        }
        while pos < input.endIndex {
            let tag = try varint()
            let number = Int(tag >> 3)
            switch tag & 7 {
            case 0: out.append(Field(number: number, varint: try varint(), bytes: []))
            case 1, 5:
                let size = tag & 7 == 1 ? 8 : 4
                guard pos + size <= input.endIndex else { throw APIError.badRequest("truncated protobuf field") }
                pos += size
            case 2:
                let length = Int(try varint())
                guard length >= 0, pos + length <= input.endIndex else { throw APIError.badRequest("truncated protobuf field") }
                out.append(Field(number: number, varint: 0, bytes: Array(input[pos..<pos + length])))
                pos += length
            default: throw APIError.badRequest("unsupported protobuf wire type")
            }
        }
        return out
    }

    static func message(_ input: ArraySlice<UInt8>, _ schema: [Int: (String, FieldType)]) throws -> Value {
        var object: Value = .emptyObject
        for field in try fields(input) {
            guard let (name, type) = schema[field.number] else { continue }
            switch type {
            case .repeated(let element):
                let item = try scalar(field, element)
                object[name] = .array((object[name]?.arrayValue ?? []) + [item])
            case .map(let valueType):
                let entry = try fields(ArraySlice(field.bytes))
                let key = entry.first { $0.number == 1 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
                let value = try entry.first { $0.number == 2 }.map { try scalar($0, valueType) }
                    ?? scalar(Field(number: 2, varint: 0, bytes: []), valueType)
                var map = object[name] ?? .emptyObject
                map[key] = value
                object[name] = map
            case .inline(let schema):
                for (key, value) in try message(ArraySlice(field.bytes), schema).objectValue ?? [:] { object[key] = value }
            default:
                let value = try scalar(field, type)
                if value != .string("") { object[name] = value }   // proto2 sends unset strings as ""
            }
        }
        return object
    }

    static func scalar(_ field: Field, _ type: FieldType) throws -> Value {
        switch type {
        case .string: return .string(String(decoding: field.bytes, as: UTF8.self))
        case .bytes: return .string(Data(field.bytes).base64EncodedString())
        case .int: return .int(Int64(bitPattern: field.varint))
        case .bool: return .bool(field.varint != 0)
        case .message(let schema): return try message(ArraySlice(field.bytes), schema)
        case .time:
            let seconds = try fields(ArraySlice(field.bytes)).first { $0.number == 1 }?.varint ?? 0
            return .string(ObjectRules.timestamp(Date(timeIntervalSince1970: TimeInterval(seconds))))
        case .intOrString:
            let parts = try fields(ArraySlice(field.bytes))
            if parts.first(where: { $0.number == 1 })?.varint == 1 {
                return .string(parts.first { $0.number == 3 }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "")
            }
            return .int(Int64(parts.first { $0.number == 2 }?.varint ?? 0))
        case .map, .repeated, .inline: return .null
        }
    }
}
