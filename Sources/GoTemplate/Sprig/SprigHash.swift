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

    /// Lower-case hex of `digest`, written byte by byte (checksum annotations hash in every template).
    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
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
