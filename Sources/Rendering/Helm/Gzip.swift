/// gzip (RFC 1952) and DEFLATE (RFC 1951) decompression, enough for chart archives.
/// Written here because Foundation on Linux has no gzip and a zlib shim would add a system dependency.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ message: String) { description = message }
    }

    /// Decompresses every gzip member of `bytes`, refusing output larger than `limit`.
    static func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { throw Failure("not a gzip stream") }
        let flags = bytes[3]
        var pos = 10
        if flags & 4 != 0 {
            guard pos + 2 <= bytes.count else { throw Failure("truncated header") }
            pos += 2 + Int(bytes[pos]) + Int(bytes[pos + 1]) << 8
        }
        if flags & 8 != 0 { while pos < bytes.count, bytes[pos] != 0 { pos += 1 }; pos += 1 }
        if flags & 16 != 0 { while pos < bytes.count, bytes[pos] != 0 { pos += 1 }; pos += 1 }
        if flags & 2 != 0 { pos += 2 }
        guard pos < bytes.count else { throw Failure("truncated header") }
        var inflater = Inflater(input: bytes, position: pos, limit: limit)
        try inflater.run()
        return inflater.output
    }
}

/// A DEFLATE decoder (stored, fixed and dynamic Huffman blocks).
struct Inflater {
    let input: [UInt8]
    var byte: Int
    var bit = 0
    let limit: Int
    var output: [UInt8] = []

    init(input: [UInt8], position: Int, limit: Int) { self.input = input; self.byte = position; self.limit = limit }

    /// Canonical Huffman table: counts per length and symbols sorted by code.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []
        init(lengths: [Int]) throws {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for i in 1..<16 { offsets[i] = offsets[i - 1] + counts[i - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l != 0 { symbols[offsets[l]] = symbol; offsets[l] += 1 }
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                           4097, 6145, 8193, 12289, 16385, 24577]
    static let distExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    mutating func bits(_ n: Int) throws -> Int {
        var value = 0
        for i in 0..<n {
            guard byte < input.count else { throw Gzip.Failure("unexpected end of data") }
            value |= Int((input[byte] >> bit) & 1) << i
            bit += 1
            if bit == 8 { bit = 0; byte += 1 }
        }
        return value
    }

    mutating func decode(_ h: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = h.counts[length]
            if code - count < first { return h.symbols[index + (code - first)] }
            index += count; first += count; first <<= 1; code <<= 1
        }
        throw Gzip.Failure("invalid Huffman code")
    }

    mutating func run() throws {
        var last = 0
        while last == 0 {
            last = try bits(1)
            switch try bits(2) {
            case 0: try stored()
            case 1:
                let lit = try Huffman(lengths: (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
                try codes(lit, try Huffman(lengths: [Int](repeating: 5, count: 30)))
            case 2: try dynamic()
            default: throw Gzip.Failure("invalid block type")
            }
        }
    }

    mutating func stored() throws {
        if bit != 0 { bit = 0; byte += 1 }
        guard byte + 4 <= input.count else { throw Gzip.Failure("unexpected end of data") }
        let length = Int(input[byte]) | Int(input[byte + 1]) << 8
        byte += 4
        guard byte + length <= input.count else { throw Gzip.Failure("unexpected end of data") }
        try append(input[byte..<byte + length])
        byte += length
    }

    mutating func append<S: Collection>(_ bytes: S) throws where S.Element == UInt8 {
        guard output.count + bytes.count <= limit else { throw Gzip.Failure("archive larger than \(limit) bytes") }
        output.append(contentsOf: bytes)
    }

    mutating func dynamic() throws {
        let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<ncode { codeLengths[order[i]] = try bits(3) }
        let lencode = try Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < nlen + ndist {
            let symbol = try decode(lencode)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Gzip.Failure("repeat with no previous length") }
                lengths += [Int](repeating: previous, count: 3 + (try bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try bits(7)))
            }
        }
        guard lengths.count == nlen + ndist else { throw Gzip.Failure("too many code lengths") }
        try codes(try Huffman(lengths: Array(lengths[0..<nlen])), try Huffman(lengths: Array(lengths[nlen...])))
    }

    mutating func codes(_ lit: Huffman, _ dist: Huffman) throws {
        while true {
            let symbol = try decode(lit)
            if symbol < 256 { try append(CollectionOfOne(UInt8(symbol))); continue }
            if symbol == 256 { return }
            let li = symbol - 257
            guard li < Self.lengthBase.count else { throw Gzip.Failure("invalid length symbol") }
            let length = Self.lengthBase[li] + (try bits(Self.lengthExtra[li]))
            let di = try decode(dist)
            guard di < Self.distBase.count else { throw Gzip.Failure("invalid distance symbol") }
            let distance = Self.distBase[di] + (try bits(Self.distExtra[di]))
            guard distance <= output.count else { throw Gzip.Failure("distance too far back") }
            guard output.count + length <= limit else { throw Gzip.Failure("archive larger than \(limit) bytes") }
            let start = output.count - distance
            for i in 0..<length { output.append(output[start + i]) }
        }
    }
}
