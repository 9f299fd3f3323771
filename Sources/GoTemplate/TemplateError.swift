/// An error parsing or executing a template, printed the way Go's text/template prints it.
///
/// Parse errors read `template: NAME:LINE: MESSAGE`; execution errors read
/// `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: MESSAGE`.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The name of the template (file) the failing text was parsed from.
    public var name: String
    /// The 1-based line of the failing text, or 0 when unknown.
    public var line: Int
    /// The 0-based byte column within the line (as Go reports it), or nil for parse errors.
    public var column: Int?
    /// The message after the location, including any `executing "…" at <…>:` context.
    public var message: String

    /// Creates an error at a location.
    public init(name: String, line: Int, column: Int? = nil, message: String) {
        self.name = name
        self.line = line
        self.column = column
        self.message = message
    }

    /// The Go-like text of the error.
    public var description: String {
        var location = "template: \(name)"
        if line > 0 { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}

/// A failure raised inside a builtin or a user function; the executor adds the location.
public struct FunctionError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, e.g. `index out of range: 5`.
    public var message: String
    /// Creates a function error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Where a token or node sits in its source text.
struct Position: Sendable {
    var offset: Int
    var line: Int
    var column: Int
}
