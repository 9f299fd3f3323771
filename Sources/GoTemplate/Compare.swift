import FerryCore

/// Go's comparison builtins: basic kinds compare; int and float do not mix; maps and lists are not comparable.
enum Compare {
    enum Kind { case bool, int, float, string, invalid, other }

    static func kind(_ v: Value) -> Kind {
        switch v {
        case .bool: .bool
        case .int: .int
        case .double: .float
        case .string: .string
        case .null: .invalid
        case .array, .object: .other
        }
    }

    static func incompatible(_ a: Value, _ b: Value) -> FunctionError {
        FunctionError("incompatible types for comparison: \(a.goTypeName) and \(b.goTypeName)")
    }
    static let invalidType = FunctionError("invalid type for comparison")

    /// `eq a b c…`: true when `a` equals any of the rest.
    static func eq(_ first: Value, _ rest: [Value]) throws -> Bool {
        guard !rest.isEmpty else { throw FunctionError("missing argument for comparison") }
        let k1 = kind(first)
        for arg in rest {
            let k2 = kind(arg)
            let (n1, n2) = (k1 == .other ? .invalid : k1, k2 == .other ? .invalid : k2)
            if n1 != n2 {
                if !first.isNull && !arg.isNull { throw incompatible(first, arg) }
                continue
            }
            if n1 != .invalid {
                if first == arg { return true }
                continue
            }
            if first.isNull || arg.isNull {
                if first.isNull && arg.isNull { return true }
                continue
            }
            if k1 != k2 || first.goTypeName != arg.goTypeName {
                throw FunctionError("non-comparable types \(GoFormat.v(first)): \(first.goTypeName), \(arg.goTypeName): \(GoFormat.v(arg))")
            }
            throw FunctionError("non-comparable type \(GoFormat.v(arg)): \(arg.goTypeName)")
        }
        return false
    }

    /// `lt a b` on ints, floats and strings of the same kind.
    static func lt(_ a: Value, _ b: Value) throws -> Bool {
        let (k1, k2) = (kind(a), kind(b))
        guard k1 != .invalid, k1 != .other, k2 != .invalid, k2 != .other else { throw invalidType }
        guard k1 == k2 else { throw incompatible(a, b) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.string(let x), .string(let y)): return UTF8Bytes.less(x, y)
        default: throw invalidType
        }
    }

    /// `le a b`.
    static func le(_ a: Value, _ b: Value) throws -> Bool {
        if try lt(a, b) { return true }
        return try eq(a, [b])
    }
}
