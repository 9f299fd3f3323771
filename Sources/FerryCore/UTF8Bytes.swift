#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level string helpers for hot paths. Iterating `String.UTF8View` element by element goes through the
/// collection protocol for every byte; these work on the contiguous UTF-8 storage instead (a native string
/// has it; anything else is copied once).
public enum UTF8Bytes {
    /// Runs `body` over the UTF-8 bytes of `s`.
    @inlinable
    public static func with<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try s.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `a` sorts before `b` byte by byte (Go's string order; Swift's `<` compares Unicode-normalized).
    public static func less(_ a: String, _ b: String) -> Bool {
        with(a) { x in
            with(b) { y in
                let n = min(x.count, y.count)
                if n > 0, let xb = x.baseAddress, let yb = y.baseAddress {
                    let c = memcmp(xb, yb, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }

    /// Where `needle` first occurs in `bytes` at or after `start`: memchr finds candidates for its first byte,
    /// memcmp checks each.
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>,
                                  from start: Int) -> Int? {
        guard let first = needle.first, let base = bytes.baseAddress, let pattern = needle.baseAddress else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            guard let hit = memchr(base + i, Int32(first), bytes.count - needle.count + 1 - i) else { return nil }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i, pattern, needle.count) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// Go's `strings.Contains`: the bytes of `needle` occur in `s` (no Unicode equivalence, unlike Foundation's).
    public static func contains(_ s: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        return with(s) { bytes in with(needle) { firstIndex(of: $0, in: bytes, from: 0) } } != nil
    }

    /// `s` with every `byte` replaced by `replacement` (a one-byte `strings.ReplaceAll`); `s` itself when the byte
    /// does not occur.
    public static func replacing(_ byte: UInt8, in s: String, with replacement: String) -> String {
        with(s) { src -> String? in
            guard let base = src.baseAddress else { return nil }
            var hits = 0
            var i = 0
            while i < src.count, let hit = memchr(base + i, Int32(byte), src.count - i) {
                hits += 1
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            guard hits > 0 else { return nil }
            return with(replacement) { new in
                let total = src.count + hits * (new.count - 1)
                return String(unsafeUninitializedCapacity: total) { out in
                    var o = 0, start = 0
                    func copy(_ from: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                        guard !range.isEmpty, let fb = from.baseAddress, let ob = out.baseAddress else { return }
                        (ob + o).update(from: fb + range.lowerBound, count: range.count)
                        o += range.count
                    }
                    while start < src.count, let hit = memchr(base + start, Int32(byte), src.count - start) {
                        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        copy(src, start..<at)
                        copy(new, 0..<new.count)
                        start = at + 1
                    }
                    copy(src, start..<src.count)
                    return o
                }
            }
        } ?? s
    }

    /// Whether every byte of `s` satisfies `test`.
    @inlinable
    public static func all(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        with(s) { bytes in
            for b in bytes where !test(b) { return false }
            return true
        }
    }

    /// Whether some byte of `s` satisfies `test`.
    @inlinable
    public static func any(_ s: String, _ test: (UInt8) -> Bool) -> Bool {
        with(s) { bytes in
            for b in bytes where test(b) { return true }
            return false
        }
    }
}
