import FerryCore

/// Case conversions from huandu/xstrings (`snakecase`, `kebabcase`, `camelcase`) and goutils (`swapcase`).
enum SprigCase {
    typealias Scalars = ArraySlice<Unicode.Scalar>

    static let table: FunctionMap = [
        "snakecase": SprigStrings.unary { lowerWords($0, connector: "_") },
        "kebabcase": SprigStrings.unary { lowerWords($0, connector: "-") },
        "camelcase": SprigStrings.unary(pascal),
        "swapcase": SprigStrings.unary(swapCase),
    ]

    enum Word { case invalid, number, upper, alphabet, connector, punct, other }

    static let replacement: Unicode.Scalar = "\u{FFFD}"

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || r.isGoSpace }
    static func isUpper(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .uppercaseLetter }
    static func isLower(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .lowercaseLetter }
    static func isTitle(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .titlecaseLetter }
    static func isNumber(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
    static func isPunct(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
    static func isLetter(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    /// A letter outside the Han script.
    static func isAlphabet(_ r: Unicode.Scalar) -> Bool {
        guard isLetter(r) else { return false }
        switch r.value {
        case 0x2E80...0x2FDF, 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xF900...0xFAFF, 0x20000...0x3FFFF: return false
        default: return true
        }
    }

    /// The next scalar that is not U+FFFD (Go's RuneError), with how many scalars were consumed.
    static func nextValid(_ s: Scalars, _ prev: Unicode.Scalar) -> (Unicode.Scalar, Int) {
        var size = 0
        for r in s {
            size += 1
            if r != replacement { return (r, size) }
        }
        return (prev, size)
    }

    /// Consumes scalars while `keep` holds, starting after the first one.
    static func run(_ remaining: inout Scalars, _ offset: inout Int, _ r: inout Unicode.Scalar,
                    while keep: (Unicode.Scalar) -> Bool) {
        while !remaining.isEmpty {
            let (next, size) = nextValid(remaining, r)
            r = next
            guard keep(next) else { break }
            offset += size
            remaining = remaining.dropFirst(size)
        }
    }

    /// Splits the next word: its type, its scalars and the rest.
    static func nextWord(_ str: Scalars) -> (Word, Scalars, Scalars) {
        guard !str.isEmpty else { return (.invalid, [], []) }
        var (r, size) = nextValid(str, replacement)
        var offset = size
        if r == replacement { return (.invalid, str.prefix(offset), str.dropFirst(offset)) }
        var remaining = str.dropFirst(size)
        let type: Word
        if isConnector(r) {
            type = .connector
            run(&remaining, &offset, &r, while: isConnector)
        } else if isPunct(r) {
            type = .punct
            run(&remaining, &offset, &r, while: isPunct)
        } else if isUpper(r) {
            type = .upper
            if !remaining.isEmpty {
                (r, size) = nextValid(remaining, r)
                if isUpper(r) {
                    var prevSize = size
                    offset += size
                    remaining = remaining.dropFirst(size)
                    while !remaining.isEmpty {
                        (r, size) = nextValid(remaining, r)
                        if !isUpper(r) { break }
                        prevSize = size
                        offset += size
                        remaining = remaining.dropFirst(size)
                    }
                    if !remaining.isEmpty && isAlphabet(r) {
                        offset -= prevSize
                        remaining = str.dropFirst(offset)
                    }
                } else if isAlphabet(r) {
                    offset += size
                    remaining = remaining.dropFirst(size)
                    run(&remaining, &offset, &r) { isAlphabet($0) && !isUpper($0) }
                }
            }
        } else if isAlphabet(r) {
            type = .alphabet
            run(&remaining, &offset, &r) { isAlphabet($0) && !isUpper($0) }
        } else if isNumber(r) {
            type = .number
            run(&remaining, &offset, &r, while: isNumber)
        } else {
            type = .other
            run(&remaining, &offset, &r) { !(isConnector($0) || isAlphabet($0) || isNumber($0) || isPunct($0)) }
        }
        return (type, str.prefix(offset), remaining)
    }

    /// Writes a word lower-cased, connectors replaced.
    static func lower(_ out: inout String.UnicodeScalarView, _ type: Word, _ word: Scalars, _ connector: Unicode.Scalar) {
        guard type == .upper || type == .connector else { out.append(contentsOf: word); return }
        for r in word {
            if isConnector(r) { out.append(connector) }
            else if isUpper(r) { out.append(contentsOf: r.simpleLower) }
            else { out.append(r) }
        }
    }

    /// xstrings' `ToSnakeCase` / `ToKebabCase`.
    static func lowerWords(_ s: String, connector c: Unicode.Scalar) -> String {
        guard !s.isEmpty else { return "" }
        var out = String.UnicodeScalarView()
        var (type, word, remaining) = nextWord(Array(s.unicodeScalars)[...])
        while !remaining.isEmpty {
            if type != .connector { lower(&out, type, word, c) }
            let prev = type, last = word
            (type, word, remaining) = nextWord(remaining)
            switch prev {
            case .number:
                while type == .alphabet || type == .number {
                    lower(&out, type, word, c)
                    (type, word, remaining) = nextWord(remaining)
                }
                if type != .invalid && type != .punct && type != .connector { out.append(c) }
            case .connector:
                lower(&out, prev, last, c)
            case .punct:
                break
            default:
                if type != .number {
                    if type != .connector && type != .punct { out.append(c) }
                    break
                }
                if remaining.isEmpty { break }
                let numberWord = word
                (type, word, remaining) = nextWord(remaining)
                if type != .alphabet {
                    lower(&out, .number, numberWord, c)
                    if type != .connector && type != .punct { out.append(c) }
                    break
                }
                out.append(c)
                lower(&out, .number, numberWord, c)
                while type == .alphabet || type == .number {
                    lower(&out, type, word, c)
                    (type, word, remaining) = nextWord(remaining)
                }
                if type != .invalid && type != .connector && type != .punct { out.append(c) }
            }
        }
        lower(&out, type, word, c)
        return String(out)
    }

    /// xstrings' upper camel case (Sprig's `camelcase`): connectors are removed and the next letter upper-cased.
    static func pascal(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)[...]
        var out = String.UnicodeScalarView()
        var r0: Unicode.Scalar = " "
        var found = false
        while let r = scalars.popFirst() {
            if !isConnector(r) { r0 = r.simpleUpper.first ?? r; found = true; break }
            out.append(r)
        }
        guard found else { return String(out) }
        while let next = scalars.popFirst() {
            let r1 = r0
            r0 = next
            if isConnector(r0) && isConnector(r1) { out.append(r1); continue }
            if isConnector(r1) { r0 = r0.simpleUpper.first ?? r0 } else { out.append(r1) }
        }
        out.append(r0)
        return String(out)
    }

    /// goutils' `SwapCase`: upper to lower, lower to upper, and a lower letter starting a word to title case.
    static func swapCase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var whitespace = true
        for r in s.unicodeScalars {
            if isUpper(r) || isTitle(r) {
                out.append(contentsOf: r.simpleLower)
                whitespace = false
            } else if isLower(r) {
                let m = whitespace ? r.properties.titlecaseMapping.unicodeScalars : r.properties.uppercaseMapping.unicodeScalars
                if m.count == 1 { out.append(contentsOf: m) } else { out.append(r) }
                whitespace = false
            } else {
                out.append(r)
                whitespace = r.isGoSpace
            }
        }
        return String(out)
    }
}
