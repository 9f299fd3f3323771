import Crypto
import _CryptoExtras
import FerryCore
import Foundation
import X509

/// Sprig's crypto functions: keys, certificates, `encryptAES`/`decryptAES`, `derivePassword`, `htpasswd`, `bcrypt`.
enum SprigCrypto {
    static func table(_ options: SprigOptions) -> FunctionMap {
        let certs = SprigCertificates(options: options)
        return [
            "genPrivateKey": { args in try Arg.count(args, 1); return .str(try SprigKeys.generate(try Arg.string(args[0])).pem) },
            "genCA": { args in
                try Arg.count(args, 2)
                return try certs.issue(try request(args, ca: true), key: try SprigKeys.rsa(bits: 2048), signer: nil)
            },
            "genCAWithKey": { args in
                try Arg.count(args, 3)
                return try certs.issue(try request(args, ca: true), key: try withKey(args[2]), signer: nil)
            },
            "genSelfSignedCert": { args in
                try Arg.count(args, 4)
                return try certs.issue(try request(args, ca: false), key: try SprigKeys.rsa(bits: 2048), signer: nil)
            },
            "genSelfSignedCertWithKey": { args in
                try Arg.count(args, 5)
                return try certs.issue(try request(args, ca: false), key: try withKey(args[4]), signer: nil)
            },
            "genSignedCert": { args in
                try Arg.count(args, 5)
                let signer = try SprigCertificates.signer(args[4])
                return try certs.issue(try request(args, ca: false), key: try SprigKeys.rsa(bits: 2048), signer: signer)
            },
            "genSignedCertWithKey": { args in
                try Arg.count(args, 6)
                let signer = try SprigCertificates.signer(args[4])
                return try certs.issue(try request(args, ca: false), key: try withKey(args[5]), signer: signer)
            },
            "buildCustomCert": { args in
                try Arg.count(args, 2)
                return try buildCustom(try Arg.string(args[0]), try Arg.string(args[1]))
            },
            "encryptAES": { args in
                try Arg.count(args, 2)
                return .str(try encrypt(password: try Arg.string(args[0]), plaintext: try Arg.string(args[1]), random: options.random))
            },
            "decryptAES": { args in
                try Arg.count(args, 2)
                return .str(try decrypt(password: try Arg.string(args[0]), base64: try Arg.string(args[1])))
            },
            "bcrypt": SprigStrings.unary { password in bcrypt(password, random: options.random) },
            "htpasswd": { args in
                guard args.count == 2 || args.count == 3 else { throw ArgCountError(want: "3", got: args.count) }
                let user = try Arg.string(args[0]), password = try Arg.string(args[1])
                let algorithm = args.count == 3 ? try Arg.string(args[2]) : "bcrypt"
                if user.contains(":") { return .str("invalid username: \(user)") }
                if algorithm == "sha" {
                    return .str("\(user):{SHA}" + Data(Insecure.SHA1.hash(data: Array(password.utf8))).base64EncodedString())
                }
                return .str("\(user):" + bcrypt(password, random: options.random))
            },
            "derivePassword": { args in
                try Arg.count(args, 5)
                guard case .int(let counter) = args[0].data, let c = UInt32(exactly: counter) else {
                    throw Arg.wrongType(args[0].data, expected: "uint32")
                }
                let s = try args.dropFirst().map(Arg.string)
                return .str(try MasterPassword.derive(counter: c, type: s[0], password: s[1], user: s[2], site: s[3]))
            },
        ]
    }

static func request(_ args: [TemplateValue], ca: Bool) throws -> SprigCertificates.Request {
        if ca { return .init(commonName: try Arg.string(args[0]), days: try Arg.int(args[1]), isCA: true) }
        return .init(commonName: try Arg.string(args[0]), ips: try SprigCertificates.list(args[1]),
                     dnsNames: try SprigCertificates.list(args[2]), days: try Arg.int(args[3]))
    }
static func withKey(_ v: TemplateValue) throws -> (pem: String, key: Certificate.PrivateKey) {
        let text = try Arg.string(v)
        do { return (text, try SprigKeys.parse(text)) } catch let e as FunctionError {
            throw FunctionError("parsing private key: \(e.message)")
        }
    }

