import Testing
@testable import FerryCore

/// `YAML.parseAll(_:selecting:)`: only the selected keys are built, while the rest of every document is still
/// read and checked as a whole parse checks it.
@Suite struct YAMLSelectionTests {
    static let head = YAML.Selection.keys(["kind": .all, "metadata": .keys(["annotations": .all])])

    @Test func buildsOnlyTheSelectedKeys() throws {
        let text = """
        kind: Job
        metadata:
          name: a
          annotations: {helm.sh/hook: pre-install, n: 1}
        spec: {template: {spec: {containers: [{name: x}]}}}
        ---
        # only a comment
        ---
        - a list
        """
        let docs = try YAML.parseAll(text, selecting: Self.head)
        #expect(docs.count == 3)
        #expect(docs[0].value == ["kind": "Job", "metadata": ["annotations": ["helm.sh/hook": "pre-install", "n": 1]]])
        #expect(docs[1].value == .null)
        #expect(docs[2].value == ["a list"])
        #expect(try YAML.parseAll(text, selecting: .all).map(\.value) == YAML.parseAll(text).map(\.value))
    }

    @Test func errorsInUnselectedPartsAreStillReported() {
        for text in ["kind: A\nspec:\n  x: 1\n  x: 2\n", "kind: A\nspec:\n  - a\n b: [\n", "kind: A\nspec: {[a]: 1}\n"] {
            let selected = #expect(throws: DocumentError.self) { try YAML.parseAll(text, selecting: Self.head) }
            let whole = #expect(throws: DocumentError.self) { try YAML.parseAll(text) }
            #expect(selected != nil && selected == whole, "\(text.debugDescription)")
        }
    }

    @Test func anchorsAndAliasesGiveTheWholeDocumentsAndMergesWork() throws {
        let aliased = "base: &b {kind: Secret}\nkind: ConfigMap\nspec: *b\n"
        #expect(try YAML.parseAll(aliased, selecting: Self.head).map(\.value) == YAML.parseAll(aliased).map(\.value))
        let merged = try YAML.parseAll("<<: {kind: Role}\nspec: 1\n", selecting: Self.head)
        #expect(merged.first?.value == ["kind": "Role"])
    }
}
