import FerryCore
import GoTemplate
import Testing

/// Every function survives hostile arguments: each call either returns or throws, never traps.
@Suite struct SprigRobustnessTests {
    /// Slow by design (key generation, scrypt, bcrypt); covered by SprigCryptoTests.
    static let slow: Set<String> = [
        "genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "derivePassword", "bcrypt", "htpasswd",
    ]

    static let odd: [Value] = [
        .null, "", "x", "-", "{{", "\u{FFFD}é", .int(0), .int(-1), .int(Int64.max), .int(Int64.min), .double(-0.5),
        .double(.infinity), .double(.nan), .bool(true), [], [.null, 1, "a"], [:], ["Cert": "junk", "Key": "junk"],
        "1.2.3", "(", "[[:alpha:]", "2006-01-02", "0001-01-01 00:00:00 +0000 UTC",
    ]

    @Test func everyFunctionReturnsOrThrowsOnOddArguments() {
        let functions = Sprig.functions(SprigOptions(clock: { sprigTestNow }, random: SprigOptions.seededRandom(1)))
        var calls = 0
        for (name, function) in functions.sorted(by: { $0.key < $1.key }) where !Self.slow.contains(name) {
            var argumentLists: [[Value]] = [[]]
            argumentLists += Self.odd.map { [$0] }
            argumentLists += Self.odd.map { [$0, $0] }
            argumentLists += Self.odd.map { [.int(3), $0, $0] }
            argumentLists += Self.odd.map { [$0, .int(-2), $0, .int(1)] }
            argumentLists += [[.int(Int64.min), .int(Int64.max), .int(-1)], [.int(Int64.max), .int(Int64.min)]]
            for args in argumentLists {
                _ = try? function(args.map(TemplateValue.value))
                calls += 1
            }
        }
        #expect(calls > 10_000)
    }
}
