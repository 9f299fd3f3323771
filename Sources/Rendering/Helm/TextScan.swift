import FerryCore
import Foundation

/// Byte-level text helpers for the hot paths of rendering (Foundation's string search and trimming bridge
/// to NSString and dominate a large chart's render time otherwise).
enum TextScan {
    /// Helm's final `strings.ReplaceAll(out, "<no value>", "")`.
    static func removingNoValue(_ text: String) -> String {
        var text = text, needle = "<no value>"
        return needle.withUTF8 { needle in
            text.withUTF8 { bytes -> String? in
                guard var index = UTF8Bytes.firstIndex(of: needle, in: bytes, from: 0) else { return nil }
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                var start = 0
                while true {
                    out += bytes[start..<index]
                    start = index + needle.count
                    guard let next = UTF8Bytes.firstIndex(of: needle, in: bytes, from: start) else { break }
                    index = next
                }
                out += bytes[start...]
                return String(decoding: out, as: UTF8.self)
            }
        } ?? text
    }

    /// Go's `strings.TrimSpace`. ASCII whitespace is skipped byte by byte; where a non-ASCII byte meets either
    /// edge (Unicode spaces such as U+00A0, or a mark joined to a space), Character rules decide.
    static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isASCIIWhitespace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        if start == end || (utf8[start] < 0x80 && utf8[utf8.index(before: end)] < 0x80) { return text[start..<end] }
        return trimmedByCharacters(text)
    }

    /// The leading-whitespace half of `trimmed`.
    static func trimmedLeading(_ text: String) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        if start == utf8.endIndex || utf8[start] < 0x80 { return text[start...] }
        return text.drop { $0.isWhitespace }
    }

    /// Whitespace by Unicode's White_Space property, as Go's `unicode.IsSpace` has it, for ASCII bytes.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func trimmedByCharacters(_ text: String) -> Substring {
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
