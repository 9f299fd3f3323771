import FerryCore
import GoTemplate
import Testing

@Suite struct BuiltinTests {
    static let logic: [TemplateCase] = [
        TemplateCase("and returns the first false value or the last", "{{and 1 0 2}}|{{and 1 2}}", output: "0|2"),
        TemplateCase("or returns the first true value or the last", #"{{or 0 "" "x"}}|{{or 0 ""}}|"#, output: "x||"),
        TemplateCase("and short-circuits before an erroring argument", "{{and 0 (index nil 1)}}", output: "0"),
        TemplateCase("or short-circuits before an erroring argument", "{{or 1 (index nil 1)}}", output: "1"),
        TemplateCase("not negates truth", #"{{not 0}} {{not "a"}}"#, output: "true false"),
        TemplateCase("and with no arguments is an arity error", "{{and}}", error: "wrong number of args for and: want at least 1 got 0"),
        TemplateCase("not with no arguments is an arity error", "{{not}}", error: "wrong number of args for not: want 1 got 0"),
        TemplateCase("eq accepts several candidates", #"{{eq 3 1 2 3}} {{eq "a" "b"}} {{ne 1 2}}"#, output: "true false true"),
        TemplateCase("eq of int and float is incompatible", "{{eq 1 1.0}}", error: "error calling eq: incompatible types for comparison: int and float64"),
        TemplateCase("eq against nil is false for a value", #"{{eq "a" nil}}"#, output: "false"),
        TemplateCase("ordering compares ints, strings and floats", #"{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}"#,
                     output: "true true true false"),
        TemplateCase("ordering booleans is an invalid comparison", "{{lt true false}}", error: "invalid type for comparison"),
        TemplateCase("eq on lists is not comparable", "{{eq .l .l}}", data: ["l": [1]],
                     error: "non-comparable type [1]: []interface {}"),
        TemplateCase("lt of string and int is incompatible", #"{{lt "a" 1}}"#, error: "incompatible types for comparison: string and int"),
        TemplateCase("eq of nil with nil is true", "{{eq nil nil}}", output: "true"),
        TemplateCase("eq without candidates is an error", "{{eq 1}}", error: "missing argument for comparison"),
    ]

    static let collections: [TemplateCase] = [
        TemplateCase("len counts string bytes, lists and maps", #"{{len "héllo"}} {{len .l}} {{len .m}}"#,
                     data: ["l": [1, 2, 3], "m": ["a": 1]], output: "6 3 1"),
        TemplateCase("len of a number is an error", "{{len 1}}", error: "error calling len: len of type int"),
        TemplateCase("index reads through maps and lists", #"{{index .m "a" 1}}"#, data: ["m": ["a": [10, 20]]], output: "20"),
        TemplateCase("index of a missing map key is no value", #"{{index .m "z"}}"#, data: ["m": ["a": 1]], output: "<no value>"),
        TemplateCase("index out of range is an error with the command context", "{{index .l 5}}", data: ["l": [1]],
                     error: #"template: t:1:2: executing "t" at <index .l 5>: error calling index: index out of range: 5"#),
        TemplateCase("index of a string gives a byte", #"{{index "hi" 1}}"#, output: "105"),
        TemplateCase("index of a map with nil is an error", "{{index .m nil}}", data: ["m": ["a": 1]],
                     error: "value is nil; should be of type string"),
        TemplateCase("index of a list with a string is an error", #"{{index .l "x"}}"#, data: ["l": [1]],
                     error: "cannot index slice/array with type string"),
        TemplateCase("index of nil is an error", "{{index nil 1}}", error: "index of untyped nil"),
        TemplateCase("slice cuts strings and lists", #"{{slice "hello" 1 3}} {{slice .l 1}}"#, data: ["l": [1, 2, 3]], output: "el [2 3]"),
        TemplateCase("slice with reversed bounds is an error", #"{{slice "hello" 3 1}}"#, error: "invalid slice index: 3 > 1"),
        TemplateCase("call invokes a function value", "{{call adder 2 3}}", output: "5"),
        TemplateCase("call of a non-function is an error", "{{call 1}}", error: "error calling call: non-function 1 of type int"),
        TemplateCase("call of nil is an error", "{{call nil}}", error: "error calling call: call of nil"),
    ]

    static let printing: [TemplateCase] = [
        TemplateCase("print spaces operands that are not strings", #"{{print 1 2 "a" "b" 3}}"#, output: "1 2ab3"),
        TemplateCase("print shows nil as <nil>", "{{print nil}} {{print .nope}}", output: "<nil> <nil>"),
        TemplateCase("println always spaces and ends the line", #"{{println 1 "a"}}"#, output: "1 a\n"),
        TemplateCase("printf formats s, d and v", #"{{printf "%s-%d-%v" "a" 5 .l}}"#, data: ["l": [1, 2, 3]], output: "a-5-[1 2 3]"),
        TemplateCase("printf %q quotes with Go escapes", #"{{printf "%q" "hi\n\"x\""}}"#, output: #""hi\n\"x\"""#),
        TemplateCase("printf hex of ints and strings", #"{{printf "%x %X %x" 255 255 "hi"}}"#, output: "ff FF 6869"),
        TemplateCase("printf widths, precision and flags", #"{{printf "%.2f|%5.2f|%-10s|%5d|%05d|%+d" 3.14159 2.5 "ab" 42 42 7}}"#,
                     output: "3.14| 2.50|ab        |   42|00042|+7"),
        TemplateCase("printf %t and %T", #"{{printf "%t %T %T %T %T %T" true 1 1.5 "s" .l .m}}"#, data: ["l": [1], "m": ["a": 1]],
                     output: "true int float64 string []interface {} map[string]interface {}"),
        TemplateCase("printf %% is a literal percent", #"{{printf "%d%%" 50}}"#, output: "50%"),
        TemplateCase("printf marks missing, wrong and extra arguments", #"{{printf "%d"}} {{printf "%d" "x"}} {{printf "a" 1}}"#,
                     output: "%!d(MISSING) %!d(string=x) a%!(EXTRA int=1)"),
        TemplateCase("printf float verbs", #"{{printf "%e %g %f %6.3v" 123456.789 0.000012 1e6 3.14159}}"#,
                     output: "1.234568e+05 1.2e-05 1000000.000000   3.14"),
        TemplateCase("printf rounds the exact binary value half to even", #"{{printf "%.2f %.1f %.0f %.3g %g" 2.675 0.25 2.5 1234567.0 1e21}}"#,
                     output: "2.67 0.2 2 1.23e+06 1e+21"),
        TemplateCase("printf pads negative numbers after the sign", #"{{printf "%06.2f|%-6d|%x" -2.5 -3 -255}}"#, output: "-02.50|-3    |-ff"),
        TemplateCase("printf applies the verb to list elements", #"{{printf "%q %03d" .s .n}}"#, data: ["s": ["a", "b"], "n": [1, 2]],
                     output: #"["a" "b"] [001 002]"#),
        TemplateCase("printf %d of a float is a bad verb", #"{{printf "%d %s" 3.0 true}}"#, output: "%!d(float64=3) %!s(bool=true)"),
        TemplateCase("printf %v of a map sorts keys", #"{{printf "%v" .}}"#, data: ["z": 1, "a": "x"], output: "map[a:x z:1]"),
        TemplateCase("printf %s truncates with precision", #"{{printf "%.3s|%8.3s" "abcdef" "abcdef"}}"#, output: "abc|     abc"),
        TemplateCase("printf takes the piped value as its last argument", #"{{3 | printf "%d-%d" 2}}"#, output: "2-3"),
        TemplateCase("html escapes markup", #"{{html "<a href='x'>&\"</a>"}}"#, output: "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
        TemplateCase("js escapes quotes and markup", #"{{js "it's <b>\"x\" = y"}}"#, output: #"it\'s \u003Cb\u003E\"x\" \u003D y"#),
        TemplateCase("urlquery escapes like QueryEscape", #"{{urlquery "a b&c=d/é"}}"#, output: "a+b%26c%3Dd%2F%C3%A9"),
        TemplateCase("html prints several arguments like print", "{{html 1 2}}", output: "1 2"),
    ]

    static let userFunctions: [TemplateCase] = [
        TemplateCase("a caller function works in a pipeline", #"{{"x" | upper}}"#, output: "X"),
        TemplateCase("a caller function error names the function", "{{boom}}", error: "error calling boom: boom"),
        TemplateCase("giving arguments to a constant is an error", #"{{"x" | print | "y"}}"#, error: "non executable command"),
    ]

    @Test(arguments: logic) func logicAndComparisonFollowGo(_ c: TemplateCase) { check(c) }
    @Test(arguments: collections) func collectionBuiltinsFollowGo(_ c: TemplateCase) { check(c) }
    @Test(arguments: printing) func printingBuiltinsFollowGo(_ c: TemplateCase) { check(c) }
    @Test(arguments: userFunctions) func callerFunctionsPlugIn(_ c: TemplateCase) { check(c) }
}
