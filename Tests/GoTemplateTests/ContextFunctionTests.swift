import FerryCore
import GoTemplate
import Testing

/// Minimal `include` and `tpl`, the way the Helm layer will build them.
let helmLike: [String: ContextFunction] = [
    "include": { context, args in
        .value(.string(try context.execute(args.first?.data.stringValue ?? "", data: args.count > 1 ? args[1] : .missing)))
    },
    "tpl": { context, args in
        .value(.string(try context.render(text: args.first?.data.stringValue ?? "", name: "tpl", data: args.count > 1 ? args[1] : .missing)))
    },
]

@Suite struct ContextFunctionTests {
    func run(_ text: String, data: Value = [:]) throws -> String {
        try Template.parse(name: "t", text: text, contextFunctions: helmLike).execute("t", data: data)
    }

    @Test func includeReturnsATemplatesOutputIntoAPipeline() throws {
        #expect(try run(#"{{define "x"}}[{{.}}]{{end}}{{include "x" 5 | printf "%s!"}}"#) == "[5]!")
    }

    @Test func includeDoesNotLeakVariablesOrOutput() throws {
        #expect(try run(#"{{define "x"}}{{$v := 2}}{{$v}}{{end}}{{$v := 1}}{{$s := include "x" .}}{{$v}}{{$s}}"#) == "12")
    }

    @Test func anIncludeLoopIsAnErrorNotACrash() throws {
        #expect {
            try run(#"{{define "r"}}{{include "r" .}}{{end}}{{include "r" .}}"#)
        } throws: { error in
            "\(error)".contains("error calling include: ") && "\(error)".contains("exceeded maximum template depth (200)")
        }
    }

    @Test func tplRendersTextAgainstTheSetsDefinitions() throws {
        let out = try run(#"{{define "x"}}X{{end}}{{tpl .t .}}"#, data: ["t": #"{{.a}}-{{template "x"}}"#, "a": "A"])
        #expect(out == "A-X")
    }

    @Test func aTplDefineShadowsTheSetsOnlyForItsOwnRun() throws {
        // The text's `define` wins inside it (and in templates it includes), but not after it returns; the
        // same text run twice (served from the parse cache) behaves the same.
        let text = #"{{define "x"}}Y{{end}}{{template "x"}}{{include "x" .}}"#
        let out = try run(#"{{define "x"}}X{{end}}{{tpl .t .}} {{tpl .t .}} {{template "x"}}"#, data: ["t": .string(text)])
        #expect(out == "YY YY X")
    }

    @Test func aCallersFunctionReplacesABuiltinOfTheSameName() throws {
        // As Go's Funcs: the caller's `len` and `and` win over the builtins (so this `and` is no longer lazy and
        // sees every argument), and the builtins the caller left alone stay.
        let functions: FunctionMap = [
            "len": { _ in .value(.string("mine")) },
            "and": { args in .value(.string("all \(args.count)")) },
        ]
        let set = try Template.parse(name: "t", text: #"{{len "abc"}} {{and false 1 2}} {{or false 7}} {{not true}}"#,
                                     functions: functions, contextFunctions: helmLike)
        #expect(try set.execute("t", data: [:]) == "mine all 3 7 false")
    }

    @Test func tplParseErrorsAreReportedWithTheCallingFunction() throws {
        #expect {
            try run("{{tpl .t .}}", data: ["t": "{{nope}}"])
        } throws: { error in
            "\(error)".contains(#"error calling tpl: template: tpl:1: function "nope" not defined"#)
        }
    }
}
