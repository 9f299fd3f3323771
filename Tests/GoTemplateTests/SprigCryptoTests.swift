import FerryCore
import Foundation
@testable import GoTemplate
import Testing
import X509

/// Structural checks: generated keys and certificates parse, carry the requested names and usages, and
/// signatures verify against their issuer. Known-answer checks where upstream publishes vectors.
@Suite struct SprigCryptoTests {
    /// Renders `text` and reads the named fields (`Cert`, `Key`) of the certificate object it prints as JSON.
    func object(_ text: String, data: Value = .emptyObject) throws -> (cert: Certificate, key: String, certText: String) {
        let out = sprigOutput("{{ " + text + " | toJson }}", data: data)
        let value = try JSON.parse(out)
        let certText = try #require(value["Cert"]?.stringValue, "output: \(out)")
        let key = try #require(value["Key"]?.stringValue)
        return (try Certificate(pemEncoded: certText), key, certText)
    }

    @Test(arguments: [("rsa", "RSA PRIVATE KEY"), ("ecdsa", "EC PRIVATE KEY"), ("ed25519", "PRIVATE KEY")])
    func genPrivateKeyWritesGoPEMBlocksThatParse(_ type: String, _ block: String) throws {
        let pem = sprigOutput(#"{{ genPrivateKey "\#(type)" }}"#)
        #expect(pem.hasPrefix("-----BEGIN \(block)-----\n"))
        #expect(pem.hasSuffix("-----END \(block)-----\n"))
        _ = try Certificate.PrivateKey(pemEncoded: pem)
    }

    @Test func genPrivateKeyRejectsUnknownTypes() {
        #expect(sprigOutput(#"{{ genPrivateKey "rot13" }}"#).contains("Unknown type rot13"))
    }

    @Test func genCAMakesACertificateAuthority() throws {
        let ca = try object(#"genCA "my-ca" 365"#)
        #expect(ca.cert.subject.description.contains("CN=my-ca"))
        #expect(ca.cert.issuer == ca.cert.subject)
        #expect(try ca.cert.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(try ca.cert.extensions.keyUsage?.keyCertSign == true)
        #expect(ca.cert.notValidBefore == sprigTestNow)
        #expect(ca.cert.notValidAfter == sprigTestNow.addingTimeInterval(365 * 86400))
        #expect(ca.cert.publicKey.isValidSignature(ca.cert.signature, for: ca.cert))
        #expect(ca.key.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
        #expect(ca.certText.hasPrefix("-----BEGIN CERTIFICATE-----\n") && ca.certText.hasSuffix("-----END CERTIFICATE-----\n"))
    }

    @Test func genSignedCertIsSignedByTheCAAndCarriesSANs() throws {
        let text = #"{{ $ca := genCA "ca" 10 }}{{ $c := genSignedCert "web" (list "10.0.0.1" "::1") (list "web.example.com" "web") 30 $ca }}{{ dict "ca" $ca.Cert "Cert" $c.Cert "Key" $c.Key | toJson }}"#
        let value = try JSON.parse(sprigOutput(text))
        let ca = try Certificate(pemEncoded: try #require(value["ca"]?.stringValue))
        let cert = try Certificate(pemEncoded: try #require(value["Cert"]?.stringValue))
        #expect(cert.issuer == ca.subject)
        #expect(ca.publicKey.isValidSignature(cert.signature, for: cert))
        #expect(try cert.extensions.basicConstraints == .notCertificateAuthority)
        let sans = try #require(try cert.extensions.subjectAlternativeNames)
        #expect(sans.contains(.dnsName("web.example.com")) && sans.contains(.dnsName("web")))
        let ips = sans.compactMap { name -> [UInt8]? in if case .ipAddress(let ip) = name { return Array(ip.bytes) }; return nil }
        #expect(ips.contains([10, 0, 0, 1]) && ips.contains(Array(repeating: 0, count: 15) + [1]))
        let eku = try #require(try cert.extensions.extendedKeyUsage)
        #expect(eku.contains(.serverAuth) && eku.contains(.clientAuth))
        let aki = try #require(try cert.extensions.authorityKeyIdentifier?.keyIdentifier)
        #expect(aki == (try ca.extensions.subjectKeyIdentifier?.keyIdentifier))
    }

    @Test func genSelfSignedCertSignsItself() throws {
        let c = try object(#"genSelfSignedCert "self" nil (list "a.example") 1"#)
        #expect(c.cert.issuer == c.cert.subject)
        #expect(c.cert.publicKey.isValidSignature(c.cert.signature, for: c.cert))
        #expect(try c.cert.extensions.subjectAlternativeNames?.contains(.dnsName("a.example")) == true)
    }

    @Test func withKeyVariantsUseTheGivenKey() throws {
        let keyPEM = sprigOutput(#"{{ genPrivateKey "ecdsa" }}"#)
        let key = try Certificate.PrivateKey(pemEncoded: keyPEM)
        let ca = try object(#"genCAWithKey "ca" 5 .k"#, data: ["k": .string(keyPEM)])
        #expect(ca.cert.publicKey == key.publicKey)
        #expect(ca.key == keyPEM)
        #expect(ca.cert.publicKey.isValidSignature(ca.cert.signature, for: ca.cert))
        let leaf = try object(#"genSelfSignedCertWithKey "x" nil nil 5 .k"#, data: ["k": .string(keyPEM)])
        #expect(leaf.cert.publicKey == key.publicKey)
    }

    @Test func badCertificateArgumentsAreErrors() {
        #expect(sprigOutput(#"{{ genSelfSignedCert "x" (list "not-an-ip") nil 1 }}"#).contains("error parsing ip: not-an-ip"))
        #expect(sprigOutput(#"{{ genSignedCert "x" nil nil 1 (dict "Cert" "junk" "Key" "junk") }}"#).contains("error parsing certificate"))
        #expect(sprigOutput(#"{{ genCAWithKey "x" 1 "junk" }}"#).contains("parsing private key"))
    }

    @Test func buildCustomCertReturnsTheDecodedPair() throws {
        let text = #"{{ $ca := genCA "ca" 1 }}{{ $c := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $c.Cert $ca.Cert }} {{ eq $c.Key $ca.Key }}"#
        #expect(sprigOutput(text) == "true true")
        #expect(sprigOutput(#"{{ buildCustomCert "!!" "!!" }}"#).contains("unable to decode base64 certificate"))
    }

    @Test func aesRoundTripsAndUsesAFreshIV() {
        #expect(sprigOutput(#"{{ "plaintext" | encryptAES "secretkey" | decryptAES "secretkey" }}"#) == "plaintext")
        let a = sprigOutput(#"{{ encryptAES "k" "same" }}"#), b = sprigOutput(#"{{ encryptAES "k" "same" }}"#)
        #expect(a != b && Data(base64Encoded: a)?.count == 32)
        #expect(sprigOutput(#"[{{ encryptAES "k" "" }}]"#) == "[]")
        #expect(sprigOutput(#"{{ decryptAES "k" "YWJj" }}"#).contains("input not full blocks"))
    }

    /// Four of Sprig's seven published cases (each costs a 64 MiB scrypt run).
    static let derived: [(String, String)] = [
        (#"{{derivePassword 1 "long" "password" "user" "example.com"}}"#, "ZedaFaxcZaso9*"),
        (#"{{derivePassword 1 "maximum" "password" "user" "example.com"}}"#, "pf4zS1LjCg&LjhsZ7T2~"),
        (#"{{derivePassword 1 "basic" "password" "user" "example.com"}}"#, "pIS54PLs"),
        (#"{{derivePassword 1 "pin" "password" "user" "example.com"}}"#, "6685"),
    ]

    @Test(arguments: derived) func derivePasswordMatchesSprig(_ text: String, _ expected: String) {
        #expect(sprigOutput(text) == expected)
    }

    @Test func bcryptMatchesGosKnownVector() throws {
        let salt = try #require(Bcrypt.decode("XajjQvNhvvRt5GSeFk1xFe"))
        #expect(salt.count == 16)
        #expect(try Bcrypt.hash(Array("allmine".utf8), salt: salt, cost: 10) == "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga")
        #expect(throws: FunctionError.self) { try Bcrypt.hash(Array(repeating: 97, count: 73), salt: salt, cost: 4) }
    }

    @Test func htpasswdWritesBcryptAndSHAEntries() {
        let entry = sprigOutput(#"{{ htpasswd "admin" "secret" }}"#)
        #expect(entry.hasPrefix("admin:$2a$10$") && entry.count == "admin:".count + 60, "older charts call it with two arguments")
        #expect(sprigOutput(#"{{ htpasswd "admin" "secret" "sha" }}"#) == "admin:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=")
        #expect(sprigOutput(#"{{ htpasswd "a:b" "secret" "sha" }}"#) == "invalid username: a:b")
    }
}
