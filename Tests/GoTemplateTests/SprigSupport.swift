import FerryCore
import Foundation
import GoTemplate
import Testing

/// The fixed instant Sprig tests run at: 2023-11-14T22:13:20Z.
let sprigTestNow = Date(timeIntervalSince1970: 1_700_000_000)

/// Sprig with a fixed clock and a seeded random source, so every case is repeatable.
let sprigTestFunctions = Sprig.functions(SprigOptions(clock: { sprigTestNow }, random: SprigOptions.seededRandom(42)))

/// Parses and runs a case with the Sprig functions, returning its output or its error text.
func renderSprig(_ c: TemplateCase) -> (output: String?, error: String?) {
    do {
        let set = try Template.parse(name: "t", text: c.text, functions: sprigTestFunctions)
        return (try set.execute("t", data: c.data, options: ExecOptions(missingKey: c.missingKey)), nil)
    } catch {
        return (nil, "\(error)")
    }
}

/// Checks one Sprig case against its expected output or error substring.
func checkSprig(_ c: TemplateCase) {
    let result = renderSprig(c)
    if let out = result.output {
        #expect(c.error == nil, "expected error \(c.error ?? ""), got output \(out)")
        if let expected = c.output { #expect(out == expected) }
    } else if let message = result.error {
        #expect(c.error != nil, "unexpected error: \(message)")
        if let expected = c.error { #expect(message.contains(expected), "error was: \(message)") }
    }
}

/// Runs `text` with Sprig and returns the output, or the error text prefixed with `ERROR: `.
func sprigOutput(_ text: String, data: Value = .emptyObject) -> String {
    let result = renderSprig(TemplateCase("adhoc", text, data: data))
    return result.output ?? "ERROR: \(result.error ?? "")"
}
