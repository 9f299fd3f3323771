import FerryCore
import GoTemplate
import Testing

@Suite struct SprigMathTests {
    static let integer: [TemplateCase] = [
        TemplateCase("add1", "{{ 3 | add1 }}", output: "4"),
        TemplateCase("add sums", "{{ 3 | add 1 2}}", output: "6"),
        TemplateCase("add casts strings and floats", #"{{ add "2" 1.9 true }}"#, output: "4"),
        TemplateCase("add of nothing is zero", "{{ add }}", output: "0"),
        TemplateCase("add of an unparsable string counts zero", #"{{ add "x" 1 }}"#, output: "1"),
        TemplateCase("add reads hex strings as cast does", #"{{ add "0x10" 0 }}"#, output: "16"),
        TemplateCase("sub", "{{ 3 | sub 14 }}", output: "11"),
        TemplateCase("div truncates", "{{ 4 | div 5 }} {{ div -7 2 }}", output: "1 -3"),
        TemplateCase("div by zero is an error", "{{ div 1 0 }}", error: "integer divide by zero"),
        TemplateCase("mod", "{{ mod 10 3 }} {{ mod -7 3 }}", output: "1 -1"),
        TemplateCase("mod by zero is an error", "{{ mod 1 0 }}", error: "integer divide by zero"),
        TemplateCase("mul casts strings", #"{{ 1 | mul "2" 3 "4"}}"#, output: "24"),
        TemplateCase("max and biggest", "{{ biggest 1 2 3 345 5 6 7}} {{ max 345 }}", output: "345 345"),
        TemplateCase("min", "{{ min 1 2 3 345 5 6 7}} {{ min 345 }}", output: "1 345"),
        TemplateCase("max of values from YAML (floats) truncates", "{{ max .a .b }}", data: ["a": 2.7, "b": 1.0], output: "2"),
        TemplateCase("results are int64s, as in Go's Sprig", "{{ add 1 2 | kindOf }}", output: "int64"),
    ]

    static let float: [TemplateCase] = [
        TemplateCase("add1f", "{{ 3.4 | add1f }}", output: "4.4"),
        TemplateCase("addf adds exactly", "{{ 3 | addf 1.5 2.2}} {{ addf 0.1 0.2 }}", output: "6.7 0.3"),
        TemplateCase("subf", "{{ 3 | subf 4.5 1 }}", output: "0.5"),
        TemplateCase("divf", "{{ 2 | divf 5 4 }}", output: "0.625"),
        TemplateCase("divf by zero is an error", "{{ divf 1 0 }}", error: "division by zero"),
        TemplateCase("mulf casts strings", #"{{ 1.2 | mulf "2.4" 10 "4"}}"#, output: "115.2"),
        TemplateCase("maxf", "{{ maxf 1 2 3 345.7 5 6 7}}", output: "345.7"),
        TemplateCase("minf", "{{ minf 1.4 2 3 345.6 5 6 7}} {{ minf 345 }}", output: "1.4 345"),
        TemplateCase("floor and ceil", "{{ floor 123.9999 }} {{ ceil 123.001 }} {{ floor \"1.5\" }}", output: "123 124 1"),
        TemplateCase("round to places", "{{ round 123.5555 3 }} {{ round \"123.55555\" 3 }}", output: "123.556 123.556"),
        TemplateCase("round half up", "{{ round 123.500001 0 }} {{ round 123.49999999 0 }}", output: "124 123"),
        TemplateCase("round with a custom threshold", "{{ round 123.2329999 2 .3 }} {{ round 123.233 2 .3 }}", output: "123.23 123.24"),
        TemplateCase("float results are float64", "{{ addf 1 1 | kindOf }} {{ floor 1 | typeOf }}", output: "float64 float64"),
    ]

    static let conversions: [TemplateCase] = [
        TemplateCase("atoi parses decimal", #"{{ atoi "42" }} {{ atoi "x" }} {{ atoi "0x10" }}"#, output: "42 0 0"),
        TemplateCase("atoi needs a string", "{{ atoi 42 }}", error: "expected string; got int"),
        TemplateCase("int casts", #"{{ int "12" }} {{ int 3.9 }} {{ int "1.5" }} {{ int true }} {{ int nil }}"#, output: "12 3 1 1 0"),
        TemplateCase("int64 casts with base prefixes", #"{{ int64 "0x1F" }} {{ int64 "0b101" }} {{ int64 "017" }}"#, output: "31 5 15"),
        TemplateCase("float64 casts", #"{{ float64 "3.5" }} {{ float64 2 }} {{ float64 "nope" }}"#, output: "3.5 2 0"),
        TemplateCase("toDecimal reads octal", #"{{ toDecimal "777" }} {{ toDecimal 644 }} {{ toDecimal "9" }}"#, output: "511 420 0"),
        TemplateCase("int of a YAML float prints as an int", "{{ int .replicas }}", data: ["replicas": 3.0], output: "3"),
    ]

    @Test(arguments: integer) func integerMath(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: float) func floatMath(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: conversions) func conversion(_ c: TemplateCase) { checkSprig(c) }

    @Test func randIntStaysInRange() {
        for _ in 0..<20 {
            let n = Int(sprigOutput("{{ randInt 3 7 }}")) ?? -1
            #expect((3..<7).contains(n))
        }
    }
}
