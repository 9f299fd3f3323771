import Testing
@testable import FerryCLI

@Suite struct TableTests {
    @Test func alignsColumnsWithThreeSpacesAndNoTrailingWhitespace() {
        let table = Table(headers: ["NAME", "SYNC", "HEALTH"],
                          rows: [["guestbook", "Synced", "Healthy"], ["a", "OutOfSync", ""]])
        #expect(table.render() == """
        NAME        SYNC        HEALTH
        guestbook   Synced      Healthy
        a           OutOfSync

        """)
    }

    @Test func padsShortRowsAndCutsLongOnes() {
        let table = Table(headers: ["A", "B"], rows: [["1"], ["1", "2", "3"]])
        #expect(table.render() == "A   B\n1\n1   2\n")
    }

    @Test func countsCharactersNotBytesForNonASCIICells() {
        let table = Table(headers: ["NAME", "X"], rows: [["café", "1"], ["ab", "2"]])
        #expect(table.render() == "NAME   X\ncafé   1\nab     2\n")
    }

    @Test func replacesNewlinesInCellsSoRowsStayOnOneLine() {
        let table = Table(headers: ["MESSAGE", "Z"], rows: [["line1\nline2", "z"]])
        #expect(table.render() == "MESSAGE       Z\nline1 line2   z\n")
    }

    @Test func printsOnlyHeadersForAnEmptyTable() {
        #expect(Table(headers: ["ID", "REVISION"]).render() == "ID   REVISION\n")
    }
}