    /// Sprig's `bcrypt` at Go's default cost (10); failures come back as text, as in Sprig.
    static func bcrypt(_ password: String, random: @Sendable () -> UInt64) -> String {
        do { return try Bcrypt.hash(Array(password.utf8), salt: SprigRandom.bytes(16, random), cost: 10) } catch {
            return "failed to encrypt string with bcrypt: \(error)"
        }
    }

    static func buildCustom(_ b64cert: String, _ b64key: String) throws -> TemplateValue {
        guard let certData = Data(base64Encoded: b64cert) else { throw FunctionError("unable to decode base64 certificate") }
        guard let keyData = Data(base64Encoded: b64key) else { throw FunctionError("unable to decode base64 private key") }
        let certText = String(decoding: certData, as: UTF8.self), keyText = String(decoding: keyData, as: UTF8.self)
        guard certText.contains("-----BEGIN") else { throw FunctionError("unable to decode certificate") }
        do { _ = try Certificate(pemEncoded: certText) } catch {
            throw FunctionError("error parsing certificate: decodedCert.Bytes: \(error)")
        }
        do { _ = try SprigKeys.parse(keyText) } catch let e as FunctionError {
            throw FunctionError("error parsing private key: \(e.message)")
        }
        return .map(["Cert": .string(certText), "Key": .string(keyText)])
    }

    /// The AES-256 key Sprig derives: the password's bytes, truncated or zero-padded to 32.
    static func key(_ password: String) -> SymmetricKey {
        let bytes = Array(password.utf8.prefix(32))
        return SymmetricKey(data: bytes + Array(repeating: 0, count: 32 - bytes.count))
    }

    /// AES-256-CBC with PKCS#7 padding; the result is base64 of IV followed by ciphertext.
    static func encrypt(password: String, plaintext: String, random: @Sendable () -> UInt64) throws -> String {
        if plaintext.isEmpty { return "" }
        let iv = SprigRandom.bytes(16, random)
        let sealed = try AES._CBC.encrypt(Array(plaintext.utf8), using: key(password), iv: try AES._CBC.IV(ivBytes: iv))
        return Data(iv + Array(sealed)).base64EncodedString()
    }

    static func decrypt(password: String, base64: String) throws -> String {
        if base64.isEmpty { return "" }
        guard let data = Data(base64Encoded: base64) else { throw FunctionError("illegal base64 data at input byte \(SprigEncoding.base64ErrorOffset(base64))") }
        let bytes = Array(data)
        guard bytes.count >= 32, bytes.count % 16 == 0 else { throw FunctionError("crypto/cipher: input not full blocks") }
        let plain = Array(try AES._CBC.decrypt(bytes[16...], using: key(password), iv: try AES._CBC.IV(ivBytes: bytes[..<16]), noPadding: true))
        let pad = Int(plain.last ?? 0)
        guard pad <= plain.count else { throw FunctionError("runtime error: slice bounds out of range") }
        return String(decoding: plain.dropLast(pad), as: UTF8.self)
    }
}

/// The Master Password algorithm behind `derivePassword` (scrypt key, HMAC-SHA256 seed, character templates).
enum MasterPassword {
    static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": ["CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno",
                 "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
                 "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno",
                 "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]
    static let characters: [Character: [UInt8]] = [
        "V": Array("AEIOU".utf8), "C": Array("BCDFGHJKLMNPQRSTVWXYZ".utf8), "v": Array("aeiou".utf8),
        "c": Array("bcdfghjklmnpqrstvwxyz".utf8), "A": Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        "a": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8), "n": Array("0123456789".utf8),
        "o": Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        "x": Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]
    static let seed = Array("com.lyndir.masterpassword".utf8)

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func derive(counter: UInt32, type: String, password: String, user: String, site: String) throws -> String {
        guard let candidates = templates[type] else { return "cannot find password template \(type)" }
        let salt = seed + bigEndian(UInt32(user.utf8.count)) + Array(user.utf8)
        let key = try KDF.Scrypt.deriveKey(from: Array(password.utf8), salt: salt, outputByteCount: 64, rounds: 32768,
                                           blockSize: 8, parallelism: 2, maxMemory: 128 << 20)
        let message = seed + bigEndian(UInt32(site.utf8.count)) + Array(site.utf8) + bigEndian(counter)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: message, using: key))
        let template = candidates[Int(mac[0]) % candidates.count]
        var out = [UInt8]()
        for (i, c) in template.enumerated() {
            let chars = characters[c] ?? []
            out.append(chars[Int(mac[i + 1]) % chars.count])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
