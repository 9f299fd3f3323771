import FerryCore
import OrderedCollections

/// The data model's stand-in for a Go value with a `String()` method (Helm's `.Capabilities.KubeVersion`,
/// Sprig's `semver`): an object whose fields stay readable (`.Version`, `.Major`) but which prints as its
/// string form where Go would call `String()`.
///
/// Go calls a pointer-receiver `String()` only on what it can address: an action printing a field
/// (`{{ .Capabilities.KubeVersion }}` gives `v1.36.0`), not a copy handed to a function (`printf "%s"` or
/// `quote` of it print the struct, `{v1.36.0 v1.36.0 1 36}`). `argumentForm` carries that second form; without
/// it the string form is used everywhere (a pointer value such as `*semver.Version`).
///
/// Both forms are kept under reserved keys that no YAML or JSON input can produce by accident.
public enum GoStringer {
    /// The reserved key holding the string form.
    public static let key = "\u{1}String"
    /// The reserved key holding the form printed when the value is a function's argument.
    public static let argumentKey = "\u{1}Argument"

    /// An object with `fields` that prints as `string` (and as `argumentForm`, when given, inside functions).
    public static func object(_ fields: OrderedDictionary<String, Value>, string: String, argumentForm: String? = nil) -> Value {
        var all = fields
        all[key] = .string(string)
        if let argumentForm { all[argumentKey] = .string(argumentForm) }
        return .object(all)
    }

    /// How an action prints `value` when it is such an object.
    public static func string(of value: Value) -> String? {
        guard case .object(let fields) = value, case .string(let s)? = fields[key] else { return nil }
        return s
    }

    /// How `fmt` prints `value` handed to a function, when it is such an object.
    static func argumentString(of value: Value) -> String? {
        guard case .object(let fields) = value else { return nil }
        if case .string(let s)? = fields[argumentKey] { return s }
        if case .string(let s)? = fields[key] { return s }
        return nil
    }
}
