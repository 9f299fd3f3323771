import Foundation

// Ferry's command-line parser. Commands declare their arguments with property wrappers (`@Option`, `@Flag`,
// `@Argument`, `@OptionGroup`) in the style of swift-argument-parser, but nothing is discovered by reflection:
// each wrapper registers itself with the command being built as the command's `init()` runs, and every name is
// spelled out where it is declared. Reflecting over command types (Mirror, dynamic casts, generic metadata
// checked against protocol conformances) was the largest part of `ferry`'s start-up: a sixth of all the work
// of `ferry render` on a 120-template chart.

// MARK: Declaring commands

/// A set of arguments (a command, or a group of options shared by commands).
public protocol ParsableArguments {
    init()
    /// Checks the parsed values together; a `ValidationError` is reported like a usage error.
    func validate() throws
}

extension ParsableArguments {
    public func validate() throws {}
}

/// A command: its configuration, its arguments, and what it does.
public protocol AsyncParsableCommand: ParsableArguments {
    static var configuration: CommandConfiguration { get }
    func run() async throws
}

extension AsyncParsableCommand {
    /// A command group run without a subcommand prints its help.
    public func run() async throws { throw CommandLineRequest.help }
}

/// A command's name, help texts and subcommands.
public struct CommandConfiguration: @unchecked Sendable {
    public var commandName: String
    public var abstract: String
    public var discussion: String
    /// Printed by `--version` (root command only).
    public var version: String
    public var subcommands: [any AsyncParsableCommand.Type]
    /// Other names the command answers to (`ferry app ls`).
    public var aliases: [String]

    public init(commandName: String, abstract: String = "", discussion: String = "", version: String = "",
                subcommands: [any AsyncParsableCommand.Type] = [], aliases: [String] = []) {
        self.commandName = commandName; self.abstract = abstract; self.discussion = discussion
        self.version = version; self.subcommands = subcommands; self.aliases = aliases
    }

    /// True when `word` names this command.
    func isNamed(_ word: String) -> Bool { commandName == word || aliases.contains(word) }
}

/// The names of an option or flag: long names (`--output`) and short ones (`-o`; `.short` is the first letter
/// of the first long name).
public struct NameSpecification: ExpressibleByArrayLiteral, Sendable {
    public enum Element: Sendable {
        case customLong(String)
        case customShort(Character)
        case short
    }

    var elements: [Element]

    public init(arrayLiteral elements: Element...) { self.elements = elements }
    public static func customLong(_ name: String) -> NameSpecification { [.customLong(name)] }
    public static func customShort(_ name: Character) -> NameSpecification { [.customShort(name)] }

    var longs: [String] { elements.compactMap { if case .customLong(let name) = $0 { name } else { nil } } }
    var shorts: [Character] {
        elements.compactMap {
            switch $0 {
            case .customShort(let c): c
            case .short: longs.first?.first
            case .customLong: nil
            }
        }
    }
}

/// An argument's help text, and the placeholder for its value in usage lines.
public struct ArgumentHelp: ExpressibleByStringInterpolation, Sendable {
    var text: String
    var valueName: String?

    public init(_ text: String, valueName: String? = nil) { self.text = text; self.valueName = valueName }
    public init(stringLiteral text: String) { self.text = text }
}

/// A type an argument's text converts to.
public protocol ExpressibleByArgument {
    init?(argument: String)
    /// The values allowed, for help texts (empty: any).
    static var allValueStrings: [String] { get }
}

extension ExpressibleByArgument {
    public static var allValueStrings: [String] { [] }
}

extension ExpressibleByArgument where Self: RawRepresentable, RawValue == String {
    public init?(argument: String) { self.init(rawValue: argument) }
}

extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String: ExpressibleByArgument {
    public init?(argument: String) { self = argument }
}

extension Int: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Int64: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension UInt64: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Double: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Ends the process with a status (`app diff` exits 1 when out of sync).
public struct ExitCode: Error, Equatable, Sendable {
    public var rawValue: Int32
    public init(_ rawValue: Int32) { self.rawValue = rawValue }
    public static let success = ExitCode(0)
    public static let failure = ExitCode(1)
    /// A usage error (EX_USAGE).
    public static let validationFailure = ExitCode(64)
}

