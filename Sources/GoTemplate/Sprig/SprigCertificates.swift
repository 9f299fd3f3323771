import Crypto
import _CryptoExtras
import FerryCore
import Foundation
import OrderedCollections
import SwiftASN1
import X509

/// `genCA`, `genSelfSignedCert`, `genSignedCert` (and their `…WithKey` forms) and `buildCustomCert`, returning
/// Sprig's certificate object as a map with `Cert` and `Key` PEM strings.
///
/// Certificates follow Sprig's template: a random 128-bit serial, CN only in the subject, validity from now
/// for `daysValid` days, key usage digitalSignature + keyEncipherment (+ certSign for a CA), extended key
/// usage serverAuth + clientAuth, basic constraints; SANs from the IP and DNS lists. New keys are RSA 2048.
struct SprigCertificates {
    let options: SprigOptions

    struct Request {
        var commonName: String
        var ips: [Value] = []
        var dnsNames: [Value] = []
        var days: Int
        var isCA = false
    }

    func issue(_ r: Request, key: (pem: String, key: Certificate.PrivateKey), signer: (cert: Certificate, key: Certificate.PrivateKey)?) throws -> TemplateValue {
        let now = options.clock()
        let subject = try DistinguishedName { CommonName(r.commonName) }
        var serial = SprigRandom.bytes(16, options.random)
        serial[0] &= 0x7F
        var extensions: [Certificate.Extension] = [
            try Certificate.Extension(KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: r.isCA), critical: true),
            try Certificate.Extension(try ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false),
            try Certificate.Extension(r.isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority, critical: true),
        ]
        if r.isCA { extensions.append(try Certificate.Extension(SubjectKeyIdentifier(hash: key.key.publicKey), critical: false)) }
        if let signer, let ski = try? signer.cert.extensions.subjectKeyIdentifier {
            extensions.append(try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: ski.keyIdentifier), critical: false))
        }
        let names = try sans(r)
        if !names.isEmpty { extensions.append(try Certificate.Extension(SubjectAlternativeNames(names), critical: false)) }
        let issuerKey = signer?.key ?? key.key
        let cert = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial), publicKey: key.key.publicKey,
            notValidBefore: now, notValidAfter: now.addingTimeInterval(Double(r.days) * 86400),
            issuer: signer?.cert.subject ?? subject, subject: subject,
            signatureAlgorithm: SprigCertificates.algorithm(for: issuerKey),
            extensions: try Certificate.Extensions(extensions), issuerPrivateKey: issuerKey)
        let pem = SprigKeys.withNewline(try cert.serializeAsPEM().pemString)
        return .map(["Cert": .string(pem), "Key": .string(key.pem)])
    }

    /// What Go's `x509.CreateCertificate` picks: SHA-256 with RSA or ECDSA, plain Ed25519.
    static func algorithm(for key: Certificate.PrivateKey) -> Certificate.SignatureAlgorithm {
        let supported = key.supportedSignatureAlgorithms
        for preferred in [Certificate.SignatureAlgorithm.sha256WithRSAEncryption, .ecdsaWithSHA256] where supported.contains(preferred) {
            return preferred
        }
        return supported.first ?? .ed25519
    }

    func sans(_ r: Request) throws -> [GeneralName] {
        let ips = try r.ips.map { v -> GeneralName in
            guard case .string(let s) = v else { throw FunctionError("error parsing ip: \(GoFormat.v(v)) is not a string") }
            guard let bytes = IPAddress.parse(s) else { throw FunctionError("error parsing ip: \(s)") }
            return .ipAddress(ASN1OctetString(contentBytes: bytes[...]))
        }
        let dns = try r.dnsNames.map { v -> GeneralName in
            guard case .string(let s) = v else { throw FunctionError("error processing alternate dns name: \(GoFormat.v(v)) is not a string") }
            return .dnsName(s)
        }
        return dns + ips
    }

    /// The CA argument of `genSignedCert`: Sprig's certificate object (`Cert` and `Key`).
    static func signer(_ v: TemplateValue) throws -> (cert: Certificate, key: Certificate.PrivateKey) {
        guard case .object(let o) = v.data, case .string(let certText)? = o["Cert"], case .string(let keyText)? = o["Key"] else {
            throw Arg.wrongType(v.data, expected: "sprig.certificate")
        }
        let cert: Certificate
        do { cert = try Certificate(pemEncoded: certText) } catch {
            throw FunctionError("error parsing certificate: decodedSignerCert.Bytes: \(error)")
        }
        return (cert, try SprigKeys.parse(keyText))
    }

    /// A `[]interface{}` parameter: a list, or nil for none.
    static func list(_ v: TemplateValue) throws -> [Value] {
        switch v.data {
        case .array(let a): return a
        case .null: return []
        default: throw Arg.wrongType(v.data, expected: "[]interface {}")
        }
    }
}

/// IP address text to bytes, as Go's `net.ParseIP` accepts (IPv4 gives 4 bytes, IPv6 16).
enum IPAddress {
    static func parse(_ s: String) -> [UInt8]? {
        if !s.contains(":") { return v4(s) }
        return v6(s)
    }

    static func v4(_ s: String) -> [UInt8]? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { p -> UInt8? in
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCIIDigit), p.count == 1 || p.first != "0" else { return nil }
            return UInt8(p)
        }
        return bytes.count == 4 ? bytes : nil
    }

    static func v6(_ s: String) -> [UInt8]? {
        let halves = s.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ text: String) -> [UInt8]? {
            if text.isEmpty { return [] }
            var out: [UInt8] = []
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            for (i, p) in parts.enumerated() {
                if i == parts.count - 1, p.contains("."), let v4 = v4(String(p)) { out += v4; continue }
                guard (1...4).contains(p.count), let n = UInt16(p, radix: 16) else { return nil }
                out += [UInt8(n >> 8), UInt8(n & 0xFF)]
            }
            return out
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count < 16 else { return nil }
        return head + Array(repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
