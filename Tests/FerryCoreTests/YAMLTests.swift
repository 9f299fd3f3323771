import Testing
import Foundation
@testable import FerryCore

@Suite struct YAMLTests {
    @Test func parsesTypedScalarsAndKeepsKeyOrder() throws {
        let v = try YAML.parse("b: 1\na: true\nc: \"1\"\nd: 1.5\ne: null\nf: hello\n")
        #expect(v.objectValue?.keys.elementsEqual(["b", "a", "c", "d", "e", "f"]) == true)
        #expect(v["b"] == .int(1))
        #expect(v["a"] == .bool(true))
        #expect(v["c"] == .string("1"))
        #expect(v["d"] == .double(1.5))
        #expect(v["e"] == .null)
        #expect(v["f"] == .string("hello"))
    }

    @Test func encodesLikeKubectl() throws {
        let text = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: x
        data:
          enabled: "true"
          port: "80"
          script: |
            echo hi
        list:
        - a: 1
          b: 2
        - plain
        empty: {}

        """
        let value = try YAML.parse(text)
        #expect(YAML.encode(value) == text)
    }

    @Test func doubleQuotesStringsWithControlCharacters() {
        #expect(YAML.encode(["k": "a\"b\u{1}\u{7F}"]) == "k: \"a\\\"b\\x01\\x7F\"\n")
        #expect(YAML.encode(["k": "\u{0}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{85}\u{FEFF}"]) == "k: \"\\0\\a\\b\\v\\f\\e\\N\\uFEFF\"\n")
        #expect(YAML.encode(["k": "x\u{A0}y"]) == "k: x\u{A0}y\n")
        #expect(YAML.encode(["k": "\u{FEFF}a \u{A0}"]) == "k: \"\\uFEFF\\x61\\x20\\_\"\n")
    }

    @Test func syntaxErrorNamesFileAndLine() {
        #expect(throws: DocumentError.self) { try YAML.parseAll("a: 1\nb: [\n", file: "app/x.yaml") }
        do { _ = try YAML.parseAll("a: 1\n b: 2\nc", file: "app/x.yaml") } catch let e as DocumentError {
            #expect(e.file == "app/x.yaml")
            #expect(e.line >= 2)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func manifestWithoutKindIsRejectedWithItsLine() {
        do {
            _ = try Manifests.parse("apiVersion: v1\nkind: A\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n", file: "m.yaml")
            Issue.record("expected an error")
        } catch let e as DocumentError {
            #expect(e.file == "m.yaml")
            #expect(e.line == 5)
            #expect(e.message.contains("kind"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func jsonRoundTripsInOrder() throws {
        let v = try JSON.parse(#"{"z":1,"a":[true,null,"s\n"],"m":{"k":2.5}}"#)
        #expect(JSON.encode(v) == #"{"z":1,"a":[true,null,"s\n"],"m":{"k":2.5}}"#)
    }
}

@Suite struct APICodingTests {
    @Test func datesRoundTripWithMilliseconds() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        let text = APICoding.formatDate(date)
        #expect(text.hasSuffix("Z"))
        let back = try #require(APICoding.parseDate(text))
        #expect(abs(back.timeIntervalSince(date)) < 0.001)
        #expect(APICoding.parseDate("2026-01-02T03:04:05Z") != nil)
    }
}

@Suite struct YAMLQuotingTests {
    @Test(arguments: [
        ("true", "\"true\""), ("80", "\"80\""), ("", "\"\""), ("1.5", "\"1.5\""),
        ("* * * * *", "'* * * * *'"), ("a: b", "'a: b'"), ("it's: x", "'it''s: x'"),
        ("nginx:1.27", "nginx:1.27"), ("-v", "-v"), ("tab\there", "\"tab\\there\""),
    ])
    func quotesOnlyWhereAPlainScalarWouldChangeMeaning(input: String, expected: String) throws {
        let text = YAML.encode(["k": .string(input)])
        #expect(text == "k: \(expected)\n")
        #expect(try YAML.parse(text)["k"] == .string(input))
    }
}

@Suite struct YAMLResolveTests {
    @Test(arguments: [
        ("a: 1", Value.int(1)), ("a: -42", .int(-42)), ("a: 0x1F", .int(31)), ("a: 010", .int(8)),
        ("a: 1.5", .double(1.5)), ("a: 1e3", .double(1000)), ("a: .inf", .double(.infinity)),
        ("a: true", .bool(true)), ("a: yes", .bool(true)), ("a: Off", .bool(false)),
        ("a: ~", .null), ("a:", .null), ("a: null", .null),
        ("a: '1'", .string("1")), ("a: \"true\"", .string("true")), ("a: !!str 12", .string("12")),
        ("a: 1.2.3", .string("1.2.3")), ("a: v1", .string("v1")), ("a: 1-2", .string("1-2")),
        ("a: nginx:1.27", .string("nginx:1.27")), ("a: 12Mi", .string("12Mi")), ("a: !!int \"7\"", .int(7)),
    ])
    func typesScalarsLikeKubernetesReaders(text: String, expected: Value) throws {
        #expect(try YAML.parse(text)["a"] == expected)
    }
}
