import Testing
@testable import FerryCore

/// The reader's structure rules (it builds values straight from libyaml's events): documents and their lines,
/// anchors and aliases, explicit tags and merge keys, and the errors for duplicate keys, undefined aliases,
/// non-scalar keys and deep nesting — each naming file, line and column.
struct YAMLStructureTests {
    func error(_ text: String, dialect: YAML.Dialect = .standard) -> DocumentError? {
        #expect(throws: DocumentError.self) { try YAML.parseAll(text, file: "t.yaml", dialect: dialect) }
    }

    @Test func documentsKeepTheirFirstLineAndEmptyOnesAreNull() throws {
        let docs = try YAML.parseAll("# head\na: 1\n---\n---\n\n# c\nb:\n  - 2\n")
        #expect(docs.map(\.line) == [2, 4, 7])
        #expect(docs.map(\.value) == [.object(["a": .int(1)]), .null, .object(["b": .array([.int(2)])])])
        #expect(try YAML.parseAll("").isEmpty)
        #expect(try YAML.parseAll("# only a comment\n").isEmpty)
    }

    @Test func aliasesResolveToTheAnchoredValueAndScalarAnchorsServeAsKeys() throws {
        let v = try YAML.parse("base: &b {x: 1, y: [a, b]}\ncopy: *b\nname: &n app\n*n : 2\nlist: &l [1]\nagain: *l\n")
        #expect(v["copy"] == .object(["x": .int(1), "y": .array([.string("a"), .string("b")])]))
        #expect(v["app"] == .int(2))
        #expect(v["again"] == .array([.int(1)]))
    }

    @Test func explicitTagsAndMergeKeys() throws {
        let v = try YAML.parse("a: !!str 10\nb: !!int \"12\"\nc: !!float 1\nd: !!bool yes\ne: !!null x\nf: '7'\ng: |\n  7\n")
        #expect(v["a"] == .string("10"))
        #expect(v["b"] == .int(12))
        #expect(v["c"] == .double(1))
        #expect(v["d"] == .bool(true))
        #expect(v["e"] == .null)
        #expect(v["f"] == .string("7"))
        #expect(v["g"] == .string("7\n"))
        let merged = try YAML.parse("base: &b {x: 1, y: 2}\nm:\n  y: 3\n  !!merge <<: *b\n")
        #expect(merged["m"] == .object(["y": .int(3), "x": .int(1)]))
    }

    @Test(arguments: [YAML.Dialect.standard, .yaml11])
    func mergeKeysExpandAsGoYAMLAndKustomizeDo(_ dialect: YAML.Dialect) throws {
        let text = """
        a: &a {x: 1, q: 1}
        b: &b {q: 2, z: 2}
        one:
          <<: *a
          q: 9
        many:
          <<: [*a, *b]
          w: 0
        quoted:
          "<<": *a

        """
        let v = try YAML.parse(text, dialect: dialect)
        #expect(v["one"] == .object(["x": .int(1), "q": .int(9)]))
        // Earlier sources win over later ones; the mapping's own keys win over both.
        #expect(v["many"] == .object(["x": .int(1), "q": .int(1), "z": .int(2), "w": .int(0)]))
        // Only a plain `<<` merges; a quoted one is an ordinary key.
        #expect(v["quoted"]?["<<"] == .object(["x": .int(1), "q": .int(1)]))
    }

    @Test func duplicateKeysAreAnErrorAtTheFirstOccurrence() throws {
        let e = error("kind: A\nmetadata:\n  name: x\n  labels: {}\n  name: y\n")
        #expect(e?.message == "duplicate keys in mapping: name")
        #expect(e.map { ($0.file, $0.line, $0.column) } ?? ("", 0, 0) == ("t.yaml", 3, 3))
        #expect(error("a: 1\n'a': 2\n")?.message == "duplicate keys in mapping: a")
        #expect(error("b: 1\na: 1\nb: 2\na: 2\n")?.message == "duplicate keys in mapping: a, b")
        // Past 16 keys the reader switches to a hash map; a duplicate there is found too.
        let many = (1...20).map { "k\($0): \($0)\n" }.joined()
        let late = error(many + "k3: again\n")
        #expect(late?.message == "duplicate keys in mapping: k3")
        #expect(late?.line == 3)
        #expect(try YAML.parse(many).objectValue?.count == 20)
    }

    @Test func undefinedAliasesNonScalarKeysAndDeepNestingAreErrors() {
        let alias = error("a: 1\nb: *missing\n")
        #expect(alias?.message == "found undefined alias")
        #expect(alias?.line == 2)
        #expect(alias?.column == 4)
        #expect(error("? [a, b]\n: 1\n")?.message == "mapping keys must be scalars")
        #expect(error("seq: &s [1]\n*s : 2\n")?.message == "mapping keys must be scalars")
        #expect(error(String(repeating: "[", count: 300) + String(repeating: "]", count: 300))?.message == "nesting too deep")
    }

    @Test func syntaxErrorsCarryLibyamlsContextAndPosition() {
        let e = error("a: 1\nb: [\n  c: d\n")
        #expect(e?.file == "t.yaml")
        #expect(e?.message.hasPrefix("while parsing a flow") == true)
        #expect((e?.line ?? 0) >= 2)
        let control = error("a: \u{1}\n")
        #expect(control?.message.contains("control characters are not allowed") == true)
    }

    @Test func helmDialectTypesKeysAndRefusesNullKeys() throws {
        let v = try YAML.parse("on: 1\n'off': 2\n1: x\n", dialect: .yaml11)
        #expect(v.objectValue?.keys.elementsEqual(["true", "off", "1"]) == true)
        #expect(error("~: 1\n", dialect: .yaml11)?.message.hasPrefix("unsupported map key '~'") == true)
    }
}
