import FerryCore
import GoTemplate
import Testing

@Suite struct SprigDefaultsTests {
    static let cases: [TemplateCase] = [
        TemplateCase("default replaces an empty string", #"{{"" | default "foo"}}"#, output: "foo"),
        TemplateCase("default keeps a number", #"{{default "foo" 234}} {{default "foo" 2.34}}"#, output: "234 2.34"),
        TemplateCase("default replaces a missing value", #"{{ .Nothing | default "123" }}"#, output: "123"),
        TemplateCase("default with one argument is the default", #"{{ default "123" }}"#, output: "123"),
        TemplateCase("default replaces false and zero", #"{{ false | default "x" }} {{ 0 | default 5 }}"#, output: "x 5"),
        TemplateCase("default replaces empty lists and maps", #"{{ list | default "l" }} {{ dict | default "m" }}"#, output: "l m"),
        TemplateCase("default keeps a value from data", #"{{ .Values.name | default "app" }}"#, data: ["Values": ["name": "web"]], output: "web"),
        TemplateCase("default without arguments is an arity error", "{{ default }}", error: "wrong number of args for default: want at least 1 got 0"),
        TemplateCase("empty of 1 is false", "{{if empty 1}}1{{else}}0{{end}}", output: "0"),
        TemplateCase("empty of zero values", #"{{empty 0}} {{empty ""}} {{empty 0.0}} {{empty false}} {{empty nil}}"#, output: "true true true true true"),
        TemplateCase("empty of a missing nested key", "{{if empty .top.NoSuchThing}}1{{else}}0{{end}}", data: ["top": .emptyObject], output: "1"),
        TemplateCase("empty of a missing parent", "{{if empty .bottom.NoSuchThing}}1{{else}}0{{end}}", data: ["top": .emptyObject], output: "1"),
        TemplateCase("coalesce picks the first non-empty", #"{{ coalesce 1 }} {{ coalesce "" 0 nil 2 }}"#, output: "1 2"),
        TemplateCase("coalesce of variables", #"{{ $two := 2 }}{{ coalesce "" $two 3 4 5 }}"#, output: "2"),
        TemplateCase("coalesce of nothing is no value", "{{ coalesce }}", output: "<no value>"),
        TemplateCase("coalesce over missing data", #"{{ coalesce .top.NoSuchThing .bottom .bottom.dollar "airplane"}}"#,
                     data: ["top": .emptyObject], output: "airplane"),
        TemplateCase("all", #"{{ all 1 }} {{ all "" 0 nil 2 }} {{ all }}"#, output: "true false true"),
        TemplateCase("all over missing data", #"{{ all .top.NoSuchThing .bottom "airplane"}}"#, data: ["top": .emptyObject], output: "false"),
        TemplateCase("any", #"{{ any 1 }} {{ any "" 0 nil 2 }} {{ $zero := 0 }}{{ any "" $zero 0 }} {{ any }}"#, output: "true true false false"),
        TemplateCase("ternary picks by a boolean", #"{{true | ternary "foo" "bar"}} {{ternary "foo" "bar" false}}"#, output: "foo bar"),
        TemplateCase("ternary needs a boolean", #"{{ternary "foo" "bar" 1}}"#, error: "wrong type for value; expected bool; got int"),
        TemplateCase("fail stops with a message", #"{{ fail "value is required" }}"#, error: "error calling fail: value is required"),
        TemplateCase("fail inside a branch not taken is silent", #"{{ if false }}{{ fail "no" }}{{ end }}ok"#, output: "ok"),
    ]

    @Test(arguments: cases) func defaults(_ c: TemplateCase) { checkSprig(c) }
}
