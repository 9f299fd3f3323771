import FerryCore
import GoTemplate
import Testing

/// Parsing and running many templates at once gives what doing it one by one gives, failures included.
@Suite struct ParallelTests {
    struct Odd: Error, Equatable { var value: Int }

    @Test func parallelMapKeepsInputOrderAndPerElementErrors() {
        let results = ParallelMap.results(Array(0..<1000)) { n -> Int in
            if n % 2 == 1 { throw Odd(value: n) }
            return n * 10
        }
        #expect(results.count == 1000)
        #expect((try? results[500].get()) == 5000)
        #expect(throws: Odd(value: 7)) { try results[7].get() }
        #expect(throws: Odd(value: 1)) { _ = try ParallelMap.map(Array(0..<100)) { n -> Int in if n % 2 == 1 { throw Odd(value: n) }; return n } }
    }

    @Test func addingManyTextsSharesDefinesLikeAddingThemInTurn() throws {
        var set = TemplateSet()
        let texts = (0..<50).map { (name: "t\($0)", text: #"{{ template "helper" . }}-\#($0)"#) }
        try set.add(texts + [(name: "_helpers", text: #"{{ define "helper" }}h{{ .x }}{{ end }}"#)])
        let runs = (0..<50).map { (name: "t\($0)", data: ["x": .int(Int64($0))] as Value) }
        let outputs = set.execute(runs).map { try? $0.get() }
        #expect(outputs == (0..<50).map { "h\($0)-\($0)" })
        #expect(set.execute(runs, parallel: false).map { try? $0.get() } == outputs)
    }

    @Test func theFirstFailingTextInOrderIsReported() {
        var set = TemplateSet()
        let texts = [(name: "a", text: "ok"), (name: "b", text: "{{ end }}"), (name: "c", text: "{{ if }}")]
        #expect { try set.add(texts) } throws: { error in "\(error)".contains("b:1") }
    }
}
