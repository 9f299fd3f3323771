import FerryCore
import GoTemplate
import Testing

@Suite struct LanguageTests {
    static let lexing: [TemplateCase] = [
        TemplateCase("plain text passes through", "hello, world", output: "hello, world"),
        TemplateCase("a string constant prints", #"{{"hello"}}"#, output: "hello"),
        TemplateCase("trim markers remove surrounding whitespace", "a  \n {{- \"b\" -}} \n  c", output: "abc"),
        TemplateCase("a trimmed comment vanishes with its whitespace", "a {{- /* note */ -}} b", output: "ab"),
        TemplateCase("a comment prints nothing", "{{/* c */}}x", output: "x"),
        TemplateCase("a raw string keeps backslashes", "{{`a\\nb`}}", output: "a\\nb"),
        TemplateCase("a raw string drops every carriage return, as Go's strconv.Unquote does", "{{`a\r\nb\rc`}}",
                     output: "a\nbc"),
        TemplateCase("an interpreted string without escapes is read as it is", #"{{"a 'b' ` c"}}"#, output: "a 'b' ` c"),
        TemplateCase("interpreted strings decode Go escapes", #"{{"a\tb\u00e9\x41\""}}"#, output: "a\tbéA\""),
        TemplateCase("number literals use Go syntax", "{{0x1F}} {{1_000}} {{0o17}} {{1.5}} {{1e3}} {{'a'}} {{-3}}",
                     output: "31 1000 15 1.5 1000 97 -3"),
        TemplateCase("booleans print as words", "{{true}} {{false}}", output: "true false"),
        TemplateCase("a left trim eats preceding newlines only", "a\n  {{- 1}}\n", output: "a1\n"),
        TemplateCase("a right trim marker may follow a tab, newline or carriage return", "{{1\t-}} x{{2\n-}} y{{3\r-}} z{{4 -}}",
                     output: "1x2y3z4"),
        TemplateCase("a dash after a space without }} is not a trim marker", "{{ 3 -1 }}", error: "can't give argument to non-function"),
        TemplateCase("an unclosed action is a parse error", "x\n{{.a", error: "template: t:2: unclosed action"),
        TemplateCase("an unterminated string is a parse error", #"{{"abc}}"#, error: "unterminated quoted string"),
        TemplateCase("a stray character is reported", "{{.a % 2}}", error: "unrecognized character in action: U+0025 '%'"),
        TemplateCase("an unclosed comment is a parse error", "{{/* x }}", error: "unclosed comment"),
    ]

    static let parsing: [TemplateCase] = [
        TemplateCase("an unknown function is a parse error with its line", "a\nb\n{{foo}}",
                     error: #"template: t:3: function "foo" not defined"#),
        TemplateCase("a stray end is a parse error", "{{end}}", error: "unexpected {{end}}"),
        TemplateCase("a missing end is a parse error", "{{if true}}x", error: "unexpected EOF"),
        TemplateCase("an undefined variable is a parse error", "{{$x}}", error: #"undefined variable "$x""#),
        TemplateCase("a variable declared in a block is gone after end", "{{if true}}{{$y := 1}}{{end}}{{$y}}",
                     error: #"undefined variable "$y""#),
        TemplateCase("break outside range is a parse error", "{{break}}", error: "{{break}} outside {{range}}"),
        TemplateCase("an empty if is missing a value", "{{if}}x{{end}}", error: "missing value for if"),
        TemplateCase("operands need separating spaces", #"{{.a"b"}}"#, error: #"template: t:1: unexpected "\"b\"" in operand"#),
        TemplateCase("a keyword out of place is shown in angle brackets", "{{.a | if}}", error: "unexpected <if> in command"),
        TemplateCase("a constant cannot be a later pipeline stage", "{{1 | 2}}", error: "non executable command in pipeline stage 2"),
    ]

    static let fields: [TemplateCase] = [
        TemplateCase("a field chain reads nested maps", "{{.a.b}}", data: ["a": ["b": "x"]], output: "x"),
        TemplateCase("a missing key prints no value by default", "{{.nope}}", output: "<no value>"),
        TemplateCase("a field of a missing key is still no value by default", "{{.a.b.c}}", output: "<no value>"),
        TemplateCase("a null value prints no value", "{{.a}}", data: ["a": nil], output: "<no value>"),
        TemplateCase("a field of a missing key is a nil pointer error in zero mode", "{{.a.b}}",
                     error: #"template: t:1:4: executing "t" at <.a.b>: nil pointer evaluating interface {}.b"#, missingKey: .zero),
        TemplateCase("a missing key is an error in error mode", "{{.a}}", error: #"map has no entry for key "a""#, missingKey: .error),
        TemplateCase("a field of a string cannot be evaluated", "{{.a.b}}", data: ["a": "s"],
                     error: "can't evaluate field b in type interface {}"),
        TemplateCase("a field chain error points at its first chained field, as Go's", "{{ .Values.a.b }}", data: ["Values": [:]],
                     error: #"template: t:1:10: executing "t" at <.Values.a.b>: nil pointer evaluating interface {}.b"#, missingKey: .zero),
        TemplateCase("a variable chain error points at its first field", "{{ $v := . }}{{ $v.a.b }}",
                     error: #"template: t:1:18: executing "t" at <$v.a.b>: nil pointer evaluating interface {}.b"#, missingKey: .zero),
        TemplateCase("a field of a string is reported at the chained field", #"{{ .s.x }}"#, data: ["s": "str"],
                     error: #"template: t:1:5: executing "t" at <.s.x>: can't evaluate field x in type interface {}"#),
        TemplateCase("exec errors carry line and byte column", "line1\n  {{.a.b}}",
                     error: #"template: t:2:6: executing "t" at <.a.b>: nil pointer evaluating interface {}.b"#, missingKey: .zero),
        TemplateCase("a map prints like Go with sorted keys", "{{.}}", data: ["b": [1, 2], "a": 1, "c": ["d": true]],
                     output: "map[a:1 b:[1 2] c:map[d:true]]"),
        TemplateCase("a list prints nil elements as <nil>", "{{.l}}", data: ["l": [nil, 1, "a"]], output: "[<nil> 1 a]"),
        TemplateCase("floats print like Go's %v", "{{.a}} {{.b}} {{.c}} {{.d}} {{.e}} {{.f}}",
                     data: ["a": 1000000.0, "b": 1.5, "c": 100000.0, "d": 0.0001, "e": 0.00001, "f": 3.0],
                     output: "1e+06 1.5 100000 0.0001 1e-05 3"),
        TemplateCase("$ is the root data inside with", "{{with .a}}{{$.b}}{{end}}", data: ["a": 1, "b": "root"], output: "root"),
        TemplateCase("a map field with arguments is an error", "{{.a 1}}", data: ["a": 1], error: "a is not a method but has arguments"),
        TemplateCase("nil is not a command", "{{nil}}", error: "nil is not a command"),
        TemplateCase("a parenthesized pipeline can be followed by a field", "{{(.m).a}}", data: ["m": ["a": "v"]], output: "v"),
    ]

    @Test(arguments: lexing) func lexingFollowsGo(_ c: TemplateCase) { check(c) }
    @Test(arguments: parsing) func parseErrorsReadLikeGo(_ c: TemplateCase) { check(c) }
    @Test(arguments: fields) func fieldsAndPrintingFollowGo(_ c: TemplateCase) { check(c) }
}