/// Arguments that do not fit together; reported as `Error: <message>` with the command's usage, exit status 64.
public struct ValidationError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `--help` or `--version`, or a command group run without a subcommand.
enum CommandLineRequest: Error {
    case help
    case version
}

/// A command line that cannot be parsed, for the command path it reached.
struct CommandLineError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

// MARK: Property wrappers

/// One declared option, flag or positional argument, filled in by the parser.
final class ArgumentSlot {
    enum Kind { case option, flag, positional }

    let kind: Kind
    let longs: [String]
    let shorts: [Character]
    let help: String
    let valueName: String
    let repeating: Bool
    let required: Bool
    /// The default as help shows it; computed only for help (describing a value can cost dynamic casts).
    let defaultText: () -> String?
    /// The values allowed, for messages (empty: any).
    let allowed: () -> [String]
    /// Stores a value's text; false when the text does not convert.
    let set: (String) -> Bool
    var filled = false

    init(kind: Kind, names: NameSpecification, help: ArgumentHelp, valueName: String, repeating: Bool = false,
         required: Bool, defaultText: @escaping () -> String? = { nil }, allowed: @escaping () -> [String],
         set: @escaping (String) -> Bool) {
        self.kind = kind; longs = names.longs; shorts = names.shorts; self.help = help.text
        self.valueName = help.valueName ?? valueName
        self.repeating = repeating; self.required = required; self.defaultText = defaultText; self.allowed = allowed
        self.set = set
    }

    /// How usage lines and messages show it: `--name <value>`, `--flag`, `<name>`.
    var synopsis: String {
        switch kind {
        case .positional: return "<\(valueName)>"
        case .flag: return longs.first.map { "--" + $0 } ?? "-\(shorts[0])"
        case .option: return (longs.first.map { "--" + $0 } ?? "-\(shorts[0])") + " <\(valueName)>"
        }
    }
}

/// The slots registered while a command's `init()` runs (task-local, so parses on several threads stay apart).
enum ArgumentRegistry {
    final class Collector: @unchecked Sendable { var slots: [ArgumentSlot] = [] }
    @TaskLocal static var collector: Collector?

    static func register(_ slot: ArgumentSlot) { collector?.slots.append(slot) }

    /// `type()` and the slots its wrappers registered, in declaration order.
    static func instantiate<T>(_ make: () -> T) -> (T, [ArgumentSlot]) {
        let collector = Collector()
        let value = $collector.withValue(collector) { make() }
        return (value, collector.slots)
    }
}

/// Storage the parser writes through; a wrapper that is assigned to gets a box of its own (value semantics).
final class ArgumentBox<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: Value?) { self.value = value }
}

/// `--name value` (or `--name=value`, `-n value`).
@propertyWrapper
public struct Option<Value> {
    private var box: ArgumentBox<Value>

    public var wrappedValue: Value {
        get {
            guard let value = box.value else { preconditionFailure("option read before the command line was parsed") }
            return value
        }
        set { box = ArgumentBox(newValue) }
    }

    private init(box: ArgumentBox<Value>, slot: ArgumentSlot) {
        self.box = box
        ArgumentRegistry.register(slot)
    }
}

extension Option: @unchecked Sendable where Value: Sendable {}

extension Option where Value: ExpressibleByArgument {
    /// An option with a default.
    public init(wrappedValue: Value, name: NameSpecification, help: ArgumentHelp) {
        let box = ArgumentBox(wrappedValue)
        self.init(box: box, slot: ArgumentSlot(kind: .option, names: name, help: help, valueName: name.longs.first ?? "value",
                                               required: false, defaultText: { "\(wrappedValue)" },
                                               allowed: { Value.allValueStrings }) { text in
            guard let value = Value(argument: text) else { return false }
            box.value = value
            return true
        })
    }

    /// A required option.
    public init(name: NameSpecification, help: ArgumentHelp) {
        let box = ArgumentBox<Value>(nil)
        self.init(box: box, slot: ArgumentSlot(kind: .option, names: name, help: help, valueName: name.longs.first ?? "value",
                                               required: true, allowed: { Value.allValueStrings }) { text in
            guard let value = Value(argument: text) else { return false }
            box.value = value
            return true
        })
    }
}

