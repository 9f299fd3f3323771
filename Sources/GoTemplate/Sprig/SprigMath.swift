import FerryCore
import Foundation

/// Integer math through spf13/cast (`add`, `mul`, `max`…), float math through exact decimals (`addf`…),
/// and the conversions `atoi`, `int`, `int64`, `float64`, `toDecimal`.
enum SprigMath {
    static let divideByZero = FunctionError("runtime error: integer divide by zero")

    static func ints(_ args: [TemplateValue]) -> [Int64] { args.map { Cast.toInt64($0.data) } }

    static let integer: FunctionMap = [
        "add": { args in .int(ints(args).reduce(0, &+)) },
        "add1": { args in try Arg.count(args, 1); return .int(Cast.toInt64(args[0].data) &+ 1) },
        "sub": { args in try Arg.count(args, 2); let v = ints(args); return .int(v[0] &- v[1]) },
        "mul": { args in try Arg.atLeast(args, 1); return .int(ints(args).reduce(1, &*)) },
        "div": { args in
            try Arg.count(args, 2)
            let v = ints(args)
            guard v[1] != 0 else { throw divideByZero }
            return .int(v[0].dividedReportingOverflow(by: v[1]).partialValue)
        },
        "mod": { args in
            try Arg.count(args, 2)
            let v = ints(args)
            guard v[1] != 0 else { throw divideByZero }
            return .int(v[0].remainderReportingOverflow(dividingBy: v[1]).partialValue)
        },
        "max": { args in try Arg.atLeast(args, 1); return .int(ints(args).max() ?? 0) },
        "biggest": { args in try Arg.atLeast(args, 1); return .int(ints(args).max() ?? 0) },
        "min": { args in try Arg.atLeast(args, 1); return .int(ints(args).min() ?? 0) },
        "atoi": { args in
            try Arg.count(args, 1)
            return .goInt(GoNumber.parseInt(try Arg.string(args[0]), base: 10) ?? 0)
        },
        "int": { args in try Arg.count(args, 1); return .goInt(Cast.toInt64(args[0].data)) },
        "int64": { args in try Arg.count(args, 1); return .int(Cast.toInt64(args[0].data)) },
        "float64": { args in try Arg.count(args, 1); return .double(Cast.toFloat64(args[0].data)) },
        "toDecimal": { args in
            try Arg.count(args, 1)
            return .int(GoNumber.parseInt(GoFormat.v(args[0].data), base: 8) ?? 0)
        },
    ]

    static func floats(_ args: [TemplateValue]) -> [Double] { args.map { Cast.toFloat64($0.data) } }

    static let float: FunctionMap = [
        "addf": { args in .double(try decimal(0, floats(args), +)) },
        "add1f": { args in try Arg.count(args, 1); return .double(try decimal(Cast.toFloat64(args[0].data), [1], +)) },
        "subf": { args in try Arg.atLeast(args, 1); let v = floats(args); return .double(try decimal(v[0], Array(v.dropFirst()), -)) },
        "mulf": { args in try Arg.atLeast(args, 1); let v = floats(args); return .double(try decimal(v[0], Array(v.dropFirst()), *)) },
        "divf": { args in
            try Arg.atLeast(args, 1)
            let v = floats(args)
            guard !v.dropFirst().contains(0) else { throw FunctionError("decimal division by zero") }
            return .double(try decimal(v[0], Array(v.dropFirst()), /))
        },
        "maxf": { args in try Arg.atLeast(args, 1); return .double(floats(args).dropFirst().reduce(floats(args)[0], goMax)) },
        "minf": { args in try Arg.atLeast(args, 1); return .double(floats(args).dropFirst().reduce(floats(args)[0], goMin)) },
        "floor": { args in try Arg.count(args, 1); return .double(Cast.toFloat64(args[0].data).rounded(.down)) },
        "ceil": { args in try Arg.count(args, 1); return .double(Cast.toFloat64(args[0].data).rounded(.up)) },
        "round": { args in
            try Arg.atLeast(args, 2)
            guard args.count <= 3 else { throw ArgCountError(want: "at least 2", got: args.count) }
            let roundOn = args.count == 3 ? try Arg.float(args[2]) : 0.5
            return .double(round(Cast.toFloat64(args[0].data), places: try Arg.int(args[1]), roundOn: roundOn))
        },
    ]

    static var table: FunctionMap { integer.merging(float) { _, new in new } }

    static func goMax(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }
    static func goMin(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }

    /// shopspring/decimal arithmetic: each float enters as its shortest decimal text, so 0.1 + 0.2 = 0.3.
    static func decimal(_ first: Double, _ rest: [Double], _ op: (Decimal, Decimal) -> Decimal) throws -> Double {
        func dec(_ d: Double) throws -> Decimal {
            guard d.isFinite else { throw FunctionError("Cannot create a Decimal from \(GoFormat.v(Value.double(d)))") }
            return Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(d)
        }
        var acc = try dec(first)
        for x in rest { acc = op(acc, try dec(x)) }
        return Double(acc.description) ?? NSDecimalNumber(decimal: acc).doubleValue
    }

    /// Sprig's `round`: rounds up when the fraction at `places` reaches `roundOn`.
    static func round(_ value: Double, places: Int, roundOn: Double) -> Double {
        let pow = Foundation.pow(10, Double(places))
        let digit = pow * value
        let fraction = digit - digit.rounded(.towardZero)
        return (fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)) / pow
    }
}
