/// A kubectl-style table: upper-case headers, columns left-aligned and separated by three spaces,
/// no trailing whitespace. Widths count characters, so non-ASCII names stay aligned.
public struct Table: Sendable, Equatable {
    /// Column headers.
    public var headers: [String]
    /// Rows; short rows are padded with empty cells, long ones are cut to the header count.
    public var rows: [[String]]

    /// Spaces between columns (kubectl uses three).
    public static let gap = 3

    /// Creates a table.
    public init(headers: [String], rows: [[String]] = []) { self.headers = headers; self.rows = rows }

    /// Appends a row.
    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as text, one line per row, each ending in a newline.
    public func render() -> String {
        let cells = ([headers] + rows).map(normalized)
        let widths = headers.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { line(for: $0, widths: widths) + "\n" }.joined()
    }

    private func normalized(_ row: [String]) -> [String] {
        let cut = Array(row.prefix(headers.count)).map(Self.singleLine)
        return cut + Array(repeating: "", count: headers.count - cut.count)
    }

    private func line(for row: [String], widths: [Int]) -> String {
        var text = ""
        for (column, cell) in row.enumerated() {
            text += cell
            if column < row.count - 1 {
                text += String(repeating: " ", count: widths[column] - cell.count + Self.gap)
            }
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// Newlines and tabs would break alignment; show them as spaces.
    private static func singleLine(_ cell: String) -> String {
        String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
