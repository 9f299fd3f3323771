import FerryCore
import Foundation
import GoTemplate

extension HelmEngine {
    /// Sprig plus Helm's plain functions; Helm's own definitions win.
    static func functions(_ options: SprigOptions) -> FunctionMap {
        var all = Sprig.functions(options)
        all.merge(HelmFiles.functions) { _, helm in helm }
        all.merge(helmFunctions) { _, helm in helm }
        // Plain functions are looked up before context functions: keep `include`/`tpl` Helm's own.
        for name in contextFunctions.keys { all[name] = nil }
        return all
    }

    /// `required`, `fail` and the offline `lookup`.
    static var helmFunctions: FunctionMap {
        [
            "required": { args in
                guard args.count == 2 else { throw FunctionError("wrong number of args for required: want 2 got \(args.count)") }
                let message = args[0].data.stringValue ?? ""
                switch args[1] {
                case .missing, .value(.null): throw FunctionError(userErrorMark + message)
                case .value(.string(let s)) where s.isEmpty: throw FunctionError(userErrorMark + message)
                default: return args[1]
                }
            },
            "fail": { args in
                throw FunctionError(userErrorMark + (args.first?.data.stringValue ?? ""))
            },
            "lookup": { args in
                guard args.count == 4 else { throw FunctionError("wrong number of args for lookup: want 4 got \(args.count)") }
                return .value(.emptyObject)
            },
        ]
    }

    /// `include` and `tpl`, which run templates of the set.
    static var contextFunctions: [String: ContextFunction] {
        [
            "include": { context, args in
                guard args.count == 2, case .string(let name) = args[0].data else {
                    throw FunctionError("wrong number of args for include: want 2 got \(args.count)")
                }
                do { return .value(.string(try context.execute(name, data: args[1]))) } catch let error as FunctionError
                where error.message.hasSuffix("not defined") {
                    throw FunctionError("template: no template \(JSON.quote(name)) associated with template \"gotpl\"")
                }
            },
            "tpl": { context, args in
                guard args.count == 2 else { throw FunctionError("wrong number of args for tpl: want 2 got \(args.count)") }
                guard case .string(let text) = args[0].data else {
                    throw FunctionError("wrong type for value; expected string; got \(args[0].goTypeName)")
                }
                // Helm parses the text as its root template, "gotpl", in a clone of the set.
                do {
                    let output = try context.render(text: HelmMethodRewriter.rewrite(text), name: "gotpl", data: args[1])
                    return .value(.string(TextScan.removingNoValue(output)))
                } catch let error as TemplateError where error.column == nil {
                    throw FunctionError("cannot parse template \(GoQuote.quote(text)): \(error)")
                } catch let error as TemplateError {
                    throw FunctionError("error during tpl function execution for \(GoQuote.quote(text)): \(error)")
                }
            },
        ]
    }
}
