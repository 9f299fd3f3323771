import FerryCore
import GoTemplate
import Testing

@Suite struct SprigDictsTests {
    static let mergeData: Value = [
        "src2": ["h": 10, "i": "i", "j": "j"],
        "src1": ["a": 1, "b": 2, "d": ["e": "four"], "g": [6, 7], "i": "aye", "j": "jay", "k": ["l": false]],
        "dst": ["a": "one", "c": 3, "d": ["f": 5], "g": [8, 9], "i": "eye", "k": ["l": true]],
    ]

    static let basics: [TemplateCase] = [
        TemplateCase("dict stringifies keys and pads an odd key", #"{{$d := dict 1 2 "three" "four" 5}}{{range $k, $v := $d}}{{$k}}{{$v}}{{end}}"#,
                     output: "125threefour"),
        TemplateCase("dict fields read by name", #"{{$t := dict "I" "shot" "the" "albatross"}}{{$t.the}} {{$t.I}}"#, output: "albatross shot"),
        TemplateCase("get reads a key", #"{{- $d := dict "one" 1 }}{{ get $d "one" -}}"#, output: "1"),
        TemplateCase("get of a missing key is empty", #"{{- $d := dict }}[{{ get $d "two" -}}]"#, output: "[]"),
        TemplateCase("get of a non-map is a type error", #"{{ get "x" "y" }}"#, error: "wrong type for value; expected map[string]interface {}; got string"),
        TemplateCase("get of nil is an invalid value", #"{{ get .nope "y" }}"#, error: "invalid value; expected map[string]interface {}"),
        TemplateCase("set returns the updated map", #"{{- $d := dict "one" 1 -}}{{ set $d "two" 2 }}"#, output: "map[one:1 two:2]"),
        TemplateCase("set replaces a value", #"{{ set (dict "a" 1) "a" "x" }}"#, output: "map[a:x]"),
        TemplateCase("unset removes a key", #"{{ unset (dict "a" 1 "b" 2) "a" }}"#, output: "map[b:2]"),
        TemplateCase("hasKey", #"{{ $d := dict "a" 1 }}{{ hasKey $d "a" }} {{ hasKey $d "b" }}"#, output: "true false"),
        TemplateCase("pluck collects a key across maps", #"{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 3) }}"#, output: "[1 3]"),
        TemplateCase("keys lists keys", #"{{ dict "foo" 1 "bar" 2 | keys | sortAlpha }} {{ dict | keys }}"#, output: "[bar foo] []"),
        TemplateCase("keys across maps", #"{{ keys (dict "foo" 1) (dict "bar" 2) (dict "bar" 3) | uniq | sortAlpha }}"#, output: "[bar foo]"),
        TemplateCase("values lists values", #"{{- $d := dict "a" "first" "b" 2 }}{{ values $d | sortAlpha | join "," }}"#, output: "2,first"),
        TemplateCase("pick keeps named keys", #"{{- $d := dict "one" 1 "two" 222222 }}{{ pick $d "two" }} {{ pick $d "one" "two" "three" | len -}}"#,
                     output: "map[two:222222] 2"),
        TemplateCase("omit drops named keys", #"{{- $d := dict "one" 1 "two" 222222 }}{{ omit $d "one" }} {{ omit $d "one" "two" | len -}}"#,
                     output: "map[two:222222] 0"),
        TemplateCase("deepCopy copies nested maps", #"{{- $one := dict "foo" (dict "bar" "baz") "qux" true -}}{{ deepCopy $one }}"#,
                     output: "map[foo:map[bar:baz] qux:true]"),
        TemplateCase("dig walks nested maps", #"{{- $d := dict "a" (dict "b" (dict "c" 1)) }}{{ dig "a" "b" "c" "" $d }}"#, output: "1"),
        TemplateCase("dig falls back to the default", #"{{- $d := dict "a" (dict "b" (dict "c" 1)) }}{{ dig "a" "b" "z" "2" $d }}"#, output: "2"),
        TemplateCase("dig in a pipeline", #"{{ dict "a" 1 | dig "a" "" }} {{ dict "a" 1 | dig "z" "2" }}"#, output: "1 2"),
        TemplateCase("dig into values", #"{{ dig "image" "tag" "latest" .Values }}"#, data: ["Values": ["image": ["tag": "1.2"]]], output: "1.2"),
        TemplateCase("dig with too few arguments is an error", #"{{ dig "a" (dict) }}"#, error: "dig needs at least three arguments"),
        TemplateCase("dig through a non-map is an error", #"{{ dig "a" "b" "" (dict "a" 1) }}"#, error: "interface conversion"),
    ]

    static let merging: [TemplateCase] = [
        TemplateCase("merge fills missing keys and merges nested maps, keeping the destination's values",
                     "{{ merge .dst .src1 .src2 }}", data: mergeData,
                     output: "map[a:one b:2 c:3 d:map[e:four f:5] g:[8 9] h:10 i:eye j:jay k:map[l:true]]"),
        TemplateCase("mergeOverwrite lets later maps win, including false",
                     "{{ mergeOverwrite .dst .src1 .src2 }}", data: mergeData,
                     output: "map[a:1 b:2 c:3 d:map[e:four f:5] g:[6 7] h:10 i:i j:j k:map[l:false]]"),
        TemplateCase("merge fills empty destination values", #"{{ merge (dict "a" "" "b" 0) (dict "a" "x" "b" 2) }}"#, output: "map[a:x b:2]"),
        TemplateCase("merge skips nil sources", #"{{ merge (dict "a" 1) (dict "a" nil "b" nil) }}"#, output: "map[a:1]"),
        TemplateCase("mergeOverwrite copies nil", #"{{ mergeOverwrite (dict "a" 1) (dict "a" nil) }}"#, output: "map[a:<nil>]"),
        TemplateCase("merge into an empty dict copies the source", #"{{ merge (dict) .src2 }}"#, data: mergeData, output: "map[h:10 i:i j:j]"),
        TemplateCase("merge of a non-map is a type error", #"{{ merge (dict) "x" }}"#, error: "expected map[string]interface {}; got string"),
        TemplateCase("mustMerge and mustMergeOverwrite", #"{{ mustMerge (dict "a" 1) (dict "a" 2 "b" 3) }} {{ mustMergeOverwrite (dict "a" 1) (dict "a" 2) }}"#,
                     output: "map[a:1 b:3] map[a:2]"),
    ]

    @Test(arguments: basics) func basic(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: merging) func merge(_ c: TemplateCase) { checkSprig(c) }

    @Test func everyMutatingFunctionExists() {
        let functions = Sprig.functions()
        for name in Sprig.mutatingFunctions { #expect(functions[name] != nil, "\(name)") }
    }
}
