import Testing
@testable import Diff

@Suite struct UnifiedDiffTests {
    static let letters = "abcdefghijklmnop".map { "\($0)\n" }.joined()

    func replacing(_ pairs: [Character: String], in text: String = letters) -> String {
        text.split(separator: "\n").map { line in pairs[line.first ?? " "] ?? String(line) }.joined(separator: "\n") + "\n"
    }

    @Test func equalTextsGiveAnEmptyDiff() {
        #expect(UnifiedDiff.make(old: Self.letters, new: Self.letters, oldName: "a", newName: "b") == "")
    }

    @Test func distantChangesGetSeparateHunksWithThreeLinesOfContext() {
        let diff = UnifiedDiff.make(old: Self.letters, new: replacing(["e": "E", "n": "N"]), oldName: "old", newName: "new")
        #expect(diff == """
        --- old
        +++ new
        @@ -2,7 +2,7 @@
         b
         c
         d
        -e
        +E
         f
         g
         h
        @@ -11,6 +11,6 @@
         k
         l
         m
        -n
        +N
         o
         p

        """)
    }

    @Test func nearbyChangesShareOneHunk() {
        let diff = UnifiedDiff.make(old: Self.letters, new: replacing(["b": "B", "h": "H"]), oldName: "o", newName: "n")
        let lines = diff.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("@@") } == ["@@ -1,11 +1,11 @@"])
        #expect(lines.contains("-b") && lines.contains("+B") && lines.contains("-h") && lines.contains("+H"))
    }

    @Test func insertionIntoEmptyTextStartsAtLineZero() {
        #expect(UnifiedDiff.make(old: "", new: "x\ny\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(UnifiedDiff.make(old: "x\ny\n", new: "", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1,2 +0,0 @@\n-x\n-y\n")
    }

    @Test func singleLineRangesOmitTheCount() {
        let new = Self.letters.replacingOccurrences(of: "c\n", with: "c\nc2\n")
        let diff = UnifiedDiff.make(old: Self.letters, new: new, oldName: "o", newName: "n", context: 0)
        #expect(diff == "--- o\n+++ n\n@@ -3,0 +4 @@\n+c2\n")
    }

    @Test func deletionWithOneLineOfContext() {
        let new = Self.letters.replacingOccurrences(of: "h\n", with: "")
        let diff = UnifiedDiff.make(old: Self.letters, new: new, oldName: "o", newName: "n", context: 1)
        #expect(diff == "--- o\n+++ n\n@@ -7,3 +7,2 @@\n g\n-h\n i\n")
    }

    @Test func missingFinalNewlineIsMarked() {
        let diff = UnifiedDiff.make(old: "a\nb", new: "a\nc", oldName: "o", newName: "n")
        #expect(diff == """
        --- o
        +++ n
        @@ -1,2 +1,2 @@
         a
        -b
        \\ No newline at end of file
        +c
        \\ No newline at end of file

        """)
    }

    @Test(arguments: 0..<40)
    func applyingTheDiffReproducesTheNewText(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        let old = (0..<random.next(upTo: 30)).map { _ in "l\(random.next(upTo: 6))\n" }
        var new = old
        for _ in 0..<random.next(upTo: 8) {
            let position = random.next(upTo: new.count + 1)
            switch random.next(upTo: 3) {
            case 0 where position < new.count: new.remove(at: position)
            case 1 where position < new.count: new[position] = "x\(random.next(upTo: 6))\n"
            default: new.insert("n\(random.next(upTo: 6))\n", at: position)
            }
        }
        let diff = UnifiedDiff.make(old: old.joined(), new: new.joined(), oldName: "o", newName: "n",
                                    context: random.next(upTo: 4))
        #expect(try PatchApplier.apply(diff, to: old) == new)
    }

    @Test func editScriptIsMinimal() {
        let edits = LineDiff.edits(["a", "b", "c", "a", "b", "b", "a"], ["c", "b", "a", "b", "a", "c"])
        let changes = edits.filter { if case .keep = $0 { return false }; return true }
        #expect(changes.count == 5)
    }
}

/// A small deterministic random generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next(upTo bound: Int) -> Int {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return bound <= 0 ? 0 : Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// Applies a unified diff to lines, checking every context and deleted line: an independent check of hunks.
enum PatchApplier {
    struct Mismatch: Error {}

    static func apply(_ diff: String, to old: [String]) throws -> [String] {
        var result: [String] = [], cursor = 0
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) where !line.isEmpty {
            if line.hasPrefix("@@") {
                let start = try oldStart(String(line))
                result += old[cursor..<start]; cursor = start
            } else if line.hasPrefix("+") {
                result.append(String(line.dropFirst()) + "\n")
            } else {
                guard cursor < old.count, old[cursor] == String(line.dropFirst()) + "\n" else { throw Mismatch() }
                if line.hasPrefix(" ") { result.append(old[cursor]) }
                cursor += 1
            }
        }
        return result + old[cursor...]
    }

    /// The 0-based index of the first old line a hunk covers.
    static func oldStart(_ header: String) throws -> Int {
        let range = header.split(separator: " ")[1].dropFirst().split(separator: ",")
        guard let start = Int(range[0]) else { throw Mismatch() }
        let count = range.count > 1 ? Int(range[1]) ?? 1 : 1
        return count == 0 ? start : start - 1
    }
}
