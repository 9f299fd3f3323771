import Foundation

/// bcrypt as Go's `golang.org/x/crypto/bcrypt` writes it: `$2a$COST$` + 22 characters of salt + 31 of hash.
enum Bcrypt {
    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    static let magic = Array("OrpheanBeholderScryDoubt".utf8)

    /// Hashes `password` (at most 72 bytes) with a 16-byte salt at `cost` (4…31).
    static func hash(_ password: [UInt8], salt: [UInt8], cost: Int) throws -> String {
        guard password.count <= 72 else { throw FunctionError("bcrypt: password length exceeds 72 bytes") }
        guard (4...31).contains(cost), salt.count == 16 else { throw FunctionError("bcrypt: invalid cost or salt") }
        let key = password + [0]
        var state = BlowfishState.p + BlowfishState.s
        state.withUnsafeMutableBufferPointer { st in
            expand(st, key: key, salt: salt)
            for _ in 0..<(1 << cost) {
                expand(st, key: key, salt: nil)
                expand(st, key: salt, salt: nil)
            }
        }
        var words = stride(from: 0, to: 24, by: 4).map { i in
            magic[i..<(i + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        state.withUnsafeBufferPointer { st in
            for _ in 0..<64 {
                for i in stride(from: 0, to: 6, by: 2) { (words[i], words[i + 1]) = encrypt(st, words[i], words[i + 1]) }
            }
        }
        let bytes = words.flatMap { w in [UInt8(w >> 24), UInt8(w >> 16 & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w & 0xFF)] }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$\(costText)$" + encode(salt) + encode(Array(bytes.prefix(23)))
    }

    /// The next 32 bits of `data`, cycling.
    static func word(_ data: [UInt8], _ j: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(data[j])
            j = (j + 1) % data.count
        }
        return w
    }

    static func f(_ st: UnsafeBufferPointer<UInt32>, _ x: UInt32) -> UInt32 {
        let a = st[18 + Int(x >> 24)], b = st[18 + 256 + Int(x >> 16 & 0xFF)]
        let c = st[18 + 512 + Int(x >> 8 & 0xFF)], d = st[18 + 768 + Int(x & 0xFF)]
        return ((a &+ b) ^ c) &+ d
    }

    static func encrypt(_ st: UnsafeBufferPointer<UInt32>, _ l0: UInt32, _ r0: UInt32) -> (UInt32, UInt32) {
        var l = l0 ^ st[0], r = r0
        for i in stride(from: 1, through: 15, by: 2) {
            r ^= f(st, l) ^ st[i]
            l ^= f(st, r) ^ st[i + 1]
        }
        return (r ^ st[17], l)
    }

    /// The Blowfish key schedule, optionally mixing in a salt (bcrypt's "expensive" setup).
    static func expand(_ st: UnsafeMutableBufferPointer<UInt32>, key: [UInt8], salt: [UInt8]?) {
        var j = 0
        for i in 0..<18 { st[i] ^= word(key, &j) }
        var l: UInt32 = 0, r: UInt32 = 0, k = 0
        let ro = UnsafeBufferPointer(st)
        for i in stride(from: 0, to: 18 + 1024, by: 2) {
            if let salt {
                l ^= word(salt, &k)
                r ^= word(salt, &k)
            }
            (l, r) = encrypt(ro, l, r)
            st[i] = l
            st[i + 1] = r
        }
    }

    /// bcrypt's base64: its own alphabet, no padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b0 = bytes[i], b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            if i + 1 < bytes.count { out.append(alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)]) }
            if i + 2 < bytes.count { out.append(alphabet[Int(b2 & 0x3F)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes bcrypt base64 (for salts given as text).
    static func decode(_ text: String) -> [UInt8]? {
        let values = text.utf8.map { c in alphabet.firstIndex(of: c) }
        guard !values.contains(nil) else { return nil }
        let v = values.compactMap { $0 }.map(UInt8.init)
        var out: [UInt8] = []
        var i = 0
        while i + 1 < v.count {
            out.append(v[i] << 2 | v[i + 1] >> 4)
            if i + 2 < v.count { out.append(v[i + 1] << 4 | v[i + 2] >> 2) }
            if i + 3 < v.count { out.append(v[i + 2] << 6 | v[i + 3]) }
            i += 4
        }
        return out
    }
}
