import FerryCore
import GoTemplate
import Testing

@Suite struct ControlTests {
    static let cases: [TemplateCase] = [
        TemplateCase("if, else if and else pick the first true branch",
                     "{{if .a}}A{{else if .b}}B{{else}}C{{end}}", data: ["a": 0, "b": "x"], output: "B"),
        TemplateCase("empty values are false", "{{if .s}}1{{end}}{{if .z}}2{{end}}{{if .l}}3{{end}}{{if .m}}4{{end}}{{if .n}}5{{end}}{{if .f}}6{{end}}|",
                     data: ["s": "", "z": 0, "l": [], "m": [:], "n": nil, "f": false], output: "|"),
        TemplateCase("non-empty values are true", "{{if .s}}1{{end}}{{if .z}}2{{end}}{{if .l}}3{{end}}{{if .m}}4{{end}}{{if .d}}5{{end}}",
                     data: ["s": "x", "z": -1, "l": [0], "m": ["k": nil], "d": 0.5], output: "12345"),
        TemplateCase("range over a list sets dot", "{{range .}}{{.}},{{end}}", data: [1, 2, 3], output: "1,2,3,"),
        TemplateCase("range with index and element", "{{range $i, $e := .}}{{$i}}={{$e}} {{end}}", data: ["a", "b"], output: "0=a 1=b "),
        TemplateCase("range with one variable binds the element", "{{range $e := .}}{{$e}}{{end}}", data: ["x", "y"], output: "xy"),
        TemplateCase("range over a map uses sorted keys", "{{range $k, $v := .}}{{$k}}={{$v}};{{end}}",
                     data: ["b": 2, "a": 1, "c": 3], output: "a=1;b=2;c=3;"),
        TemplateCase("range over an empty list runs else", "{{range .l}}x{{else}}empty{{end}}", data: ["l": []], output: "empty"),
        TemplateCase("range over a missing value runs else", "{{range .nope}}x{{else}}none{{end}}", output: "none"),
        TemplateCase("range over an integer counts from zero", "{{range 3}}{{.}}{{end}}", output: "012"),
        TemplateCase("break and continue steer a range",
                     "{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}",
                     data: [0, 1, 2, 3, 4], output: "02"),
        TemplateCase("range over a string is an error", "{{range .s}}{{end}}", data: ["s": "abc"], error: "range can't iterate over abc"),
        TemplateCase("range over an integer with two variables is an error", "{{range $i, $e := 3}}{{end}}",
                     error: "can't use 3 to iterate over more than one variable"),
        TemplateCase("with sets dot to a true value", "{{with .a}}{{.b}}{{end}}", data: ["a": ["b": "in"]], output: "in"),
        TemplateCase("else with and else chain", "{{with .a}}A{{else with .b}}B{{.}}{{else}}C{{end}}", data: ["b": "!"], output: "B!"),
        TemplateCase("with skips an empty value to else", "{{with .a}}A{{else}}C{{end}}", data: ["a": ""], output: "C"),
        TemplateCase("assignment changes an outer variable", "{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", output: "2"),
        TemplateCase("range variables are fresh each iteration", "{{range .}}{{$v := .}}{{$v}}{{end}}", data: [1, 2], output: "12"),
        TemplateCase("a variable can hold a pipeline result", "{{$n := len .l}}{{$n}} items", data: ["l": [1, 2]], output: "2 items"),
        TemplateCase("define and template pass dot", #"{{define "x"}}<{{.}}>{{end}}{{template "x" .a}}"#, data: ["a": 5], output: "<5>"),
        TemplateCase("template without data gets no value", #"{{define "x"}}{{.}}{{end}}{{template "x"}}"#, output: "<no value>"),
        TemplateCase("block defines and runs its body", #"{{block "b" .}}default {{.v}}{{end}}"#, data: ["v": 1], output: "default 1"),
        TemplateCase("calling an undefined template is an error", #"{{template "nope"}}"#, error: #"template: t:1:11: executing "t" at <{{template "nope"}}>: template "nope" not defined"#),
        TemplateCase("errors inside a define name the define and the file",
                     #"{{define "x"}}{{.a.b}}{{end}}{{template "x" .}}"#,
                     error: #"template: t:1:18: executing "x" at <.a.b>: nil pointer evaluating interface {}.b"#, missingKey: .zero),
        TemplateCase("nested template errors report the innermost define like Go's TestExecError",
                     "line 1\nline 2\nline 3\n{{template \"one\" .}}\n{{define \"one\"}}{{template \"two\" .}}{{end}}\n" +
                     "{{define \"two\"}}{{template \"three\" .}}{{end}}\n{{define \"three\"}}{{index \"hi\" $}}{{end}}", data: 5,
                     error: #"template: t:7:20: executing "three" at <index "hi" $>: error calling index: index out of range: 5"#),
        TemplateCase("if nil is an error", "{{if nil}}x{{end}}", error: "nil is not a command"),
        TemplateCase("a variable declared in if is visible in else", "{{if $x := 0}}A{{else}}{{$x}}{{end}}", output: "0"),
        TemplateCase("a shadowing with variable ends with its block", "{{if $x := true}}{{with $x := 17}}{{$x}},{{end}}{{$x}}{{end}}",
                     output: "17,true"),
        TemplateCase("range can assign to outer variables", "{{$i := 0}}{{$e := 0}}{{range $i, $e = .}}{{end}}{{$i}}:{{$e}}",
                     data: ["a", "b"], output: "1:b"),
        TemplateCase("infinite template recursion is an error, not a crash",
                     #"{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}"#, error: "exceeded maximum template depth (200)"),
        TemplateCase("variables do not leak into a called template", #"{{define "x"}}{{$}}{{end}}{{$v := 1}}{{template "x" 7}}"#, output: "7"),
    ]

    @Test(arguments: cases) func controlStructuresFollowGo(_ c: TemplateCase) { check(c) }

    @Test func definesAreSharedAcrossAddedTexts() throws {
        var set = try Template.parse(name: "helpers.tpl", text: #"{{define "name"}}app-{{.}}{{end}}"#)
        try set.add(name: "deploy.yaml", text: #"name: {{template "name" .n}}"#)
        #expect(try set.execute("deploy.yaml", data: ["n": "web"]) == "name: app-web")
        #expect(set.names == ["deploy.yaml", "helpers.tpl", "name"])
    }

    @Test func aLaterDefineOverridesABlock() throws {
        var set = try Template.parse(name: "page", text: #"[{{block "body" .}}default{{end}}]"#)
        try set.add(name: "override", text: #"{{define "body"}}custom{{end}}"#)
        #expect(try set.execute("page", data: nil) == "[custom]")
    }

    @Test func outputSizeIsBounded() throws {
        let set = try Template.parse(name: "t", text: "{{range 1000}}xxxxxxxxxx{{end}}")
        #expect(throws: TemplateError.self) { try set.execute("t", data: nil, options: ExecOptions(maxOutputBytes: 100)) }
        #expect(try set.execute("t", data: nil).count == 10_000)
    }

    @Test func executingAnUnknownNameIsAnError() throws {
        let set = try Template.parse(name: "t", text: "x")
        #expect(throws: TemplateError.self) { try set.execute("other", data: nil) }
    }
}
