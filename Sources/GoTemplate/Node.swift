import FerryCore

/// A parsed template body: a list of nodes.
indirect enum Node: Sendable {
    case text(String)
    case action(Pipeline)
    case ifNode(Branch)
    case withNode(Branch)
    case rangeNode(Branch)
    case template(name: String, pipe: Pipeline?, pos: Position)
    case breakLoop(Position)
    case continueLoop(Position)
}

/// The shared shape of `if`, `with` and `range`: a pipeline, a body and an optional else body.
struct Branch: Sendable {
    var pipe: Pipeline
    var list: [Node]
    var elseList: [Node]?
}

/// A pipeline with optional variable declarations (`$x :=`) or assignment (`$x =`).
struct Pipeline: Sendable, CustomStringConvertible {
    var pos: Position
    var decl: [String] = []
    var isAssign = false
    var commands: [Command] = []

    var description: String {
        let head = decl.isEmpty ? "" : decl.joined(separator: ", ") + (isAssign ? " = " : " := ")
        return head + commands.map(\.description).joined(separator: " | ")
    }
}

/// One command of a pipeline: an operand followed by arguments.
struct Command: Sendable, CustomStringConvertible {
    var pos: Position
    var args: [Operand]
    var description: String { args.map(\.description).joined(separator: " ") }
}

/// An argument or callee inside a command.
struct Operand: Sendable, CustomStringConvertible {
    indirect enum Kind: Sendable {
        case field([String])
        case variable(String, [String])
        case dot
        case identifier(String, Callee)
        case chain(Operand, [String])
        case pipeline(Pipeline)
        /// A literal and its source text; nil for strings and booleans, whose text follows from the value (it is
        /// only needed for error messages, and a chart has thousands of string literals).
        case constant(Value, String?)
        case nilValue
    }
    var kind: Kind
    var pos: Position

    var description: String {
        switch kind {
        case .field(let names): return names.map { "." + $0 }.joined()
        case .variable(let name, let names): return name + names.map { "." + $0 }.joined()
        case .dot: return "."
        case .identifier(let name, _): return name
        case .chain(let base, let names): return base.description + names.map { "." + $0 }.joined()
        case .pipeline(let p): return "(\(p))"
        case .constant(let v, let text):
            if let text { return text }
            if case .string(let s) = v { return GoQuote.quote(s) }
            return v.boolValue.map { $0 ? "true" : "false" } ?? ""
        case .nilValue: return "nil"
        }
    }
}

/// One named template body and the name of the text it was parsed from.
struct Tree: Sendable {
    var name: String
    var parseName: String
    var root: [Node]
}
