import Foundation
import Testing
@testable import FerryCore

/// The YAML 1.1 dialect (go-yaml v2 under sigs.k8s.io/yaml, as Helm reads and writes YAML). Expectations are the
/// values go-yaml v2's own tables give (decode_test.go, encode_test.go, resolve.go) plus Go's
/// `strconv.FormatFloat(f, 'g', -1, 64)`; the last tests pin the default dialect, which must not move.
@Suite struct YAML11Tests {
    static func read(_ scalar: String) throws -> Value? {
        try YAML.parse("v: \(scalar)\n", dialect: .yaml11)["v"]
    }

    // MARK: Reading plain scalars

    static let decodeTable: [(String, Value)] = [
        // Simple values and floats from the spec.
        ("hi", "hi"), ("true", true), ("10", 10), ("0b10", 2), ("0xA", 10), ("4294967296", 4294967296),
        ("0.1", .double(0.1)), (".1", .double(0.1)), (".Inf", .double(.infinity)), ("-.Inf", .double(-.infinity)),
        ("-10", -10), ("-.1", .double(-0.1)), ("6.8523e+5", .double(685230)), ("685.230_15e+03", .double(685230.15)),
        ("685_230.15", .double(685230.15)), ("-.inf", .double(-.infinity)),
        // Booleans: YAML 1.1 spellings, exact case forms only.
        ("y", true), ("Y", true), ("yes", true), ("Yes", true), ("YES", true), ("on", true), ("On", true), ("ON", true),
        ("True", true), ("TRUE", true), ("n", false), ("N", false), ("no", false), ("No", false), ("NO", false),
        ("off", false), ("Off", false), ("OFF", false), ("False", false), ("FALSE", false),
        ("yEs", "yEs"), ("oN", "oN"), ("nO", "nO"), ("other", "other"),
        // Ints from the spec: sign, `_`, leading-zero octal, `0o`, hex, binary.
        ("685230", 685230), ("+685_230", 685230), ("02472256", 685230), ("-02472256", -685230), ("0o2472256", 685230),
        ("0x_0A_74_AE", 685230), ("0b1010_0111_0100_1010_1110", 685230), ("-0b101010", -42), ("0777", 511),
        ("9223372036854775807", .int(.max)), ("-9223372036854775808", .int(.min)),
        ("18446744073709551615", .double(18446744073709551615.0)),
        // Not octal, so a float (the float pattern accepts leading zeros); out of range floats stay strings.
        ("08", .double(8)), ("1.", .double(1)), ("1e400", "1e400"),
        // Nulls.
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nUll", "nUll"),
        // Strings that look numeric-ish: base 60 is unsupported, timestamps stay strings in untyped maps.
        ("1:20", "1:20"), ("190:20:30.15", "190:20:30.15"), ("2015-01-01", "2015-01-01"),
        ("2015-02-24T18:19:39Z", "2015-02-24T18:19:39Z"), ("-b_c", "-b_c"), ("+b_c", "+b_c"),
        ("50cent_of_dollar", "50cent_of_dollar"), ("3s", "3s"), ("<foo>", "<foo>"), ("1.2.3.4", "1.2.3.4"),
    ]

    @Test(arguments: decodeTable) func readsPlainScalarsAsGoYAMLv2(_ scalar: String, _ expected: Value) throws {
        #expect(try Self.read(scalar) == expected, "v: \(scalar)")
    }

    @Test func emptyAndNaN() throws {
        #expect(try YAML.parse("empty:\n", dialect: .yaml11)["empty"] == .null)
        guard case .double(let d)? = try Self.read(".NaN") else { Issue.record("not a float"); return }
        #expect(d.isNaN)
    }

    @Test func quotedAndTaggedScalarsStayAsWritten() throws {
        let v = try YAML.parse("a: \"yes\"\nb: 'on'\nc: !!str y\nd: \"0777\"\n", dialect: .yaml11)
        #expect(v == ["a": "yes", "b": "on", "c": "y", "d": "0777"])
    }

