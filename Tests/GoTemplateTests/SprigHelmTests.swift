import FerryCore
import GoTemplate
import Testing

/// Helm's own plain functions; expectations from helm's pkg/engine/funcs_test.go (TestFuncs, TestDurationHelpers).
@Suite struct SprigHelmTests {
    static let tables = """

        [table]
        keyInTable = "valueInTable"
        [table.subtable]
        keyInSubtable = "valueInSubTable"
        """
    static let arrays = """

        [[tableArray]]
        keyInElement0 = "valueInElement0"
        [[tableArray]]
        keyInElement1 = "valueInElement1"
        """

    static let cases: [TemplateCase] = [
        TemplateCase("toYaml of a map", "{{ toYaml . }}", data: ["foo": "bar"], output: "foo: bar"),
        TemplateCase("toYamlPretty indents sequences under keys", "{{ toYamlPretty . }}", data: ["baz": [1, 2, 3]], output: "baz:\n  - 1\n  - 2\n  - 3"),
        TemplateCase("toYamlPretty indents nested sequences", "{{ toYamlPretty . }}", data: ["a": ["b": [["c": ["x"]]]]],
                     output: "a:\n  b:\n    - c:\n        - x"),
        TemplateCase("toToml of a map", "{{ toToml . }}", data: ["foo": "bar"], output: "foo = \"bar\"\n"),
        TemplateCase("toToml escapes quotes, backslashes and control characters", "{{ toToml . }}",
                     data: ["k": "a\"b\\c\n\u{1}\u{7F}\u{8}\u{C}\u{B}"],
                     output: "k = \"a\\\"b\\\\c\\n\\u0001\\u007f\\b\\f\\u000b\"\n"),
        TemplateCase("toYaml writes go-yaml's escapes", "{{ toYaml . }}", data: ["k": "x\u{8}\u{C}\u{B}\u{1B}\u{0}\u{7}\u{1}"],
                     output: "k: \"x\\b\\f\\v\\e\\0\\a\\x01\""),
        TemplateCase("toYaml of text JSON cannot carry into YAML is empty", "{{ toYaml . }}", data: ["k": "x\u{7F}"], output: ""),
        TemplateCase("mustToYaml of text JSON cannot carry into YAML fails", "{{ mustToYaml . }}", data: ["k": "x\u{90}"],
                     error: "error calling mustToYaml: yaml: control characters are not allowed"),
        TemplateCase("toToml nests tables with indentation", "{{ toToml . }}", data: ["mast": ["sail": "white"]], output: "[mast]\n  sail = \"white\"\n"),
        TemplateCase("toToml writes floats with a point and arrays inline", "{{ toToml . }}", data: ["a": 1.0, "b": [1, 2], "c": true],
                     output: "a = 1.0\nb = [1, 2]\nc = true\n"),
        TemplateCase("toToml writes arrays of tables", "{{ toToml . }}", data: ["p": [["n": "a"], ["n": "b"]]], output: "[[p]]\n  n = \"a\"\n\n[[p]]\n  n = \"b\"\n"),
        TemplateCase("mustToToml of a map", "{{ mustToToml . }}", data: ["foo": "bar"], output: "foo = \"bar\"\n"),
        TemplateCase("mustToToml of a list is an error", "{{ mustToToml (list 1) }}", error: "top-level values must be Go maps"),
        TemplateCase("fromToml reads a key", "{{ fromToml . }}", data: #"hello = "world""#, output: "map[hello:world]"),
        TemplateCase("fromToml reads nested tables", "{{ fromToml . }}", data: .string(tables),
                     output: "map[table:map[keyInTable:valueInTable subtable:map[keyInSubtable:valueInSubTable]]]"),
        TemplateCase("fromToml reads arrays of tables", "{{ fromToml . }}", data: .string(arrays),
                     output: "map[tableArray:[map[keyInElement0:valueInElement0] map[keyInElement1:valueInElement1]]]"),
        TemplateCase("fromToml reports errors under Error", "{{ fromToml . }}", data: "one",
                     output: "map[Error:toml: line 1: unexpected EOF; expected key separator '=']"),
        TemplateCase("fromToml reads numbers, booleans, arrays and inline tables", #"{{ $t := fromToml . }}{{ $t.n }} {{ $t.f }} {{ $t.b }} {{ $t.l }} {{ $t.i.x }} {{ $t.s }}"#,
                     data: "n = 1_000\nf = 2.5\nb = true\nl = [1, 'two']\ni = { x = \"y\" }\ns = \"\"\"\nmulti\"\"\" # note\n", output: "1000 2.5 true [1 two] y multi"),
        TemplateCase("toToml then fromToml round-trips", #"{{ (toToml (dict "a" (dict "b" 1)) | fromToml).a.b }}"#, output: "1"),
        TemplateCase("fromYamlArray of YAML", "{{ fromYamlArray . }}", data: "- one\n- 2\n- name: helm\n", output: "[one 2 map[name:helm]]"),
        TemplateCase("fromYamlArray of JSON-style YAML", "{{ fromYamlArray . }}", data: #"["one", 2, { "name": "helm" }]"#, output: "[one 2 map[name:helm]]"),
        TemplateCase("fromYaml of a list is an error map", "{{ fromYaml . }}", data: "- one\n- two\n",
                     output: "map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]"),
        TemplateCase("fromYamlArray of a map is an error list", "{{ fromYamlArray . }}", data: "hello: world",
                     output: "[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]"),
        TemplateCase("fromJson of an array is an error map", "{{ fromJson . }}", data: #"["one", "two"]"#,
                     output: "map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]"),
        TemplateCase("fromJsonArray of an object is an error list", "{{ fromJsonArray . }}", data: #"{"hello": "world"}"#,
                     output: "[json: cannot unmarshal object into Go value of type []interface {}]"),
        TemplateCase("merge keeps the destination over fromYaml", "{{ merge .dict (fromYaml .yaml) }}",
                     data: ["dict": ["a": ["b": "c"]], "yaml": #"{"a":{"b":"d"}}"#], output: "map[a:map[b:c]]"),
        TemplateCase("merge into fromYaml keeps its values", "{{ merge (fromYaml .yaml) .dict }}",
                     data: ["dict": ["a": ["b": "c"]], "yaml": #"{"a":{"b":"d"}}"#], output: "map[a:map[b:d]]"),
    ]

    static let durations: [TemplateCase] = [
        TemplateCase("mustToDuration of seconds", "{{ mustToDuration 30 }}", output: "30s"),
        TemplateCase("mustToDuration of text", #"{{ mustToDuration "1m30s" }}"#, output: "1m30s"),
        TemplateCase("mustToDuration of junk is an error", #"{{ mustToDuration "foo" }}"#, error: "could not parse duration"),
        TemplateCase("durationSeconds of text", #"{{ durationSeconds "1m30s" }} {{ durationSeconds "2.5" }} {{ durationSeconds "  2.5  " }}"#, output: "90 2.5 2.5"),
        TemplateCase("durationSeconds of numbers", "{{ durationSeconds 2 }} {{ durationSeconds 2.5 }}", output: "2 2.5"),
        TemplateCase("durationSeconds of junk is zero", #"{{ durationSeconds "nope" }} {{ durationSeconds "" }} {{ durationSeconds "   " }} {{ durationSeconds nil }}"#, output: "0 0 0 0"),
        TemplateCase("smaller units are integers", "{{ durationMilliseconds 2 }} {{ durationMilliseconds 1.5 }} {{ durationMicroseconds 2 }} {{ durationNanoseconds 2 }}",
                     output: "2000 1500 2000000 2000000000"),
        TemplateCase("larger units are floats", #"{{ durationMinutes "90s" }} {{ durationHours "90m" }} {{ durationDays "36h" }} {{ durationWeeks "84h" }}"#,
                     output: "1.5 1.5 1.5 0.5"),
        TemplateCase("durationRoundTo and durationTruncateTo", #"{{ durationRoundTo "1h29m" "1h" }} {{ durationTruncateTo "1h59m" "1h" }} {{ durationRoundTo "90s" "nope" }}"#,
                     output: "1h0m0s 1h0m0s 1m30s"),
    ]

    @Test(arguments: cases) func helmFunction(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: durations) func durationHelper(_ c: TemplateCase) { checkSprig(c) }
}
