import FerryCore
import GoTemplate
import Testing

@Suite struct SprigRegexTests {
    static let email = #"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#

    static let cases: [TemplateCase] = [
        TemplateCase("regexMatch matches anywhere", #"{{ regexMatch .re "test@acme.com" }} {{ regexMatch .re "Test@Acme.Com" }}"#, data: ["re": .string(email)], output: "true true"),
        TemplateCase("regexMatch fails to match", #"{{ regexMatch .re "test" }} {{ regexMatch .re "test.com" }} {{ regexMatch .re "test@acme" }}"#,
                     data: ["re": .string(email)], output: "false false false"),
        TemplateCase("regexMatch with a bad pattern is false", #"{{ regexMatch "(" "x" }}"#, output: "false"),
        TemplateCase("mustRegexMatch with a bad pattern is an error", #"{{ mustRegexMatch "(" "x" }}"#, error: "error parsing regexp"),
        TemplateCase("regexFindAll counts matches", #"{{ regexFindAll "a{2}" "aa" -1 | len }} {{ regexFindAll "a{2}" "aaaaaaaa" 1 | len }} {{ regexFindAll "a{2}" "aaaa" -1 | len }} {{ regexFindAll "a{2}" "none" -1 | len }}"#,
                     output: "1 1 2 0"),
        TemplateCase("regexFindAll returns the texts", #"{{ regexFindAll "[2,4,6,8]" "123456789" -1 }}"#, output: "[2 4 6 8]"),
        TemplateCase("regexFind returns the first match", #"{{ regexFind "fo.?" "foorbar" }}|{{ regexFind "fo.?" "foo foe fome" }}|{{ regexFind "fo.?" "none" }}"#,
                     output: "foo|foo|"),
        TemplateCase("regexFind with a bad pattern is an error", #"{{ regexFind "[" "x" }}"#, error: "error parsing regexp"),
        TemplateCase("regexReplaceAll replaces", #"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "T" }}"#, output: "-T-T-"),
        TemplateCase("regexReplaceAll expands groups", #"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1" }}"#, output: "--xx-"),
        TemplateCase("regexReplaceAll reads $1W as a group named 1W", #"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}"#, output: "---"),
        TemplateCase("regexReplaceAll with braces", #"{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}"#, output: "-W-xxW-"),
        TemplateCase("regexReplaceAll with named groups", #"{{ regexReplaceAll "(?P<first>\\w+) (?P<last>\\w+)" "Ada Lovelace" "${last}, ${first}" }}"#,
                     output: "Lovelace, Ada"),
        TemplateCase("regexReplaceAll with $$ is a dollar", #"{{ regexReplaceAll "a" "cat" "$$" }}"#, output: "c$t"),
        TemplateCase("regexReplaceAll skips an empty match after a match, as Go does", #"{{ regexReplaceAll "a*" "baaac" "X" }}"#, output: "XbXcX"),
        TemplateCase("regexReplaceAllLiteral does not expand", #"{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "$1" }}|{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}"#,
                     output: "-$1-$1-|-${1}-${1}-"),
        TemplateCase("regexSplit splits", #"{{ regexSplit "z+" "pizza" -1 }} {{ regexSplit "z+" "pizza" 1 }} {{ regexSplit "z+" "pizza" 2 }}"#, output: "[pi a] [pizza] [pi a]"),
        TemplateCase("regexSplit of an empty string", #"{{ regexSplit "," "" -1 | len }}"#, output: "1"),
        TemplateCase("regexSplit with n 0 is empty", #"{{ regexSplit "," "a,b" 0 }}"#, output: "[]"),
        TemplateCase("regexSplit by a leading match", #"{{ regexSplit "/" "/a/b" -1 }}"#, output: "[ a b]"),
        TemplateCase("regexQuoteMeta escapes metacharacters", #"{{ regexQuoteMeta "1.2.3+[x]" }}"#, output: #"1\.2\.3\+\[x\]"#),
        TemplateCase("dollar means end of text, not before a final newline", #"{{ regexMatch "a$" "a\n" }} {{ regexMatch "(?m)a$" "a\n" }}"#, output: "false true"),
        TemplateCase("backslash-d is ASCII only", #"{{ regexMatch "^\\d$" "٣" }} {{ regexMatch "^\\d$" "3" }}"#, output: "false true"),
        TemplateCase("POSIX classes work inside brackets", #"{{ regexFindAll "[[:digit:]]+" "a12b345" -1 }}"#, output: "[12 345]"),
        TemplateCase("dot does not match a newline", #"{{ regexMatch "^a.b$" "a\nb" }} {{ regexMatch "(?s)^a.b$" "a\nb" }}"#, output: "false true"),
        TemplateCase("back-references are rejected as in RE2", #"{{ mustRegexMatch "(a)\\1" "aa" }}"#, error: "invalid escape sequence"),
        TemplateCase("look-ahead is rejected as in RE2", #"{{ mustRegexMatch "a(?=b)" "ab" }}"#, error: "invalid or unsupported Perl syntax"),
        TemplateCase("multi-byte text keeps its characters", #"{{ regexReplaceAll "é+" "caféé!" "e" }}"#, output: "cafe!"),
        TemplateCase("a chart idiom: sanitize a name", #"{{ regexReplaceAll "[^a-z0-9-]" ("My_App.v2" | lower) "-" | trunc 63 | trimSuffix "-" }}"#, output: "my-app-v2"),
    ]

    @Test(arguments: cases) func regex(_ c: TemplateCase) { checkSprig(c) }
}
