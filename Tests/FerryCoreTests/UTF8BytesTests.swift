import FerryCore
import Testing

/// The byte-level helpers agree with Go's `strings` functions and byte order, including at the edges.
@Suite struct UTF8BytesTests {
    @Test func containsIsGosStringsContains() {
        #expect(UTF8Bytes.contains("{{ .Files.Get \"x\" }}", ".Files"))
        #expect(UTF8Bytes.contains("xxab", "ab") && UTF8Bytes.contains("ab", "ab"))
        #expect(!UTF8Bytes.contains("ab", "abc") && !UTF8Bytes.contains("", "a") && !UTF8Bytes.contains("aXb", "ab"))
        // Go: every string contains "". Bytes, not Unicode equivalence: "é" precomposed is not "e" + U+0301.
        #expect(UTF8Bytes.contains("a", "") && UTF8Bytes.contains("", ""))
        #expect(!UTF8Bytes.contains("caf\u{E9}", "e\u{301}") && UTF8Bytes.contains("na\u{EF}ve \u{1F600}!", "\u{1F600}!"))
    }

    @Test func firstIndexStartsWhereItIsTold() {
        var text = "ab-ab-ab", needle = "ab"
        let found = text.withUTF8 { bytes in
            needle.withUTF8 { n in [0, 1, 4, 7].map { UTF8Bytes.firstIndex(of: n, in: bytes, from: $0) } }
        }
        #expect(found == [0, 3, 6, nil])
    }

    @Test func replacingOneByteCoversEveryOccurrence() {
        #expect(UTF8Bytes.replacing(0x0A, in: "a\nb\n\nc", with: "\n  ") == "a\n  b\n  \n  c")
        #expect(UTF8Bytes.replacing(0x0A, in: "\n", with: "") == "")
        #expect(UTF8Bytes.replacing(UInt8(ascii: "-"), in: "é-ü-", with: "–") == "é–ü–")
        #expect(UTF8Bytes.replacing(0x0A, in: "no newline", with: "x") == "no newline")
        #expect(UTF8Bytes.replacing(0x0A, in: "", with: "x") == "")
    }

    @Test func lessIsByteOrder() {
        // Swift's `<` would put "é" (U+00E9) before "z" too, but "Z" < "a" and prefixes show the byte rule.
        #expect(UTF8Bytes.less("Z", "a") && UTF8Bytes.less("ab", "abc") && !UTF8Bytes.less("abc", "ab"))
        #expect(!UTF8Bytes.less("a", "a") && UTF8Bytes.less("", "a") && UTF8Bytes.less("z", "\u{E9}"))
        #expect(["b", "\u{E9}", "B", "a", ""].sortedByBytes() == ["", "B", "a", "b", "\u{E9}"])
    }

    @Test func allAndAnyLookAtEveryByte() {
        #expect(UTF8Bytes.all("abc") { $0 < 0x80 } && !UTF8Bytes.all("ab\u{E9}") { $0 < 0x80 } && UTF8Bytes.all("") { _ in false })
        #expect(UTF8Bytes.any("ab\u{E9}") { $0 >= 0x80 } && !UTF8Bytes.any("abc") { $0 >= 0x80 } && !UTF8Bytes.any("") { _ in true })
    }
}
