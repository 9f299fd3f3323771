import FerryCore
import Foundation

/// Sprig's random functions, drawing from `SprigOptions.random`.
enum SprigRandom {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    static let digits = Array("0123456789".unicodeScalars)
    static let ascii = (32...126).compactMap(Unicode.Scalar.init(_:))

    static func table(_ options: SprigOptions) -> FunctionMap {
        let random = options.random
        func chars(_ set: [Unicode.Scalar]) -> TemplateFunction {
            { args in
                try Arg.count(args, 1)
                let n = try Arg.int(args[0])
                guard n >= 0 else { throw FunctionError("Requested random string length \(n) is less than 0.") }
                guard n <= 1 << 20 else { throw FunctionError("Requested random string length \(n) is too large.") }
                var out = String.UnicodeScalarView()
                for _ in 0..<n { out.append(set[Int(uniform(UInt64(set.count), random))]) }
                return .str(String(out))
            }
        }
        return [
            "randAlphaNum": chars(letters + digits),
            "randAlpha": chars(letters),
            "randNumeric": chars(digits),
            "randAscii": chars(ascii),
            "randBytes": { args in
                try Arg.count(args, 1)
                let n = try Arg.int(args[0])
                guard n >= 0, n <= 1 << 20 else { throw FunctionError("randBytes: invalid length \(n)") }
                return .str(Data(bytes(n, random)).base64EncodedString())
            },
            "randInt": { args in
                try Arg.count(args, 2)
                let lo = try Arg.int(args[0]), hi = try Arg.int(args[1])
                let span = hi.subtractingReportingOverflow(lo)
                guard !span.overflow, span.partialValue > 0 else { throw FunctionError("invalid argument to Intn") }
                return .goInt(Int64(lo + Int(uniform(UInt64(span.partialValue), random))))
            },
            "shuffle": SprigStrings.unary { s in
                var scalars = Array(s.unicodeScalars)
                for i in stride(from: scalars.count - 1, to: 0, by: -1) {
                    scalars.swapAt(i, Int(uniform(UInt64(i + 1), random)))
                }
                return String(String.UnicodeScalarView(scalars))
            },
            "uuidv4": { args in try Arg.count(args, 0); return .str(uuid(random)) },
        ]
    }

    /// A uniform draw in `0..<bound` without modulo bias.
    static func uniform(_ bound: UInt64, _ random: @Sendable () -> UInt64) -> UInt64 {
        guard bound > 1 else { return 0 }
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let r = random()
            if r < limit { return r % bound }
        }
    }

    static func bytes(_ n: Int, _ random: @Sendable () -> UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n + 8)
        while out.count < n {
            withUnsafeBytes(of: random().littleEndian) { out.append(contentsOf: $0) }
        }
        return Array(out.prefix(n))
    }

    /// A random (version 4, variant 10) UUID in lower-case hex.
    static func uuid(_ random: @Sendable () -> UInt64) -> String {
        var b = bytes(16, random)
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { String(format: "%02x", $0) }
        return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
    }
}
