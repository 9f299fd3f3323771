import FerryCore
import GoTemplate
import Testing

@Suite struct SprigEncodingTests {
    static let top: Value = ["Top": ["bool": true, "string": "test", "number": 42, "html": "<HEAD>"]]

    static let base: [TemplateCase] = [
        TemplateCase("b64enc", #"{{ b64enc "coffee" }}"#, output: "Y29mZmVl"),
        TemplateCase("b64dec", #"{{ b64dec "Y29mZmVl" }}"#, output: "coffee"),
        TemplateCase("b64enc pads", #"{{ b64enc "a" }} {{ b64enc "" }}"#, output: "YQ== "),
        TemplateCase("b64dec of bad input returns Go's error text", #"{{ b64dec "!!!" }}"#, output: "illegal base64 data at input byte 0"),
        TemplateCase("b32enc", #"{{ b32enc "coffee" }}"#, output: "MNXWMZTFMU======"),
        TemplateCase("b32dec", #"{{ b32dec "MNXWMZTFMU======" }}"#, output: "coffee"),
        TemplateCase("b32 round trip of odd lengths", #"{{ b32enc "abcd" | b32dec }}|{{ b32enc "a" }}"#, output: "abcd|ME======"),
        TemplateCase("b32dec of bad input", #"{{ b32dec "1" }}"#, output: "illegal base32 data at input byte 0"),
        TemplateCase("sha256sum", #"{{ sha256sum "abc" }}"#, output: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        TemplateCase("sha1sum", #"{{ sha1sum "abc" }}"#, output: "a9993e364706816aba3e25717850c26c9cd0d89d"),
        TemplateCase("sha512sum", #"{{ sha512sum "" | trunc 16 }}"#, output: "cf83e1357eefb8bd"),
        TemplateCase("adler32sum", #"{{ adler32sum "Wikipedia" }}"#, output: "300286872"),
        TemplateCase("sha256sum of a toYaml block (checksum annotations)", #"{{ dict "a" 1 | toYaml | sha256sum | trunc 8 }}"#, output: "16c3c6d7"),
    ]

    static let json: [TemplateCase] = [
        TemplateCase("toJson sorts keys and escapes HTML", "{{ .Top | toJson }}", data: top,
                     output: #"{"bool":true,"html":"\u003cHEAD\u003e","number":42,"string":"test"}"#),
        TemplateCase("toRawJson does not escape HTML", "{{ .Top | toRawJson }}", data: top,
                     output: #"{"bool":true,"html":"<HEAD>","number":42,"string":"test"}"#),
        TemplateCase("toRawJson keeps escaped backslashes", #"{{ toRawJson "a\\u003c" }}"#, output: #""a\\u003c""#),
        TemplateCase("toPrettyJson indents two spaces", "{{ .Top | toPrettyJson }}", data: ["Top": ["bool": true, "number": 42]],
                     output: "{\n  \"bool\": true,\n  \"number\": 42\n}"),
        TemplateCase("toPrettyJson sorts keys in byte order at every level", #"{{ dict "b" (dict "z" 1 "Z" 2) "a" (list (dict "y" 1 "x" 2)) | toPrettyJson }}"#,
                     output: "{\n  \"a\": [\n    {\n      \"x\": 2,\n      \"y\": 1\n    }\n  ],\n  \"b\": {\n    \"Z\": 2,\n    \"z\": 1\n  }\n}"),
        TemplateCase("toJson of scalars and nil", #"{{ toJson "a" }} {{ toJson 1.5 }} {{ toJson nil }} {{ toJson (list) }}"#, output: #""a" 1.5 null []"#),
        TemplateCase("mustToJson", #"{{ mustToJson (dict "b" 1 "a" 2) }}"#, output: #"{"a":2,"b":1}"#),
        TemplateCase("fromJson gives a map", #"{{ .Input | fromJson }}"#, data: ["Input": #"{"foo": 55}"#], output: "map[foo:55]"),
        TemplateCase("fromJson fields", #"{{ (.Input | fromJson).foo }}"#, data: ["Input": #"{"foo": 55}"#], output: "55"),
        TemplateCase("fromJson numbers are float64", #"{{ (fromJson "{\"a\": 1}").a | typeOf }}"#, output: "float64"),
        TemplateCase("fromJson of bad JSON puts the error under Error", #"{{ (fromJson "{").Error | empty | not }}"#, output: "true"),
        TemplateCase("fromJson of an array is an error map", #"{{ (fromJson "[1]").Error }}"#,
                     output: "json: cannot unmarshal array into Go value of type map[string]interface {}"),
        TemplateCase("fromJsonArray", #"{{ fromJsonArray "[1, \"a\", {\"b\": true}]" }}"#, output: "[1 a map[b:true]]"),
        TemplateCase("fromJsonArray of an object is a one-element error list", #"{{ fromJsonArray "{}" | len }}"#, output: "1"),
        TemplateCase("mustFromJson fails on bad JSON", #"{{ mustFromJson "{" }}"#, error: "error calling mustFromJson"),
    ]

    static let yaml: [TemplateCase] = [
        TemplateCase("toYaml sorts keys and trims the final newline", #"{{ dict "b" 1 "a" (list "x" "y") | toYaml }}"#, output: "a:\n- x\n- \"y\"\nb: 1"),
        TemplateCase("toYaml nested maps", "{{ toYaml .v }}", data: ["v": ["resources": ["limits": ["cpu": "100m", "memory": "128Mi"]]]],
                     output: "resources:\n  limits:\n    cpu: 100m\n    memory: 128Mi"),
        TemplateCase("toYaml writes whole floats as integers", "{{ toYaml .v }}", data: ["v": ["port": 8080.0, "ratio": 0.5]], output: "port: 8080\nratio: 0.5"),
        TemplateCase("toYaml quotes ambiguous strings", #"{{ toYaml (dict "a" "true" "b" "80" "c" "") }}"#, output: "a: \"true\"\nb: \"80\"\nc: \"\""),
        TemplateCase("toYaml of scalars", #"{{ toYaml "hi" }}|{{ toYaml 3 }}|{{ toYaml nil }}|{{ toYaml (dict) }}|{{ toYaml (list) }}"#,
                     output: "hi|3|null|{}|[]"),
        TemplateCase("toYaml with nindent, the chart idiom", "spec:{{ toYaml .r | nindent 2 }}", data: ["r": ["replicas": 2]], output: "spec:\n  replicas: 2"),
        TemplateCase("fromYaml reads a map", #"{{ (fromYaml "a: 1\nb: [x, y]").b }}"#, output: "[x true]"),  // YAML 1.1: y
        TemplateCase("fromYaml numbers are float64", #"{{ (fromYaml "a: 1").a | kindOf }}"#, output: "float64"),
        TemplateCase("fromYaml of a list is an error map", #"{{ (fromYaml "- a").Error | contains "cannot unmarshal array" }}"#, output: "true"),
        TemplateCase("fromYaml of bad YAML has an Error", #"{{ hasKey (fromYaml "a: [") "Error" }}"#, output: "true"),
        TemplateCase("fromYamlArray reads a list", #"{{ fromYamlArray "- a\n- b" }}"#, output: "[a b]"),
        TemplateCase("fromYaml of a text read before gives the same value, unchanged by edits of the first",
                     #"{{ $a := fromYaml "a: 1" }}{{ $b := set $a "b" 2 }}{{ fromYaml "a: 1" | toJson }} {{ $b | toJson }}"#,
                     output: #"{"a":1} {"a":1,"b":2}"#),
        TemplateCase("toYaml then fromYaml round-trips", #"{{ (dict "k" (list 1 2) | toYaml | fromYaml).k }}"#, output: "[1 2]"),
    ]

    @Test(arguments: base) func baseAndHashes(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: json) func jsonFunctions(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: yaml) func yamlFunctions(_ c: TemplateCase) { checkSprig(c) }
}
