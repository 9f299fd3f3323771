import FerryCore
import GoTemplate
import Testing

@Suite struct SprigListsTests {
    static let building: [TemplateCase] = [
        TemplateCase("tuple builds a list", #"{{$t := tuple 1 "a" "foo"}}{{index $t 2}}{{index $t 0 }}{{index $t 1}}"#, output: "foo1a"),
        TemplateCase("list builds a list", #"{{$t := list 1 "a" "foo"}}{{index $t 2}}{{index $t 0 }}{{index $t 1}}"#, output: "foo1a"),
        TemplateCase("append adds at the end", "{{ $t := tuple 1 2 3  }}{{ append $t 4 | len }}", output: "4"),
        TemplateCase("append then join", #"{{ $t := tuple 1 2 3 4  }}{{ append $t 5 | join "-" }}"#, output: "1-2-3-4-5"),
        TemplateCase("append to a split list", #"{{ $t := regexSplit "/" "foo/bar/baz" -1 }}{{ append $t "qux" | join "-" }}"#, output: "foo-bar-baz-qux"),
        TemplateCase("mustPush is append", #"{{ $t := tuple 1 2 3 4  }}{{ mustPush $t 5 | join "-" }}"#, output: "1-2-3-4-5"),
        TemplateCase("append to a string is an error", #"{{ append "abc" 1 }}"#, error: "Cannot push on type string"),
        TemplateCase("append to nil is an error", "{{ append .nope 1 }}", error: "nil pointer dereference"),
        TemplateCase("prepend adds at the front", #"{{ $t := tuple 1 2 3 4  }}{{ prepend $t 0 | join "-" }}"#, output: "0-1-2-3-4"),
        TemplateCase("mustPrepend", #"{{ $t := regexSplit "/" "foo/bar/baz" -1 }}{{ mustPrepend $t "qux" | join "-" }}"#, output: "qux-foo-bar-baz"),
        TemplateCase("concat joins lists", "{{ concat (list 1 2 3) (list 4 5) (list) }}", output: "[1 2 3 4 5]"),
        TemplateCase("concat keeps nil elements", "{{ concat (list 1 2 3) (list 4 5) (list nil) }}", output: "[1 2 3 4 5 <nil>]"),
        TemplateCase("concat keeps nested lists", #"{{ concat (list 1 2 3) (list 4 5) (list ( list "foo" ) ) }}"#, output: "[1 2 3 4 5 [foo]]"),
        TemplateCase("concat of a non-list is an error", #"{{ concat (list 1) "x" }}"#, error: "Cannot concat type string as list"),
        TemplateCase("chunk splits into groups", #"{{ range ( tuple 1 2 3 4 5 6 7 8 | chunk 3 ) }}{{. | join "-"}}|{{end}}"#, output: "1-2-3|4-5-6|7-8|"),
        TemplateCase("chunk of an exact multiple", #"{{ range ( tuple 1 2 3 4 5 6 7 8 9 | chunk 3 ) }}{{. | join "-"}}|{{end}}"#, output: "1-2-3|4-5-6|7-8-9|"),
        TemplateCase("chunk of a short list", #"{{ range ( tuple 1 2 | chunk 3 ) }}{{. | join "-"}}|{{end}}"#, output: "1-2|"),
        TemplateCase("chunk counts", "{{ tuple 1 2 3 4 5 6 7 | chunk 3 | len }} {{ tuple | mustChunk 3 | len }}", output: "3 0"),
    ]

    static let reading: [TemplateCase] = [
        TemplateCase("first", "{{ list 1 2 3 | first }}", output: "1"),
        TemplateCase("first of empty is no value", "{{ list | first }}", output: "<no value>"),
        TemplateCase("first of a split list", #"{{ regexSplit "/src/" "foo/src/bar" -1 | first }}"#, output: "foo"),
        TemplateCase("first of a map is an error", "{{ dict | first }}", error: "Cannot find first on type map"),
        TemplateCase("last", "{{ list 1 2 3 | last }} {{ list | mustLast }}", output: "3 <no value>"),
        TemplateCase("initial drops the last", "{{ list 1 2 3 | initial | len }} {{ list 1 2 3 | initial | last }}", output: "2 2"),
        TemplateCase("initial of empty prints as empty", "{{ list | initial }}", output: "[]"),
        TemplateCase("initial of a split list", #"{{ regexSplit "/" "foo/bar/baz" -1 | mustInitial }}"#, output: "[foo bar]"),
        TemplateCase("rest drops the first", "{{ list 1 2 3 | rest | first }} {{ list | rest }}", output: "2 []"),
        TemplateCase("rest of a split list", #"{{ regexSplit "/" "foo/bar/baz" -1 | mustRest }}"#, output: "[bar baz]"),
        TemplateCase("reverse", "{{ list 1 2 3 4 | reverse }} {{ list | reverse }} {{ list 1 | mustReverse }}", output: "[4 3 2 1] [] [1]"),
        TemplateCase("compact drops empties", #"{{ list 1 0 "" "hello" | compact }} {{ list "" "" | compact }}"#, output: "[1 hello] []"),
        TemplateCase("compact of a split list", #"{{ regexSplit "/" "foo//bar" -1 | mustCompact }}"#, output: "[foo bar]"),
        TemplateCase("uniq", "{{ list 1 1 1 1 2 2 2 2 | uniq }}", output: "[1 2]"),
        TemplateCase("uniq keeps first occurrences", #"{{ list "foo" 1 1 1 1 "foo" "foo" | uniq }}"#, output: "[foo 1]"),
        TemplateCase("uniq compares maps deeply", #"{{ list (dict "a" 1) (dict "a" 1) | uniq | len }}"#, output: "1"),
        TemplateCase("without removes values", "{{ without (list 1 2 3 4) 1 }} {{ without (list 1 1 1 1 2) 1 }}", output: "[2 3 4] [2]"),
        TemplateCase("without with nothing to remove", "{{ without (list 1 2 3) }} {{ without list }}", output: "[1 2 3] []"),
        TemplateCase("has finds a value", "{{ list 1 2 3 | has 1 }} {{ list 1 2 3 | has 4 }}", output: "true false"),
        TemplateCase("has in nil is false", #"{{ has "bar" nil }}"#, output: "false"),
        TemplateCase("has does not mix int and string", #"{{ list 1 2 | has "1" }}"#, output: "false"),
        TemplateCase("slice with no indices", "{{ slice (list 1 2 3) }}", output: "[1 2 3]"),
        TemplateCase("slice with bounds", "{{ slice (list 1 2 3) 0 1 }} {{ slice (list 1 2 3) 1 3 }} {{ slice (list 1 2 3) 1 }}", output: "[1] [2 3] [2 3]"),
        TemplateCase("slice out of range is an error", "{{ slice (list 1 2 3) 2 9 }}", error: "slice index out of range"),
    ]

    static let sequences: [TemplateCase] = [
        TemplateCase("until counts from zero", "{{ until 5 }}", output: "[0 1 2 3 4]"),
        TemplateCase("until a negative counts down", "{{ until -3 }}", output: "[0 -1 -2]"),
        TemplateCase("untilStep steps", "{{ untilStep 3 6 2 }}", output: "[3 5]"),
        TemplateCase("untilStep with a wrong-way step is empty", "{{ untilStep 0 5 -1 }} {{ untilStep 5 0 1 }}", output: "[] []"),
        TemplateCase("untilStep downwards", "{{ untilStep 5 0 -2 }}", output: "[5 3 1]"),
        TemplateCase("seq to n", "{{ seq 5 }}", output: "1 2 3 4 5"),
        TemplateCase("seq down to n", "{{ seq -3 }}", output: "1 0 -1 -2 -3"),
        TemplateCase("seq between", "{{ seq 0 2 }} | {{ seq 2 -2 }}", output: "0 1 2 | 2 1 0 -1 -2"),
        TemplateCase("seq with a step", "{{ seq 0 2 10 }} | {{ seq 0 -2 -10 }}", output: "0 2 4 6 8 10 | 0 -2 -4 -6 -8 -10"),
        TemplateCase("seq with a wrong-way step is empty", "[{{ seq 0 2 -10 }}]", output: "[]"),
        TemplateCase("seq with no arguments is empty", "[{{ seq }}]", output: "[]"),
        TemplateCase("range over until", "{{ range $i := until 3 }}{{ $i }},{{ end }}", output: "0,1,2,"),
    ]

    @Test(arguments: building) func build(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: reading) func read(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: sequences) func sequence(_ c: TemplateCase) { checkSprig(c) }
}
