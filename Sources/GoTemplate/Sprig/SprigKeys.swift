import Crypto
import _CryptoExtras
import Foundation
import X509

/// Private keys as Sprig writes them: PKCS#1 for RSA, SEC1 for ECDSA, PKCS#8 for Ed25519 (Go's `pem` blocks).
enum SprigKeys {
    /// `genPrivateKey`: "rsa" (4096 bits, also for ""), "ecdsa" (P-256) or "ed25519"; DSA is not supported.
    static func generate(_ type: String) throws -> (pem: String, key: Certificate.PrivateKey) {
        switch type {
        case "", "rsa": return try rsa(bits: 4096)
        case "ecdsa":
            let key = P256.Signing.PrivateKey()
            return (pem("EC PRIVATE KEY", sec1(key)), Certificate.PrivateKey(key))
        case "ed25519":
            let key = Curve25519.Signing.PrivateKey()
            return (pem("PRIVATE KEY", pkcs8(key)), Certificate.PrivateKey(key))
        case "dsa": throw FunctionError("failed to generate private key: DSA keys are not supported")
        default: throw FunctionError("Unknown type \(type)")
        }
    }

    static func rsa(bits: Int) throws -> (pem: String, key: Certificate.PrivateKey) {
        let key = try _RSA.Signing.PrivateKey(keySize: .init(bitCount: bits))
        return (withNewline(key.pemRepresentation), Certificate.PrivateKey(key))
    }

    /// Reads a PEM private key (PKCS#1, SEC1 or PKCS#8), keeping its text for the result.
    static func parse(_ text: String) throws -> Certificate.PrivateKey {
        do { return try Certificate.PrivateKey(pemEncoded: text) } catch {
            if !text.contains("-----BEGIN") { throw FunctionError("no PEM data in input") }
            throw FunctionError("unable to parse private key: \(error)")
        }
    }

    /// Go's `pem.EncodeToMemory`: 64-column base64 between BEGIN/END lines, ending with a newline.
    static func pem(_ type: String, _ der: [UInt8]) -> String {
        let b64 = Data(der).base64EncodedString()
        var lines: [Substring] = []
        var rest = Substring(b64)
        while !rest.isEmpty { lines.append(rest.prefix(64)); rest = rest.dropFirst(64) }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + "\n-----END \(type)-----\n"
    }

    static func withNewline(_ s: String) -> String { s.hasSuffix("\n") ? s : s + "\n" }

    /// RFC 5915 ECPrivateKey for P-256, as Go's `x509.MarshalECPrivateKey`.
    static func sec1(_ key: P256.Signing.PrivateKey) -> [UInt8] {
        let oid: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
        let body = DER.integer(1) + DER.tlv(0x04, Array(key.rawRepresentation)) + DER.tlv(0xA0, oid)
            + DER.tlv(0xA1, DER.tlv(0x03, [0] + Array(key.publicKey.x963Representation)))
        return DER.tlv(0x30, body)
    }

    /// RFC 8410 PKCS#8 for Ed25519, as Go's `x509.MarshalPKCS8PrivateKey`.
    static func pkcs8(_ key: Curve25519.Signing.PrivateKey) -> [UInt8] {
        let algorithm = DER.tlv(0x30, [0x06, 0x03, 0x2B, 0x65, 0x70])
        return DER.tlv(0x30, DER.integer(0) + algorithm + DER.tlv(0x04, DER.tlv(0x04, Array(key.rawRepresentation))))
    }
}

/// Minimal DER writing for the key structures above.
enum DER {
    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag] + length(content.count) + content }

    static func length(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var bytes: [UInt8] = []
        var v = n
        while v > 0 { bytes.insert(UInt8(v & 0xFF), at: 0); v >>= 8 }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func integer(_ v: UInt8) -> [UInt8] { [0x02, 0x01, v] }
}
