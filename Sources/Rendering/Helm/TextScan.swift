/// Byte-level text helpers for the hot paths of rendering (Foundation's string search and trimming bridge
/// to NSString and dominate a large chart's render time otherwise).
enum TextScan {
    /// True when `needle` occurs in `text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        firstIndex(of: Array(needle.utf8), in: Array(text.utf8), from: 0) != nil
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == first, bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Helm's final `strings.ReplaceAll(out, "<no value>", "")`.
    static func removingNoValue(_ text: String) -> String {
        let needle = Array("<no value>".utf8)
        var bytes = Array(text.utf8)
        guard var index = firstIndex(of: needle, in: bytes, from: 0) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        while true {
            out += bytes[start..<index]
            start = index + needle.count
            guard let next = firstIndex(of: needle, in: bytes, from: start) else { break }
            index = next
        }
        out += bytes[start...]
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Go's `strings.TrimSpace`.
    static func trimmed<S: StringProtocol>(_ text: S) -> S.SubSequence {
        let head = text.drop { $0.isWhitespace }
        var end = head.endIndex
        while end > head.startIndex {
            let before = head.index(before: end)
            if !head[before].isWhitespace { break }
            end = before
        }
        return head[head.startIndex..<end]
    }

    /// Go's `\s`: ASCII whitespace.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D && byte != 0x0B) }

    /// Splits at Helm's v1/v2 separator regex `(?:^|\s*\n)---\s*` (leftmost-first, non-overlapping).
    static func splitDocuments(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var pieceStart = 0
        var i = 0
        while i + 3 <= bytes.count {
            let isDashes = bytes[i] == 0x2D && bytes[i + 1] == 0x2D && bytes[i + 2] == 0x2D
            let atStart = i == 0
            let afterNewline = i > pieceStart && bytes[i - 1] == 0x0A
            guard isDashes, atStart || afterNewline else { i += 1; continue }
            var start = atStart ? 0 : i - 1
            while start > pieceStart, isSpace(bytes[start - 1]) { start -= 1 }
            var end = i + 3
            while end < bytes.count, isSpace(bytes[end]) { end += 1 }
            pieces.append(String(decoding: bytes[pieceStart..<start], as: UTF8.self))
            pieceStart = end
            i = end
        }
        pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self))
        return pieces
    }
}
