import FerryCore
import Foundation

/// Sprig's regular-expression functions over `GoRegex` (RE2 syntax). Plain forms throw on a bad pattern
/// as Go's `MustCompile` panics, except `regexMatch`, which is false.
enum SprigRegex {
    static func strings(_ args: [TemplateValue], _ n: Int) throws -> [String] {
        try Arg.count(args, n)
        return try args.map(Arg.string)
    }

    static var table: FunctionMap {
        let findAll: TemplateFunction = { args in
            try Arg.count(args, 3)
            let re = try GoRegex(try Arg.string(args[0])), s = try Arg.string(args[1]), n = try Arg.int(args[2])
            let ns = s as NSString
            return .list(re.matches(in: s, limit: n).map { .string(ns.substring(with: $0.range)) })
        }
        let find: TemplateFunction = { args in
            let a = try strings(args, 2)
            guard let m = try GoRegex(a[0]).matches(in: a[1], limit: 1).first else { return .str("") }
            return .str((a[1] as NSString).substring(with: m.range))
        }
        let replace: TemplateFunction = { args in
            let a = try strings(args, 3)
            return .str(try GoRegex(a[0]).replaceAll(a[1], with: a[2], literal: false))
        }
        let replaceLiteral: TemplateFunction = { args in
            let a = try strings(args, 3)
            return .str(try GoRegex(a[0]).replaceAll(a[1], with: a[2], literal: true))
        }
        let split: TemplateFunction = { args in
            try Arg.count(args, 3)
            let re = try GoRegex(try Arg.string(args[0]))
            return .list(re.split(try Arg.string(args[1]), limit: try Arg.int(args[2])).map(Value.string))
        }
        let mustMatch: TemplateFunction = { args in
            let a = try strings(args, 2)
            return .bool(!(try GoRegex(a[0]).matches(in: a[1], limit: 1).isEmpty))
        }
        return [
            "regexMatch": { args in
                let a = try strings(args, 2)
                guard let re = try? GoRegex(a[0]) else { return .bool(false) }
                return .bool(!re.matches(in: a[1], limit: 1).isEmpty)
            },
            "mustRegexMatch": mustMatch,
            "regexFindAll": findAll, "mustRegexFindAll": findAll,
            "regexFind": find, "mustRegexFind": find,
            "regexReplaceAll": replace, "mustRegexReplaceAll": replace,
            "regexReplaceAllLiteral": replaceLiteral, "mustRegexReplaceAllLiteral": replaceLiteral,
            "regexSplit": split, "mustRegexSplit": split,
            "regexQuoteMeta": SprigStrings.unary(GoRegex.quoteMeta),
        ]
    }
}
