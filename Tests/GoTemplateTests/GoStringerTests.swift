import FerryCore
import GoTemplate
import Testing

/// Values with a Go `String()` method (Helm's `.Capabilities.KubeVersion`, Sprig's `semver`) print as their
/// string form while their fields stay readable; a struct whose `String()` has a pointer receiver prints its
/// fields when handed to a function.
@Suite struct GoStringerTests {
    static let kube = GoStringer.object(["Version": "v1.31.2", "Major": "1", "Minor": "31"], string: "v1.31.2")

    static let cases: [TemplateCase] = [
        TemplateCase("a stringer prints as its string form", "{{ .k }}", data: ["k": kube], output: "v1.31.2"),
        TemplateCase("its fields stay readable", "{{ .k.Version }} {{ .k.Major }}.{{ .k.Minor }}", data: ["k": kube],
                     output: "v1.31.2 1.31"),
        TemplateCase("print, printf %s and %v use the string form", #"{{ print .k }} {{ printf "%s|%v" .k .k }}"#,
                     data: ["k": kube], output: "v1.31.2 v1.31.2|v1.31.2"),
        TemplateCase("toString and quote use the string form", "{{ toString .k }} {{ quote .k }}", data: ["k": kube],
                     output: #"v1.31.2 "v1.31.2""#),
        TemplateCase("inside a map it prints as its string form too", "{{ .m }}", data: ["m": ["k": kube]],
                     output: "map[k:v1.31.2]"),
        TemplateCase("a value-form stringer prints its string only in actions, as Go's addressable struct field",
                     #"{{ .k }} {{ printf "%s" .k }} {{ quote .k }}"#,
                     data: ["k": GoStringer.object(["Version": "v1.2.3"], string: "v1.2.3", argumentForm: "{v1.2.3}")],
                     output: #"v1.2.3 {v1.2.3} "{v1.2.3}""#),
        TemplateCase("semver prints its normalized form, as Go's *semver.Version",
                     #"{{ semver "v1.2.3-beta.1+b5" }} {{ (semver "2").Major }}"#, output: "1.2.3-beta.1+b5 2"),
    ]

    @Test(arguments: cases) func stringForm(_ c: TemplateCase) { checkSprig(c) }
}
