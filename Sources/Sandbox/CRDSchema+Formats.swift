import FerryCore
import Foundation

/// The string formats apiextensions validates (names compared without dashes, as go-openapi normalizes them).
extension CRDSchema {
    static let knownFormats: Set<String> = [
        "bsonobjectid", "uri", "email", "hostname", "ipv4", "ipv6", "cidr", "mac", "uuid", "uuid3", "uuid4", "uuid5",
        "isbn", "isbn10", "isbn13", "creditcard", "ssn", "hexcolor", "rgbcolor", "byte", "password", "date",
        "duration", "datetime", "k8sshortname", "k8slongname",
    ]

    /// The error of a string that does not match its `format` (`… in body must be of type date-time: "x"`).
    static func formatError(_ s: String, _ format: String, _ path: String) -> FieldError? {
        matches(s, format: format.replacingOccurrences(of: "-", with: "")) ? nil : typeError(path, format, s)
    }

    private static func matches(_ s: String, format: String) -> Bool {
        switch format {
        case "datetime": return s.wholeMatch(of: /\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?/) != nil
        case "date": return s.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
        case "duration": return s.wholeMatch(of: /[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+|0/) != nil
            || s.wholeMatch(of: /\d+\s*(ns|us|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?)/) != nil
        case "byte": return Data(base64Encoded: s) != nil
        case "uuid": return s.wholeMatch(of: /(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/) != nil
        case "uuid3": return s.wholeMatch(of: /(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}/) != nil
        case "uuid4": return s.wholeMatch(of: /(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}/) != nil
        case "uuid5": return s.wholeMatch(of: /(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}/) != nil
        case "ipv4": return isIPv4(s)
        case "ipv6": return s.contains(":") && s.wholeMatch(of: /[0-9A-Fa-f:.]+/) != nil
        case "cidr":
            let parts = s.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let bits = Int(parts[1]) else { return false }
            let ip = String(parts[0])
            return isIPv4(ip) ? (0...32).contains(bits) : matches(ip, format: "ipv6") && (0...128).contains(bits)
        case "mac": return s.wholeMatch(of: /([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}/) != nil
        case "hostname":
            return s.count <= 255 && s.wholeMatch(of: /[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?/) != nil
        case "email": return s.wholeMatch(of: /[^@\s]+@[^@\s]+/) != nil
        case "uri": return s.wholeMatch(of: /[A-Za-z][A-Za-z0-9+.-]*:\S*|\/\S*/) != nil
        case "hexcolor": return s.wholeMatch(of: /#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})/) != nil
        case "k8sshortname": return ObjectRules.isDNSLabel(s)
        case "k8slongname": return ObjectRules.isDNSSubdomain(s)
        default: return true
        }
    }

    private static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard let n = Int(part), String(n) == part || part == "0" else { return false }
            return (0...255).contains(n)
        }
    }
}
