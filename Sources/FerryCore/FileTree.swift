import Foundation

/// A read-only set of files at a Git revision (or on disk), keyed by slash-separated relative path.
///
/// Paths are validated on insertion: no absolute paths, no `..` segments, so nothing read from a
/// repository can name a file outside it.
public struct FileTree: Sendable, Equatable {
    /// Largest single file accepted (bytes).
    public static let maxFileBytes = 8 << 20
    /// Largest total size accepted (bytes).
    public static let maxTotalBytes = 256 << 20

    public private(set) var files: [String: Data] = [:]
    private var totalBytes = 0

    public init() {}

    /// Adds a file; throws for an unsafe path or when a size limit is exceeded.
    public mutating func add(_ path: String, _ contents: Data) throws {
        let clean = try FileTree.validate(path)
        guard contents.count <= FileTree.maxFileBytes else {
            throw FileTreeError(path: clean, message: "file larger than \(FileTree.maxFileBytes) bytes")
        }
        totalBytes += contents.count - (files[clean]?.count ?? 0)
        guard totalBytes <= FileTree.maxTotalBytes else {
            throw FileTreeError(path: clean, message: "tree larger than \(FileTree.maxTotalBytes) bytes")
        }
        files[clean] = contents
    }

    /// The file's contents, or nil.
    public subscript(path: String) -> Data? { files[path] }

    /// All paths, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The files directly or indirectly under `directory` ("" for all), with paths relative to it.
    public func subtree(_ directory: String) throws -> FileTree {
        let dir = directory == "." || directory.isEmpty ? "" : try FileTree.validate(directory)
        if dir.isEmpty { return self }
        var out = FileTree()
        for (path, data) in files where path.hasPrefix(dir + "/") {
            try out.add(String(path.dropFirst(dir.count + 1)), data)
        }
        return out
    }

    /// Normalises a relative path and rejects absolute paths and `..`.
    public static func validate(_ path: String) throws -> String {
        if path.hasPrefix("/") { throw FileTreeError(path: path, message: "absolute paths are not allowed") }
        if isClean(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { throw FileTreeError(path: path, message: "path escapes the repository") }
            parts.append(part)
        }
        if parts.isEmpty { throw FileTreeError(path: path, message: "empty path") }
        return parts.joined(separator: "/")
    }

    /// True when every segment of `path` is a plain name (no empty, `.` or `..` segment): already normal.
    private static func isClean(_ path: String) -> Bool {
        var segmentLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || dots == segmentLength { return false }
                segmentLength = 0; dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && (dots != segmentLength || segmentLength > 2)
    }

    /// Reads a directory from disk (for `ferry render DIR`), skipping hidden directories. Symlinks are followed
    /// only when they stay inside `root`; a symlink to a directory is skipped, as a Git checkout stores it.
    /// Walks with POSIX calls: Foundation's enumerator and `resolvingSymlinksInPath` cost a syscall per path
    /// component of every file, which dominated loading a chart of hundreds of templates. The walk lists the
    /// files; they are then read on all cores (opening and reading are most of the time, all in the kernel),
    /// and added in the walk's order, so limits and errors are met as a serial read would meet them.
    public static func load(directory root: URL) throws -> FileTree {
        try load(path: root.path)
    }

    /// `load(directory:)` for a path as typed (relative to the working directory or absolute). realpath resolves
    /// `.`, `..` and symlinks itself; Foundation's URL path handling cost ~0.4 ms of every `ferry render`.
    public static func load(path root: String) throws -> FileTree {
        guard let base = realPath(root) else {
            throw FileTreeError(path: root, message: "cannot read directory")
        }
        var files: [DiskFile] = []
        try walk(base, relative: "", base: base, into: &files)
        let budget = ReadBudget()
        let contents = ParallelMap.results(files) { file in
            // Once the files read so far exceed the tree limit, the rest are not read: the tree is too large.
            guard budget.remaining >= 0 else {
                throw FileTreeError(path: file.relative, message: "tree larger than \(FileTree.maxTotalBytes) bytes")
            }
            let data = try readFile(file.path, followingSymlinks: file.resolved)
            budget.spend(data.count)
            return data
        }
        var tree = FileTree()
        for (file, data) in zip(files, contents) { try tree.add(file.relative, try data.get()) }
        return tree
    }

    /// A regular file found by the walk: its path in the tree, the absolute path it is read from, and whether
    /// that path was a symlink's checked target (a plain file is opened without following a symlink, so one
    /// swapped in after the walk cannot lead outside the tree).
    private struct DiskFile: Sendable { var relative: String; var path: String; var resolved = false }

    /// Bytes read so far by the parallel reads, against the tree's size limit.
    private final class ReadBudget: @unchecked Sendable {
        private let lock = NSLock()
        private var left = FileTree.maxTotalBytes
        var remaining: Int { lock.withLock { left } }
        func spend(_ bytes: Int) { lock.withLock { left -= bytes } }
    }

    private static func walk(_ directory: String, relative: String, base: String, into files: inout [DiskFile]) throws {
        guard let dir = opendir(directory) else {
            throw FileTreeError(path: directory, message: "cannot read directory")
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != ".", name != ".." { entries.append((name, entry.pointee.d_type)) }
        }
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let child = relative.isEmpty ? name : relative + "/" + name
            switch try kind(type, name: name, in: fd) {
            case .directory:
                // Hidden directories (.git, .build, …) hold no sources.
                if !name.hasPrefix(".") { try walk(directory + "/" + name, relative: child, base: base, into: &files) }
            case .file:
                files.append(DiskFile(relative: child, path: directory + "/" + name))
            case .symlink:
                let path = directory + "/" + name
                guard let target = realPath(path), target.hasPrefix(base + "/") else {
                    throw FileTreeError(path: path, message: "symlink points outside \(base)")
                }
                var targetInfo = stat()
                guard stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFREG else { continue }
                files.append(DiskFile(relative: child, path: target, resolved: true))
            case .other:
                continue
            }
        }
    }

    private enum EntryKind { case directory, file, symlink, other }

    /// The entry's kind from `readdir`'s type, asking the file system only when it did not say.
    private static func kind(_ type: UInt8, name: String, in directory: Int32) throws -> EntryKind {
        switch Int(type) {
        case Int(DT_DIR): return .directory
        case Int(DT_REG): return .file
        case Int(DT_LNK): return .symlink
        case Int(DT_UNKNOWN):
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .other }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .directory
            case S_IFREG: return .file
            case S_IFLNK: return .symlink
            default: return .other
            }
        default: return .other
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file at `path`, at most `maxFileBytes`. The buffer starts at the size `fstat` reports (plus one byte,
    /// to see the end without a second buffer) and grows if the file grew meanwhile.
    private static func readFile(_ path: String, followingSymlinks: Bool) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw FileTreeError(path: path, message: "cannot read file") }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        var data = Data(count: min(max(size, 0), maxFileBytes) + 1)
        var used = 0
        while true {
            if used == data.count {
                guard data.count <= maxFileBytes else {
                    throw FileTreeError(path: path, message: "file larger than \(maxFileBytes) bytes")
                }
                data.count = min(data.count * 2, maxFileBytes + 1)
            }
            let n = data.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            guard n >= 0 else { throw FileTreeError(path: path, message: "cannot read file") }
            if n == 0 { break }
            used += n
        }
        data.count = used
        return data
    }
}

/// A file tree problem, naming the path.
public struct FileTreeError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
