import Testing
@testable import FerryCore

/// JSON string escaping as Go's `encoding/json` writes it: runs of plain text are copied whole, and only
/// quotes, backslashes, control characters, `<`, `>`, `&`, U+2028 and U+2029 are escaped.
@Suite struct JSONStringTests {
    @Test func escapesLikeGoAndCopiesEverythingElse() {
        #expect(JSON.quote("") == #""""#)
        #expect(JSON.quote("plain text") == #""plain text""#)
        #expect(JSON.quote("a\"b\\c\n\r\t\u{1}\u{1F}") == #""a\"b\\c\n\r\t\u0001\u001f""#)
        #expect(JSON.quote("<a href=\"x\">&</a>") == #""\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e""#)
        // U+2028/U+2029 start with the byte 0xE2, as "€" (U+20AC) does: only the first two are escaped.
        #expect(JSON.quote("€\u{2028}x\u{2029}é😀") == "\"€\\u2028x\\u2029é😀\"")
    }
}
