import Crypto
import FerryCore

/// Digests: `sha1sum`, `sha256sum`, `sha512sum` (lower-case hex) and `adler32sum` (decimal).
enum SprigHash {
    static let table: FunctionMap = [
        "sha1sum": SprigStrings.unary { hex(Insecure.SHA1.hash(data: Array($0.utf8))) },
        "sha256sum": SprigStrings.unary { hex(SHA256.hash(data: Array($0.utf8))) },
        "sha512sum": SprigStrings.unary { hex(SHA512.hash(data: Array($0.utf8))) },
        "adler32sum": SprigStrings.unary { String(adler32(Array($0.utf8))) },
    ]

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
