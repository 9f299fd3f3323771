/// Application names are DNS-1123 labels, as Kubernetes object names that end up in labels must be.
enum AppName {
    /// Throws `ServerError.invalid` naming `field` unless `name` is a DNS-1123 label: at most 63
    /// characters of lower-case letters, digits and '-', starting and ending with a letter or digit.
    static func validate(_ name: String, field: String = "metadata.name") throws {
        if let reason = problem(name) { throw ServerError.invalid(field: field, "'\(name.prefix(80))' \(reason)") }
    }

    /// Why `name` is not a DNS-1123 label, or nil when it is one.
    static func problem(_ name: String) -> String? {
        if name.isEmpty { return "must not be empty" }
        if name.utf8.count > 63 { return "must be no more than 63 characters" }
        let allowed = name.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        guard allowed, let first = name.utf8.first, let last = name.utf8.last,
              isAlphanumeric(first), isAlphanumeric(last) else {
            return "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit"
        }
        return nil
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}
