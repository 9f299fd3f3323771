import FerryCore
import GoTemplate
import Testing

@Suite struct SprigStringsTests {
    static let basics: [TemplateCase] = [
        TemplateCase("trim removes surrounding white space", #"{{trim "   5.00   "}}"#, output: "5.00"),
        TemplateCase("trimAll removes a cut set from both ends", #"{{trimAll "$" "$5.00$"}}"#, output: "5.00"),
        TemplateCase("trimAll takes several characters", #"{{"xxhixyx" | trimAll "xy"}}"#, output: "hi"),
        TemplateCase("trimPrefix removes one prefix", #"{{trimPrefix "$" "$$5.00"}}"#, output: "$5.00"),
        TemplateCase("trimSuffix removes one suffix", #"{{trimSuffix "$" "5.00$"}}"#, output: "5.00"),
        TemplateCase("upper and lower", #"{{upper "hello"}} {{lower "HeLLo"}}"#, output: "HELLO hello"),
        TemplateCase("title capitalises each word", #"{{title "hello world-wide_web"}}"#, output: "Hello World-Wide_web"),
        TemplateCase("untitle lower-cases each word's first letter", #"{{untitle "First Try"}}"#, output: "first try"),
        TemplateCase("repeat repeats", #"{{repeat 3 "ab"}}"#, output: "ababab"),
        TemplateCase("repeat rejects a string count", #"{{repeat "3" "ab"}}"#, error: "wrong type for value; expected int; got string"),
        TemplateCase("repeat rejects a negative count", #"{{repeat -1 "ab"}}"#, error: "negative Repeat count"),
        TemplateCase("substr cuts bytes", #"{{"fooo" | substr 0 3 }}"#, output: "foo"),
        TemplateCase("substr clamps a long end", #"{{"foo" | substr 0 10 }}"#, output: "foo"),
        TemplateCase("substr with negative start cuts to end", #"{{substr -1 2 "hello"}}"#, output: "he"),
        TemplateCase("substr with negative end cuts from start", #"{{substr 2 -1 "hello"}}"#, output: "llo"),
        TemplateCase("substr past the end is an error like Go's panic", #"{{substr 9 10 "hello"}}"#, error: "slice bounds out of range"),
        TemplateCase("nospace removes all white space", #"{{nospace "h e l l o "}}"#, output: "hello"),
        TemplateCase("trunc keeps the head", #"{{ "foooooo" | trunc 3 }}"#, output: "foo"),
        TemplateCase("trunc with a negative count keeps the tail", #"{{ "baaaaaar" | trunc -3 }}"#, output: "aar"),
        TemplateCase("trunc beyond the length keeps everything", #"{{ "baaaaaar" | trunc -999 }}"#, output: "baaaaaar"),
        TemplateCase("trunc 0 is empty", #"{{ "baaaaaz" | trunc 0 }}"#, output: ""),
        TemplateCase("trunc of a short string is unchanged", #"{{ "ab" | trunc 63 }}"#, output: "ab"),
        TemplateCase("abbrev adds an ellipsis", #"{{abbrev 5 "hello world"}}"#, output: "he..."),
        TemplateCase("abbrev below width 4 is unchanged", #"{{abbrev 3 "hello world"}}"#, output: "hello world"),
        TemplateCase("abbrev of a short string is unchanged", #"{{abbrev 20 "hello"}}"#, output: "hello"),
        TemplateCase("abbrevboth abbreviates both ends", #"{{abbrevboth 5 10 "1234 5678 9123"}}"#, output: "...5678..."),
        TemplateCase("initials takes first letters", #"{{initials "First Try"}}"#, output: "FT"),
        TemplateCase("wrap breaks at spaces", #"{{wrap 5 "Hello World"}}"#, output: "Hello\nWorld"),
        TemplateCase("wrap keeps long words whole", #"{{wrap 3 "abcdef gh"}}"#, output: "abcdef\ngh"),
        TemplateCase("wrapWith uses a custom separator", #"{{wrapWith 5 "\t" "Hello World"}}"#, output: "Hello\tWorld"),
        TemplateCase("wrapWith splits long words", #"{{wrapWith 3 "|" "abcdefg"}}"#, output: "abc|def|g"),
        TemplateCase("contains, hasPrefix, hasSuffix", #"{{contains "cat" "fair catch"}} {{hasPrefix "cat" "catch"}} {{hasSuffix "cat" "ducat"}} {{contains "dog" "cat"}}"#,
                     output: "true true true false"),
        // Go compares bytes: a precomposed é is not the same text as e + combining accent (Foundation says it is).
        TemplateCase("contains and trimSuffix compare bytes", "{{contains \"e\\u0301\" \"caf\u{E9}\"}} {{hasSuffix \"\u{E9}\" \"cafe\u{301}\"}} {{trimSuffix \"e\u{301}\" \"cafe\u{301}\"}} {{contains \"\" \"x\"}} {{contains \"xx\" \"x\"}}",
                     output: "false false caf true false"),
        TemplateCase("replace replaces every occurrence", #"{{"I Am Henry VIII" | replace " " "-"}}"#, output: "I-Am-Henry-VIII"),
        TemplateCase("plural picks by count", #"{{$num := len "two"}}{{$num}} {{$num | plural "1 char" "chars"}}"#, output: "3 chars"),
        TemplateCase("plural with one", #"{{len "t" | plural "cheese" "%d chars"}}"#, output: "cheese"),
        TemplateCase("hello says hello", "{{hello}}", output: "Hello!"),
    ]

    static let quoting: [TemplateCase] = [
        TemplateCase("quote quotes each argument", #"{{quote "a" "b" "c"}}"#, output: #""a" "b" "c""#),
        TemplateCase("quote escapes quotes", #"{{quote "\"a\"" "b"}}"#, output: #""\"a\"" "b""#),
        TemplateCase("quote stringifies numbers", "{{quote 1 2 3 }}", output: #""1" "2" "3""#),
        TemplateCase("quote drops nil", "{{ .value | quote }}", data: ["value": nil], output: ""),
        TemplateCase("quote of a missing value is empty", "{{ .nope | quote }}", output: ""),
        TemplateCase("quote escapes newlines", #"{{quote "a\nb"}}"#, output: #""a\nb""#),
        TemplateCase("squote single-quotes", #"{{squote "a" "b" "c"}}"#, output: "'a' 'b' 'c'"),
        TemplateCase("squote stringifies numbers", "{{squote 1 2 3 }}", output: "'1' '2' '3'"),
        TemplateCase("squote drops nil", "{{ .value | squote }}", data: ["value": nil], output: ""),
        TemplateCase("cat joins with spaces", #"{{$b := "b"}}{{"c" | cat "a" $b}}"#, output: "a b c"),
        TemplateCase("cat keeps empty strings (only nil is dropped)", #"{{cat "" "b" .nope "c"}}"#, output: " b c"),
        TemplateCase("cat drops nil", #"{{ .value | cat "a" "b"}}"#, data: ["value": nil], output: "a b"),
        TemplateCase("cat prints lists as Go does", #"{{cat "x" (list 1 2)}}"#, output: "x [1 2]"),
        TemplateCase("indent pads every line", #"{{indent 4 "a\nb\nc"}}"#, output: "    a\n    b\n    c"),
        TemplateCase("nindent starts with a newline", #"{{nindent 4 "a\nb\nc"}}"#, output: "\n    a\n    b\n    c"),
        TemplateCase("indent rejects a float count", #"{{indent 2.0 "a"}}"#, error: "expected int; got float64"),
        TemplateCase("toString prints numbers and lists", "{{toString 5 | kindOf}} {{toString (list 1 2)}}", output: "string [1 2]"),
    ]

    static let cases: [TemplateCase] = [
        TemplateCase("snakecase of camel case", #"{{snakecase "FirstName"}}"#, output: "first_name"),
        TemplateCase("snakecase keeps acronyms together", #"{{snakecase "HTTPServer"}}"#, output: "http_server"),
        TemplateCase("snakecase of NoHTTPS", #"{{snakecase "NoHTTPS"}}"#, output: "no_https"),
        TemplateCase("snakecase keeps a leading underscore", #"{{snakecase "_camelCase"}}"#, output: "_camel_case"),
        TemplateCase("snakecase of mixed digits", #"{{snakecase "http2xx"}}"#, output: "http_2xx"),
        TemplateCase("snakecase of HTTP20xOK", #"{{snakecase "HTTP20xOK"}}"#, output: "http_20x_ok"),
        TemplateCase("snakecase of Duration2m3s", #"{{snakecase "Duration2m3s"}}"#, output: "duration_2m3s"),
        TemplateCase("snakecase of Bld4Floor3rd", #"{{snakecase "Bld4Floor3rd"}}"#, output: "bld4_floor_3rd"),
        TemplateCase("snakecase of a sentence", #"{{snakecase "FROM CamelCase to snake/kebab-case"}}"#, output: "from_camel_case_to_snake/kebab_case"),
        TemplateCase("snakecase of padded words", #"{{snakecase "  sentence case  "}}"#, output: "__sentence_case__"),
        TemplateCase("snakecase of a1b2c3d", #"{{snakecase "a1b2c3d"}}"#, output: "a_1b2c3d"),
        TemplateCase("snakecase of HELLO____WORLD", #"{{snakecase "HELLO____WORLD"}}"#, output: "hello____world"),
        TemplateCase("snakecase with Han characters", #"{{snakecase "混合ABCWords与123数字456"}}"#, output: "混合_abc_words_与123_数字456"),
        TemplateCase("kebabcase", #"{{kebabcase "FirstName"}} {{kebabcase "HTTP-20xStatus"}}"#, output: "first-name http-20x-status"),
        TemplateCase("camelcase joins words upper-cased", #"{{camelcase "http_server"}}"#, output: "HttpServer"),
        TemplateCase("camelcase keeps a leading connector", #"{{camelcase "_camel_case"}}"#, output: "_CamelCase"),
        TemplateCase("camelcase of shouting snake", #"{{camelcase "GOLANG_IS_GREAT"}}"#, output: "GOLANGISGREAT"),
        TemplateCase("camelcase of spaced words", #"{{camelcase " complex -case "}}"#, output: " Complex Case "),
        TemplateCase("swapcase swaps and title-cases word starts", #"{{swapcase "This Is A.Test"}}"#, output: "tHIS iS a.tEST"),
        TemplateCase("shuffle keeps the letters", #"{{shuffle "hello" | len}}"#, output: "5"),
    ]

    static let splitting: [TemplateCase] = [
        TemplateCase("split gives an indexed map", #"{{$v := "foo$bar$baz" | split "$"}}{{$v._0}} {{$v._2}}"#, output: "foo baz"),
        TemplateCase("splitn limits the parts", #"{{$v := "foo$bar$baz" | splitn "$" 2}}{{$v._0}}|{{$v._1}}"#, output: "foo|bar$baz"),
        TemplateCase("splitList gives a list", #"{{splitList "," "a,b,,c"}}"#, output: "[a b  c]"),
        TemplateCase("splitList with an empty separator splits characters", #"{{splitList "" "abc"}}"#, output: "[a b c]"),
        TemplateCase("join joins a tuple", #"{{ tuple "a" "b" "c" | join "-" }}"#, output: "a-b-c"),
        TemplateCase("join stringifies numbers", #"{{ tuple 1 2 3 | join "-" }}"#, output: "1-2-3"),
        TemplateCase("join of a string is that string", #"{{ join "-" .V }}"#, data: ["V": "abc"], output: "abc"),
        TemplateCase("join skips nil", #"{{ join "-" .value }}"#, data: ["value": ["1", nil, "2"]], output: "1-2"),
        TemplateCase("sortAlpha sorts strings", #"{{ list "c" "a" "b" | sortAlpha | join "" }}"#, output: "abc"),
        TemplateCase("sortAlpha sorts numbers as text", #"{{ list 2 10 1 | sortAlpha }}"#, output: "[1 10 2]"),
        TemplateCase("toStrings converts and drops nil", "{{ list 1 .value 2 | toStrings }}", data: ["value": nil], output: "[1 2]"),
        TemplateCase("toStrings elements are strings", "{{ $s := list 1 2 3 | toStrings }}{{ index $s 1 | kindOf }}", output: "string"),
    ]

    @Test(arguments: basics) func basic(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: quoting) func quote(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: cases) func caseConversion(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: splitting) func split(_ c: TemplateCase) { checkSprig(c) }

    @Test func randomStringsHaveTheRequestedLengthAndAlphabet() {
        let out = sprigOutput(#"{{randAlphaNum 12}}|{{randAlpha 8}}|{{randNumeric 6}}|{{randAscii 10}}"#)
        let parts = out.split(separator: "|", omittingEmptySubsequences: false)
        #expect(parts.map(\.count) == [12, 8, 6, 10] || out.contains("|") == false)
        #expect(parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        #expect(parts[1].allSatisfy { $0.isASCII && $0.isLetter })
        #expect(parts[2].allSatisfy { $0.isASCII && $0.isNumber })
    }

    @Test func seededRandomSourcesRepeat() {
        let options = { SprigOptions(random: SprigOptions.seededRandom(7)) }
        let run = { () throws -> String in
            let set = try Template.parse(name: "t", text: "{{randAlphaNum 16}} {{uuidv4}}", functions: Sprig.functions(options()))
            return try set.execute("t", data: .emptyObject)
        }
        let first = try? run(), second = try? run()
        #expect(first != nil && first == second)
    }

    @Test func uuidv4HasVersionAndVariantBits() {
        let out = sprigOutput("{{uuidv4}}")
        let groups = out.split(separator: "-")
        #expect(groups.map(\.count) == [8, 4, 4, 4, 12])
        #expect(groups.count == 5 && groups[2].first == "4" && "89ab".contains(groups[3].first ?? "x"))
    }
}
