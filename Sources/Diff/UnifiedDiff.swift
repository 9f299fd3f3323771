/// Unified diff text, as `diff -u` prints it.
public enum UnifiedDiff {
    /// The unified diff turning `old` into `new`, with `context` lines around each change; empty when
    /// the texts are equal. Hunk headers follow GNU diff (`@@ -3,7 +3,8 @@`, a count of 1 is omitted,
    /// an empty range names the line before it). A missing final newline is marked as diff does.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(of: old), b = lines(of: new)
        let script = LineDiff.edits(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for hunk in hunks(script, context: max(0, context)) {
            out += header(hunk, script: script)
            for edit in script[hunk] { out += line(edit, a, b) }
        }
        return out
    }

    /// Lines of a text; a last line without a newline carries the "\ No newline" marker.
    static func lines(of text: String) -> [String] {
        if text.isEmpty { return [] }
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if text.hasSuffix("\n") {
            parts.removeLast()
        } else if let last = parts.popLast() {
            parts.append(String(last.dropLast()) + "\n\\ No newline at end of file\n")
        }
        return parts
    }

    /// Index ranges of the script that form hunks: changes plus context, merged when they touch.
    static func hunks(_ script: [LineEdit], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, edit) in script.enumerated() {
            if case .keep = edit { continue }
            let lower = max(0, index - context), upper = min(script.count, index + context + 1)
            if let last = ranges.last, lower <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, upper)
            } else {
                ranges.append(lower..<upper)
            }
        }
        return ranges
    }

    private static func header(_ hunk: Range<Int>, script: [LineEdit]) -> String {
        var oldStart: Int?, newStart: Int?, oldCount = 0, newCount = 0
        var oldBefore = 0, newBefore = 0
        for edit in script[..<hunk.lowerBound] {
            switch edit {
            case .keep: oldBefore += 1; newBefore += 1
            case .delete: oldBefore += 1
            case .insert: newBefore += 1
            }
        }
        for edit in script[hunk] {
            switch edit {
            case .keep(let i, let j): oldStart = oldStart ?? i; newStart = newStart ?? j; oldCount += 1; newCount += 1
            case .delete(let i): oldStart = oldStart ?? i; oldCount += 1
            case .insert(let j): newStart = newStart ?? j; newCount += 1
            }
        }
        let oldRange = range(start: oldStart ?? oldBefore, count: oldCount)
        let newRange = range(start: newStart ?? newBefore, count: newCount)
        return "@@ -\(oldRange) +\(newRange) @@\n"
    }

    /// GNU's range format: 1-based start, count omitted when 1, start of an empty range is the line before.
    private static func range(start: Int, count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    private static func line(_ edit: LineEdit, _ a: [String], _ b: [String]) -> String {
        switch edit {
        case .keep(let i, _): " " + a[i]
        case .delete(let i): "-" + a[i]
        case .insert(let j): "+" + b[j]
        }
    }
}
