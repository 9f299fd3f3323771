import Foundation

extension FerryServer {
    /// Finds the dashboard's web directory (one holding `templates/`): `$FERRY_WEB_DIR`, `./web`,
    /// `<executable>/../../web`, `<executable>/../../../web` (a SwiftPM build), `<executable>/../share/ferry/web`, then `/usr/share/ferry/web`.
    public static func locateWebDirectory() -> URL? {
        candidateWebDirectories().first { isWebDirectory($0) }
    }

    /// The places `locateWebDirectory` looks, in order.
    static func candidateWebDirectories() -> [URL] {
        var candidates: [URL] = []
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["FERRY_WEB_DIR"], !dir.isEmpty {
            candidates.append(URL(fileURLWithPath: dir, isDirectory: true))
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        candidates.append(cwd.appendingPathComponent("web", isDirectory: true))
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "", isDirectory: false)
            .resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent("../../web", isDirectory: true).standardizedFileURL)
        // A SwiftPM build: <package>/.build/<triple>/<configuration>/ferry.
        candidates.append(executable.appendingPathComponent("../../../web", isDirectory: true).standardizedFileURL)
        candidates.append(executable.appendingPathComponent("../share/ferry/web", isDirectory: true).standardizedFileURL)
        candidates.append(URL(fileURLWithPath: "/usr/share/ferry/web", isDirectory: true))
        return candidates
    }

    private static func isWebDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let templates = url.appendingPathComponent("templates", isDirectory: true).path
        return FileManager.default.fileExists(atPath: templates, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
