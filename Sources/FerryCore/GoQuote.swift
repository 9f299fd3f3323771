import Foundation

/// Go's `strconv.Quote` (also what `%q` prints), for messages that must read like Go's.
public enum GoQuote {
    /// The double-quoted Go literal for `s`.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\x" + hex(scalar.value, width: 2) }
                else if scalar.value >= 0x80 && !scalar.properties.isPrintableGo {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `v` in lower-case hex, zero-padded to `width` digits.
    public static func hex(_ v: UInt32, width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }
}

extension Unicode.Scalar.Properties {
    /// Roughly Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and ASCII space.
    public var isPrintableGo: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }
}
