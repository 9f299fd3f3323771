import OrderedCollections

/// `Value` inside `Codable` types (e.g. Argo CD's `spec.source.helm.valuesObject`). Decoding keeps the
/// decoder's key order, which JSONDecoder does not promise; order-sensitive callers parse with `JSON.parse`.
extension Value: Codable {
    struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: MemberKey.self) {
            var members = OrderedDictionary<String, Value>()
            for key in keyed.allKeys { members[key.stringValue] = try keyed.decode(Value.self, forKey: key) }
            self = .object(members)
            return
        }
        if var list = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !list.isAtEnd { items.append(try list.decode(Value.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let i = try? single.decode(Int64.self) { self = .int(i) }
        else if let d = try? single.decode(Double.self) { self = .double(d) }
        else { self = .string(try single.decode(String.self)) }
    }

    /// Encodes the value as the matching JSON type.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var keyed = encoder.container(keyedBy: MemberKey.self)
            for (key, value) in members { try keyed.encode(value, forKey: MemberKey(stringValue: key)) }
        case .array(let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        case .null: var single = encoder.singleValueContainer(); try single.encodeNil()
        case .bool(let b): var single = encoder.singleValueContainer(); try single.encode(b)
        case .int(let i): var single = encoder.singleValueContainer(); try single.encode(i)
        case .double(let d): var single = encoder.singleValueContainer(); try single.encode(d)
        case .string(let s): var single = encoder.singleValueContainer(); try single.encode(s)
        }
    }
}