extension Option {
    /// An optional option (nil when not given).
    public init<Wrapped: ExpressibleByArgument>(name: NameSpecification, help: ArgumentHelp) where Value == Wrapped? {
        let box = ArgumentBox<Value>(.some(nil))
        self.init(box: box, slot: ArgumentSlot(kind: .option, names: name, help: help, valueName: name.longs.first ?? "value",
                                               required: false, allowed: { Wrapped.allValueStrings }) { text in
            guard let value = Wrapped(argument: text) else { return false }
            box.value = .some(value)
            return true
        })
    }

    /// A repeatable option: each occurrence adds a value (the first replaces the default).
    public init<Element: ExpressibleByArgument>(wrappedValue: [Element], name: NameSpecification, help: ArgumentHelp)
    where Value == [Element] {
        let box = ArgumentBox(wrappedValue)
        var started = false
        self.init(box: box, slot: ArgumentSlot(kind: .option, names: name, help: help, valueName: name.longs.first ?? "value",
                                               repeating: true, required: false,
                                               defaultText: { wrappedValue.isEmpty ? nil : "\(wrappedValue)" },
                                               allowed: { Element.allValueStrings }) { text in
            guard let value = Element(argument: text) else { return false }
            box.value = (started ? box.value ?? [] : []) + [value]
            started = true
            return true
        })
    }
}

/// `--name`: true when given.
@propertyWrapper
public struct Flag: @unchecked Sendable {
    private var box: ArgumentBox<Bool>

    public var wrappedValue: Bool {
        get { box.value ?? false }
        set { box = ArgumentBox(newValue) }
    }

    public init(wrappedValue: Bool, name: NameSpecification, help: ArgumentHelp) {
        let box = ArgumentBox(wrappedValue)
        self.box = box
        ArgumentRegistry.register(ArgumentSlot(kind: .flag, names: name, help: help, valueName: "", required: false,
                                               allowed: { [] }) { _ in
            box.value = true
            return true
        })
    }
}

/// A positional argument, required.
@propertyWrapper
public struct Argument<Value: ExpressibleByArgument> {
    private var box: ArgumentBox<Value>

    public var wrappedValue: Value {
        get {
            guard let value = box.value else { preconditionFailure("argument read before the command line was parsed") }
            return value
        }
        set { box = ArgumentBox(newValue) }
    }

    public init(name: String, help: ArgumentHelp) {
        let box = ArgumentBox<Value>(nil)
        self.box = box
        ArgumentRegistry.register(ArgumentSlot(kind: .positional, names: [], help: help, valueName: name, required: true,
                                               allowed: { Value.allValueStrings }) { text in
            guard let value = Value(argument: text) else { return false }
            box.value = value
            return true
        })
    }
}

extension Argument: @unchecked Sendable where Value: Sendable {}

/// Options shared by several commands (`ClientOptions`, `OutputOptions`): its wrappers register with the command.
@propertyWrapper
public struct OptionGroup<Group: ParsableArguments> {
    public var wrappedValue: Group
    public init() { wrappedValue = Group() }
}

extension OptionGroup: Sendable where Group: Sendable {}

// MARK: Parsing

extension AsyncParsableCommand {
    /// Parses `arguments` (without the program name) into the command they name. Throws `CommandLineRequest` for
    /// `--help`/`--version`, `CommandLineError` or `ValidationError` for a bad command line.
    public static func parseAsRoot(_ arguments: [String]) throws -> any AsyncParsableCommand {
        try CommandLineParser.parse(arguments, root: Self.self).command
    }

    /// Parses the process's arguments, runs the command and exits with its status.
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var path: [any AsyncParsableCommand.Type] = [Self.self]
        do {
            let parsed = try CommandLineParser.parse(arguments, root: Self.self)
            path = parsed.path
            try await parsed.command.run()
        } catch {
            exit(CommandLineParser.report(error, path: path))
        }
    }
}

enum CommandLineParser {
    /// What a command line names; on failure the error carries the command path reached, for its usage line.
    struct Parsed {
        var command: any AsyncParsableCommand
        var path: [any AsyncParsableCommand.Type]
    }

