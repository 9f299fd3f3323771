import FerryCore
import Foundation

/// Reads a packaged chart (`.tgz`): gzip (RFC 1952) around a tar archive. The chart's files are returned
/// relative to the archive's top directory (`mychart/templates/x.yaml` → `templates/x.yaml`).
enum ChartArchive {
    /// Largest unpacked size accepted, to bound work on hostile archives.
    static let maxUnpackedBytes = 64 << 20

    static func unpack(_ data: Data, file: String) throws -> (files: [String: Data], root: String) {
        let tar: [UInt8]
        do { tar = try Gzip.decompress([UInt8](data), limit: maxUnpackedBytes) } catch {
            throw RenderError(file: file, message: "cannot read chart archive: \(error)")
        }
        var files: [String: Data] = [:]
        var root = ""
        for (path, contents) in try Tar.entries(tar, file: file) {
            let parts = path.split(separator: "/")
            guard parts.count >= 2 else { continue }
            let top = String(parts[0])
            if root.isEmpty { root = top }
            guard top == root else { continue }
            let relative = parts.dropFirst().joined(separator: "/")
            do { files[try FileTree.validate(relative)] = contents } catch {
                throw RenderError(file: file, message: "unsafe path in chart archive: \(path)")
            }
        }
        return (files, root)
    }
}

/// A minimal ustar/pax reader: regular files only, long names from GNU `L` and pax `path` records.
enum Tar {
    static func entries(_ bytes: [UInt8], file: String) throws -> [(String, Data)] {
        var out: [(String, Data)] = []
        var offset = 0
        var longName: String?
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { break }
            func field(_ start: Int, _ length: Int) -> String {
                let slice = header[(offset + start)..<(offset + start + length)]
                let end = slice.firstIndex(of: 0) ?? slice.endIndex
                return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
            }
            let sizeText = field(124, 12).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
            guard let size = Int(sizeText.isEmpty ? "0" : sizeText, radix: 8), size >= 0 else {
                throw RenderError(file: file, message: "corrupt tar header at byte \(offset)")
            }
            let type = header[offset + 156]
            let start = offset + 512
            guard start + size <= bytes.count else { throw RenderError(file: file, message: "truncated tar archive") }
            var name = field(0, 100)
            let prefix = field(345, 155)
            if !prefix.isEmpty { name = prefix + "/" + name }
            let body = Data(bytes[start..<start + size])
            offset = start + (size + 511) / 512 * 512
            switch type {
            case UInt8(ascii: "L"):
                longName = String(decoding: body, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
            case UInt8(ascii: "x"):
                for record in String(decoding: body, as: UTF8.self).split(separator: "\n") {
                    if let range = record.range(of: " path=") { longName = String(record[range.upperBound...]) }
                }
            case UInt8(ascii: "0"), 0:
                out.append((longName ?? name, body))
                longName = nil
            default:
                longName = nil
            }
        }
        return out
    }
}
