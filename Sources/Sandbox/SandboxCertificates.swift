import FerryCore
import Crypto
import Foundation
import SwiftASN1
import X509

/// The PEM material of an HTTPS sandbox: a self-signed CA, a serving certificate for the listening host (plus
/// `localhost` and `127.0.0.1`) and a client certificate for `system:masters`, all signed by that CA. The CA is
/// kept in the sandbox's database (`SandboxAuthority`), so kubeconfigs written before a restart stay valid;
/// the leaf certificates are issued afresh on every start. Never logged.
struct SandboxCertificates: Sendable {
    /// The CA certificate (PEM), written to the kubeconfig as `certificate-authority-data`.
    let caPEM: String
    /// The serving certificate and its key (PEM).
    let serverCertificatePEM: String, serverKeyPEM: String
    /// The client certificate and its key (PEM), for `client-certificate-data` / `client-key-data`.
    let clientCertificatePEM: String, clientKeyPEM: String

    /// Issues both leaf certificates from `authority`; `host` is added to the serving certificate's names.
    static func generate(host: String, authority: SandboxAuthority) throws -> SandboxCertificates {
        do {
            let (ca, caKey) = try authority.parsed()
            let now = Date()
            let serverKey = P256.Signing.PrivateKey()
            let server = try leaf(
                subject: try DistinguishedName { CommonName("ferry-sandbox") }, key: serverKey, now: now,
                ca: ca, caKey: caKey, usage: .serverAuth, names: subjectAlternativeNames(host: host))
            let clientKey = P256.Signing.PrivateKey()
            let client = try leaf(
                subject: try DistinguishedName { OrganizationName("system:masters"); CommonName("sandbox-admin") },
                key: clientKey, now: now, ca: ca, caKey: caKey, usage: .clientAuth, names: nil)
            return SandboxCertificates(
                caPEM: authority.certificatePEM,
                serverCertificatePEM: try server.serializeAsPEM().pemString, serverKeyPEM: serverKey.pemRepresentation,
                clientCertificatePEM: try client.serializeAsPEM().pemString, clientKeyPEM: clientKey.pemRepresentation)
        } catch let error as SandboxError {
            throw error
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

/// The sandbox's certificate authority, valid ten years, stored as JSON (`certificate`, `key`: PEM).
struct SandboxAuthority: Sendable {
    let certificatePEM: String
    let keyPEM: String

    /// A new self-signed CA.
    static func create() throws -> SandboxAuthority {
        do {
            let key = P256.Signing.PrivateKey()
            let name = try DistinguishedName { CommonName("ferry-sandbox-ca") }
            let now = Date()
            let ca = try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
                notValidBefore: now - 3600, notValidAfter: now + 3650 * 86400,
                issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                    Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(key))
            return SandboxAuthority(certificatePEM: try ca.serializeAsPEM().pemString, keyPEM: key.pemRepresentation)
        } catch {
            throw SandboxError("cannot generate the sandbox certificate authority: \(error)")
        }
    }

    /// The stored form.
    var json: String {
        JSON.encode(["certificate": .string(certificatePEM), "key": .string(keyPEM)])
    }

    /// Reads the stored form.
    init(json: String) throws {
        guard let value = try? JSON.parse(json), let certificate = value["certificate"]?.stringValue,
              let key = value["key"]?.stringValue else {
            throw SandboxError("the sandbox's stored certificate authority is unreadable; delete the data directory's "
                               + "sandbox.db to start afresh")
        }
        self.init(certificatePEM: certificate, keyPEM: key)
    }

    init(certificatePEM: String, keyPEM: String) {
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
    }

    /// The certificate and key, checked: a CA that expires within a year is refused with a message.
    func parsed() throws -> (Certificate, P256.Signing.PrivateKey) {
        let certificate: Certificate, key: P256.Signing.PrivateKey
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
            key = try P256.Signing.PrivateKey(pemRepresentation: keyPEM)
        } catch {
            throw SandboxError("the sandbox's stored certificate authority is unreadable (\(error)); delete the data "
                               + "directory's sandbox.db to start afresh")
        }
        guard certificate.notValidAfter > Date() + 365 * 86400 else {
            throw SandboxError("the sandbox's certificate authority expires on \(certificate.notValidAfter); delete the "
                               + "data directory's sandbox.db to start afresh")
        }
        return (certificate, key)
    }
}