    // MARK: Mapping keys after sigs.k8s.io/yaml's JSON conversion

    @Test func plainKeysTakeTheirJSONSpelling() throws {
        let v = try YAML.parse("y: 1\nOff: 2\n0x10: 3\n1.5: 4\n1e3: 5\n'on': 6\n2015-01-01: 7\nyEs: 8\n", dialect: .yaml11)
        #expect(v.objectValue.map { Array($0.keys) } == ["true", "false", "16", "1.5", "1000", "on", "2015-01-01", "yEs"])
        // A float key goes through float32: 0.1 prints as 0.1, not 0.10000000149011612.
        #expect(try YAML.parse("0.1: x\n", dialect: .yaml11).objectValue?.keys.first == "0.1")
    }

    @Test func nullKeyIsAnErrorNamingTheFile() {
        #expect(throws: DocumentError.self) { try YAML.parse("~: null key\n", file: "values.yaml", dialect: .yaml11) }
        do { _ = try YAML.parse("a: 1\nnull: 2\n", file: "values.yaml", dialect: .yaml11) } catch let e as DocumentError {
            #expect(e.file == "values.yaml" && e.line == 2 && e.message.contains("unsupported map key"))
        } catch { Issue.record("unexpected \(error)") }
    }

    // MARK: Writing (go-yaml v2's encoder, via Helm's toYaml)

    static let floatTable: [(Double, String)] = [
        (0.1, "0.1"), (-0.1, "-0.1"), (0.5, "0.5"), (1, "1"), (123456, "123456"), (1234567, "1.234567e+06"),
        (1e6, "1e+06"), (12345678.9, "1.23456789e+07"), (100000000.5, "1.000000005e+08"), (0.0001, "0.0001"),
        (0.00001, "1e-05"), (1.5e-7, "1.5e-07"), (1e21, "1e+21"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (5e-324, "5e-324"), (685230.15, "685230.15"), (0.99, "0.99"), (.infinity, ".inf"), (-.infinity, "-.inf"),
        (.nan, ".nan"), (-0.0, "-0"), (3.0e100, "3e+100"),
    ]

    @Test(arguments: floatTable) func formatsFloatsLikeGoG(_ d: Double, _ expected: String) {
        #expect(YAML.formatGoFloat(d) == expected)
    }

    @Test func formatsFloat32Keys() {
        #expect(YAML.formatGoFloat(0.1, bitSize: 32) == "0.1")
        #expect(YAML.formatGoFloat(16777217, bitSize: 32) == "1.6777216e+07")
    }

    /// Go's encoding/json, which sits between Helm's values and `toJson`/`toYaml`.
    static let jsonFloatTable: [(Double, String)] = [
        (0.00001, "0.00001"), (0.000001, "0.000001"), (1e-7, "1e-7"), (1.5e-10, "1.5e-10"), (12345678.9, "12345678.9"),
        (1e16, "10000000000000000"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (-2.5e-8, "-2.5e-8"), (0.1, "0.1"),
    ]

    @Test(arguments: jsonFloatTable) func formatsJSONFloatsLikeEncodingJSON(_ d: Double, _ expected: String) {
        #expect(YAML.formatGoJSONFloat(d) == expected)
        #expect(JSON.formatDouble(d) == expected)
    }

    @Test func sortsKeysLikeGoYAMLv2() {
        // The order the real Helm engine's toYaml printed these keys in (Helm v4 SDK, 2026-11-22).
        let keys = ["aB", "a_b", "a10", "a2", "1000", "16", "1.5", "b", "B", "a", "a01", "a1", "_x", "Z", "é", "a.b",
                    "a-b", "a100", "a0100"]
        #expect(keys.sorted(by: YAML.goYAMLKeyLess) == ["_x", "1.5", "16", "1000", "B", "Z", "a", "a-b", "a.b", "a_b", "a1",
                                                        "a01", "a2", "a10", "a100", "a0100", "aB", "b", "é"])
        let text = YAML.encode(["b": 1, "a10": 2, "a9": 3], style: .goYAMLv2)
        #expect(text == "a9: 3\na10: 2\nb: 1\n")
        #expect(YAML.encode(["b": 1, "a": 2]) == "b: 1\na: 2\n")  // the default style keeps the given order
    }