    struct Failure: Error, @unchecked Sendable {
        var error: Error
        var path: [any AsyncParsableCommand.Type]
    }

    static func parse(_ arguments: [String], root: any AsyncParsableCommand.Type) throws -> Parsed {
        var path: [any AsyncParsableCommand.Type] = [root]
        var rest = arguments[...]
        var helpRequested = false
        if rest.first == "help" {
            rest = rest.dropFirst()
            helpRequested = true
        }
        while let word = rest.first, let sub = path.last!.configuration.subcommands.first(where: { $0.configuration.isNamed(word) }) {
            path.append(sub)
            rest = rest.dropFirst()
        }
        let options = rest.prefix { $0 != "--" }
        do {
            if helpRequested || options.contains("--help") || options.contains("-h") { throw CommandLineRequest.help }
            if path.count == 1, !root.configuration.version.isEmpty, options.contains("--version") {
                throw CommandLineRequest.version
            }
            let (command, slots) = ArgumentRegistry.instantiate { path.last!.init() }
            try fill(slots, from: Array(rest))
            try command.validate()
            return Parsed(command: command, path: path)
        } catch {
            throw Failure(error: error, path: path)
        }
    }

    /// Assigns each word to its slot.
    static func fill(_ slots: [ArgumentSlot], from words: [String]) throws {
        let positionals = slots.filter { $0.kind == .positional }
        var nextPositional = 0
        var index = 0
        var onlyPositionals = false
        func value(for slot: ArgumentSlot, shown: String, inline: String?) throws -> String {
            if let inline { return inline }
            guard index + 1 < words.count else { throw CommandLineError(message: "Missing value for '\(shown) <\(slot.valueName)>'") }
            index += 1
            return words[index]
        }
        func store(_ text: String, in slot: ArgumentSlot, shown: String) throws {
            guard slot.set(text) else {
                let values = slot.allowed()
                let allowed = values.isEmpty ? "" : " (one of: \(values.joined(separator: ", ")))"
                throw CommandLineError(message: "The value '\(text)' is invalid for '\(shown)'\(allowed)")
            }
            slot.filled = true
        }
        while index < words.count {
            let word = words[index]
            if !onlyPositionals, word == "--" {
                onlyPositionals = true
            } else if !onlyPositionals, word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let slot = slots.first(where: { $0.kind != .positional && $0.longs.contains(name) }) else {
                    throw CommandLineError(message: "Unknown option '--\(name)'")
                }
                if slot.kind == .flag {
                    guard inline == nil else { throw CommandLineError(message: "The flag '--\(name)' does not take a value") }
                    try store("", in: slot, shown: "--\(name)")
                } else {
                    try store(try value(for: slot, shown: "--\(name)", inline: inline), in: slot, shown: "--\(name) <\(slot.valueName)>")
                }
            } else if !onlyPositionals, word.count > 1, word.hasPrefix("-"), Double(word) == nil {
                // -o json, -ojson, and runs of short flags (-abc).
                var letters = word.dropFirst()
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    guard let slot = slots.first(where: { $0.kind != .positional && $0.shorts.contains(letter) }) else {
                        throw CommandLineError(message: "Unknown option '-\(letter)'")
                    }
                    if slot.kind == .flag {
                        try store("", in: slot, shown: "-\(letter)")
                        continue
                    }
                    let text = try value(for: slot, shown: "-\(letter)", inline: letters.isEmpty ? nil : String(letters))
                    try store(text, in: slot, shown: "-\(letter) <\(slot.valueName)>")
                    break
                }
            } else {
                guard nextPositional < positionals.count else { throw CommandLineError(message: "Unexpected argument '\(word)'") }
                let slot = positionals[nextPositional]
                try store(word, in: slot, shown: "<\(slot.valueName)>")
                nextPositional += 1
            }
            index += 1
        }
        if let missing = slots.first(where: { $0.required && !$0.filled }) {
            throw CommandLineError(message: "Missing expected argument '\(missing.synopsis)'")
        }
    }

    // MARK: Help and errors

    /// Prints what `error` calls for and returns the exit status.
    static func report(_ error: Error, path: [any AsyncParsableCommand.Type]) -> Int32 {
        var path = path
        var error = error
        if let failure = error as? Failure { path = failure.path; error = failure.error }
        switch error {
        case CommandLineRequest.help: CommandRunner.write(help(path))
        case CommandLineRequest.version: CommandRunner.write(path[0].configuration.version + "\n")
        case let usage as CommandLineError: CommandRunner.write(usageError(usage.message, path), to: STDERR_FILENO)
        case let validation as ValidationError: CommandRunner.write(usageError(validation.message, path), to: STDERR_FILENO)
        case is ExitCode: break
        default: CommandRunner.write("Error: \(error)\n", to: STDERR_FILENO)
        }
        return status(of: error)
    }

    /// The exit status for `error`: 0 for help and version, 64 (EX_USAGE) for a bad command line, an `ExitCode`'s
    /// own, else 1.
    static func status(of error: Error) -> Int32 {
        switch error {
        case let exit as ExitCode: exit.rawValue
        case CommandLineRequest.help, CommandLineRequest.version: 0
        case is CommandLineError, is ValidationError: ExitCode.validationFailure.rawValue
        default: ExitCode.failure.rawValue
        }
    }

    static func usageError(_ message: String, _ path: [any AsyncParsableCommand.Type]) -> String {
        let name = commandName(path)
        return "Error: \(message)\nUsage: \(usage(path))\n  See '\(name) --help' for more information.\n"
    }

    static func commandName(_ path: [any AsyncParsableCommand.Type]) -> String {
        path.map { $0.configuration.commandName }.joined(separator: " ")
    }

    static func slots(_ type: any AsyncParsableCommand.Type) -> [ArgumentSlot] {
        ArgumentRegistry.instantiate { type.init() }.1
    }

    static func usage(_ path: [any AsyncParsableCommand.Type]) -> String {
        let type = path.last!
        if !type.configuration.subcommands.isEmpty { return commandName(path) + " <subcommand>" }
        func part(_ slot: ArgumentSlot) -> String {
            let text = slot.synopsis + (slot.repeating ? " ..." : "")
            return slot.required ? text : "[\(text)]"
        }
        let all = slots(type)
        let positional = all.filter { $0.kind == .positional }.map(part)
        let named = all.filter { $0.kind != .positional }.map(part)
        return ([commandName(path)] + positional + named).joined(separator: " ")
    }

    /// The help text of the command at the end of `path`.
    static func help(_ path: [any AsyncParsableCommand.Type]) -> String {
        let configuration = path.last!.configuration
        var out = ""
        if !configuration.abstract.isEmpty { out += "OVERVIEW: \(configuration.abstract)\n\n" }
        if !configuration.discussion.isEmpty { out += configuration.discussion + "\n\n" }
        out += "USAGE: \(usage(path))\n"
        func row(_ left: String, _ right: String) -> String {
            left.count < 27 ? "  " + left.padding(toLength: 28, withPad: " ", startingAt: 0) + right + "\n"
                : "  \(left)\n" + String(repeating: " ", count: 30) + right + "\n"
        }
        let all = configuration.subcommands.isEmpty ? slots(path.last!) : []
        let positionals = all.filter { $0.kind == .positional }
        if !positionals.isEmpty {
            out += "\nARGUMENTS:\n"
            for slot in positionals { out += row(slot.synopsis, slot.help) }
        }
        out += "\nOPTIONS:\n"
        for slot in all where slot.kind != .positional {
            let names = slot.shorts.map { "-\($0)" } + slot.longs.map { "--\($0)" }
            var left = names.joined(separator: ", ")
            if slot.kind == .option { left += " <\(slot.valueName)>" }
            var right = slot.help
            if let text = slot.defaultText(), !text.isEmpty { right += " (default: \(text))" }
            out += row(left, right)
        }
        if path.count == 1, !configuration.version.isEmpty { out += row("--version", "Show the version.") }
        out += row("-h, --help", "Show help information.")
        if !configuration.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for sub in configuration.subcommands { out += row(sub.configuration.commandName, sub.configuration.abstract) }
            out += "\n  See '\(path[0].configuration.commandName) help \(path.dropFirst().map { $0.configuration.commandName + " " }.joined())<subcommand>' for detailed help.\n"
        }
        return out
    }
}
