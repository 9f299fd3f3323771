import FerryCore
import GoTemplate
import Testing

@Suite struct SprigTypesTests {
    static let cases: [TemplateCase] = [
        TemplateCase("typeOf names Go types", #"{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "s" }} {{ typeOf true }} {{ typeOf nil }}"#,
                     output: "int float64 string bool <nil>"),
        TemplateCase("typeOf of collections", "{{ typeOf (list) }} {{ typeOf (dict) }}", output: "[]interface {} map[string]interface {}"),
        TemplateCase("typeIs", #"{{ typeIs "string" "a" }} {{ typeIs "int" "a" }}"#, output: "true false"),
        TemplateCase("typeIsLike accepts pointers", #"{{ typeIsLike "string" "a" }}"#, output: "true"),
        TemplateCase("kindOf names reflect kinds", #"{{ kindOf (list) }} {{ kindOf (dict) }} {{ kindOf 1 }} {{ kindOf "a" }} {{ kindOf nil }}"#,
                     output: "slice map int string invalid"),
        TemplateCase("kindIs", #"{{ kindIs "map" (dict) }} {{ kindIs "slice" "x" }}"#, output: "true false"),
        TemplateCase("kindIs on values from YAML", #"{{ kindIs "float64" .n }} {{ kindIs "map" .m }}"#, data: ["n": 1.0, "m": ["a": 1]], output: "true true"),
        TemplateCase("deepEqual compares deeply without key order", #"{{ deepEqual (dict "a" 1 "b" 2) (dict "b" 2 "a" 1) }} {{ deepEqual (list 1) (list 2) }}"#,
                     output: "true false"),
        TemplateCase("deepEqual distinguishes int and float", "{{ deepEqual 1 1.0 }}", output: "false"),
        TemplateCase("integers are typed by origin: the template's own are int, data and arithmetic int64",
                     #"{{ typeOf 3 }} {{ typeOf (add 1 2) }} {{ typeOf (int64 3) }} {{ typeOf (int "3") }} {{ typeOf (atoi "3") }} {{ typeOf (len "ab") }} {{ typeOf .set }} {{ typeOf .yaml }}"#,
                     data: ["set": 3, "yaml": 3.0], output: "int int64 int64 int int int int64 float64"),
        TemplateCase("kindOf follows the same origins", "{{ kindOf 3 }} {{ kindOf (add1 1) }} {{ kindOf .set }} {{ kindOf .yaml }}",
                     data: ["set": 3, "yaml": 3.0], output: "int int64 int64 float64"),
        TemplateCase("range indexes and variables keep int", #"{{ range $i, $_ := list "a" }}{{ typeOf $i }}{{ end }} {{ $n := 2 }}{{ typeIs "int" $n }}"#,
                     output: "int true"),
        TemplateCase("typeIs tells a data integer from a constant", #"{{ typeIs "int64" .set }} {{ typeIs "int" .set }}"#,
                     data: ["set": 3], output: "true false"),
    ]

    @Test(arguments: cases) func reflection(_ c: TemplateCase) { checkSprig(c) }
}