    @Test func theByteFastPathOfKeyOrderAgreesWithTheRuneRules() {
        let alphabet = ["a", "b", "B", "z", "0", "1", "9", "_", "-", ".", "é", "ß", "٣", " "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let a = (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let b = (0..<Int.random(in: 0...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(YAML.goYAMLKeyLess(a, b) == YAML.runeKeyLess(a, b), "\(a.debugDescription) < \(b.debugDescription)")
        }
    }

    static let stringTable: [(String, String)] = [
        ("hi", "hi"), ("true", "\"true\""), ("false", "\"false\""), ("y", "\"y\""), ("Y", "\"Y\""), ("n", "\"n\""),
        ("on", "\"on\""), ("Off", "\"Off\""), ("yEs", "yEs"), ("", "\"\""), ("~", "\"~\""), ("null", "\"null\""),
        ("10", "\"10\""), ("0777", "\"0777\""), ("08", "\"08\""), ("0x1F", "\"0x1F\""), ("1_000", "\"1_000\""),
        ("1e3", "\"1e3\""), (".5", "\".5\""), ("1e400", "1e400"), ("1:1", "\"1:1\""), ("1:20", "\"1:20\""),
        ("1:60", "1:60"), ("2015-02-24T18:19:39Z", "\"2015-02-24T18:19:39Z\""), ("2015-01-01", "\"2015-01-01\""),
        ("2015-13-01", "2015-13-01"), ("2015-02-30", "2015-02-30"), ("1.2.3.4", "1.2.3.4"), ("<foo>", "<foo>"),
        ("<<", "<<"), ("-", "'-'"), ("a: b", "'a: b'"), ("Hello #comment", "'Hello #comment'"),
        (".Inf", "\".Inf\""), (".iNf", ".iNf"),
    ]

    @Test(arguments: stringTable) func quotesStringsLikeGoYAMLv2(_ s: String, _ expected: String) {
        #expect(YAML.encode(["a": .string(s)], style: .goYAMLv2) == "a: \(expected)\n", "\(s)")
    }

    @Test func encodesDocumentLikeV2() {
        let value: Value = ["v": ["A", 1, ["B": [2, 3]]], "f": .double(12345678.9), "m": ["true": 2, "s": "B\nC"]]
        #expect(YAML.encode(value, style: .goYAMLv2) == """
        f: 1.23456789e+07
        m:
          s: |-
            B
            C
          "true": 2
        v:
        - A
        - 1
        - B:
          - 2
          - 3

        """)
    }

    @Test func roundTripsEveryTableStringThroughTheDialect() throws {
        for (s, _) in Self.stringTable {
            let text = YAML.encode(["a": .string(s)], style: .goYAMLv2)
            #expect(try YAML.parse(text, dialect: .yaml11)["a"] == .string(s), "\(s)")
        }
    }

    // MARK: The default dialect is unchanged

    @Test func defaultReaderKeepsKeysAndYAsWritten() throws {
        let v = try YAML.parse("y: n\non: 1\n08: x\nv: 08\n")
        #expect(v.objectValue?.keys.elementsEqual(["y", "on", "08", "v"]) == true)
        #expect(v["y"] == "n")
        #expect(v["v"] == "08")
    }

    @Test func defaultEncoderKeepsKubectlFloats() {
        #expect(YAML.encode(["f": .double(12345678.9), "g": .double(1e6)]) == "f: 12345678.9\ng: 1e+06\n")
        #expect(YAML.encode(["s": "yEs"]) == "s: \"yEs\"\n")
    }
}
