import Crypto
import Foundation
import SwiftASN1
import X509

/// The PEM material of an HTTPS sandbox: a self-signed CA, a serving certificate for the listening host (plus
/// `localhost` and `127.0.0.1`) and a client certificate for `system:masters`, all signed by that CA.
/// Generated afresh on every start; never logged.
struct SandboxCertificates: Sendable {
    /// The CA certificate (PEM), written to the kubeconfig as `certificate-authority-data`.
    let caPEM: String
    /// The serving certificate and its key (PEM).
    let serverCertificatePEM: String, serverKeyPEM: String
    /// The client certificate and its key (PEM), for `client-certificate-data` / `client-key-data`.
    let clientCertificatePEM: String, clientKeyPEM: String

    /// Generates the CA and both leaf certificates; `host` is added to the serving certificate's names.
    static func generate(host: String) throws -> SandboxCertificates {
        do {
            let caKey = P256.Signing.PrivateKey()
            let caName = try DistinguishedName { CommonName("ferry-sandbox-ca") }
            let now = Date()
            let ca = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey),
                notValidBefore: now - 3600, notValidAfter: now + 3650 * 86400,
                issuer: caName, subject: caName, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(caKey))
            let serverKey = P256.Signing.PrivateKey()
            let server = try leaf(
                subject: try DistinguishedName { CommonName("ferry-sandbox") }, key: serverKey, now: now,
                ca: ca, caKey: caKey, usage: .serverAuth, names: subjectAlternativeNames(host: host))
            let clientKey = P256.Signing.PrivateKey()
            let client = try leaf(
                subject: try DistinguishedName { OrganizationName("system:masters"); CommonName("sandbox-admin") },
                key: clientKey, now: now, ca: ca, caKey: caKey, usage: .clientAuth, names: nil)
            return SandboxCertificates(
                caPEM: try ca.serializeAsPEM().pemString,
                serverCertificatePEM: try server.serializeAsPEM().pemString, serverKeyPEM: serverKey.pemRepresentation,
                clientCertificatePEM: try client.serializeAsPEM().pemString, clientKeyPEM: clientKey.pemRepresentation)
        } catch {
            throw SandboxError("cannot generate the sandbox TLS certificates: \(error)")
        }
    }

    private static func leaf(subject: DistinguishedName, key: P256.Signing.PrivateKey, now: Date, ca: Certificate,
                             caKey: P256.Signing.PrivateKey, usage: ExtendedKeyUsage.Usage,
                             names: SubjectAlternativeNames?) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 365 * 86400,
            issuer: ca.subject, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([usage])
                if let names { names }
            },
            issuerPrivateKey: .init(caKey))
    }

    /// `localhost`, `127.0.0.1` and `host` (as an IP address when it is dotted IPv4, else a DNS name).
    private static func subjectAlternativeNames(host: String) -> SubjectAlternativeNames {
        var names: [GeneralName] = [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]
        let parts = host.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        if parts.count == 4, host.split(separator: ".", omittingEmptySubsequences: false).count == 4 {
            if parts != [127, 0, 0, 1] { names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(parts)))) }
        } else if host != "localhost", !host.isEmpty, !host.contains(":") {
            names.append(.dnsName(host))
        }
        return SubjectAlternativeNames(names)
    }
}
