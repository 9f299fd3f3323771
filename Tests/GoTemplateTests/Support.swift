import FerryCore
import GoTemplate
import Testing

/// One table row: a template, its data, and the exact output or a substring of the error text.
struct TemplateCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var data: Value = .emptyObject
    var output: String?
    var error: String?
    var missingKey: ExecOptions.MissingKey = .default
    var testDescription: String { name }

    init(_ name: String, _ text: String, data: Value = .emptyObject, output: String? = nil, error: String? = nil,
         missingKey: ExecOptions.MissingKey = .default) {
        self.name = name
        self.text = text
        self.data = data
        self.output = output
        self.error = error
        self.missingKey = missingKey
    }
}

/// Functions a caller (later: Sprig) would pass in.
let testFunctions: FunctionMap = [
    "upper": { args in .value(.string(args.first?.data.stringValue?.uppercased() ?? "")) },
    "boom": { _ in throw FunctionError("boom") },
    "adder": { _ in .function({ args in .value(.int(args.compactMap { $0.data.intValue }.reduce(0, +))) }) },
]

/// Parses and runs the case with `functions`, returning its output or its error text.
func render(_ c: TemplateCase, functions: FunctionMap = testFunctions) -> (output: String?, error: String?) {
    do {
        let set = try Template.parse(name: "t", text: c.text, functions: functions)
        return (try set.execute("t", data: c.data, options: ExecOptions(missingKey: c.missingKey)), nil)
    } catch {
        return (nil, "\(error)")
    }
}

/// Checks one case against its expectation (an exact output, or a substring of the error).
func check(_ c: TemplateCase, functions: FunctionMap = testFunctions) {
    let result = render(c, functions: functions)
    if let out = result.output {
        #expect(c.error == nil, "expected error \(c.error ?? ""), got output \(out)")
        if let expected = c.output { #expect(out == expected) }
    } else if let message = result.error {
        #expect(c.error != nil, "unexpected error: \(message)")
        if let expected = c.error { #expect(message.contains(expected), "error was: \(message)") }
    }
}
