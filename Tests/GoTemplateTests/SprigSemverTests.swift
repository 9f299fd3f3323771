import FerryCore
import GoTemplate
import Testing

// The upstream table in SprigSemverTable.swift was extracted from Masterminds/semver's constraints_test.go
// (functions TestConstraintCheck and TestConstraintsCheck, rows of the form {"constraint", "version", bool},
// the empty-constraint rows dropped because NewConstraint rejects ""), de-duplicated, in file order.

@Suite struct SprigSemverTests {
    @Test(arguments: semverUpstreamChecks.indices)
    func semverCompareMatchesUpstream(_ i: Int) {
        let row = semverUpstreamChecks[i]
        let out = sprigOutput("{{ semverCompare .c .v }}", data: ["c": .string(row.constraint), "v": .string(row.version)])
        #expect(out == String(row.matches), "\(row.constraint) vs \(row.version)")
    }

    static let cases: [TemplateCase] = [
        TemplateCase("the Kubernetes version idiom accepts a pre-release suffix", #"{{ semverCompare ">=1.19-0" "v1.28.3-gke.1286000" }}"#, output: "true"),
        TemplateCase("an older cluster fails the idiom", #"{{ semverCompare ">=1.19-0" "v1.18.20" }}"#, output: "false"),
        TemplateCase("the capabilities idiom with an upper bound", #"{{ semverCompare ">=1.14-0 <1.19-0" "1.16.2" }}"#, output: "true"),
        TemplateCase("a bad constraint is an error", #"{{ semverCompare "foo" "1.2.3" }}"#, error: "improper constraint: \"foo\""),
        TemplateCase("a bad version is an error", #"{{ semverCompare ">1" "x.y" }}"#, error: "invalid semantic version"),
        TemplateCase("semver exposes its parts", #"{{ $v := semver "v1.2.3-beta.1+build.5" }}{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }}"#,
                     output: "1.2.3 beta.1 build.5 v1.2.3-beta.1+build.5"),
        TemplateCase("semver coerces short versions", #"{{ (semver "2").Minor }}"#, output: "0"),
        TemplateCase("semver rejects a leading-zero pre-release", #"{{ semver "1.2.3-01" }}"#, error: "version segment starts with 0"),
        TemplateCase("a hyphen range with spaces", #"{{ semverCompare "1.2 - 1.4.5" "1.4.5" }} {{ semverCompare "1.2 - 1.4.5" "1.4.6" }}"#, output: "true false"),
        TemplateCase("or-groups", #"{{ semverCompare "^1.2 || ^2.0" "2.5.0" }} {{ semverCompare "^1.2 || ^2.0" "3.0.0" }}"#, output: "true false"),
        // Parses are remembered by text (values and errors alike): repeating a comparison gives the same answers.
        TemplateCase("repeated comparisons", #"{{ range until 3 }}{{ semverCompare ">=1.19-0" "1.20.1" }}{{ semverCompare ">=1.19-0" "1.18.0" }}{{ end }}"#,
                     output: "truefalsetruefalsetruefalse"),
        TemplateCase("a bad constraint stays an error", #"{{ range until 2 }}{{ semverCompare "foo" "1.2.3" | default "x" }}{{ end }}"#,
                     error: "improper constraint: \"foo\""),
    ]

    @Test(arguments: cases) func semver(_ c: TemplateCase) { checkSprig(c) }
}
