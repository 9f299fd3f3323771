import FerryCore
import GoTemplate
import Testing

/// The catalogue: every Sprig v3 name Helm keeps is present; the ones Helm removes or that reach outside are not.
@Suite struct SprigCatalogTests {
    /// Sprig v3's function names (functions.go `genericMap`), less `env`, `expandenv` (Helm deletes them) and
    /// `getHostByName` (no network during a render).
    static let sprigNames = """
        abbrev abbrevboth add add1 add1f addf adler32sum ago all any append atoi b32dec b32enc b64dec b64enc base \
        bcrypt biggest buildCustomCert camelcase cat ceil chunk clean coalesce compact concat contains date \
        dateInZone dateModify date_in_zone date_modify decryptAES deepCopy deepEqual default derivePassword dict dig dir \
        div divf duration durationRound empty encryptAES ext fail first float64 floor fromJson genCA genCAWithKey \
        genPrivateKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey get has hasKey \
        hasPrefix hasSuffix hello htmlDate htmlDateInZone htpasswd indent initial initials int int64 isAbs join \
        kebabcase keys kindIs kindOf last list lower max maxf merge mergeOverwrite min minf mod mul mulf mustAppend \
        mustChunk mustCompact mustDateModify mustDeepCopy mustFirst mustFromJson mustHas mustInitial mustLast \
        mustMerge mustMergeOverwrite mustPrepend mustPush mustRegexFind mustRegexFindAll mustRegexMatch \
        mustRegexReplaceAll mustRegexReplaceAllLiteral mustRegexSplit mustRest mustReverse mustSlice mustToDate \
        mustToJson mustToPrettyJson mustToRawJson mustUniq mustWithout must_date_modify nindent nospace now omit \
        osBase osClean osDir osExt osIsAbs pick pluck plural prepend push quote randAlpha randAlphaNum randAscii \
        randBytes randInt randNumeric regexFind regexFindAll regexMatch regexQuoteMeta regexReplaceAll \
        regexReplaceAllLiteral regexSplit repeat replace rest reverse round semver semverCompare seq set sha1sum \
        sha256sum sha512sum shuffle slice snakecase sortAlpha split splitList splitn squote sub subf substr swapcase \
        ternary title toDate toDecimal toJson toPrettyJson toRawJson toString toStrings trim trimAll trimPrefix \
        trimSuffix trimall trunc tuple typeIs typeIsLike typeOf uniq unixEpoch unset until untilStep untitle upper \
        urlJoin urlParse uuidv4 values without wrap wrapWith
        """.split(separator: " ").map(String.init)

    /// Helm's additions that need no running template (engine/funcs.go).
    static let helmNames = ["toToml", "mustToToml", "fromToml", "toYaml", "mustToYaml", "toYamlPretty", "fromYaml",
                            "fromYamlArray", "toJson", "mustToJson", "fromJson", "fromJsonArray", "mustToDuration",
                            "durationSeconds", "durationMilliseconds", "durationMicroseconds", "durationNanoseconds",
                            "durationMinutes", "durationHours", "durationDays", "durationWeeks", "durationRoundTo",
                            "durationTruncateTo"]

    @Test func everySprigAndHelmNameIsDefined() {
        let functions = Sprig.functions()
        let missing = (Self.sprigNames + Self.helmNames).filter { functions[$0] == nil }
        #expect(missing.isEmpty, "missing: \(missing)")
    }

    @Test func environmentAndNetworkFunctionsAreAbsent() {
        let functions = Sprig.functions()
        for name in ["env", "expandenv", "getHostByName"] { #expect(functions[name] == nil, "\(name)") }
        #expect(sprigOutput(#"{{ env "HOME" }}"#).contains(#"function "env" not defined"#))
    }
}
