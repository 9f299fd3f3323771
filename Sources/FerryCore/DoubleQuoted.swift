import Foundation

/// Double-quoted strings as Go's YAML emitter and TOML encoder write them. Both escape `"`, `\` and
/// control characters; they differ in which characters get a one-letter escape and how the rest are spelled.
public enum DoubleQuoted {
    public enum Dialect {
        /// go-yaml's emitter: `\0 \a \b \t \n \v \f \r \e \N \_ \L \P`, otherwise `\xXX`, `\uXXXX` (upper case).
        case yaml
        /// BurntSushi/toml (Sprig's `toToml`): `\b \t \n \f \r`, otherwise `\u00xx` (lower case).
        case toml
    }

    public static func quote(_ s: String, _ dialect: Dialect) -> String {
        // go-yaml's BOM test looks at the string's first bytes whatever the position, so text that starts
        // with U+FEFF has every character escaped.
        let escapeAll = dialect == .yaml && s.unicodeScalars.first == "\u{FEFF}"
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar == "\"" { out += "\\\""; continue }
            if scalar == "\\" { out += "\\\\"; continue }
            if let letter = shortEscape(scalar.value, dialect) { out += "\\" + letter; continue }
            switch dialect {
            case .yaml where escapeAll || !YAML.isPrintable(scalar):
                let v = scalar.value
                out += v <= 0xFF ? String(format: "\\x%02X", v) : v <= 0xFFFF ? String(format: "\\u%04X", v) : String(format: "\\U%08X", v)
            case .toml where scalar.value < 0x20 || scalar.value == 0x7F:
                out += String(format: "\\u%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func shortEscape(_ v: UInt32, _ dialect: Dialect) -> String? {
        switch (v, dialect) {
        case (0x08, _): return "b"
        case (0x09, _): return "t"
        case (0x0A, _): return "n"
        case (0x0C, _): return "f"
        case (0x0D, _): return "r"
        case (0x00, .yaml): return "0"
        case (0x07, .yaml): return "a"
        case (0x0B, .yaml): return "v"
        case (0x1B, .yaml): return "e"
        case (0x85, .yaml): return "N"
        case (0xA0, .yaml): return "_"
        case (0x2028, .yaml): return "L"
        case (0x2029, .yaml): return "P"
        default: return nil
        }
    }
}

extension YAML {
    /// go-yaml's `is_printable`: what the emitter may write unescaped (line feed aside).
    public static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF, 0x10000...0x10FFFF: return true
        case 0xE000...0xFFFD: return c.value != 0xFEFF
        default: return false
        }
    }
}
