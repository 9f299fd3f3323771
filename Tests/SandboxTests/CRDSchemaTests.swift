import FerryCore
import Foundation
import Testing
@testable import Sandbox

/// Structural-schema validation and pruning of custom resources, unit by unit. Expected wording follows
/// kube-openapi's validation messages and apimachinery's `field.Error` (read from their sources).
struct CRDSchemaTests {
    private func texts(_ value: Value, _ schema: String) throws -> [String] {
        CRDSchema.validate(value, try YAML.parse(schema, file: "schema"), path: "x").map(\.text)
    }

    @Test func typesNullableAndIntOrString() throws {
        #expect(try texts("3", "{type: integer}")
            == [#"x: Invalid value: "string": x in body must be of type integer: "string""#])
        #expect(try texts(.null, "{type: string}") == [#"x: Invalid value: "null": x in body must be of type string: "null""#])
        #expect(try texts(.null, "{type: string, nullable: true}").isEmpty)
        #expect(try texts(.double(2.0), "{type: integer}").isEmpty, "a whole float is an integer")
        #expect(try texts(.int(2), "{type: number}").isEmpty, "an integer is a number")
        #expect(try texts(.double(2.5), "{type: integer}") == [#"x: Invalid value: "number": x in body must be of type integer: "number""#])
        #expect(try texts(1, "{x-kubernetes-int-or-string: true}").isEmpty)
        #expect(try texts("80%", "{x-kubernetes-int-or-string: true}").isEmpty)
        #expect(try texts(true, "{x-kubernetes-int-or-string: true}")
            == [#"x: Invalid value: "boolean": x in body must be of type integer,string: "boolean""#])
        #expect(try texts(["a": 1], "{type: array}") == [#"x: Invalid value: "object": x in body must be of type array: "object""#])
    }

    @Test func numberBoundsAndInt32() throws {
        #expect(try texts(11, "{type: integer, maximum: 10}") == ["x: Invalid value: 11: x in body should be less than or equal to 10"])
        #expect(try texts(10, "{type: integer, maximum: 10, exclusiveMaximum: true}") == ["x: Invalid value: 10: x in body should be less than 10"])
        #expect(try texts(1, "{type: integer, minimum: 1, exclusiveMinimum: true}") == ["x: Invalid value: 1: x in body should be greater than 1"])
        #expect(try texts(.double(0.5), "{type: number, minimum: 1.5}")
            == ["x: Invalid value: 0.5: x in body should be greater than or equal to 1.5"])
        #expect(try texts(7, "{type: integer, multipleOf: 5}") == ["x: Invalid value: 7: x in body should be a multiple of 5"])
        #expect(try texts(.int(3_000_000_000), "{type: integer, format: int32}")
            == [#"<nil>: Invalid value: "": Checked value must be of type integer with format int32 in x"#])
        #expect(try texts(.int(3_000_000_000), "{type: integer, format: int64}").isEmpty)
    }

    @Test func stringLengthPatternAndFormats() throws {
        #expect(try texts("abcdef", "{type: string, maxLength: 5}") == ["x: Too long: may not be more than 5 bytes"])
        #expect(try texts("ab", "{type: string, minLength: 3}") == [#"x: Invalid value: "ab": x in body should be at least 3 chars long"#])
        #expect(try texts("AB", "{type: string, pattern: '^[a-z]+$'}") == [#"x: Invalid value: "AB": x in body should match '^[a-z]+$'"#])
        #expect(try texts("yesterday", "{type: string, format: date-time}")
            == [#"x: Invalid value: "yesterday": x in body must be of type date-time: "yesterday""#])
        #expect(try texts("2026-11-22T13:00:00Z", "{type: string, format: date-time}").isEmpty)
        #expect(try texts("10.0.0.300", "{type: string, format: ipv4}").count == 1)
        #expect(try texts("10.0.0.0/8", "{type: string, format: cidr}").isEmpty)
        #expect(try texts("whatever", "{type: string, format: no-such-format}").isEmpty, "unsupported formats are stripped")
        #expect(try texts("purple", "{type: string, enum: [red, blue]}")
            == [#"x: Unsupported value: "purple": supported values: "red", "blue""#])
    }

    @Test func arraysAndObjects() throws {
        #expect(try texts(["a", "b", "c"], "{type: array, maxItems: 2}") == ["x: Too many: 3: must have at most 2 items"])
        #expect(try texts(["a"], "{type: array, minItems: 2}") == ["x: Invalid value: 1: x in body should have at least 2 items"])
        #expect(try texts(["a", "a"], "{type: array, uniqueItems: true}") == [#"x: Invalid value: "": x in body shouldn't contain duplicates"#])
        #expect(try texts(["a", 1], "{type: array, items: {type: string}}")
            == [#"x[1]: Invalid value: "integer": x[1] in body must be of type string: "integer""#])
        #expect(try texts(["a": 1, "b": 2], "{type: object, maxProperties: 1}") == ["x: Too many: 2: must have at most 1 item"])
        #expect(try texts(.emptyObject, "{type: object, minProperties: 1}") == ["x: Invalid value: 0: x in body should have at least 1 properties"])
        #expect(try texts(["k": 1], "{type: object, additionalProperties: {type: string}}")
            == [#"x.k: Invalid value: "integer": x.k in body must be of type string: "integer""#])
        #expect(try texts(["a": 1], "{type: object, required: [b, c], properties: {a: {type: integer}}}")
            == ["x.b: Required value", "x.c: Required value"])
        #expect(try texts(["metadata": ["name": "n"]], "{type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}")
            == ["x.apiVersion: Required value", "x.kind: Required value"])
    }

    @Test func pruningKeepsDeclaredAndPreservedFields() throws {
        let schema = try YAML.parse("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  items: {type: array, items: {type: object, properties: {name: {type: string}}}}
                  labels: {type: object, additionalProperties: {type: string}}
                  raw: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {known: {type: object}}}
                  template: {type: object, x-kubernetes-embedded-resource: true, properties: {spec: {type: object}}}
            """, file: "schema")
        var object: Value = [
            "apiVersion": "example.com/v1", "kind": "Widget",
            "metadata": ["name": "w", "labels": ["a": "b"], "bogus": 1],
            "spec": ["items": [["name": "a", "extra": 1]], "labels": ["any": "x"], "gone": true,
                     "raw": ["free": ["deep": 1], "known": ["dropped": 1]],
                     "template": ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": ["x": 1], "other": 2]],
            "status": ["phase": "x"],
        ]
        let unknown = CRDSchema.prune(&object, schema: schema)
        #expect(unknown == ["metadata.bogus", "spec.gone", "spec.items[0].extra", "spec.raw.known.dropped",
                            "spec.template.other", "spec.template.spec.x", "status"])
        #expect(object == [
            "apiVersion": "example.com/v1", "kind": "Widget", "metadata": ["name": "w", "labels": ["a": "b"]],
            "spec": ["items": [["name": "a"]], "labels": ["any": "x"],
                     "raw": ["free": ["deep": 1], "known": .emptyObject],
                     "template": ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p"], "spec": .emptyObject]],
        ])
    }
}
