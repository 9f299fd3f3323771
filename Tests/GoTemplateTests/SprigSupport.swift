import FerryCore
import Foundation
import GoTemplate
import Testing

/// The fixed instant Sprig tests run at: 2023-11-14T22:13:20Z.
let sprigTestNow = Date(timeIntervalSince1970: 1_700_000_000)

/// Sprig with a fixed clock and a seeded random source, so every case is repeatable.
let sprigTestFunctions = Sprig.functions(SprigOptions(clock: { sprigTestNow }, random: SprigOptions.seededRandom(42)))

/// Parses and runs a case with the Sprig functions, returning its output or its error text.
func renderSprig(_ c: TemplateCase) -> (output: String?, error: String?) { render(c, functions: sprigTestFunctions) }

/// Checks one Sprig case against its expected output or error substring.
func checkSprig(_ c: TemplateCase) { check(c, functions: sprigTestFunctions) }

/// Runs `text` with Sprig and returns the output, or the error text prefixed with `ERROR: `.
func sprigOutput(_ text: String, data: Value = .emptyObject) -> String {
    let result = renderSprig(TemplateCase("adhoc", text, data: data))
    return result.output ?? "ERROR: \(result.error ?? "")"
}
