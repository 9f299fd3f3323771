/// One step of an edit script between two line sequences.
enum LineEdit: Equatable {
    /// The line is in both: old index, new index.
    case keep(Int, Int)
    /// The old line at this index is deleted.
    case delete(Int)
    /// The new line at this index is inserted.
    case insert(Int)
}

/// Myers' O(ND) shortest edit script over lines, after trimming the common prefix and suffix.
enum LineDiff {
    /// Above this many edits the middle is treated as replaced wholesale, bounding time and memory.
    static let maxEdits = 4_000

    /// A shortest edit script turning `old` into `new` (deletions before insertions within a change).
    static func edits(_ old: [String], _ new: [String]) -> [LineEdit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var script = (0..<prefix).map { LineEdit.keep($0, $0) }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        script += middle(a, b).map { shift($0, old: prefix, new: prefix) }
        script += (0..<suffix).map { LineEdit.keep(old.count - suffix + $0, new.count - suffix + $0) }
        return script
    }

    private static func shift(_ edit: LineEdit, old: Int, new: Int) -> LineEdit {
        switch edit {
        case .keep(let i, let j): .keep(i + old, j + new)
        case .delete(let i): .delete(i + old)
        case .insert(let j): .insert(j + new)
        }
    }

    private static func middle(_ a: [String], _ b: [String]) -> [LineEdit] {
        if a.isEmpty || b.isEmpty || a.count + b.count > 2 * maxEdits {
            return wholesale(a.count, b.count)
        }
        let (ha, hb) = interned(a, b)
        guard let trace = forward(ha, hb) else { return wholesale(a.count, b.count) }
        return backtrack(trace, n: ha.count, m: hb.count)
    }

    private static func wholesale(_ n: Int, _ m: Int) -> [LineEdit] {
        (0..<n).map { LineEdit.delete($0) } + (0..<m).map { LineEdit.insert($0) }
    }

    /// Lines as small integers so comparisons are cheap.
    private static func interned(_ a: [String], _ b: [String]) -> ([Int], [Int]) {
        var table: [String: Int] = [:]
        func id(_ line: String) -> Int {
            if let known = table[line] { return known }
            table[line] = table.count
            return table.count - 1
        }
        return (a.map(id), b.map(id))
    }

    /// The furthest-reaching paths per edit count `d`; `trace[d]` is V before step d.
    private static func forward(_ a: [Int], _ b: [Int]) -> [[Int]]? {
        let n = a.count, m = b.count, offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        for d in 0...min(n + m, maxEdits) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                var x = down ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { return trace }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int) -> [LineEdit] {
        let offset = n + m + 1
        var x = n, y = m
        var reversed: [LineEdit] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
            let prevK = down ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : v[offset + prevK], prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; reversed.append(.keep(x, y)) }
            if d > 0 {
                if down { y -= 1; reversed.append(.insert(y)) } else { x -= 1; reversed.append(.delete(x)) }
            }
        }
        return reversed.reversed()
    }
}
